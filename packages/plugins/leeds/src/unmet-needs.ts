import type { Database, SchemeGate, SchemePlugin } from "@pathfinder/core";
import { LeedsError } from "./errors.ts";

type Builder = Parameters<NonNullable<SchemePlugin["graphql"]>>[0];

interface UnmetNeedCount {
  wedge: string;
  category: string;
  count: number;
  estimatedCost: number;
  withoutEstimate: number;
}

/** Who analyses unmet needs for commissioning: the IPCs, and those who plan and oversee the fund. */
export const UNMET_NEED_READERS = ["APPROVER", "OVERSEER", "BUDGET_MANAGER", "AUTHORITY_ADMIN"] as const;
const REPORT_ROLES = new Set<string>(UNMET_NEED_READERS);

/**
 * "Where services cannot be provided even with the use of the fund ... this information [is]
 * recorded and analysed for reporting purposes to inform the development of services at wedge
 * and city-wide levels." Counts only, per wedge and category: no child can be picked out here.
 */
export function registerUnmetNeedsReport(builder: Builder, gate: SchemeGate) {
  const LeedsUnmetNeedCount = builder.objectRef<UnmetNeedCount>("LeedsUnmetNeedCount").implement({
    description: "How many needs the fund could not meet, in one wedge and purchase category.",
    fields: (t) => ({
      wedge: t.exposeString("wedge", { description: "The wedge (area) the needs arose in." }),
      category: t.exposeString("category", {
        description: "A PurchaseCategory value, e.g. COUNSELLING_OR_TRADED_SERVICE.",
      }),
      count: t.exposeInt("count", { description: "How many unmet needs were recorded." }),
      estimatedCost: t.field({
        type: "Pence",
        description: "The estimates given, added up (needs recorded without one add nothing).",
        resolve: (row) => row.estimatedCost,
      }),
      withoutEstimate: t.exposeInt("withoutEstimate", { description: "How many were recorded without an estimate." }),
    }),
  });

  builder.queryField("leedsUnmetNeedsByWedge", (t) =>
    t.field({
      type: [LeedsUnmetNeedCount],
      description: "Unmet needs recorded in your authority, counted per wedge and category, for commissioning.",
      args: {
        from: t.arg({ type: "Date", required: false, description: "Recorded on or after this day." }),
        to: t.arg({ type: "Date", required: false, description: "Recorded on or before this day." }),
      },
      resolve: async (_root, args, context) => {
        await gate(context);
        const viewer = context.viewer as NonNullable<typeof context.viewer>;
        if (!viewer.roles.some((assignment) => REPORT_ROLES.has(assignment.role)))
          throw new LeedsError("NOT_AUTHORISED", "Unmet needs are analysed by the IPCs and those who plan the fund.");
        return unmetNeedsByWedge(context.db, viewer.authorityId, args.from ?? null, args.to ?? null);
      },
    }),
  );
}

const DAY = 86_400_000;

export async function unmetNeedsByWedge(db: Database, authorityId: string, from: Date | null, to: Date | null) {
  const start = from ?? new Date(0);
  const end = to ? new Date(to.getTime() + DAY) : new Date("9999-01-01T00:00:00Z");
  return db.$queryRaw<UnmetNeedCount[]>`
    SELECT area.name AS wedge, need.category::text AS category, count(*)::int AS count,
           coalesce(sum(need.estimated_cost_pence), 0)::int AS "estimatedCost",
           count(*) FILTER (WHERE need.estimated_cost_pence IS NULL)::int AS "withoutEstimate"
    FROM unmet_need need
    JOIN case_record c ON c.authority_id = need.authority_id AND c.id = need.case_id
    JOIN area ON area.authority_id = c.authority_id AND area.id = c.area_id
    WHERE need.authority_id = ${authorityId}::uuid AND need.created_at >= ${start} AND need.created_at < ${end}
    GROUP BY area.name, need.category
    ORDER BY area.name, need.category`;
}
