import { formatPence, type Pence, type PortalPage } from "@pathfinder/core";
import { UNMET_NEED_READERS, unmetNeedsByWedge } from "./unmet-needs.ts";

/** "COUNSELLING_OR_TRADED_SERVICE" → "Counselling or traded service". */
const categoryWords = (category: string) => {
  const words = category.toLowerCase().replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * The portal page for commissioning (Leeds' guidance: needs the fund cannot meet are "recorded
 * and analysed ... to inform the development of services at wedge and city-wide levels"):
 * the same counts as `leedsUnmetNeedsByWedge`, per wedge and category, never a child.
 */
export const unmetNeedsPage: PortalPage = {
  id: "unmet-needs",
  title: "Unmet needs for commissioning",
  summary: "Needs the fund could not meet, counted per wedge and kind of help, to inform commissioning.",
  roles: [...UNMET_NEED_READERS],
  async content({ db, viewer }) {
    const counts = await unmetNeedsByWedge(db, viewer.authorityId, null, null);
    const total = counts.reduce((sum, row) => sum + row.count, 0);
    return [
      {
        kind: "paragraph",
        text:
          total === 0
            ? "No unmet need has been recorded yet."
            : `${total} unmet ${total === 1 ? "need has" : "needs have"} been recorded since the scheme began. Lead professionals record them on the case when no service, even with the fund, can meet a need.`,
      },
      {
        kind: "table",
        caption: "Unmet needs by wedge and kind of help",
        columns: [
          { label: "Wedge" },
          { label: "Kind of help" },
          { label: "Needs", numeric: true },
          { label: "Estimated cost", numeric: true },
          { label: "Without an estimate", numeric: true },
        ],
        rows: counts.map((row) => [
          row.wedge,
          categoryWords(row.category),
          String(row.count),
          formatPence(row.estimatedCost as Pence),
          String(row.withoutEstimate),
        ]),
        emptyText: "No unmet needs recorded.",
      },
    ];
  },
};
