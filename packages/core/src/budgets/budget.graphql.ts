import { BudgetStatus, LedgerEntryKind } from "../generated/prisma/enums.ts";
import { builder } from "../graphql/builder.ts";
import { whereGlobalId } from "../graphql/global-id.ts";
import { Money } from "../graphql/money.graphql.ts";
import { RoleEnum } from "../people/staff-user.graphql.ts";
import { accessibleBy } from "../permissions/casl-prisma.ts";
import { availableOf } from "./budget-balances.ts";

const BudgetStatusEnum = builder.enumType(BudgetStatus, { name: "BudgetStatus" });
const LedgerEntryKindEnum = builder.enumType(LedgerEntryKind, {
  name: "LedgerEntryKind",
  description: "Which way an entry moves money: see the Budget type for how each kind changes the balances.",
});

builder.prismaObject("LedgerEntry", {
  description: "One movement of a budget's money. The ledger is append-only.",
  fields: (t) => ({
    kind: t.expose("kind", { type: LedgerEntryKindEnum }),
    amount: t.field({ type: Money, resolve: (entry) => entry.amount }),
    note: t.exposeString("note"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    purchaseRequestId: t.exposeID("purchaseRequestId", { nullable: true }),
  }),
});

builder.prismaNode("Budget", {
  id: { field: "id" },
  nullable: true,
  description:
    "An authority's fund for an area (or the whole authority) and a period. Balances come from its ledger: " +
    "ALLOCATION adds to allocated; COMMITMENT (on approval) adds to committed; RELEASE takes back a commitment; " +
    "SPEND moves committed to spent; RETURN (unspent cash) takes it off spent; LAPSE (period close) removes what is left. " +
    "available = allocated − committed − spent − lapsed, and can never go below zero.",
  findUnique: (id, context) => ({ id, AND: [accessibleBy(context.ability).ofType("Budget")] }),
  fields: (t) => ({
    name: t.exposeString("name"),
    scheme: t.exposeString("scheme", { description: "The scheme whose rules govern requests on this budget." }),
    area: t.relation("area", { nullable: true, description: "null when the budget covers the whole authority." }),
    periodStart: t.expose("periodStart", { type: "Date" }),
    periodEnd: t.expose("periodEnd", { type: "Date" }),
    holderRole: t.expose("holderRole", { type: RoleEnum }),
    status: t.expose("status", { type: BudgetStatusEnum }),
    carryForward: t.exposeBoolean("carryForward"),
    closedAt: t.expose("closedAt", { type: "DateTime", nullable: true }),
    allocated: t.field({ type: Money, resolve: (budget) => budget.allocated }),
    committed: t.field({ type: Money, resolve: (budget) => budget.committed }),
    spent: t.field({ type: Money, resolve: (budget) => budget.spent }),
    lapsed: t.field({ type: Money, resolve: (budget) => budget.lapsed }),
    available: t.field({ type: Money, resolve: (budget) => availableOf(budget) }),
    ledgerEntries: t.relatedConnection("ledgerEntries", {
      cursor: "id",
      description: "Newest first. Empty for people who may not see the ledger.",
      query: (_args, context) => ({
        where: accessibleBy(context.ability).ofType("LedgerEntry"),
        orderBy: [{ sequence: "desc" }],
      }),
    }),
  }),
});

builder.queryField("budgets", (t) =>
  t.prismaConnection({
    type: "Budget",
    cursor: "id",
    description: "Budgets you may see, newest period first.",
    authScopes: { signedIn: true },
    args: {
      areaId: t.arg.globalID({ required: false }),
      status: t.arg({ type: BudgetStatusEnum, required: false }),
    },
    resolve: (query, _root, args, context) =>
      context.db.budget.findMany({
        ...query,
        where: {
          AND: [
            accessibleBy(context.ability).ofType("Budget"),
            args.areaId ? whereGlobalId("areaId", args.areaId, "Area") : {},
            args.status ? { status: args.status } : {},
          ],
        },
        orderBy: [{ periodStart: "desc" }, { name: "asc" }, { id: "asc" }],
      }),
  }),
);
