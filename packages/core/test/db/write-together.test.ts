// Independent writes sent as one statement (src/db/write-together.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntryInsert } from "../../src/audit/audit-log.ts";
import { writeTogether } from "../../src/db/write-together.ts";
import { Prisma } from "../../src/generated/prisma/client.ts";
import type { Viewer } from "../../src/permissions/viewer.ts";
import { seedPurchaseWorld, viewerOf } from "../purchases/support/purchase-world.ts";
import { countingDatabase } from "../support/statement-counter.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

let database: TestDatabase;
let counting: ReturnType<typeof countingDatabase>;
let viewer: Viewer;
let caseId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const world = await seedPurchaseWorld(database.db, "alpha");
  counting = countingDatabase(database.url);
  caseId = world.caseId;
  viewer = viewerOf(world, "lp", "LEAD_PROFESSIONAL");
});
afterAll(async () => {
  await counting.end();
  await database.drop();
});

const entry = (summary: string) => ({
  action: "case.note",
  entityType: "Case",
  entityId: caseId,
  caseId,
  summary,
  after: { said: summary },
});
const summaries = async () =>
  (await database.db.auditEvent.findMany({ where: { action: "case.note" }, orderBy: { sequence: "asc" } })).map(
    (event) => event.summary,
  );

describe("writing independent rows together", () => {
  it("sends every write in one statement, and each lands", async () => {
    const sent = await counting.during(() =>
      writeTogether(counting.db, [
        auditEntryInsert(viewer, entry("first")),
        null,
        auditEntryInsert(viewer, entry("second")),
      ]),
    );
    expect(sent).toHaveLength(1);
    expect((await summaries()).sort()).toEqual(["first", "second"]);
    const stored = await database.db.auditEvent.findFirstOrThrow({ where: { summary: "first" } });
    expect(stored).toMatchObject({ actorId: viewer.id, authorityId: viewer.authorityId, after: { said: "first" } });
    expect(stored.before).toBeNull();
  });

  it("writes none of them when one fails", async () => {
    const before = await summaries();
    const broken = Prisma.sql`INSERT INTO audit_event (authority_id, action, entity_type, entity_id, summary)
      VALUES (${viewer.authorityId}::uuid, 'case.note', 'Case', ${caseId}::uuid, NULL)`;
    await expect(writeTogether(database.db, [auditEntryInsert(viewer, entry("third")), broken])).rejects.toThrow(
      /summary/,
    );
    expect(await summaries()).toEqual(before);
  });

  it("sends nothing when there is nothing to write", async () => {
    expect(await counting.during(() => writeTogether(counting.db, [null]))).toHaveLength(0);
  });
});
