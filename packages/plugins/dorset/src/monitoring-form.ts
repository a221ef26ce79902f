// Dorset's application and monitoring form as core serves and prints it, section for section as
// the paper original: the locality, part one (the lead professional's application: the request
// itself), part two (the locality co-ordinator's agreement) and part three (the outcome review).
// Every part is written through its own step in Pathfinder, so the form is filled from records.
import { type CaseStudyForm, type CaseStudyQuestion, type Database, formatPence, type Pence } from "@pathfinder/core";

const ECM: Record<string, string> = {
  BE_HEALTHY: "Be Healthy",
  STAY_SAFE: "Stay Safe",
  ENJOY_AND_ACHIEVE: "Enjoy and Achieve",
  MAKE_A_POSITIVE_CONTRIBUTION: "Make a Positive Contribution",
  ACHIEVE_ECONOMIC_WELLBEING: "Achieve Economic Well-being",
};
const LOCALITIES = "W&P; West Dorset; North Dorset; Purbeck; East Dorset; Christchurch";

const fromRecords = (key: string, label: string): CaseStudyQuestion => ({ key, label, answeredBy: "records" });
const day = (date: Date | null | undefined) => (date ? date.toISOString().slice(0, 10) : "");
const ticks = (chosen: readonly string[]) =>
  Object.entries(ECM)
    .map(([value, label]) => `[${chosen.includes(value) ? "x" : " "}] ${label}`)
    .join("   ");

async function loadRequest(db: Database, id: string) {
  return db.purchaseRequest.findFirst({
    where: { id },
    include: {
      budget: { select: { scheme: true } },
      items: { orderBy: { position: "asc" } },
      requester: { select: { name: true, jobTitle: true } },
      case: {
        include: {
          area: { select: { name: true } },
          children: { include: { child: { include: { household: { select: { name: true } } } } } },
          assessments: { orderBy: { completedOn: "desc" } },
        },
      },
    },
  });
}

type Viewer = Parameters<CaseStudyForm["fill"]>[0]["viewer"];

/** The child's form: its lead professional and the co-ordinators (or their cover) read it. */
function mayRead(viewer: Viewer, leadProfessionalId: string | null, requesterId: string) {
  const roles = [...viewer.roles, ...viewer.cover.flatMap((colleague) => colleague.roles)];
  return (
    viewer.id === leadProfessionalId || viewer.id === requesterId || roles.some((role) => role.role === "APPROVER")
  );
}

export const dorsetMonitoringForm: CaseStudyForm = {
  id: "application-and-monitoring",
  title: "Application and Monitoring Form",
  subtitle: "Dorset Budget Holding Lead Professional pilot project",
  subject: "PurchaseRequest",
  sections: [
    { title: "Locality", questions: [fromRecords("locality", `Circle locality (${LOCALITIES})`)] },
    {
      title: "PART ONE",
      questions: [
        fromRecords("childOrFamily", "Name of Child / Family"),
        fromRecords("leadProfessional", "Name and Designation of Lead Professional"),
        fromRecords("cafDate", "Date of CAF (must be attached)"),
        fromRecords("proposedUse", "Proposed use of BHLF finance"),
        fromRecords("intendedOutcomes", "Intended outcomes"),
        fromRecords("ecmOutcomes", "Indicate principle every child matters outcome(s) the resources will support"),
      ],
    },
    {
      title: "PART TWO (for completion by locality co-ordinator)",
      questions: [
        fromRecords("serviceAgreed", "Service Agreed and Date"),
        fromRecords("reviewProcess", "Review Process and Date"),
        fromRecords("notes", "Notes"),
      ],
    },
    {
      title: "PART THREE",
      questions: [
        fromRecords("outcomeAchieved", "Outcome Achieved"),
        fromRecords("familyComments", "Comments from family members"),
        fromRecords("otherNotes", "Other notes"),
        fromRecords("date", "Date"),
        fromRecords("signature", "Signature"),
      ],
    },
  ],
  async fill({ db, viewer, subjectId }) {
    const request = await loadRequest(db, subjectId);
    if (request?.budget.scheme !== "dorset") return null;
    if (!mayRead(viewer, request.case.leadProfessionalId, request.requesterId)) return null;
    const key = { authorityId_purchaseRequestId: { authorityId: request.authorityId, purchaseRequestId: request.id } };
    const [agreement, review] = await Promise.all([
      db.dorsetAgreement.findUnique({ where: key }),
      db.review.findUnique({ where: key }),
    ]);
    const reviewer =
      review && (await db.staffUser.findUnique({ where: { id: review.recordedById }, select: { name: true } }));
    const children = request.case.children.map(({ child }) => child);
    const households = [...new Set(children.map((child) => child.household?.name).filter(Boolean))];
    const caf = request.case.assessments.find((assessment) => assessment.kind === "CAF");
    return {
      locality: request.case.area.name,
      childOrFamily: [children.map((child) => `${child.givenName} ${child.familyName}`).join(", "), ...households]
        .filter(Boolean)
        .join("; "),
      leadProfessional: [request.requester.name, request.requester.jobTitle].filter(Boolean).join(", "),
      cafDate: caf ? `${day(caf.completedOn)}${caf.documentId ? " (attached)" : " (not attached)"}` : "",
      proposedUse: [
        ...request.items.map(
          (item) => `${item.description}: ${item.quantity} x ${formatPence(item.unitCost as Pence)}`,
        ),
        `Total ${formatPence(request.total as Pence)}${request.matchedFunding ? `; matched funding ${formatPence(request.matchedFunding as Pence)}` : ""}`,
      ].join("\n"),
      intendedOutcomes: request.intendedOutcomes,
      ecmOutcomes: ticks(request.ecmOutcomes),
      serviceAgreed: agreement ? `${agreement.serviceAgreed} (${day(agreement.serviceAgreedOn)})` : "",
      reviewProcess: agreement
        ? `${agreement.reviewProcess}; part three due ${day(agreement.reviewDueOn)}`
        : request.reviewDueOn
          ? `Part three due ${day(request.reviewDueOn)}`
          : "",
      notes: agreement?.notes ?? "",
      outcomeAchieved: review
        ? `${review.outcomeAchieved}${review.ecmAchieved.length ? `\nAchieved: ${review.ecmAchieved.map((o) => ECM[o]).join(", ")}` : ""}`
        : "",
      familyComments: review?.familyComments ?? "",
      otherNotes: review?.otherNotes ?? "",
      date: day(review?.recordedAt),
      signature: reviewer?.name ?? "",
    };
  },
};
