import { builder } from "../graphql/builder.ts";
import { EVALUATION_COLUMNS, evaluationQuery, evaluationScopeOf } from "./evaluation-export.ts";
import { reportTableType } from "./report-table-type.ts";
import { runQuery } from "./run-report.ts";
import { evaluationMinCount } from "./suppression-threshold.ts";

const EvaluationFilter = builder.inputType("EvaluationFilter", {
  description: "Narrows the evaluation export to a scheme and a period.",
  fields: (t) => ({
    scheme: t.string({ required: false, description: 'A scheme\'s id, e.g. "dorset"; left out, every scheme.' }),
    from: t.field({ type: "Date", required: false, description: "First day counted (UK), by submission." }),
    to: t.field({ type: "Date", required: false, description: "Last day counted (UK), inclusive." }),
  }),
});

const EvaluationRow = reportTableType(
  "EvaluationRow",
  "A row of the national evaluation's extract.",
  EVALUATION_COLUMNS,
);

builder.queryField("evaluationExport", (t) =>
  t.field({
    type: [EvaluationRow],
    description:
      "Cost per episode of support (one case's grants in the period) per authority and scheme, for a national evaluation. Rows counting fewer episodes or children than the platform's minimum are withheld. Platform administrators: every authority; an authority's administrator: their own. CSV: /reports/evaluation.csv.",
    authScopes: { signedIn: true },
    args: {
      filter: t.arg({ type: EvaluationFilter, required: false, description: "Left out: every scheme, all time." }),
    },
    resolve: (_root, args, context) =>
      runQuery(context.db, evaluationQuery(evaluationScopeOf(context.viewer), args.filter ?? {}, evaluationMinCount())),
  }),
);
