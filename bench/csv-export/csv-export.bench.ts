// Benchmark: the streamed CSV download of 100,000 requests keeps memory flat. Not a test: it
// prints figures (see README.md). Run from the repository root:
//   node --expose-gc --import tsx bench/csv-export/csv-export.bench.ts
// With DATABASE_URL it uses that server (it creates and drops its own database); otherwise it
// starts an embedded PostgreSQL in a temporary directory. BENCH_ROWS changes the row count.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import pg from "pg";
import { hashPassword } from "../../packages/core/src/auth/password-hashing.ts";
import { allowApplicationLogin, asApplicationRole } from "../../packages/core/src/db/application-role.ts";
import { withAuthority } from "../../packages/core/src/db/authority-scope.ts";
import { createDatabase, dropDatabase, urlForDatabase } from "../../packages/core/src/db/database-admin.ts";
import { startEmbeddedPostgres } from "../../packages/core/src/db/embedded-postgres-server.ts";
import { migrateDatabase } from "../../packages/core/src/db/migrations.ts";
import { createPrismaClient } from "../../packages/core/src/db/prisma-client.ts";
import type { AuthorityId } from "../../packages/core/src/domain/ids.ts";
import { requestRegister } from "../../packages/core/src/reports/request-register.ts";
import { runReport } from "../../packages/core/src/reports/run-report.ts";
import { createHttpApp } from "../../packages/core/src/server/http-app.ts";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const PASSWORD = "bench password, invented";
const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

async function server(): Promise<{ url: string; stop(): Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const dataDirectory = mkdtempSync(join(tmpdir(), "pathfinder-bench-pg-"));
  const running = await startEmbeddedPostgres({ dataDirectory, port: 54_400 + (process.pid % 500), persistent: false });
  return {
    url: running.adminUrl,
    stop: async () => {
      await running.stop();
      rmSync(dataDirectory, { recursive: true, force: true });
    },
  };
}

/** One invented authority with ROWS requests over a year, written in a few set-based statements. */
async function seed(ownerUrl: string) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  const hash = await hashPassword(PASSWORD);
  const one = async (text: string, values: unknown[] = []) => (await client.query(text, values)).rows[0];
  const authority = await one(`INSERT INTO authority (name, code) VALUES ('Benchmark Borough', 'bench') RETURNING id`);
  const a = authority.id as string;
  await client.query(`INSERT INTO area (authority_id, name) VALUES ($1, 'North'), ($1, 'South')`, [a]);
  const admin = await one(
    `INSERT INTO staff_user (authority_id, email, name, password_hash) VALUES ($1, 'admin@bench.test', 'Bench Admin', $2) RETURNING id`,
    [a, hash],
  );
  await client.query(`INSERT INTO role_assignment (authority_id, staff_user_id, role) VALUES ($1, $2, 'AUTHORITY_ADMIN')`, [
    a,
    admin.id,
  ]);
  const budget = await one(
    `INSERT INTO budget (authority_id, name, period_start, period_end, holder_role)
     VALUES ($1, 'Benchmark fund', '2025-04-01', '2026-03-31', 'APPROVER') RETURNING id`,
    [a],
  );
  const cases = Math.ceil(ROWS / 5);
  await client.query(
    `INSERT INTO case_record (authority_id, area_id, lead_professional_id, reference)
     SELECT $1, (SELECT id FROM area WHERE authority_id = $1 ORDER BY name OFFSET (n % 2) LIMIT 1), $2, 'BENCH-C' || n
     FROM generate_series(1, $3::int) n`,
    [a, admin.id, cases],
  );
  await client.query(
    `INSERT INTO purchase_request (authority_id, case_id, budget_id, requester_id, reference, status, route,
       total_pence, matched_funding_pence, submitted_at, decided_at)
     SELECT $1, c.id, $2, $3, 'BENCH-' || lpad(n::text, 7, '0'),
       (ARRAY['APPROVED', 'FULFILLED', 'CLOSED', 'REJECTED', 'AWAITING_DECISION'])[1 + n % 5]::purchase_status,
       (ARRAY['CASH', 'SUPPLIER_ORDER'])[1 + n % 2]::purchase_route,
       150 + (n * 7919) % 100000, (n % 10) * 100,
       timestamptz '2025-04-01' + (n % 365) * interval '1 day' + (n % 1440) * interval '1 minute',
       timestamptz '2025-04-02' + (n % 365) * interval '1 day'
     FROM generate_series(1, $4::int) n
     JOIN case_record c ON c.authority_id = $1 AND c.reference = 'BENCH-C' || (1 + n % $5::int)`,
    [a, budget.id, admin.id, ROWS, cases],
  );
  await client.query(
    `INSERT INTO purchase_item (authority_id, purchase_request_id, position, category, description, unit_cost_pence, quantity)
     SELECT authority_id, id, 0,
       (enum_range(NULL::purchase_category))[1 + abs(hashtext(reference)) % 10], 'Benchmark item', total_pence, 1
     FROM purchase_request WHERE authority_id = $1`,
    [a],
  );
  await client.end();
  return a as AuthorityId;
}

