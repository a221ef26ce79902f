/**
 * Other ways to sign in, shown under the password form (single sign-on through the council's
 * identity provider, say). Each starts at a path on this origin that the API answers.
 */
export interface SignInOption {
  href: string;
  label: string;
}

export const signInOptions: SignInOption[] = [];
