// The permission matrix, generated from the GraphQL schema itself. Every query, every field that
// takes arguments and every mutation is called by every role (and by nobody signed in), against
// its own authority and against another, through the real API with demo data, and the outcome is
// compared with the rule declared in `RULES` below. The schema is enumerated first: an operation
// or field with no declared rule fails the test, so nothing new ships without one.
import type { GraphQLObjectType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoCases } from "../../src/cases/demo-cases.ts";
import { loadConfig } from "../../src/config.ts";
import { buildSchema } from "../../src/graphql/schema.ts";
import { seedDemoPurchases } from "../../src/purchases/demo-purchases.ts";
import { StaticSchemeRegistry } from "../../src/schemes/core-scheme.ts";
import { DEMO_PASSWORD, demoBorough, seedAuthority } from "../../src/seed/demo-people.ts";
import { seedDemoData } from "../../src/seed/demo-seed.ts";
import { seedDemoSuppliers } from "../../src/suppliers/demo-suppliers.ts";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { type Fixtures, fixturesFor, OTHER_BOROUGH } from "./support/matrix-fixtures.ts";
import { CALLERS, type Caller, type Outcome, RULES, type Rule } from "./support/matrix-rules.ts";

let database: TestDatabase;
let api: ReturnType<typeof createTestApi>;
let own: Fixtures;
let other: Fixtures;
const tokens = new Map<Caller, string | undefined>();
const config = await loadConfig();
const schema = buildSchema(config.plugins);

/** "Query.cases", "Mutation.openCase", "Budget.ledgerEntries": what the schema exposes that needs a rule. */
function operationsInSchema(): string[] {
  const names: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    // By name, not instanceof: the plugins load through the config and may bring their own graphql realm.
    if (type.constructor.name !== "GraphQLObjectType" || type.name.startsWith("__")) continue;
    for (const field of Object.values((type as GraphQLObjectType).getFields())) {
      const root = type.name === "Query" || type.name === "Mutation";
      // Connection plumbing (edges, pageInfo) has no arguments; fields with arguments reach data.
      if (root || field.args.length > 0) names.push(`${type.name}.${field.name}`);
    }
  }
  return names.sort();
}

beforeAll(async () => {
  database = await createTestDatabase();
  api = createTestApi(database.db, { plugins: config.plugins });
  await seedDemoData(database.db);
  const otherSeeded = await seedAuthority(database.db, OTHER_BOROUGH);
  await seedDemoCases(database.db, otherSeeded);
  await seedDemoSuppliers(database.db, otherSeeded.authorityId);
  await seedDemoPurchases(database.db, otherSeeded.authorityId, new StaticSchemeRegistry(), "otherbridge.example");
  own = await fixturesFor(api, database.db, demoBorough, config.plugins);
  other = await fixturesFor(api, database.db, OTHER_BOROUGH, config.plugins);
  for (const caller of CALLERS)
    tokens.set(caller, caller === "ANONYMOUS" ? undefined : await api.signIn(own.emailOf(caller), DEMO_PASSWORD));
}, 120_000);
afterAll(() => database.drop());

const DENIAL_CODES = new Set([
  "NOT_SIGNED_IN",
  "NOT_AUTHORISED",
  "NOT_FOUND",
  "NOT_LEAD_PROFESSIONAL",
  "NOT_REQUESTER",
  "NOT_ENABLED",
]);

/** Every database id (from global ids, "Type:uuid" in base64) anywhere in a response. */
function idsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) idsIn(item, found);
  else if (value && typeof value === "object")
    for (const [key, inner] of Object.entries(value)) {
      if ((key === "id" || key.endsWith("Id")) && typeof inner === "string") {
        const decoded = Buffer.from(inner, "base64").toString();
        found.push(decoded.includes(":") ? (decoded.split(":")[1] as string) : inner);
      } else idsIn(inner, found);
    }
  return found;
}

/**
 * Allowed: the call got past authorisation (a success, or a refusal on business grounds such as
 * a wrong status) or, for a read, returned something of the target authority's. Denied: a
 * denial code, null, or nothing of the target's.
 */
function outcomeOf(rule: Rule, response: Record<string, any>, target: Fixtures): Outcome {
  const error = response.errors?.[0];
  if (error) {
    const code = String(error.extensions?.code ?? "");
    // Pothos scope-auth refuses a signed-out caller before the resolver: "Not authorized to resolve …".
    if (DENIAL_CODES.has(code) || /^Not authorized to resolve /.test(error.message)) return "denied";
    return `error: ${error.message}` as Outcome;
  }
  const value = Object.values(response.data ?? {})[0] as any;
  if (value === null || value === undefined) return "denied";
  if (typeof value === "object" && typeof value.__typename === "string") {
    if (value.__typename.endsWith("Success")) return "allowed";
    if (value.code) return DENIAL_CODES.has(value.code) ? "denied" : "allowed";
  }
  if (rule.seen) return rule.seen(value, target) ? "allowed" : "denied";
  return idsIn(value).some((id) => target.ids.has(id)) ? "allowed" : "denied";
}

describe("the permission matrix", () => {
  it("declares a rule for every query, mutation and field with arguments in the schema, and no rule for one that is gone", () => {
    const inSchema = operationsInSchema();
    expect(
      inSchema.filter((name) => !(name in RULES)),
      "operations without a declared rule",
    ).toEqual([]);
    expect(
      Object.keys(RULES).filter((name) => !inSchema.includes(name)),
      "rules for operations not in the schema",
    ).toEqual([]);
  });

  it("every role, against its own authority and another, is allowed or denied exactly as the rules say", async () => {
    const mismatches: string[] = [];
    const leaks: string[] = [];
    let cells = 0;
    for (const [name, rule] of Object.entries(RULES)) {
      const targets: [string, Fixtures][] = rule.untargeted
        ? [["own", own]]
        : [
            ["other", other],
            ["own", own],
          ];
      for (const [where, target] of targets)
        for (const caller of CALLERS) {
          const token =
            rule.freshSession && caller !== "ANONYMOUS"
              ? await api.signIn(own.emailOf(caller), DEMO_PASSWORD)
              : tokens.get(caller);
          const response = await rule.call(api, target, token, caller);
          const outcome = outcomeOf(rule, response, target);
          const expected = (where === "own" ? rule.own : (rule.other ?? [])).includes(caller) ? "allowed" : "denied";
          cells++;
          if (outcome !== expected)
            mismatches.push(
              `${name} by ${caller} on ${where}: expected ${expected}, got ${outcome} ${JSON.stringify(response).slice(0, 300)}`,
            );
          // Whatever the rule, nothing of another authority reaches anyone.
          if (idsIn(response.data).some((id) => other.ids.has(id))) leaks.push(`${name} by ${caller} on ${where}`);
        }
    }
    console.info(
      `permission matrix: ${Object.keys(RULES).length} operations, ${CALLERS.length} callers, ${cells} cells`,
    );
    expect(leaks, "responses carrying another authority's ids").toEqual([]);
    expect(mismatches).toEqual([]);
  }, 180_000);
});
