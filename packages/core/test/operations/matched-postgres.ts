// pg_dump refuses a server newer than itself, and the embedded server (18) is newer than
// Debian's client tools (15). The backup round trip therefore runs where the versions match:
// on the test server when they do, otherwise on a throwaway server from the same Debian
// packages as pg_dump (postgresql-15), so what is tested is exactly what an operator runs.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { freePort } from "../support/free-port.ts";

export const clientMajor = (tool = "pg_dump") =>
  Number(/(\d+)\.\d+/.exec(execFileSync(tool, ["--version"], { encoding: "utf8" }))?.[1]);

export async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query("SHOW server_version_num");
  await client.end();
  return Math.floor(Number(rows[0].server_version_num) / 10_000);
}

/** Starts a PostgreSQL server of the given major version from /usr/lib/postgresql/<major>/bin. */
export async function startDebianPostgres(major: number): Promise<{ adminUrl: string; stop(): void }> {
  const bin = `/usr/lib/postgresql/${major}/bin`;
  const dataRoot = mkdtempSync(join(tmpdir(), "pathfinder-pg-backup-"));
  const data = join(dataRoot, "data");
  const port = await freePort();
  // PostgreSQL will not run as root: as root, run it as the postgres user.
  const asRoot = userInfo().uid === 0;
  const run = (command: string, args: string[]) => {
    const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
    const result = spawnSync(file, argv, { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
  };
  if (asRoot) {
    chmodSync(dataRoot, 0o755);
    const ids = execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim();
    const group = execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim();
    chownSync(dataRoot, Number(ids), Number(group));
  }
  run(`${bin}/initdb`, ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
  run(`${bin}/pg_ctl`, [
    "-D",
    data,
    "-w",
    "-l",
    join(dataRoot, "log"),
    "-o",
    `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`,
    "start",
  ]);
  return {
    adminUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      run(`${bin}/pg_ctl`, ["-D", data, "-m", "fast", "-w", "stop"]);
      rmSync(dataRoot, { recursive: true, force: true });
    },
  };
}
