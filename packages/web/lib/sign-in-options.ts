/**
 * Other ways to sign in, shown under the password form (single sign-on through the council's
 * identity provider, say). Each starts at a path on this origin that the API answers.
 */
export interface SignInOption {
  href: string;
  label: string;
}

// The authority whose identity provider this portal offers (its code, e.g. "devon"), set when
// the portal is built. /auth/oidc/* is forwarded to the API (app/auth/oidc/[...path]/route.ts), so the
// session cookie the API sets on the way back lands on this origin.
const ssoAuthority = process.env.NEXT_PUBLIC_SSO_AUTHORITY?.trim();

export const signInOptions: SignInOption[] = ssoAuthority
  ? [
      {
        href: `/auth/oidc/${encodeURIComponent(ssoAuthority)}/start`,
        label: "Sign in with your organisation's account",
      },
    ]
  : [];
