// `npm run seed:scale -- --authorities 150 --cases 1000000 --seed 1`: invented data at national
// scale in the database at DATABASE_URL (or the platform's embedded PostgreSQL), migrated first.
import { parseArgs } from "node:util";
import { hashPassword } from "../../auth/password-hashing.ts";
import { migrateDatabase } from "../../db/migrations.ts";
import { openPlatformDatabase } from "../../db/platform-database.ts";
import { DEMO_PASSWORD } from "../demo-people.ts";
import { scaleSeedDefaults, seedScale } from "./scale-seed.ts";

const { values } = parseArgs({
  options: {
    authorities: { type: "string", default: "10" },
    cases: { type: "string", default: "10000" },
    seed: { type: "string", default: "1" },
    areas: { type: "string", default: String(scaleSeedDefaults.areas) },
    caseload: { type: "string", default: String(scaleSeedDefaults.caseload) },
    years: { type: "string", default: String(scaleSeedDefaults.years) },
  },
});
const log = (line: string) => console.log(`[seed:scale] ${line}`);
const database = await openPlatformDatabase(log);
try {
  await migrateDatabase(database.url);
  const options = {
    authorities: Number(values.authorities),
    cases: Number(values.cases),
    seed: Number(values.seed),
    areas: Number(values.areas),
    caseload: Number(values.caseload),
    years: Number(values.years),
    passwordHash: await hashPassword(DEMO_PASSWORD),
    onStatement: (what: string, ms: number) => log(`  ${(ms / 1000).toFixed(2)} s  ${what.replace(/\s+/g, " ")}`),
  };
  log(`Seeding ${JSON.stringify({ ...options, passwordHash: undefined, onStatement: undefined })}…`);
  const result = await seedScale(database.url, options);
  for (const [table, rows] of Object.entries(result.rows)) log(`  ${table}: ${rows.toLocaleString("en-GB")} rows`);
  log(
    `${result.totalRows.toLocaleString("en-GB")} rows in ${result.seconds.toFixed(1)} s: ` +
      `${result.rowsPerSecond.toLocaleString("en-GB")} rows/s (then VACUUM (ANALYZE)). Every account's password is "${DEMO_PASSWORD}".`,
  );
} finally {
  await database.stop();
}
