// The test world: a fresh database seeded with the demo authorities, the API over it, and
// helpers that set up cases and settings through the API.
import { createTestApi, createTestDatabase, seedDemoData, type TestDatabase } from "@pathfinder/core/testing";
import { DEMO_SETTINGS } from "../src/demo-settings.ts";
import configurable from "../src/index.ts";
import { ADMIN, configurableApi, globalId } from "./configurable-api.ts";

export * from "./configurable-api.ts";

/** A calendar day `n` days from today (UTC, as the Date scalar writes it). */
export const dayFromToday = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** A fresh database with core's demo authority and the configurable scheme's, and the API over it. */
export async function configurableWorld() {
  const database: TestDatabase = await createTestDatabase();
  await seedDemoData(database.db, [configurable]);
  const http = createTestApi(database.db, { plugins: [configurable] });
  const api = configurableApi(http);
  const db = database.db;
  const authority = await db.authority.findUniqueOrThrow({ where: { code: "larkhaven-thorncombe" } });
  const caseId = async (reference: string) =>
    (await db.case.findFirstOrThrow({ where: { authorityId: authority.id, reference } })).id;
  const budgetId = async (area: string) =>
    (
      await db.budget.findFirstOrThrow({
        where: { authorityId: authority.id, scheme: "configurable", area: { name: area } },
      })
    ).id;
  const supplier = await db.supplier.findFirstOrThrow({ where: { authorityId: authority.id } });
  const areaId = async (name: string) =>
    (await db.area.findFirstOrThrow({ where: { authorityId: authority.id, name } })).id;
  return {
    database,
    db,
    http,
    api,
    authorityId: authority.id,
    supplierId: supplier.id,
    poppyCase: await caseId("LAR-DEMO-1"),
    kitCase: await caseId("LAR-DEMO-2"),
    siennaCase: await caseId("LAR-DEMO-3"),
    larkhavenBudget: await budgetId("Larkhaven Central"),
    thorncombeBudget: await budgetId("Thorncombe"),
    larkhavenArea: await areaId("Larkhaven Central"),
  };
}

export type ConfigurableWorld = Awaited<ReturnType<typeof configurableWorld>>;

/**
 * Opens a case through the API as `email` (who becomes its lead professional), with one child
 * and a CAF assessment, so each test can have the child it needs.
 */
export async function openCaseFor(
  world: ConfigurableWorld,
  email: string,
  child: {
    dateOfBirth?: string;
    lookedAfter?: boolean;
    disabled?: boolean;
    eligibleForDirectPayments?: boolean;
    existingChildId?: string;
  },
  areaId = world.larkhavenArea,
): Promise<{ caseId: string; childId: string }> {
  const { existingChildId, ...details } = child;
  const childInput = existingChildId
    ? { existingChildId: globalId("Child", existingChildId) }
    : { givenName: "Robin", familyName: "Test-Child", ...details };
  const opened = await world.api.query(
    email,
    `mutation ($input: OpenCaseInput!) { openCase(input: $input) { __typename ... on Error { message } ... on ValidationError { issues { path message } } ... on MutationOpenCaseSuccess { data { id children { id } } } } }`,
    { input: { areaId: globalId("Area", areaId), children: [childInput] } },
  );
  const data = opened.data?.openCase?.data;
  if (!data) throw new Error(`openCase: ${JSON.stringify(opened)}`);
  const assessed = await world.api.query(
    email,
    `mutation ($input: RecordAssessmentInput!) { recordAssessment(input: $input) { __typename ... on Error { message } ... on MutationRecordAssessmentSuccess { data { id } } } }`,
    { input: { caseId: data.id, kind: "CAF", completedOn: dayFromToday(-7), priorityNeeds: ["Safe sleeping"] } },
  );
  if (assessed.data?.recordAssessment?.__typename !== "MutationRecordAssessmentSuccess")
    throw new Error(`recordAssessment: ${JSON.stringify(assessed)}`);
  const rowId = (global: string) => Buffer.from(global, "base64").toString().split(":")[1] as string;
  return { caseId: rowId(data.id), childId: rowId(data.children[0].id) };
}

/** The demo settings with some changed, in force from today (or `effectiveFrom`); returns the new version. */
export async function reconfigure(world: ConfigurableWorld, changes: Record<string, unknown>, effectiveFrom?: string) {
  const result = await world.api.configure(ADMIN, "configurePlugin", { ...DEMO_SETTINGS, ...changes }, effectiveFrom);
  if (!result.enabled) throw new Error(`configurePlugin: ${JSON.stringify(result)}`);
  const saved = await world.db.schemeSettings.aggregate({
    _max: { version: true },
    where: { authorityId: world.authorityId, schemeId: "configurable" },
  });
  return saved._max.version as number;
}

/** Today in London minus `years` years plus `days` days: a date of birth for an exact age today. */
export function bornOn(years: number, days = 0): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());
  const [year, month, day] = today.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year - years, month - 1, day + days)).toISOString().slice(0, 10);
}
