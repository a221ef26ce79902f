// Test helpers: drive the real API as Derbyshire's demo staff, on fresh cases of its demo authority.
import { type createTestApi, demoStaffClient, type TestDatabase } from "@pathfinder/core/testing";

type Api = ReturnType<typeof createTestApi>;
export const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
export const londonDay = (offsetDays = 0) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );

const RESULT = `__typename ... on Error { code message } ... on DomainError { field } ... on ValidationError { issues { path message } }`;
const REQUEST = `id status rulesVersion total { pence } currentStep { label area { name } } extensions
  decisions { outcome role rulesVersion decider { name } }`;

/** The TAC meeting a week ago with the family and the lead practitioner: what most requests carry (null: none). */
export const TAC = {
  derbyshire: {
    tacMeeting: {
      heldOn: londonDay(-7),
      attendees: ["Jade Padfield (mother)", "Shauna Charlesworth (lead practitioner)"],
    },
  },
};

export function derbyshireApi(api: Api) {
  const { as, call, query, payload } = demoStaffClient(api);
  return {
    as,
    query,
    async create(email: string, caseId: string, budgetId: string, pence: number, extensions: unknown = TAC) {
      const created = await call(
        email,
        `mutation ($input: CreatePurchaseRequestInput!) { createPurchaseRequest(input: $input) { ${RESULT} ... on MutationCreatePurchaseRequestSuccess { data { id } } } }`,
        {
          input: {
            caseId: globalId("Case", caseId),
            budgetId: globalId("Budget", budgetId),
            route: "CASH",
            intendedOutcomes: "Mother takes both children to her group on her own.",
            ecmOutcomes: ["STAY_SAFE"],
            otherFundingExplanation: "No grant or benefit covers a double buggy in time.",
            items: [{ category: "DOMESTIC_EQUIPMENT", description: "Double buggy", unitCost: pence }],
            ...(extensions === null ? {} : { extensions }),
          },
        },
      );
      return payload(created, "createPurchaseRequest");
    },
    /** Creates and submits a one-item cash request; returns the submission's result. */
    async request(email: string, caseId: string, budgetId: string, pence: number, extensions: unknown = TAC) {
      const draft = await this.create(email, caseId, budgetId, pence, extensions);
      if (!draft.id) return draft;
      const submitted = await call(
        email,
        `mutation ($id: ID!) { submitPurchaseRequest(id: $id) { ${RESULT} ... on RulesBrokenError { violations { code message field } } ... on MutationSubmitPurchaseRequestSuccess { data { ${REQUEST} } } } }`,
        { id: draft.id },
      );
      return { id: draft.id, ...payload(submitted, "submitPurchaseRequest") };
    },
    async decide(email: string, id: string) {
      const result = await call(
        email,
        `mutation ($id: ID!) { decidePurchaseRequest(id: $id, decision: APPROVE) { ${RESULT} ... on MutationDecidePurchaseRequestSuccess { data { ${REQUEST} } } } }`,
        { id },
      );
      return payload(result, "decidePurchaseRequest");
    },
    async configure(email: string, settings: unknown, effectiveFrom?: string) {
      const result = await call(
        email,
        `mutation ($settings: JSON, $from: Date) { configurePlugin(schemeId: "derbyshire", settings: $settings, effectiveFrom: $from) { ${RESULT} ... on MutationConfigurePluginSuccess { data { settingsVersion } } } }`,
        { settings, from: effectiveFrom },
      );
      return payload(result, "configurePlugin");
    },
  };
}

let counter = 0;

/** A date of birth `years` years before today (and `days` more days back), as the calendar counts. */
export function bornYearsAgo(years: number, days = 0): Date {
  const [y, m, d] = londonDay().split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y - years, m - 1, d - days));
}

export interface ChildSpec {
  dateOfBirth?: Date;
  lookedAfter?: boolean;
  disabled?: boolean;
  eligibleForDirectPayments?: boolean;
}

export function derbyshireWorld(database: TestDatabase) {
  const db = database.db;
  return {
    async budgetOf(area: string) {
      return (await db.budget.findFirstOrThrow({ where: { scheme: "derbyshire", area: { is: { name: area } } } })).id;
    },
    /** An open case with a CAF, led by a demo lead practitioner, for the children described. */
    async newCase(children: ChildSpec[] = [{}], area = "Glossop", lead = "lp@derbyshire.example") {
      const leader = await db.staffUser.findUniqueOrThrow({ where: { email: lead } });
      const areaRow = await db.area.findFirstOrThrow({ where: { authorityId: leader.authorityId, name: area } });
      counter += 1;
      const rows = [];
      for (const [i, child] of children.entries())
        rows.push(
          await db.child.create({
            data: {
              authorityId: leader.authorityId,
              givenName: `Testchild${counter}-${i}`,
              familyName: "Edale",
              dateOfBirth: bornYearsAgo(6),
              ...child,
            },
          }),
        );
      const theCase = await db.case.create({
        data: {
          authorityId: leader.authorityId,
          areaId: areaRow.id,
          leadProfessionalId: leader.id,
          reference: `DBY-T${counter}`,
          children: { create: rows.map((row) => ({ childId: row.id })) },
        },
      });
      await db.assessment.create({
        data: {
          authorityId: leader.authorityId,
          caseId: theCase.id,
          kind: "CAF",
          completedOn: new Date(Date.now() - 30 * 86_400_000),
          priorityNeeds: ["Independence"],
          recordedById: leader.id,
        },
      });
      return theCase.id;
    },
  };
}
