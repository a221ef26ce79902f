import type { SchemeGate, SchemePlugin } from "@pathfinder/core";
import { QUESTIONS, type Question, recordCaseStudy } from "./case-study.ts";
import { gateOrLeedsError, LeedsError } from "./errors.ts";

type Builder = Parameters<NonNullable<SchemePlugin["graphql"]>>[0];
type CaseStudy = Awaited<ReturnType<typeof recordCaseStudy>>;
type Viewer = NonNullable<Parameters<SchemeGate>[0]["viewer"]>;
const questions = Object.keys(QUESTIONS) as Question[];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The case study is the child's story: its lead professional and the wedge's IPC (or their cover) read it. */
export function mayRead(viewer: Viewer, theCase: { leadProfessionalId: string | null; areaId: string }) {
  const roles = [...viewer.roles, ...viewer.cover.flatMap((colleague) => colleague.roles)];
  return (
    theCase.leadProfessionalId === viewer.id ||
    roles.some((r) => r.role === "APPROVER" && (r.areaId === null || r.areaId === theCase.areaId))
  );
}

/** Leeds' case study proforma: `Case.leedsCaseStudy` and `leedsRecordCaseStudy`. */
export function registerCaseStudy(builder: Builder, gate: SchemeGate) {
  const LeedsCaseStudy = builder.objectRef<CaseStudy>("LeedsCaseStudy").implement({
    description: "The case study proforma, written during and at the end of the work and forwarded to the IPC.",
    fields: (t) => ({
      ...Object.fromEntries(
        questions.map((q) => [q, t.string({ description: `${QUESTIONS[q]}.`, resolve: (study) => study[q] })]),
      ),
      costPrefilled: t.boolean({
        description:
          "The cost answer was filled in from the case's approved requests, and follows them until written over.",
        resolve: (study) => study.costPrefilled,
      }),
      complete: t.boolean({
        description: "Forwarded to the IPC as complete.",
        resolve: (study) => study.completedAt !== null,
      }),
      completedAt: t.field({
        description: "When it was forwarded as complete; null until then.",
        type: "DateTime",
        nullable: true,
        resolve: (study) => study.completedAt,
      }),
      updatedAt: t.field({
        description: "When it was last written to.",
        type: "DateTime",
        resolve: (study) => study.updatedAt,
      }),
    }),
  });

  // Core refuses a field named just "leeds", so the case study hangs off the case directly.
  // `as never`: from a plugin package TypeScript loses the validation plugin's augmentation of
  // the returned field ref; the field itself is fully typed.
  builder.prismaObjectField(
    "Case",
    "leedsCaseStudy",
    (t) =>
      t.field({
        type: LeedsCaseStudy,
        nullable: true,
        description:
          "Leeds' case study proforma: null until started, and for anyone but the case's lead professional and its wedge's IPC.",
        select: { id: true, authorityId: true, areaId: true, leadProfessionalId: true },
        resolve: async (theCase, _args, context) => {
          await gate(context);
          if (!mayRead(context.viewer as Viewer, theCase)) return null;
          return context.db.leedsCaseStudy.findUnique({
            where: { authorityId_caseId: { authorityId: theCase.authorityId, caseId: theCase.id } },
          });
        },
      }) as never,
  );

  const LeedsCaseStudyInput = builder.inputType("LeedsCaseStudyInput", {
    description:
      "Answers left out keep what was written before; a blank cost answer is filled in from the approved requests.",
    fields: (t) => ({
      ...Object.fromEntries(questions.map((q) => [q, t.string({ required: false, description: `${QUESTIONS[q]}.` })])),
      complete: t.boolean({
        required: false,
        description: "Forward it to the IPC as complete: every question answered.",
      }),
    }),
  });

  builder.mutationField("leedsRecordCaseStudy", (t) =>
    t.field({
      type: LeedsCaseStudy,
      description: "Writes or adds to the case study of a case you lead.",
      errors: { types: [LeedsError], dataField: { description: "The case study as saved." } },
      args: {
        caseId: t.arg.globalID({ description: "The case, which you lead." }),
        input: t.arg({ description: "The answers to save.", type: LeedsCaseStudyInput }),
      },
      resolve: async (_root, args, context) => {
        await gateOrLeedsError(() => gate(context));
        if (args.caseId.typename !== "Case" || !UUID.test(args.caseId.id))
          throw new LeedsError("NOT_FOUND", "That is not the id of a case.", "caseId");
        return recordCaseStudy(context.db, context.viewer as Viewer, args.caseId.id, args.input as never);
      },
    }),
  );
}
