// Each GraphQL request runs in one transaction on one pooled connection, through a Prisma
// client that sends every statement to that connection (db/request-connection.ts) instead of
// through Prisma's interactive transaction. These are the guarantees the request relies on.
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, inOneTransaction } from "../../src/db/prisma-client.ts";
import { requestConnectionPool } from "../../src/db/request-connection.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

let invented = 0;
const authorityNamed = () => {
  invented += 1;
  return { name: `Invented Borough ${invented}`, code: `invented-${invented}` };
};
const exists = async (code: string) => (await database.db.authority.count({ where: { code } })) === 1;
const transactionAndConnection = async (client: Database) =>
  (
    await client.$queryRaw<{ tx: string; pid: number }[]>`SELECT txid_current()::text AS tx, pg_backend_pid() AS pid`
  )[0];

describe("a request's transaction", () => {
  it("runs every statement of the work on one connection, in one transaction", async () => {
    const seen = await inOneTransaction(database.db, async (client) => {
      const first = await transactionAndConnection(client);
      await client.authority.findMany({ take: 1 });
      const [second, third] = await Promise.all([transactionAndConnection(client), transactionAndConnection(client)]);
      return [first, second, third];
    });
    expect(new Set(seen.map((row) => `${row?.tx}/${row?.pid}`)).size).toBe(1);
  });

  it("commits what the work wrote when it succeeds, and nothing when it throws", async () => {
    const kept = authorityNamed();
    const undone = authorityNamed();
    await inOneTransaction(database.db, (client) => client.authority.create({ data: kept }));
    await expect(
      inOneTransaction(database.db, async (client) => {
        await client.authority.create({ data: undone });
        throw new Error("the work failed");
      }),
    ).rejects.toThrow("the work failed");
    expect(await exists(kept.code)).toBe(true);
    expect(await exists(undone.code)).toBe(false);
  });

  it("runs a write that Prisma wraps in its own transaction as a savepoint: its failure undoes it alone", async () => {
    const before = authorityNamed();
    const failed = authorityNamed();
    const after = authorityNamed();
    await inOneTransaction(database.db, async (client) => {
      await client.authority.create({ data: before });
      // Two areas of one name break a unique constraint after the authority row is written.
      const twoOfOneName = { create: [{ name: "Central" }, { name: "Central" }] };
      await expect(client.authority.create({ data: { ...failed, areas: twoOfOneName } })).rejects.toThrow();
      await client.authority.create({ data: { ...after, areas: { create: [{ name: "Central" }] } } });
    });
    expect(await exists(before.code)).toBe(true);
    expect(await exists(failed.code)).toBe(false);
    expect(await exists(after.code)).toBe(true);
    expect(await database.db.area.count({ where: { authority: { code: after.code } } })).toBe(1);
  });

  it("runs two such writes at once one after the other, so one's failure never undoes the other", async () => {
    const kept = authorityNamed();
    const failed = authorityNamed();
    await inOneTransaction(database.db, async (client) => {
      const [ok, broken] = await Promise.allSettled([
        client.authority.create({ data: { ...kept, areas: { create: [{ name: "North" }, { name: "South" }] } } }),
        client.authority.create({ data: { ...failed, areas: { create: [{ name: "East" }, { name: "East" }] } } }),
      ]);
      expect(ok.status).toBe("fulfilled");
      expect(broken.status).toBe("rejected");
    });
    expect(await exists(kept.code)).toBe(true);
    expect(await database.db.area.count({ where: { authority: { code: kept.code } } })).toBe(2);
    expect(await exists(failed.code)).toBe(false);
  });

  it("refuses a statement sent after it has ended, rather than run it on a connection another request may hold", async () => {
    let late: Promise<unknown> | undefined;
    await inOneTransaction(database.db, async (client) => {
      late = sleep(20).then(() => client.authority.count());
    });
    await expect(late).rejects.toThrow("This request's transaction has committed");
  });

  it("stops running statements when it outlives its limit, and rolls back", async () => {
    const undone = authorityNamed();
    await expect(
      inOneTransaction(
        database.db,
        async (client) => {
          await client.authority.create({ data: undone });
          await sleep(100);
          await client.authority.count();
        },
        { timeoutMs: 50 },
      ),
    ).rejects.toThrow("timed out after 50 ms");
    expect(await exists(undone.code)).toBe(false);
  });

  it("keeps two requests at once apart: each has its own connection and its own settings", async () => {
    const settingSeenBy = (value: string) =>
      inOneTransaction(database.db, async (client) => {
        await client.$queryRaw`SELECT set_config('app.authority_id', ${value}, true)`;
        await sleep(20);
        return (await client.$queryRaw<{ value: string }[]>`SELECT current_setting('app.authority_id') AS value`)[0]
          ?.value;
      });
    expect(await Promise.all([settingSeenBy("first"), settingSeenBy("second")])).toEqual(["first", "second"]);
  });

  it("is the only place its client runs: outside one, a statement is refused", async () => {
    await expect(requestConnectionPool().query("SELECT 1")).rejects.toThrow("No request transaction is open");
  });
});
