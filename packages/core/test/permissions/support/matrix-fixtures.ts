// The objects each matrix cell is tried against, made in one authority through the real API.
import type { Database } from "../../../src/db/prisma-client.ts";
import type { Role } from "../../../src/generated/prisma/enums.ts";
import type { SchemePlugin } from "../../../src/plugins/plugin-contract.ts";
import { DEMO_PASSWORD, type DemoAuthority, demoBorough } from "../../../src/seed/demo-people.ts";
import type { createTestApi } from "../../support/api-client.ts";
import { CALLERS, type Caller } from "./matrix-rules.ts";

type Api = ReturnType<typeof createTestApi>;
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");

/** A second invented borough shaped like core's demo one, so both sides of the matrix match. */
export const OTHER_BOROUGH: DemoAuthority = {
  ...demoBorough,
  name: "Otherbridge Borough Council",
  code: "otherbridge",
  staff: demoBorough.staff
    .filter((person) => !person.roles.some((r) => r.role === "PLATFORM_ADMIN"))
    .map((person) => ({ ...person, email: person.email.replace("kingsbridge.example", "otherbridge.example") })),
};

async function call(api: Api, token: string, query: string, variables: Record<string, unknown>) {
  const result = await api.graphql(query, variables, token);
  const payload = Object.values(result.data ?? {})[0] as Record<string, any> | undefined;
  if (!payload?.data) throw new Error(`Matrix fixture failed: ${JSON.stringify(result)}`);
  return payload.data as Record<string, any>;
}

