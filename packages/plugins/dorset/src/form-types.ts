// The object types of Dorset's form and how one request's form is loaded.
import type { Database, SchemePlugin } from "@pathfinder/core";
import { dorsetExtensionOf } from "./request-extension.ts";

type Builder = Parameters<NonNullable<SchemePlugin["graphql"]>>[0];

interface FormSource {
  id: string;
  authorityId: string;
  extensions: unknown;
  reviewDueOn: Date | null;
}

/** The object types of the form, and how to load one request's. */
export function formTypes(builder: Builder) {
  const staffName = async (db: Database, id: string) =>
    (await db.staffUser.findUnique({ where: { id }, select: { name: true } }))?.name ?? "";

  const PartTwo = builder.objectRef<PartTwoRow>("DorsetAgreement").implement({
    description: "Part two: completed by the locality co-ordinator.",
    fields: (t) => ({
      serviceAgreed: t.exposeString("serviceAgreed", { description: "The service agreed." }),
      serviceAgreedOn: t.expose("serviceAgreedOn", { description: "When it was agreed.", type: "Date" }),
      reviewProcess: t.exposeString("reviewProcess", { description: "How the outcome will be reviewed (part three)." }),
      reviewDueOn: t.expose("reviewDueOn", { type: "Date", description: "When part three is due." }),
      notes: t.exposeString("notes", { description: "The co-ordinator's notes." }),
      recordedBy: t.exposeString("recordedBy", { description: "The co-ordinator who completed it." }),
      recordedAt: t.expose("recordedAt", { description: "When part two was completed.", type: "DateTime" }),
    }),
  });

  const PartThree = builder.objectRef<PartThreeRow>("DorsetOutcome").implement({
    description: "Part three, at review: the outcome, the family's comments, other notes, the date and who signed.",
    fields: (t) => ({
      outcomeAchieved: t.exposeString("outcomeAchieved", {
        description: "The outcome, in the lead professional's words.",
      }),
      familyComments: t.exposeString("familyComments", { description: "What the family said." }),
      otherNotes: t.exposeString("otherNotes", { description: "Anything else." }),
      date: t.expose("date", { description: "When part three was completed.", type: "DateTime" }),
      signedBy: t.exposeString("signedBy", { description: "Who signed it off." }),
    }),
  });

  const DorsetForm = builder.objectRef<FormRow>("DorsetForm").implement({
    description: "Dorset's application and monitoring form. Part one is the request itself.",
    fields: (t) => ({
      exceptional: t.exposeBoolean("exceptional", {
        description: "Asked for in exceptional circumstances (up to £1,000 a case).",
      }),
      exceptionalReason: t.exposeString("exceptionalReason", {
        description: "Why the grant is exceptional; empty when it is not.",
      }),
      partTwo: t.field({
        description: "Part two, the co-ordinator's agreement; null until completed.",
        type: PartTwo,
        nullable: true,
        resolve: (form) => form.partTwo,
      }),
      partThreeDueOn: t.expose("partThreeDueOn", {
        description: "When part three, the outcome review, is due.",
        type: "Date",
        nullable: true,
      }),
      partThree: t.field({
        description: "Part three, the outcome review; null until recorded.",
        type: PartThree,
        nullable: true,
        resolve: (form) => form.partThree,
      }),
    }),
  });

  async function loadForm(db: Database, request: FormSource): Promise<FormRow> {
    const key = { authorityId_purchaseRequestId: { authorityId: request.authorityId, purchaseRequestId: request.id } };
    const [agreement, review] = await Promise.all([
      db.dorsetAgreement.findUnique({ where: key }),
      db.review.findUnique({ where: key }),
    ]);
    return {
      ...dorsetExtensionOf((request.extensions ?? {}) as Record<string, unknown>),
      partTwo: agreement && { ...agreement, recordedBy: await staffName(db, agreement.recordedById) },
      partThreeDueOn: request.reviewDueOn,
      partThree: review && {
        outcomeAchieved: review.outcomeAchieved,
        familyComments: review.familyComments,
        otherNotes: review.otherNotes,
        date: review.recordedAt,
        signedBy: await staffName(db, review.recordedById),
      },
    };
  }
  return { DorsetForm, loadForm };
}

interface PartTwoRow {
  serviceAgreed: string;
  serviceAgreedOn: Date;
  reviewProcess: string;
  reviewDueOn: Date;
  notes: string;
  recordedBy: string;
  recordedAt: Date;
}
interface PartThreeRow {
  outcomeAchieved: string;
  familyComments: string;
  otherNotes: string;
  date: Date;
  signedBy: string;
}
interface FormRow {
  exceptional: boolean;
  exceptionalReason: string;
  partTwo: PartTwoRow | null;
  partThreeDueOn: Date | null;
  partThree: PartThreeRow | null;
}
