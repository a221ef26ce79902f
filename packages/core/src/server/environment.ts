// Pathfinder is configured by environment variables. They are all read and checked here, once, at
// start-up, so a mistake stops the process with one clear message per bad variable instead of
// surfacing later as a confusing failure (or, worse, a silent default).
import { existsSync } from "node:fs";
import { z } from "zod";
import { PREPARED_STATEMENTS_RULE } from "../db/prepared-statements.ts";

/** How the process runs: `npm start` (development), `npm run start:prod`, or `npm run db:migrate`. */
export type RunMode = "development" | "production" | "migrate";

/** Empty variables count as unset: `FOO=` in an env file means "not given", not "zero". */
const unsetIfEmpty = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const port = (name: string, fallback: number) =>
  z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number({ error: `${name} must be a port number (1-65535)` })
      .int(`${name} must be a whole port number (1-65535)`)
      .min(1, `${name} must be a port number (1-65535)`)
      .max(65535, `${name} must be a port number (1-65535)`)
      .default(fallback),
  );

const postgresUrl = (name: string) =>
  z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .refine((value) => URL.canParse(value) && /^postgres(ql)?:$/.test(new URL(value).protocol), {
        message: `${name} must be a PostgreSQL URL, like postgres://user:password@db.example:5432/pathfinder`,
      })
      .optional(),
  );

const flag = (name: string) =>
  z.preprocess(
    unsetIfEmpty,
    z
      .enum(["true", "false", "1", "0"], { error: `${name} must be true or false` })
      .transform((value) => value === "true" || value === "1")
      .optional(),
  );

const webUrl = (name: string, example: string) =>
  z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
        message: `${name} must be an http(s) address, like ${example}`,
      })
      .optional(),
  );

const existingFile = (name: string) =>
  z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .refine((path) => existsSync(path), { message: `${name} must name an existing file` })
      .optional(),
  );

const environmentSchema = z.object({
  NODE_ENV: z.preprocess(
    unsetIfEmpty,
    z
      .enum(["development", "production", "test"], { error: "NODE_ENV must be development, production or test" })
      .default("development"),
  ),
  API_PORT: port("API_PORT", 4000),
  EMBEDDED_POSTGRES_PORT: port("EMBEDDED_POSTGRES_PORT", 54329),
  DATABASE_URL: postgresUrl("DATABASE_URL"),
  APP_DATABASE_URL: postgresUrl("APP_DATABASE_URL"),
  APP_DATABASE_PASSWORD: z.preprocess(unsetIfEmpty, z.string().optional()),
  SESSION_LIFETIME_HOURS: z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number({ error: "SESSION_LIFETIME_HOURS must be a number of hours" })
      .positive("SESSION_LIFETIME_HOURS must be more than 0 hours")
      .max(720, "SESSION_LIFETIME_HOURS must be at most 720 hours (30 days)")
      .default(12),
  ),
  ATTACHMENT_MAX_BYTES: z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number({ error: "ATTACHMENT_MAX_BYTES must be a positive whole number of bytes" })
      .int("ATTACHMENT_MAX_BYTES must be a positive whole number of bytes")
      .positive("ATTACHMENT_MAX_BYTES must be a positive whole number of bytes")
      .optional(),
  ),
  // Statements prepared per process (db/prepared-statements.ts); 0 behind a pooler that cannot keep them.
  PREPARED_STATEMENTS: z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number({ error: PREPARED_STATEMENTS_RULE })
      .int(PREPARED_STATEMENTS_RULE)
      .min(0, PREPARED_STATEMENTS_RULE)
      .optional(),
  ),
  PATHFINDER_CONFIG: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .refine((path) => existsSync(path), { message: "PATHFINDER_CONFIG must name an existing configuration file" })
      .optional(),
  ),
  SECURE_COOKIES: flag("SECURE_COOKIES"),
  // Behind the portal or a load balancer: take the client's address from X-Forwarded-For.
  TRUST_PROXY: flag("TRUST_PROXY"),
  PERSISTED_DOCUMENTS_MANIFEST: existingFile("PERSISTED_DOCUMENTS_MANIFEST"),
  GRAPHQL_ALLOW_ANY_DOCUMENT: flag("GRAPHQL_ALLOW_ANY_DOCUMENT"),
  // Single sign-on and links in e-mails.
  PUBLIC_API_URL: webUrl("PUBLIC_API_URL", "https://pathfinder.example.gov.uk"),
  PORTAL_URL: webUrl("PORTAL_URL", "https://pathfinder.example.gov.uk"),
  // E-mail notifications.
  SMTP_URL: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .refine((value) => URL.canParse(value) && /^smtps?:$/.test(new URL(value).protocol), {
        message: "SMTP_URL must be an smtp:// or smtps:// address, like smtps://user:password@mail.example:465",
      })
      .optional(),
  ),
  MAIL_FROM: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/[^@\s<>]+@[^@\s<>]+/, {
        message: 'MAIL_FROM must contain an e-mail address, like "Pathfinder <no-reply@council.example>"',
      })
      .optional(),
  ),
  // Observability.
  LOG_LEVEL: z.preprocess(
    unsetIfEmpty,
    z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
        error: "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace or silent",
      })
      .optional(),
  ),
  OTEL_TRACES_EXPORTER: z.preprocess(
    unsetIfEmpty,
    z.enum(["otlp", "console", "none"], { error: "OTEL_TRACES_EXPORTER must be otlp, console or none" }).optional(),
  ),
  OTEL_EXPORTER_OTLP_ENDPOINT: webUrl("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector.internal:4318"),
  METRICS_PORT: z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number({ error: "METRICS_PORT must be a port number (1-65535)" })
      .int("METRICS_PORT must be a whole port number (1-65535)")
      .min(1, "METRICS_PORT must be a port number (1-65535)")
      .max(65535, "METRICS_PORT must be a port number (1-65535)")
      .optional(),
  ),
  METRICS_TOKEN: z.preprocess(
    unsetIfEmpty,
    z.string().min(16, "METRICS_TOKEN must be at least 16 characters: it guards the metrics endpoint").optional(),
  ),
  // Reports: the smallest count the national evaluation export publishes.
  PATHFINDER_EVALUATION_MIN_COUNT: z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number({ error: "PATHFINDER_EVALUATION_MIN_COUNT must be a whole number of 2 or more" })
      .int("PATHFINDER_EVALUATION_MIN_COUNT must be a whole number of 2 or more")
      .min(2, "PATHFINDER_EVALUATION_MIN_COUNT must be a whole number of 2 or more")
      .optional(),
  ),
});