interface Sample {
  rows: number;
  rssMb: number;
  heapMb: number;
}

async function main() {
  const pgServer = await server();
  const name = `pathfinder_bench_csv_${process.pid}`;
  await dropDatabase(pgServer.url, name);
  await createDatabase(pgServer.url, name);
  const ownerUrl = urlForDatabase(pgServer.url, name);
  try {
    await migrateDatabase(ownerUrl);
    await allowApplicationLogin(ownerUrl);
    const seedStart = Date.now();
    const authorityId = await seed(ownerUrl);
    console.log(`seeded ${ROWS} requests in ${Math.round((Date.now() - seedStart) / 1000)} s`);

    const appUrl = asApplicationRole(ownerUrl);
    const db = createPrismaClient(appUrl, 4);
    const app = createHttpApp({ db, databaseUrl: appUrl, development: false, secureCookies: false });
    const signIn = await app.fetch(
      new Request("http://bench.test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          query: `mutation { signIn(email: "admin@bench.test", password: "${PASSWORD}") { ... on MutationSignInSuccess { data { token } } } }`,
        }),
      }),
    );
    const token = ((await signIn.json()) as { data: { signIn: { data: { token: string } } } }).data.signIn.data.token;

    // Warm up both paths once (module loading, query plans), so neither pays it in the measurement.
    await (await app.fetch(csvRequest(token, "?to=2025-04-10"))).text();

    // 1. Streamed: read the HTTP response as a client would, sampling memory as rows arrive.
    gc();
    const before = process.memoryUsage();
    const samples: Sample[] = [];
    let rows = -1; // the header line
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    const streamStart = Date.now();
    const response = await app.fetch(csvRequest(token));
    if (response.status !== 200) throw new Error(`CSV download failed: ${response.status} ${await response.text()}`);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let nextSample = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (const byte of value) if (byte === 10) rows += 1;
      const now = process.memoryUsage();
      peakRss = Math.max(peakRss, now.rss);
      peakHeap = Math.max(peakHeap, now.heapUsed);
      if (rows >= nextSample) {
        samples.push({ rows, rssMb: mb(now.rss), heapMb: mb(now.heapUsed) });
        nextSample += ROWS / 10;
      }
    }
    const streamSeconds = (Date.now() - streamStart) / 1000;
    if (rows !== ROWS) throw new Error(`Expected ${ROWS} rows, got ${rows}`);

    // 2. The baseline, in the same run: the same report fetched whole and turned into one CSV string.
    gc();
    const bufferedBefore = process.memoryUsage();
    const bufferedStart = Date.now();
    const all = await withAuthority(db, authorityId, (tx) =>
      runReport(tx, requestRegister, { authorityId, areaIds: null, ownCasesOf: null, ownCasesOnly: false }, {}),
    );
    const csv = stringify(all, {
      header: true,
      columns: requestRegister.columns.map((column) => ({ key: column.key, header: column.header })),
    });
    const bufferedAfter = process.memoryUsage();
    const bufferedSeconds = (Date.now() - bufferedStart) / 1000;
    if (all.length !== ROWS || csv.length === 0) throw new Error("The buffered baseline lost rows");

    const streamedHeapGrowth = peakHeap - before.heapUsed;
    const bufferedHeapGrowth = bufferedAfter.heapUsed - bufferedBefore.heapUsed;
    console.log(`\nStreamed: ${rows} rows in ${streamSeconds.toFixed(1)} s`);
    console.log("rows      rss MB   heap MB");
    for (const sample of samples)
      console.log(`${String(sample.rows).padStart(7)}  ${String(sample.rssMb).padStart(7)}  ${String(sample.heapMb).padStart(8)}`);
    const result = {
      rows: ROWS,
      csvMb: mb(Buffer.byteLength(csv)),
      streamed: {
        seconds: streamSeconds,
        heapBeforeMb: mb(before.heapUsed),
        peakHeapMb: mb(peakHeap),
        heapGrowthMb: mb(streamedHeapGrowth),
        rssBeforeMb: mb(before.rss),
        peakRssMb: mb(peakRss),
        rssGrowthMb: mb(peakRss - before.rss),
        heapAt10PercentMb: samples[1]?.heapMb,
        heapAt100PercentMb: samples.at(-1)?.heapMb,
      },
      buffered: {
        seconds: bufferedSeconds,
        heapGrowthMb: mb(bufferedHeapGrowth),
        rssGrowthMb: mb(bufferedAfter.rss - bufferedBefore.rss),
      },
      streamedToBufferedHeapGrowth: Math.round((streamedHeapGrowth / bufferedHeapGrowth) * 100) / 100,
    };
    console.log(`\n${JSON.stringify(result, null, 2)}`);
    await app.close();
    await db.$disconnect();
  } finally {
    await dropDatabase(pgServer.url, name);
    await pgServer.stop();
  }
}

function csvRequest(token: string, query = "") {
  return new Request(`http://bench.test/reports/requests.csv${query}`, { headers: { authorization: `Bearer ${token}` } });
}

await main();
