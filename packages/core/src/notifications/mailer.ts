import nodemailer from "nodemailer";

export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
}

/** Where e-mail goes: SMTP in the running platform and in tests (a server on loopback). */
export interface Mailer {
  send(message: OutgoingMessage): Promise<void>;
  close(): void;
}

/**
 * An SMTP mailer. `url` is nodemailer's connection URL: smtp://user:pass@host:587 (STARTTLS
 * when the server offers it) or smtps://…:465 (TLS from the start).
 */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
    close: () => transport.close(),
  };
}
