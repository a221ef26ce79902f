import { type Mailer, smtpMailer } from "./mailer.ts";

/**
 * The SMTP mailer the environment configures (SMTP_URL, MAIL_FROM), or null when SMTP_URL is
 * unset: notifications then wait in the outbox until a run with SMTP configured sends them.
 */
export function mailerFromEnvironment(): Mailer | null {
  const url = process.env.SMTP_URL;
  if (!url) return null;
  return smtpMailer(url, process.env.MAIL_FROM ?? "Pathfinder <no-reply@localhost>");
}

/** The portal's public address, for links in e-mails and where single sign-on lands. */
export function portalUrlFromEnvironment(): string {
  return process.env.PORTAL_URL ?? `http://localhost:${process.env.WEB_PORT ?? 3000}`;
}
