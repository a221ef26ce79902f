import { z } from "zod";
import { builder } from "../graphql/builder.ts";
import { DomainError } from "../graphql/domain-errors.ts";
import { standardErrors } from "../graphql/error-types.ts";
import { changePassword } from "./change-password.ts";
import { passwordAttemptFor } from "./password-attempt.ts";
import { PASSWORD_MAX_LENGTH } from "./password-policy.ts";
import { signInWithPassword } from "./password-sign-in.ts";
import { clearedSessionCookie, sessionCookie } from "./request-credentials.ts";
import { type IssuedSession, revokeSession } from "./sessions.ts";

const SignInResult = builder.objectRef<IssuedSession>("SignInResult").implement({
  description: "A new session. Browsers also receive it as an HttpOnly cookie.",
  fields: (t) => ({
    token: t.exposeString("token", { description: "Send as `Authorization: Bearer <token>` from API clients." }),
    expiresAt: t.expose("expiresAt", {
      description: "When the session ends unless you sign in again.",
      type: "DateTime",
    }),
  }),
});

builder.mutationField("signIn", (t) =>
  t.field({
    type: SignInResult,
    description: "Signs in with an e-mail address and password.",
    errors: { types: [...standardErrors], dataField: { description: "The new session." } },
    args: {
      email: t.arg.string({
        description: "Your e-mail address.",
        validate: z
          .string()
          .trim()
          .max(320, "An e-mail address has at most 320 characters")
          .email("Enter an e-mail address, like name@council.gov.uk"),
      }),
      password: t.arg.string({
        description: "Your password.",
        validate: z
          .string()
          .min(1, "Enter your password")
          .max(PASSWORD_MAX_LENGTH, `A password has at most ${PASSWORD_MAX_LENGTH} characters`),
      }),
    },
    resolve: async (_root, { email, password }, context, info) => {
      const attempt = passwordAttemptFor(context, info);
      const session = await signInWithPassword(context.db, email, password);
      if (!session) throw new DomainError("BAD_CREDENTIALS", "The e-mail address or password is not right.");
      attempt.succeeded();
      context.setCookie(sessionCookie(session.token, session.expiresAt, context.secureCookies));
      return session;
    },
  }),
);

builder.mutationField("signOut", (t) =>
  t.boolean({
    description: "Ends the current session: its token stops working at once.",
    resolve: async (_root, _args, context) => {
      if (context.sessionToken) await revokeSession(context.db, context.sessionToken);
      context.setCookie(clearedSessionCookie(context.secureCookies));
      return true;
    },
  }),
);

builder.mutationField("changePassword", (t) =>
  t.field({
    type: "Boolean",
    description:
      "Changes your password. The new one needs at least 12 characters, must not be a well-known password or " +
      "contain your e-mail address. Your other sessions end; this one stays signed in.",
    errors: { types: [...standardErrors], dataField: { description: "True: the password is changed." } },
    args: {
      currentPassword: t.arg.string({
        description: "Your password now.",
        validate: z
          .string()
          .min(1, "Enter your current password")
          .max(PASSWORD_MAX_LENGTH, "That is not your password"),
      }),
      newPassword: t.arg.string({ description: "The password you want from now on." }),
    },
    resolve: (_root, { currentPassword, newPassword }, context, info) =>
      changePassword(context, currentPassword, newPassword, () => passwordAttemptFor(context, info)),
  }),
);
