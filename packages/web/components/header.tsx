"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useMutation, useQuery } from "urql";
import { graphql } from "../lib/generated";
import { navigationFor } from "../lib/navigation";
import { useSession } from "./session";

const SchemePagesDocument = graphql(`
  query SchemePages {
    schemePages { id schemeId pageId title }
  }
`);

const SignOutDocument = graphql(`
  mutation SignOut {
    signOut
  }
`);

/** The council's name (no crown: that is GOV.UK's), the service's name and the navigation. */
export function Header() {
  const { me } = useSession();
  const pathname = usePathname();
  const [, signOut] = useMutation(SignOutDocument);
  // The pages the authority's schemes add, for the roles they name, join the menu after core's.
  const [{ data: schemePages }] = useQuery({ query: SchemePagesDocument, pause: !me });
  const items = me
    ? [
        ...navigationFor(me.roles.map((assignment) => assignment.role)),
        ...(schemePages?.schemePages ?? []).map((page) => ({
          href: `/schemes/${encodeURIComponent(page.schemeId)}/${encodeURIComponent(page.pageId)}`,
          label: page.title,
        })),
      ]
    : [];
  const current = (href: string) => (href === "/" ? pathname === "/" : pathname.startsWith(href));

  return (
    <>
      <header className="govuk-header" data-module="govuk-header">
        <div className="govuk-header__container govuk-width-container">
          <div className="govuk-header__logo">
            <Link href="/" className="govuk-header__link govuk-header__link--homepage">
              <span className="app-header-council">{me?.authority.name ?? "Pathfinder"}</span>
            </Link>
          </div>
        </div>
      </header>
      <section className="govuk-service-navigation" aria-label="Service information">
        <div className="govuk-width-container">
          <div className="govuk-service-navigation__container">
            <span className="govuk-service-navigation__service-name">
              <Link href="/" className="govuk-service-navigation__link">
                Pathfinder
              </Link>
            </span>
            {me && (
              <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
                <ul className="govuk-service-navigation__list">
                  {items.map((item) => (
                    <li
                      key={item.href}
                      className={`govuk-service-navigation__item${current(item.href) ? " govuk-service-navigation__item--active" : ""}`}
                    >
                      <Link
                        className="govuk-service-navigation__link"
                        href={item.href}
                        aria-current={current(item.href) ? "page" : undefined}
                      >
                        {item.label}
                      </Link>
                    </li>
                  ))}
                  <li className="govuk-service-navigation__item">
                    <button
                      type="button"
                      className="govuk-service-navigation__link app-link-button"
                      onClick={async () => {
                        await signOut({});
                        // A full load: nothing of this person's stays in the page's cache.
                        window.location.assign("/sign-in");
                      }}
                    >
                      Sign out
                    </button>
                  </li>
                </ul>
              </nav>
            )}
          </div>
        </div>
      </section>
    </>
  );
}
