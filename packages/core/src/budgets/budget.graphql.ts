import { BudgetStatus, LedgerEntryKind } from "../generated/prisma/enums.ts";
import { builder } from "../graphql/builder.ts";
import { whereGlobalId } from "../graphql/global-id.ts";
import { Money } from "../graphql/money.graphql.ts";
import { RoleEnum } from "../people/staff-user.graphql.ts";
import { accessibleBy } from "../permissions/casl-prisma.ts";
import { availableOf } from "./budget-balances.ts";

const BudgetStatusEnum = builder.enumType(BudgetStatus, {
  values: {
    OPEN: { description: "Takes allocations and commitments." },
    CLOSED: { description: "Its period is closed: existing commitments can still be spent or released." },
  },
  description: "Whether a budget's period is open for allocations and commitments.",
  name: "BudgetStatus",
});
const LedgerEntryKindEnum = builder.enumType(LedgerEntryKind, {
  name: "LedgerEntryKind",
  values: {
    ALLOCATION: { description: "Money put into the budget." },
    COMMITMENT: { description: "Money promised to an approved request." },
    RELEASE: { description: "A commitment given back: the request was cancelled or cost less." },
    SPEND: { description: "Committed money paid out (an order paid, cash issued)." },
    RETURN: { description: "Unspent cash handed back after receipts." },
    LAPSE: { description: "Money left at the close of the period that does not carry forward." },
  },
  description: "Which way an entry moves money: see the Budget type for how each kind changes the balances.",
});

builder.prismaObject("LedgerEntry", {
  description: "One movement of a budget's money. The ledger is append-only.",
  fields: (t) => ({
    kind: t.expose("kind", { description: "Which way the entry moves money.", type: LedgerEntryKindEnum }),
    amount: t.field({
      description: "How much; always positive (the kind gives the direction).",
      type: Money,
      resolve: (entry) => entry.amount,
    }),
    note: t.exposeString("note", { description: "Why, in words." }),
    createdAt: t.expose("createdAt", { description: "When it was posted.", type: "DateTime" }),
    purchaseRequestId: t.exposeID("purchaseRequestId", {
      description: "The purchase request it is for, if any (a database id, not a global id).",
      nullable: true,
    }),
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
    name: t.exposeString("name", { description: 'The budget\'s name, e.g. "North Dorset 2026-27".' }),
    scheme: t.exposeString("scheme", { description: "The scheme whose rules govern requests on this budget." }),
    area: t.relation("area", { nullable: true, description: "null when the budget covers the whole authority." }),
    periodStart: t.expose("periodStart", { description: "The first day of the budget's period.", type: "Date" }),
    periodEnd: t.expose("periodEnd", { description: "The last day of the budget's period.", type: "Date" }),
    holderRole: t.expose("holderRole", {
      description: "The role that decides requests on this budget by default.",
      type: RoleEnum,
    }),
    status: t.expose("status", { description: "OPEN, or CLOSED at the end of its period.", type: BudgetStatusEnum }),
    carryForward: t.exposeBoolean("carryForward", {
      description: "Whether what is left carries forward at the close instead of lapsing.",
    }),
    closedAt: t.expose("closedAt", {
      description: "When its period was closed; null while open.",
      type: "DateTime",
      nullable: true,
    }),
    allocated: t.field({
      description: "Everything allocated to it.",
      type: Money,
      resolve: (budget) => budget.allocated,
    }),
    committed: t.field({
      description: "Approved but not yet spent.",
      type: Money,
      resolve: (budget) => budget.committed,
    }),
    spent: t.field({
      description: "Spent, net of unspent cash returned.",
      type: Money,
      resolve: (budget) => budget.spent,
    }),
    lapsed: t.field({
      description: "Removed when its period closed.",
      type: Money,
      resolve: (budget) => budget.lapsed,
    }),
    available: t.field({
      description: "What is left to commit: allocated − committed − spent − lapsed; never below zero.",
      type: Money,
      resolve: (budget) => availableOf(budget),
    }),
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
      areaId: t.arg.globalID({ description: "Only budgets of this area.", required: false }),
      status: t.arg({ description: "Only budgets with this status.", type: BudgetStatusEnum, required: false }),
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
