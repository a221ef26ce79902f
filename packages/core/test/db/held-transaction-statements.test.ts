// The pool sends BEGIN, savepoints and their releases with the next statement and drops the
// ones that change nothing (db/begin-with-first-statement.ts). What a transaction writes, keeps
// and undoes must be exactly what it would be with every statement sent on its own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withSavepoints } from "../../src/db/authority-scope.ts";
import { STATEMENT_SEPARATOR } from "../../src/db/begin-with-first-statement.ts";
import type { Database } from "../../src/db/prisma-client.ts";
import type { DbClient } from "../../src/db/transaction.ts";
import { countingDatabase } from "../support/statement-counter.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

describe("transaction statements held back and sent with the next", () => {
  let database: TestDatabase;
  let counting: ReturnType<typeof countingDatabase>;

  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.$executeRawUnsafe("CREATE TABLE held_test (label text NOT NULL)");
    counting = countingDatabase(database.url);
  });
  afterAll(async () => {
    await counting.end();
    await database.drop();
  });

  const labels = async () =>
    (await database.db.$queryRawUnsafe<{ label: string }[]>("SELECT label FROM held_test ORDER BY label")).map(
      (row) => row.label,
    );
  const insert = (db: DbClient, label: string) => db.$executeRaw`INSERT INTO held_test (label) VALUES (${label})`;
  const inTransaction = (work: (db: Database) => Promise<unknown>) =>
    counting.db.$transaction(async (tx) => work(withSavepoints(tx)));

  it("sends BEGIN in the same message as a first statement without parameters", async () => {
    const messages = await counting.during(() => inTransaction((db) => db.$queryRawUnsafe("SELECT 1 AS one")));
    expect(messages).toEqual([`BEGIN${STATEMENT_SEPARATOR}SELECT 1 AS one`, "COMMIT"]);
  });

  it("sends nothing for a transaction in which nothing ran", async () => {
    expect(await counting.during(() => inTransaction(async () => 1))).toEqual([]);
  });

  it("keeps an inner savepoint's rollback to its own work when the outer one goes on", async () => {
    await database.db.$executeRawUnsafe("TRUNCATE held_test");
    await inTransaction(async (db) => {
      await db.$transaction(async (outer) => {
        // The inner savepoint comes straight after the outer one (they mark the same point) …
        await outer
          .$transaction(async (inner) => {
            await insert(inner, "undone");
            throw new Error("inner fails");
          })
          .catch(() => {});
        // … and the outer one goes on after the inner one is rolled back.
        await insert(outer, "kept");
      });
      await db
        .$transaction(async (other) => {
          await insert(other, "undone too");
          await other.$transaction(async (inner) => insert(inner, "undone with it"));
          throw new Error("outer fails after its inner one succeeded");
        })
        .catch(() => {});
      await insert(db, "after");
    });
    expect(await labels()).toEqual(["after", "kept"]);
  });

  it("rolls back the whole transaction when it fails, whatever was held", async () => {
    await database.db.$executeRawUnsafe("TRUNCATE held_test");
    await expect(
      inTransaction(async (db) => {
        await db.$transaction(async (outer) => {
          await insert(outer, "never");
          await outer.$transaction(async () => {});
        });
        throw new Error("the request fails");
      }),
    ).rejects.toThrow("the request fails");
    expect(await labels()).toEqual([]);
    // The connection is usable and outside any transaction afterwards.
    await inTransaction((db) => insert(db, "next"));
    expect(await labels()).toEqual(["next"]);
  });

  it("drops the releases just before COMMIT and a savepoint straight after another", async () => {
    const messages = await counting.during(() =>
      inTransaction((db) =>
        db.$transaction((outer) => outer.$transaction((inner) => inner.$queryRawUnsafe("SELECT 2 AS two"))),
      ),
    );
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/^BEGIN;\nSAVEPOINT pathfinder_sp_\d+;\nSELECT 2 AS two$/);
    expect(messages[1]).toBe("COMMIT");
  });
});
