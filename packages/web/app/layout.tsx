import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Header } from "../components/header";
import { PortalProvider } from "../components/portal-provider";
import { SessionProvider, SignedInOnly } from "../components/session";
import "./styles/app.scss";

export const metadata: Metadata = {
  title: "Pathfinder",
  description: "Staff portal for budget-holding lead professional schemes",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB" className="govuk-template">
      <body className="govuk-template__body">
        <a className="govuk-skip-link" href="#main-content">
          Skip to main content
        </a>
        <PortalProvider>
          <SessionProvider>
            <Header />
            <div className="govuk-width-container">
              <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
                <SignedInOnly>{children}</SignedInOnly>
              </main>
            </div>
            <footer className="govuk-footer">
              <div className="govuk-width-container">
                <p className="govuk-body-s">
                  Pathfinder: budget-holding lead professional schemes for children and families.
                </p>
              </div>
            </footer>
          </SessionProvider>
        </PortalProvider>
      </body>
    </html>
  );
}
