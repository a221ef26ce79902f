import { type DestinationStream, type Logger, pino } from "pino";

export type { Logger } from "pino";

/**
 * Fields that may carry personal data or secrets, blanked wherever they appear in a log line.
 * GraphQL variables are never logged at all (see graphql-observability.ts); these catch
 * anything that slips into a line by another route.
 */
export const REDACTED_PATHS = [
  "variables",
  "*.variables",
  "headers.authorization",
  "headers.cookie",
  "*.headers.authorization",
  "*.headers.cookie",
  "password",
  "*.password",
  "token",
  "*.token",
  "email",
  "*.email",
  "name",
  "*.name",
  "givenName",
  "*.givenName",
  "familyName",
  "*.familyName",
  "dateOfBirth",
  "*.dateOfBirth",
  "clientSecret",
  "*.clientSecret",
];

export interface LoggerOptions {
  /** pino's levels, or "silent"; LOG_LEVEL, else "info". */
  level?: string;
  /** Where lines go: standard output unless given (tests capture them). */
  destination?: DestinationStream;
}

/** JSON lines, one per event, with personal fields redacted. */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? "info",
      base: { service: "pathfinder-api" },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination,
  );
}
