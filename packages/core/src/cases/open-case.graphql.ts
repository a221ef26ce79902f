import { builder } from "../graphql/builder.ts";
import { standardErrors } from "../graphql/error-types.ts";
import { requireViewer } from "../graphql/require-viewer.ts";
import { CaseRef } from "./case.graphql.ts";
import { openCase } from "./open-case.ts";
import { OpenCaseInput } from "./open-case-input.graphql.ts";

builder.mutationField("openCase", (t) =>
  t.prismaField({
    type: CaseRef,
    description:
      "Opens a case for a child, or siblings, in one of your areas. You become its lead professional. " +
      "New children are added to the record; siblings share one household.",
    errors: { types: [...standardErrors], dataField: { description: "The new case." } },
    args: { input: t.arg({ description: "The case to open.", type: OpenCaseInput }) },
    resolve: async (query, _root, { input }, context) => {
      const viewer = requireViewer(context);
      return context.db.$transaction(async (tx) => {
        const created = await openCase(tx, context, viewer, input);
        return tx.case.findUniqueOrThrow({ ...query, where: { id: created.id } });
      });
    },
  }),
);
