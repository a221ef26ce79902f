// What the authority asks to see (an Every Child Matters outcome in the demo; the CAF document
// and matched funding when switched on), and which way the money may go: supplier orders or
// cash, cash up to £200.00 in the demo, receipts back within 14 days.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bornOn,
  type ConfigurableWorld,
  configurableWorld,
  dayFromToday,
  FINANCE,
  LP,
  openCaseFor,
  type RequestSpec,
  reconfigure,
} from "./configurable-world.ts";

let world: ConfigurableWorld;

beforeAll(async () => {
  world = await configurableWorld();
});
afterAll(() => world.database.drop());

/** A request on a fresh case each time, so the case's cap never interferes; waiting requests are withdrawn. */
async function ask(spec: Partial<RequestSpec> = {}) {
  const { caseId } = await openCaseFor(world, LP, { dateOfBirth: bornOn(6) });
  const result = await world.api.request(LP, {
    caseId,
    budgetId: world.larkhavenBudget,
    pence: 1_000,
    supplierId: world.supplierId,
    ...spec,
  });
  if (result.status === "AWAITING_DECISION") await world.api.withdraw(LP, result.id);
  return result;
}

/** Uploads a one-page PDF as an assessment form and returns its global ID. */
async function uploadAssessmentForm(): Promise<string> {
  const query = `mutation ($file: File!) { uploadAttachment(file: $file, kind: ASSESSMENT) { __typename ... on Error { message } ... on MutationUploadAttachmentSuccess { data { id } } } }`;
  const form = new FormData();
  form.append("operations", JSON.stringify({ query, variables: { file: null } }));
  form.append("map", JSON.stringify({ 0: ["variables.file"] }));
  const pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
  form.append("0", new File([pdf], "caf.pdf", { type: "application/pdf" }));
  const response = await world.http.request("/graphql", {
    method: "POST",
    headers: { authorization: `Bearer ${await world.api.as(LP)}` },
    body: form,
  });
  const body = (await response.json()) as { data?: { uploadAttachment?: { data?: { id: string } } } };
  const id = body.data?.uploadAttachment?.data?.id;
  if (!id) throw new Error(`upload: ${JSON.stringify(body)}`);
  return id;
}

describe("evidence", () => {
  it("an Every Child Matters outcome, required in the demo: none is refused, one is enough", async () => {
    expect((await ask({ ecmOutcomes: [] })).violations).toEqual([
      {
        code: "ECM_OUTCOME_REQUIRED",
        field: "ecmOutcomes",
        message: "Choose at least one Every Child Matters outcome this purchase supports.",
      },
    ]);
    expect((await ask({ ecmOutcomes: ["ENJOY_AND_ACHIEVE"] })).status).toBe("APPROVED");
  });

  it("switched off: no outcome is needed", async () => {
    await reconfigure(world, { requireEcmOutcome: false });
    expect((await ask({ ecmOutcomes: [] })).status).toBe("APPROVED");
  });

  it("matched funding, switched on: nothing from the family is refused, £0.01 is enough", async () => {
    await reconfigure(world, { requireMatchedFunding: true });
    expect((await ask({ matchedFunding: 0 })).violations).toEqual([
      {
        code: "MATCHED_FUNDING_REQUIRED",
        field: "matchedFunding",
        message:
          "Record what the family is putting in (matched funding): this scheme asks for a contribution on every request.",
      },
    ]);
    expect((await ask({ matchedFunding: 1 })).status).toBe("APPROVED");
  });

  it("the CAF document, switched on: refused until the latest assessment has its form attached", async () => {
    await reconfigure(world, { requireCafDocument: true });
    const { caseId } = await openCaseFor(world, LP, { dateOfBirth: bornOn(6) });
    const spec = { caseId, budgetId: world.larkhavenBudget, pence: 1_000, supplierId: world.supplierId };
    const refused = await world.api.request(LP, spec);
    expect(refused.violations).toEqual([
      {
        code: "CAF_DOCUMENT_REQUIRED",
        field: "caseId",
        message: `Attach the completed assessment form to the case's latest assessment (completed on ${dayFromToday(-7)}): this scheme needs the document itself.`,
      },
    ]);
    const recorded = await world.api.query(
      LP,
      `mutation ($input: RecordAssessmentInput!) { recordAssessment(input: $input) { __typename ... on Error { message } ... on MutationRecordAssessmentSuccess { data { id } } } }`,
      {
        input: {
          caseId: Buffer.from(`Case:${caseId}`).toString("base64"),
          kind: "CAF",
          completedOn: bornOn(0),
          priorityNeeds: ["Safe sleeping"],
          documentId: await uploadAssessmentForm(),
        },
      },
    );
    expect(recorded.data?.recordAssessment.__typename).toBe("MutationRecordAssessmentSuccess");
    expect((await world.api.submit(LP, refused.id)).status).toBe("APPROVED");
  });

  it("switched off again: no document needed", async () => {
    await reconfigure(world, { requireCafDocument: false });
    expect((await ask()).status).toBe("APPROVED");
  });
});

describe("routes", () => {
  it("cash up to £200.00: £199.99 and £200.00 go ahead, £200.01 is refused", async () => {
    expect((await ask({ route: "CASH", pence: 19_999 })).status).toBe("AWAITING_DECISION");
    expect((await ask({ route: "CASH", pence: 20_000 })).status).toBe("AWAITING_DECISION");
    expect((await ask({ route: "CASH", pence: 20_001 })).violations).toEqual([
      {
        code: "CASH_LIMIT_EXCEEDED",
        field: "route",
        message:
          "Cash is limited to £200.00 a request and this one is £200.01: ask for an order from a supplier instead.",
      },
    ]);
    expect((await ask({ route: "SUPPLIER_ORDER", pence: 20_001 })).status).toBe("AWAITING_DECISION");
  });

  it("cash receipts are due back 14 days after the cash is issued", async () => {
    const approved = await ask({ route: "CASH", pence: 5_000 });
    expect(approved.status).toBe("APPROVED");
    const issued = await world.api.fulfilWithCash(FINANCE, approved.id, 5_000);
    expect(issued).toMatchObject({ status: "FULFILLED", receiptsDueOn: dayFromToday(14) });
  });

  it("supplier orders only: cash is refused", async () => {
    await reconfigure(world, { allowedRoutes: ["SUPPLIER_ORDER"] });
    expect((await ask({ route: "CASH" })).violations).toEqual([
      {
        code: "ROUTE_NOT_ALLOWED",
        field: "route",
        message: "This scheme does not pay by cash: ask for an order from a supplier instead.",
      },
    ]);
    expect((await ask({ route: "SUPPLIER_ORDER" })).status).toBe("APPROVED");
  });

  it("cash only: supplier orders are refused", async () => {
    await reconfigure(world, { allowedRoutes: ["CASH"] });
    expect((await ask({ route: "SUPPLIER_ORDER" })).violations).toEqual([
      {
        code: "ROUTE_NOT_ALLOWED",
        field: "route",
        message: "This scheme does not pay by an order from a supplier: ask for cash instead.",
      },
    ]);
    expect((await ask({ route: "CASH" })).status).toBe("APPROVED");
  });
});