export type Environment = z.output<typeof environmentSchema> & { secureCookies: boolean };

/** The variables are wrong: `problems` has one message per bad variable, each naming it. */
export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Pathfinder cannot start: fix these environment variables.\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigurationError";
  }
}

/** What each mode needs beyond the variables' own shapes. */
function requirementsOf(mode: RunMode, env: z.output<typeof environmentSchema>): Record<string, string> {
  const missing: Record<string, string> = {};
  if (mode === "migrate" && !env.DATABASE_URL)
    missing.DATABASE_URL = "DATABASE_URL is required: the database to migrate, as its owner";
  if (mode === "production" && !env.DATABASE_URL && !env.APP_DATABASE_URL)
    missing.DATABASE_URL =
      "DATABASE_URL (or APP_DATABASE_URL) is required in production (the embedded PostgreSQL is for `npm start` only)";
  if (mode === "production" && !env.APP_DATABASE_URL) {
    if (!env.APP_DATABASE_PASSWORD)
      missing.APP_DATABASE_PASSWORD =
        "APP_DATABASE_PASSWORD (or APP_DATABASE_URL) is required in production: the API connects as the application role, never as the owner";
    else if (env.APP_DATABASE_PASSWORD.length < 16)
      missing.APP_DATABASE_PASSWORD = "APP_DATABASE_PASSWORD must be at least 16 characters in production";
  }
  // Trusted documents only, unless an operator says otherwise: a production API that quietly
  // accepted any document would lose the protection without anyone noticing.
  if (mode === "production" && !env.PERSISTED_DOCUMENTS_MANIFEST && !env.GRAPHQL_ALLOW_ANY_DOCUMENT)
    missing.PERSISTED_DOCUMENTS_MANIFEST =
      "PERSISTED_DOCUMENTS_MANIFEST is required in production (the portal's lib/generated/persisted-documents.json), " +
      "or GRAPHQL_ALLOW_ANY_DOCUMENT=true to accept any GraphQL document on purpose";
  return missing;
}

/** Reads and checks the environment for `mode`; throws a ConfigurationError naming every bad variable. */
export function readEnvironment(source: NodeJS.ProcessEnv, mode: RunMode): Environment {
  const parsed = environmentSchema.safeParse(source);
  const problems = new Map<string, string>();
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0]);
      if (!problems.has(name)) problems.set(name, issue.message);
    }
  if (parsed.success)
    for (const [name, message] of Object.entries(requirementsOf(mode, parsed.data))) problems.set(name, message);
  if (problems.size > 0 || !parsed.success) throw new ConfigurationError([...problems.values()]);
  const production = mode === "production" || parsed.data.NODE_ENV === "production";
  return { ...parsed.data, secureCookies: parsed.data.SECURE_COOKIES ?? production };
}

/** For entry points: the checked environment, or the problems on stderr and exit status 1. */
export function environmentOrExit(mode: RunMode): Environment {
  try {
    return readEnvironment(process.env, mode);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
