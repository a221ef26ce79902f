// Dorset's three-part application and monitoring form as data: `PurchaseRequest.dorset` reads
// it; `dorsetRecordAgreement` completes part two. Part one is the request itself; part three is
// core's outcome review.
import type { SchemePlugin } from "@pathfinder/core";
import { z } from "zod";
import { type AgreementInput, recordAgreement } from "./agreement.ts";
import { DorsetError } from "./errors.ts";
import { formTypes } from "./form-types.ts";

/**
 * The brief names this field `PurchaseRequest.dorset`, but core's prefix check refuses a name that
 * is the bare prefix; until it allows one, the form is `PurchaseRequest.dorsetForm`.
 */
export const FORM_FIELD = "dorsetForm";

export const dorsetGraphQL: NonNullable<SchemePlugin["graphql"]> = (builder, gate) => {
  const { DorsetForm, loadForm } = formTypes(builder);
  // Core's error classes are not part of the plugin surface: Dorset's own, under core's Error interface.
  builder.objectType(DorsetError, {
    name: "DorsetError",
    description: "Something about Dorset's form a person can act on.",
    interfaces: ["Error" as never],
    fields: (t) => ({
      field: t.exposeString("field", { nullable: true, description: "The input field this error concerns, if any." }),
    }),
  });

  // `as never`: from a plugin package, TypeScript loses the validation plugin's augmentation of
  // the returned field ref; the field itself is fully typed.
  builder.prismaObjectField(
    "PurchaseRequest",
    FORM_FIELD,
    (t) =>
      t.field({
        type: DorsetForm,
        nullable: true,
        description:
          "Dorset's application and monitoring form for this request; null when its budget is not on Dorset's scheme.",
        select: {
          id: true,
          authorityId: true,
          extensions: true,
          reviewDueOn: true,
          budget: { select: { scheme: true } },
        },
        resolve: async (request, _args, context) => {
          await gate(context);
          if (request.budget.scheme !== "dorset") return null;
          return loadForm(context.db, request);
        },
      }) as never,
  );

  const AgreementInputRef = builder.inputType("DorsetAgreementInput", {
    description: "Part two of the form, completed by the locality co-ordinator once the grant is agreed.",
    fields: (t) => ({
      serviceAgreed: t.string({ description: "The service agreed." }),
      serviceAgreedOn: t.field({ type: "Date", description: "When it was agreed." }),
      reviewProcess: t.string({
        description: "How the outcome will be reviewed (part three), in proportion to the amount.",
      }),
      reviewDueOn: t.field({
        type: "Date",
        required: false,
        description: "When part three is due; left out, the date set on approval.",
      }),
      notes: t.string({ description: "Any notes.", required: false }),
    }),
  });

  builder.mutationField("dorsetRecordAgreement", (t) =>
    t.prismaField({
      type: "PurchaseRequest",
      description:
        "Completes (or corrects) part two of Dorset's form: the locality co-ordinator's agreement and when part three is due.",
      errors: { types: [DorsetError], dataField: { description: "The request with part two completed." } },
      args: {
        requestId: t.arg.globalID({ description: "The Dorset purchase request." }),
        input: t.arg({ description: "Part two of the form.", type: AgreementInputRef }),
      },
      resolve: async (query, _root, args, context) => {
        await gate(context);
        const viewer = context.viewer as NonNullable<typeof context.viewer>;
        if (args.requestId.typename !== "PurchaseRequest")
          throw new DorsetError("NOT_FOUND", "That is not the id of a purchase request.", "requestId");
        const id = args.requestId.id;
        const input = validAgreement(args.input);
        await context.db.$transaction((tx) => recordAgreement(tx, viewer, id, input));
        const select = (query as { select?: object }).select;
        return context.db.purchaseRequest.findUniqueOrThrow({
          ...(select && Object.keys(select).length === 0 ? {} : query),
          where: { id },
        });
      },
    }),
  );
};

const agreementSchema = z.looseObject({
  serviceAgreed: z.string().trim().min(1, "Say what service was agreed").max(4000, "Keep this under 4,000 characters"),
  reviewProcess: z
    .string()
    .trim()
    .min(1, "Say how the outcome will be reviewed")
    .max(4000, "Keep this under 4,000 characters"),
  notes: z.string().max(4000, "Keep the notes under 4,000 characters").nullish(),
});

/** Every problem with part two at once, against the first field concerned. */
function validAgreement(input: unknown): AgreementInput {
  const parsed = agreementSchema.safeParse(input);
  if (parsed.success) return parsed.data as unknown as AgreementInput;
  const first = parsed.error.issues[0]?.path.map(String).join(".");
  throw new DorsetError(
    "INVALID_INPUT",
    parsed.error.issues.map((issue) => issue.message).join("; "),
    `input.${first}`,
  );
}
