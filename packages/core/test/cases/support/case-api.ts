// The case API as the portal calls it, through the real server, as signed-in people.
import type { Database } from "../../../src/db/prisma-client.ts";
import { createTestApi } from "../../support/api-client.ts";
import { PASSWORD } from "./case-world.ts";

export const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
export const rowId = (global: string) => Buffer.from(global, "base64").toString().split(":")[1] as string;

/** A calendar day `n` days from today (negative: in the past), as the Date scalar writes it. */
export function dayFromToday(n: number): string {
  const date = new Date(
    `${new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date())}T00:00:00Z`,
  );
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

const RESULT = `__typename
  ... on Error { code message }
  ... on DomainError { field }
  ... on ValidationError { issues { path message } }`;

export const CASE_FIELDS = `id reference status plan openedAt closedAt closureReason
  area { name } leadProfessional { name }
  children { id givenName familyName dateOfBirth ageInYears lookedAfter disabled eligibleForDirectPayments household { name } }`;

export function createCaseApi(db: Database) {
  const api = createTestApi(db);
  const tokens = new Map<string, string>();

  /** Signs in once per person and remembers the token. */
  async function as(email: string): Promise<string> {
    let token = tokens.get(email);
    if (!token) {
      token = await api.signIn(email, PASSWORD);
      tokens.set(email, token);
    }
    return token;
  }

  /** Runs a mutation and returns its result union (success `data`, or the error). */
  async function mutate(
    email: string,
    name: string,
    signature: string,
    call: string,
    fields: string,
    variables: Record<string, unknown>,
  ) {
    const query = `mutation (${signature}) { ${name}(${call}) { ${RESULT} ... on Mutation${name[0]?.toUpperCase()}${name.slice(1)}Success { data { ${fields} } } } }`;
    const response = await api.graphql(query, variables, await as(email));
    if (response.errors) throw new Error(`${name} failed outright: ${JSON.stringify(response.errors)}`);
    return response.data?.[name] as Record<string, any>;
  }

  return {
    api,
    as,
    query: async (email: string, query: string, variables: Record<string, unknown> = {}) =>
      api.graphql(query, variables, await as(email)),
    openCase: (email: string, input: Record<string, unknown>) =>
      mutate(email, "openCase", "$input: OpenCaseInput!", "input: $input", CASE_FIELDS, { input }),
    recordAssessment: (email: string, input: Record<string, unknown>) =>
      mutate(
        email,
        "recordAssessment",
        "$input: RecordAssessmentInput!",
        "input: $input",
        "id kind completedOn priorityNeeds documentId",
        { input },
      ),
    updateCasePlan: (email: string, caseId: string, plan: string) =>
      mutate(email, "updateCasePlan", "$caseId: ID!, $plan: String!", "caseId: $caseId, plan: $plan", "id plan", {
        caseId,
        plan,
      }),
    recordTeamMeeting: (email: string, input: Record<string, unknown>) =>
      mutate(
        email,
        "recordTeamMeeting",
        "$input: RecordTeamMeetingInput!",
        "input: $input",
        "id heldOn attendees notes",
        { input },
      ),
    recordUnmetNeed: (email: string, input: Record<string, unknown>) =>
      mutate(
        email,
        "recordUnmetNeed",
        "$input: RecordUnmetNeedInput!",
        "input: $input",
        "id category description estimatedCost",
        { input },
      ),
    handOverCase: (email: string, caseId: string, toStaffUserId: string) =>
      mutate(
        email,
        "handOverCase",
        "$caseId: ID!, $to: ID!",
        "caseId: $caseId, toStaffUserId: $to",
        "reference case { id } leadProfessional { name }",
        { caseId, to: toStaffUserId },
      ),
    closeCase: (email: string, caseId: string, reason: string) =>
      mutate(
        email,
        "closeCase",
        "$caseId: ID!, $reason: String!",
        "caseId: $caseId, reason: $reason",
        "id status closedAt closureReason",
        { caseId, reason },
      ),
  };
}

export type CaseApi = ReturnType<typeof createCaseApi>;

/** A new child's details for `openCase`, invented. */
export const newChild = (
  givenName: string,
  familyName: string,
  dateOfBirth: string,
  extra: Record<string, unknown> = {},
) => ({
  givenName,
  familyName,
  dateOfBirth,
  ...extra,
});

/** Opens a case as `email` and returns it, failing the test loudly if it was refused. */
export async function openedCase(cases: CaseApi, email: string, input: Record<string, unknown>) {
  const result = await cases.openCase(email, input);
  if (!result.data) throw new Error(`openCase refused: ${JSON.stringify(result)}`);
  return result.data as Record<string, any>;
}
