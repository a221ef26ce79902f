import { subject } from "@casl/ability";
import { z } from "zod";
import { recordAudit } from "../audit/audit-log.ts";
import { formatPence, type Pence } from "../domain/money.ts";
import { Role } from "../generated/prisma/enums.ts";
import { builder } from "../graphql/builder.ts";
import { DomainError, NotAuthorisedError } from "../graphql/domain-errors.ts";
import { standardErrors } from "../graphql/error-types.ts";
import { findAccessible } from "../graphql/find-accessible.ts";
import { idOfType } from "../graphql/global-id.ts";
import { inTransaction } from "../graphql/in-transaction.ts";
import { requireViewer } from "../graphql/require-viewer.ts";
import { RoleEnum } from "../people/staff-user.graphql.ts";
import { availableOf } from "./budget-balances.ts";
import { postToLedger } from "./budget-ledger.ts";

const pence = z.number().int("Amounts are whole pence").positive("The amount must be more than £0.00");

const CreateBudgetInput = builder.inputType("CreateBudgetInput", {
  description: "A new budget for an area (or the whole authority) and a period.",
  fields: (t) => ({
    name: t.string({
      description: 'The budget\'s name, e.g. "North Dorset 2026-27".',
      validate: z.string().trim().min(1, "Give the budget a name").max(200, "Keep the name under 200 characters"),
    }),
    areaId: t.globalID({ required: false, description: "Leave out for a budget that covers the whole authority." }),
    scheme: t.string({
      required: false,
      description: "The scheme (plugin id) whose rules apply; core's own by default.",
    }),
    periodStart: t.field({ description: "The first day of the period.", type: "Date" }),
    periodEnd: t.field({ description: "The last day of the period; on or after its start.", type: "Date" }),
    holderRole: t.field({
      description: "The role that decides requests on it by default; APPROVER when left out.",
      type: RoleEnum,
      required: false,
    }),
    carryForward: t.boolean({
      description: "Whether what is left carries forward at the close instead of lapsing; false when left out.",
      required: false,
    }),
    initialAllocation: t.field({
      description: "Money to allocate at once, in pence.",
      type: "Pence",
      required: false,
      validate: pence,
    }),
  }),
  validate: z
    .looseObject({ periodStart: z.date(), periodEnd: z.date() })
    .refine((input) => input.periodEnd >= input.periodStart, {
      message: "The period must end on or after its start",
      path: ["periodEnd"],
    }),
});

builder.mutationField("createBudget", (t) =>
  t.prismaField({
    description: "Creates a budget, optionally with a first allocation. Budget managers only.",
    type: "Budget",
    errors: { types: [...standardErrors], dataField: { description: "The new budget." } },
    args: { input: t.arg({ description: "The budget.", type: CreateBudgetInput }) },
    resolve: async (query, _root, { input }, context) => {
      const viewer = requireViewer(context);
      const areaId = input.areaId ? idOfType(input.areaId, "Area", "input.areaId") : null;
      if (!context.ability.can("create", subject("Budget", { authorityId: viewer.authorityId, areaId } as never)))
        throw new NotAuthorisedError("Only a budget manager can create budgets.");
      return inTransaction(context, async (tx) => {
        if (areaId) await findAccessible(tx, context.ability, "area", areaId, "read", "The area", "input.areaId");
        const budget = await tx.budget.create({
          data: {
            authorityId: viewer.authorityId,
            areaId,
            name: input.name,
            scheme: input.scheme ?? "core",
            periodStart: input.periodStart,
            periodEnd: input.periodEnd,
            holderRole: input.holderRole ?? Role.APPROVER,
            carryForward: input.carryForward ?? false,
          },
        });
        if (input.initialAllocation)
          await postToLedger(tx, viewer, {
            budgetId: budget.id,
            kind: "ALLOCATION",
            amount: input.initialAllocation,
            note: "Initial allocation",
          });
        await recordAudit(tx, viewer, {
          action: "budget.create",
          entityType: "Budget",
          entityId: budget.id,
          summary: `Created budget ${budget.name}${input.initialAllocation ? ` with ${formatPence(input.initialAllocation)}` : ""}`,
          after: budget,
        });
        return tx.budget.findUniqueOrThrow({ ...query, where: { id: budget.id } });
      });
    },
  }),
);

builder.mutationField("allocateToBudget", (t) =>
  t.prismaField({
    description: "Adds money to an open budget (an ALLOCATION ledger entry).",
    type: "Budget",
    errors: { types: [...standardErrors], dataField: { description: "The budget with its new balances." } },
    args: {
      budgetId: t.arg.globalID({ description: "The budget." }),
      amount: t.arg({ description: "How much to add, in pence.", type: "Pence", validate: pence }),
      note: t.arg.string({ description: "Why, for the ledger.", required: false }),
    },
    resolve: async (query, _root, args, context) => {
      const viewer = requireViewer(context);
      const id = idOfType(args.budgetId, "Budget", "budgetId");
      return inTransaction(context, async (tx) => {
        await findAccessible(tx, context.ability, "budget", id, "allocate", "The budget", "budgetId");
        await postToLedger(tx, viewer, {
          budgetId: id,
          kind: "ALLOCATION",
          amount: args.amount,
          note: args.note ?? "",
        });
        await recordAudit(tx, viewer, {
          action: "budget.allocate",
          entityType: "Budget",
          entityId: id,
          summary: `Allocated ${formatPence(args.amount)}`,
        });
        return tx.budget.findUniqueOrThrow({ ...query, where: { id } });
      });
    },
  }),
);

builder.mutationField("closeBudgetPeriod", (t) =>
  t.prismaField({
    type: "Budget",
    description:
      "Closes the budget's period: it takes no new allocations or commitments, and unless the budget carries forward, " +
      "what is still available lapses. Existing commitments can still be spent or released.",
    errors: { types: [...standardErrors], dataField: { description: "The closed budget." } },
    args: { budgetId: t.arg.globalID({ description: "The budget to close." }) },
    resolve: async (query, _root, args, context) => {
      const viewer = requireViewer(context);
      const id = idOfType(args.budgetId, "Budget", "budgetId");
      return inTransaction(context, async (tx) => {
        await findAccessible(tx, context.ability, "budget", id, "update", "The budget", "budgetId");
        await tx.$queryRaw`SELECT 1 FROM budget WHERE id = ${id}::uuid FOR NO KEY UPDATE`;
        const budget = await tx.budget.findUniqueOrThrow({ where: { id } });
        if (budget.status === "CLOSED")
          throw new DomainError("ALREADY_CLOSED", "This budget's period is already closed.");
        const left = availableOf(budget);
        if (!budget.carryForward && left > 0)
          await postToLedger(tx, viewer, {
            budgetId: id,
            kind: "LAPSE",
            amount: left as Pence,
            note: "Lapsed at the close of the period",
          });
        await tx.budget.update({ where: { id }, data: { status: "CLOSED", closedAt: new Date() } });
        await recordAudit(tx, viewer, {
          action: "budget.close",
          entityType: "Budget",
          entityId: id,
          summary: `Closed ${budget.name}${!budget.carryForward && left > 0 ? `; ${formatPence(left)} lapsed` : ""}`,
        });
        return tx.budget.findUniqueOrThrow({ ...query, where: { id } });
      });
    },
  }),
);
