import { z } from "zod";
import { builder } from "../graphql/builder.ts";
import { DomainError } from "../graphql/domain-errors.ts";
import { standardErrors } from "../graphql/error-types.ts";
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
        validate: z.string().trim().email("Enter an e-mail address, like name@council.gov.uk"),
      }),
      password: t.arg.string({ description: "Your password.", validate: z.string().min(1, "Enter your password") }),
    },
    resolve: async (_root, { email, password }, context) => {
      const session = await signInWithPassword(context.db, email, password);
      if (!session) throw new DomainError("BAD_CREDENTIALS", "The e-mail address or password is not right.");
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
