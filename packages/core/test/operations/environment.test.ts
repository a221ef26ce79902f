import { describe, expect, it } from "vitest";
import { ConfigurationError, readEnvironment } from "../../src/server/environment.ts";

const problemsOf = (env: Record<string, string>, mode: Parameters<typeof readEnvironment>[1]) => {
  try {
    readEnvironment(env, mode);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  return [];
};

const production = {
  DATABASE_URL: "postgres://owner:secret@db.example:5432/pathfinder",
  APP_DATABASE_PASSWORD: "a-long-application-password",
  GRAPHQL_ALLOW_ANY_DOCUMENT: "true",
};

describe("configuration by environment variables, checked at start-up", () => {
  it("runs npm start with nothing set, on the defaults", () => {
    expect(readEnvironment({}, "development")).toMatchObject({
      NODE_ENV: "development",
      API_PORT: 4000,
      EMBEDDED_POSTGRES_PORT: 54329,
      SESSION_LIFETIME_HOURS: 12,
      secureCookies: false,
    });
  });

  it("reads production's variables, with secure cookies unless told otherwise", () => {
    const environment = readEnvironment({ ...production, API_PORT: "8080", SESSION_LIFETIME_HOURS: "8" }, "production");
    expect(environment).toMatchObject({ API_PORT: 8080, SESSION_LIFETIME_HOURS: 8, secureCookies: true });
    expect(readEnvironment({ ...production, SECURE_COOKIES: "false" }, "production").secureCookies).toBe(false);
  });

  it("gives one clear message per bad variable, naming it, and all of them at once", () => {
    expect(
      problemsOf(
        {
          API_PORT: "eighty",
          DATABASE_URL: "mysql://db.example/pathfinder",
          SESSION_LIFETIME_HOURS: "-1",
          ATTACHMENT_MAX_BYTES: "10MB",
          SECURE_COOKIES: "yes",
          NODE_ENV: "staging",
        },
        "development",
      ),
    ).toEqual([
      "NODE_ENV must be development, production or test",
      "API_PORT must be a port number (1-65535)",
      "DATABASE_URL must be a PostgreSQL URL, like postgres://user:password@db.example:5432/pathfinder",
      "SESSION_LIFETIME_HOURS must be more than 0 hours",
      "ATTACHMENT_MAX_BYTES must be a positive whole number of bytes",
      "SECURE_COOKIES must be true or false",
    ]);
    expect(problemsOf({ API_PORT: "70000" }, "development")).toEqual(["API_PORT must be a port number (1-65535)"]);
    expect(problemsOf({ PREPARED_STATEMENTS: "-5" }, "development")).toEqual([
      "PREPARED_STATEMENTS must be a whole number of statements (0 for none)",
    ]);
  });

  it("refuses a production start that would accept any GraphQL document, unless that is said on purpose", () => {
    const { GRAPHQL_ALLOW_ANY_DOCUMENT: _, ...withoutOptOut } = production;
    expect(problemsOf(withoutOptOut, "production")).toEqual([
      "PERSISTED_DOCUMENTS_MANIFEST is required in production (the portal's lib/generated/persisted-documents.json), " +
        "or GRAPHQL_ALLOW_ANY_DOCUMENT=true to accept any GraphQL document on purpose",
    ]);
    expect(readEnvironment(withoutOptOut, "development").PERSISTED_DOCUMENTS_MANIFEST).toBeUndefined();
  });

  it("checks the settings of e-mail, single sign-on, logging, tracing, metrics and reports too", () => {
    expect(
      problemsOf(
        {
          SMTP_URL: "mail.example:25",
          MAIL_FROM: "Pathfinder",
          PORTAL_URL: "pathfinder.example.gov.uk",
          PUBLIC_API_URL: "ftp://api.example",
          LOG_LEVEL: "loud",
          OTEL_TRACES_EXPORTER: "jaeger",
          METRICS_PORT: "0",
          METRICS_TOKEN: "short",
          TRUST_PROXY: "maybe",
          PERSISTED_DOCUMENTS_MANIFEST: "/nowhere/persisted-documents.json",
          PATHFINDER_EVALUATION_MIN_COUNT: "1",
        },
        "production",
      ).filter((problem) => !/DATABASE|APP_DATABASE/.test(problem)),
    ).toEqual([
      "TRUST_PROXY must be true or false",
      "PERSISTED_DOCUMENTS_MANIFEST must name an existing file",
      "PUBLIC_API_URL must be an http(s) address, like https://pathfinder.example.gov.uk",
      "PORTAL_URL must be an http(s) address, like https://pathfinder.example.gov.uk",
      "SMTP_URL must be an smtp:// or smtps:// address, like smtps://user:password@mail.example:465",
      'MAIL_FROM must contain an e-mail address, like "Pathfinder <no-reply@council.example>"',
      "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace or silent",
      "OTEL_TRACES_EXPORTER must be otlp, console or none",
      "METRICS_PORT must be a port number (1-65535)",
      "METRICS_TOKEN must be at least 16 characters: it guards the metrics endpoint",
      "PATHFINDER_EVALUATION_MIN_COUNT must be a whole number of 2 or more",
    ]);
    expect(
      readEnvironment(
        {
          ...production,
          SMTP_URL: "smtps://mailer:secret@mail.example:465",
          MAIL_FROM: "Pathfinder <no-reply@council.example>",
          LOG_LEVEL: "warn",
          METRICS_PORT: "9464",
        },
        "production",
      ),
    ).toMatchObject({ SMTP_URL: "smtps://mailer:secret@mail.example:465", LOG_LEVEL: "warn", METRICS_PORT: 9464 });
  });

  it("requires a database and the application role's login in production", () => {
    expect(problemsOf({ GRAPHQL_ALLOW_ANY_DOCUMENT: "true" }, "production")).toEqual([
      "DATABASE_URL (or APP_DATABASE_URL) is required in production (the embedded PostgreSQL is for `npm start` only)",
      "APP_DATABASE_PASSWORD (or APP_DATABASE_URL) is required in production: the API connects as the application role, never as the owner",
    ]);
    expect(problemsOf({ ...production, APP_DATABASE_PASSWORD: "short" }, "production")).toEqual([
      "APP_DATABASE_PASSWORD must be at least 16 characters in production",
    ]);
    expect(
      problemsOf(
        {
          DATABASE_URL: production.DATABASE_URL,
          APP_DATABASE_URL: "postgres://pathfinder_app:x@db.example/pathfinder",
          GRAPHQL_ALLOW_ANY_DOCUMENT: "true",
        },
        "production",
      ),
    ).toEqual([]);
  });

  it("requires the database to migrate for npm run db:migrate, and treats empty variables as unset", () => {
    expect(problemsOf({ DATABASE_URL: " " }, "migrate")).toEqual([
      "DATABASE_URL is required: the database to migrate, as its owner",
    ]);
  });

  it("refuses a configuration file that does not exist", () => {
    expect(problemsOf({ PATHFINDER_CONFIG: "/nowhere/pathfinder.config.ts" }, "development")).toEqual([
      "PATHFINDER_CONFIG must name an existing configuration file",
    ]);
  });
});
