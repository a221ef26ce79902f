"use client";
import { usePathname, useRouter } from "next/navigation";
import { createContext, type ReactNode, useContext, useEffect } from "react";
import { useQuery } from "urql";
import { graphql } from "../lib/generated";
import type { MeQuery } from "../lib/generated/graphql";

export const MeDocument = graphql(`
  query Me {
    me {
      id
      name
      email
      jobTitle
      authority { id name }
      roles { id role area { id name } }
    }
  }
`);

const SchemesDocument = graphql(`
  query Schemes {
    schemes { id name enabled portal }
  }
`);

export type Me = NonNullable<MeQuery["me"]>;

interface PortalContribution {
  labels?: Record<string, string>;
}

interface Session {
  me: Me | null;
  /** A word in the authority's schemes' terms ("Pathway co-ordinator" for APPROVER), else `fallback`. */
  label(key: string, fallback: string): string;
  hasRole(...roles: string[]): boolean;
}

const SessionContext = createContext<Session>({ me: null, label: (_key, fallback) => fallback, hasRole: () => false });

export const useSession = () => useContext(SessionContext);

const PUBLIC_PATHS = ["/sign-in"];

interface SessionState extends Session {
  fetching: boolean;
  failed: boolean;
}

const StateContext = createContext<SessionState>({
  me: null,
  label: (_key, fallback) => fallback,
  hasRole: () => false,
  fetching: true,
  failed: false,
});

/** Loads who is signed in, and the words of the schemes their authority runs. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [{ data, fetching, error }] = useQuery({ query: MeDocument });
  const me = data?.me ?? null;
  const [{ data: schemes }] = useQuery({ query: SchemesDocument, pause: !me });
  const labels = Object.assign(
    {},
    ...(schemes?.schemes ?? [])
      .filter((scheme) => scheme.enabled)
      .map((scheme) => (scheme.portal as PortalContribution).labels ?? {}),
  ) as Record<string, string>;
  const state: SessionState = {
    me,
    label: (key, fallback) => labels[key] ?? fallback,
    hasRole: (...roles) => Boolean(me?.roles.some((assignment) => roles.includes(assignment.role))),
    fetching: fetching && !data,
    failed: Boolean(error) && !data,
  };
  return (
    <StateContext.Provider value={state}>
      <SessionContext.Provider value={state}>{children}</SessionContext.Provider>
    </StateContext.Provider>
  );
}

/** Shows the page to people signed in; sends anyone else to the sign-in page. */
export function SignedInOnly({ children }: { children: ReactNode }) {
  const { me, fetching, failed } = useContext(StateContext);
  const pathname = usePathname();
  const router = useRouter();
  const isPublic = PUBLIC_PATHS.includes(pathname);

  useEffect(() => {
    if (!fetching && !failed && !me && !isPublic) router.replace(`/sign-in?next=${encodeURIComponent(pathname)}`);
  }, [fetching, failed, me, isPublic, pathname, router]);

  if (isPublic || me) return <>{children}</>;
  return (
    <p className="govuk-body" role="status">
      {failed ? "The service could not be reached. Try again in a moment." : "Loading…"}
    </p>
  );
}