export async function fixturesFor(api: Api, db: Database, demo: DemoAuthority, plugins: readonly SchemePlugin[]) {
  const authority = await db.authority.findUniqueOrThrow({ where: { code: demo.code } });
  const authorityId = authority.id;
  const emailOf = (role: Role) => {
    const person = demo.staff.find((p) => p.roles.some((r) => r.role === role));
    if (!person) throw new Error(`No ${role} in ${demo.code}`);
    return person.email;
  };
  const sign = (role: Role) => api.signIn(emailOf(role), DEMO_PASSWORD);
  const [lp, approver, finance, admin] = (await Promise.all(
    (["LEAD_PROFESSIONAL", "APPROVER", "FINANCE_OFFICER", "AUTHORITY_ADMIN"] as const).map(sign),
  )) as [string, string, string, string];

  // Every scheme on, so that each plugin's operations can be tried.
  for (const plugin of plugins)
    await api.graphql(
      `mutation ($id: String!) { enablePlugin(schemeId: $id) { __typename } }`,
      { id: plugin.id },
      admin,
    );
  await api.graphql(`mutation { disablePlugin(schemeId: "derbyshire") { __typename } }`, {}, admin);

  const northgate = await db.area.findFirstOrThrow({ where: { authorityId, name: "Northgate" } });
  const riverside = await db.area.findFirstOrThrow({ where: { authorityId, name: "Riverside" } });
  const theCase = await db.case.findFirstOrThrow({
    where: { authorityId, areaId: northgate.id, status: "OPEN" },
    include: { children: true },
  });
  const closingCase = await db.case.findFirstOrThrow({ where: { authorityId, areaId: riverside.id, status: "OPEN" } });
  const budget = await db.budget.findFirstOrThrow({ where: { authorityId, areaId: northgate.id } });
  const closingBudget = await db.budget.create({
    data: {
      authorityId,
      name: "Matrix closing fund",
      periodStart: new Date("2026-04-01"),
      periodEnd: new Date("2027-03-31"),
      holderRole: "APPROVER",
    },
  });
  const supplier = await db.supplier.findFirstOrThrow({ where: { authorityId } });
  const lpUser = await db.staffUser.findUniqueOrThrow({ where: { email: emailOf("LEAD_PROFESSIONAL") } });
  const otherApprover = await db.staffUser.findFirstOrThrow({
    where: { authorityId, roleAssignments: { some: { role: "APPROVER", areaId: riverside.id } } },
  });

  const caseId = globalId("Case", theCase.id);
  const draftInput = {
    caseId,
    budgetId: globalId("Budget", budget.id),
    route: "CASH",
    intendedOutcomes: "Swimming lessons for the summer.",
    ecmOutcomes: ["BE_HEALTHY"],
    otherFundingExplanation: "No other funding covers lessons.",
    items: [{ category: "LEISURE_OR_CULTURAL", description: "Swimming lessons", quantity: 1, unitCost: 2_000 }],
  };
  const newRequest = async (onBudget = budget.id) =>
    (
      await call(
        api,
        lp,
        `mutation ($input: CreatePurchaseRequestInput!) { createPurchaseRequest(input: $input) { ... on MutationCreatePurchaseRequestSuccess { data { id } } } }`,
        { input: { ...draftInput, budgetId: globalId("Budget", onBudget) } },
      )
    ).id as string;
  const submit = (id: string) =>
    call(
      api,
      lp,
      `mutation ($id: ID!) { submitPurchaseRequest(id: $id) { ... on MutationSubmitPurchaseRequestSuccess { data { status } } } }`,
      { id },
    );
  const approve = (id: string) =>
    call(
      api,
      approver,
      `mutation ($id: ID!) { decidePurchaseRequest(id: $id, decision: APPROVE) { ... on MutationDecidePurchaseRequestSuccess { data { status } } } }`,
      { id },
    );
  const fulfil = (id: string) =>
    call(
      api,
      finance,
      `mutation ($id: ID!) { recordFulfilment(id: $id, input: { cashIssued: 2000, cashSignedForBy: "A parent" }) { ... on MutationRecordFulfilmentSuccess { data { status } } } }`,
      { id },
    );

  const draft = await newRequest();
  const toSubmit = await newRequest();
  const awaiting = await newRequest();
  await submit(awaiting);
  const withdrawable = await newRequest();
  await submit(withdrawable);
  const approved = await newRequest();
  await submit(approved);
  if ((await approve(approved)).status !== "APPROVED") throw new Error("Matrix fixture: approval did not commit");
  const fulfilled = await newRequest();
  await submit(fulfilled);
  await approve(fulfilled);
  await fulfil(fulfilled);

  // A request agreed under core's rules on a fund then put on Dorset's scheme, so that Dorset's
  // part two of the form (dorsetRecordAgreement) has a request it applies to.
  const dorsetFund = await db.budget.create({
    data: {
      authorityId,
      areaId: northgate.id,
      name: "Matrix Dorset fund",
      periodStart: new Date("2026-04-01"),
      periodEnd: new Date("2027-03-31"),
      holderRole: "APPROVER",
    },
  });
  await db.$executeRaw`INSERT INTO ledger_entry (authority_id, budget_id, kind, amount) VALUES (${authorityId}::uuid, ${dorsetFund.id}::uuid, 'ALLOCATION', 100000)`;
  const onDorset = await newRequest(dorsetFund.id);
  await submit(onDorset);
  await approve(onDorset);
  await db.budget.update({ where: { id: dorsetFund.id }, data: { scheme: "dorset" } });

  await call(
    api,
    lp,
    `mutation ($input: RecordTeamMeetingInput!) { recordTeamMeeting(input: $input) { ... on MutationRecordTeamMeetingSuccess { data { id } } } }`,
    {
      input: { caseId, heldOn: "2026-05-01", attendees: ["Parent", "Teacher"] },
    },
  );
  await call(
    api,
    lp,
    `mutation ($input: RecordUnmetNeedInput!) { recordUnmetNeed(input: $input) { ... on MutationRecordUnmetNeedSuccess { data { id } } } }`,
    {
      input: { caseId, category: "TRANSPORT", description: "No bus route to the clinic" },
    },
  );

  // One spare member of staff per caller, each with one role, for the staff mutations to act on
  // (revoking a role twice, or closing an account twice, would tell nothing about the second caller).
  const spareStaff = {} as Record<Caller, { userId: string; roleAssignmentId: string }>;
  for (const caller of CALLERS) {
    const user = await db.staffUser.create({
      data: {
        authorityId,
        email: `matrix-spare-${caller.toLowerCase()}@${demo.code}.example`,
        name: `Spare ${caller}`,
      },
    });
    const assignment = await db.roleAssignment.create({
      data: { authorityId, staffUserId: user.id, role: "OVERSEER" },
    });
    spareStaff[caller] = {
      userId: globalId("StaffUser", user.id),
      roleAssignmentId: globalId("RoleAssignment", assignment.id),
    };
  }

  // Every id this authority owns, to tell whose data a response carries.
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.columns i ON i.table_name = c.table_name AND i.table_schema = c.table_schema AND i.column_name = 'id'
    WHERE c.table_schema = 'public' AND c.column_name = 'authority_id'`;
  const ids = new Set<string>([authorityId]);
  for (const { table_name } of tables)
    for (const row of await db.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id::text FROM "${table_name}" WHERE authority_id = $1::uuid`,
      authorityId,
    ))
      ids.add(row.id);

  return {
    authorityId,
    emailOf,
    ids,
    areaId: globalId("Area", northgate.id),
    budgetId: globalId("Budget", budget.id),
    closingBudgetId: globalId("Budget", closingBudget.id),
    caseId,
    closingCaseId: globalId("Case", closingCase.id),
    childId: globalId("Child", theCase.children[0]?.childId as string),
    supplierId: globalId("Supplier", supplier.id),
    lpId: globalId("StaffUser", lpUser.id),
    otherApproverId: globalId("StaffUser", otherApprover.id),
    spareStaff,
    draft,
    toSubmit,
    awaiting,
    withdrawable,
    approved,
    fulfilled,
    onDorset,
    draftInput,
  };
}

export type Fixtures = Awaited<ReturnType<typeof fixturesFor>>;
