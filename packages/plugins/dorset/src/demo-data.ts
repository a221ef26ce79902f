// Demo data: an invented authority running Dorset's pilot. Every person here is invented.
import { createHash, randomUUID } from "node:crypto";
import { type Database, type DemoSeedHelpers, seedAuthority, seedFundedBudget } from "@pathfinder/core";

/** The protocol's six localities ("W&P; West Dorset; North Dorset; Purbeck; East Dorset; Christchurch"). */
export const DORSET_LOCALITIES = [
  "Weymouth & Portland",
  "West Dorset",
  "North Dorset",
  "Purbeck",
  "East Dorset",
  "Christchurch",
];

/** Purbeck's co-ordinator post is not filled yet: other localities' co-ordinators agree its grants. */
const coordinators: [string, string, string][] = [
  ["coordinator-weymouth@dorset.example", "Rosalind Hardcastle", "Weymouth & Portland"],
  ["coordinator-west@dorset.example", "Gideon Marsh-Tilley", "West Dorset"],
  ["coordinator-north@dorset.example", "Bethan Ashdown", "North Dorset"],
  ["coordinator-east@dorset.example", "Callum Okoro", "East Dorset"],
  ["coordinator-christchurch@dorset.example", "Imogen Fairley", "Christchurch"],
];

/** £40,000 for the pilot, shared between the localities' budgets to the penny. */
export function localityShares(total: number, count: number): number[] {
  const share = Math.floor(total / count);
  return Array.from({ length: count }, (_, i) => share + (i < total - share * count ? 1 : 0));
}

/** A scanned CAF form, stored like an upload, for an assessment's `documentId`. */
export async function storeCafForm(db: Database, authorityId: string, uploadedById: string): Promise<string> {
  const bytes = new TextEncoder().encode("%PDF-1.4\n% Invented CAF form for demonstration\n%%EOF\n");
  const key = randomUUID();
  await db.storedFile.create({ data: { key, authorityId, content: bytes } });
  const attachment = await db.attachment.create({
    data: {
      authorityId,
      kind: "ASSESSMENT",
      filename: "caf-form.pdf",
      contentType: "application/pdf",
      size: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      storageKey: key,
      uploadedById,
    },
  });
  return attachment.id;
}

export async function seedDorsetDemo(db: Database, { enable }: DemoSeedHelpers): Promise<void> {
  const seeded = await seedAuthority(db, {
    name: "Dorset BHLP pilot (demo)",
    code: "dorset-demo",
    areas: DORSET_LOCALITIES,
    staff: [
      {
        email: "lp@dorset.example",
        name: "Harriet Colebrook",
        jobTitle: "Health visitor",
        roles: [{ role: "LEAD_PROFESSIONAL", area: "Weymouth & Portland" }],
      },
      {
        email: "lp-purbeck@dorset.example",
        name: "Tobias Wareham",
        jobTitle: "Education welfare officer",
        roles: [{ role: "LEAD_PROFESSIONAL", area: "Purbeck" }],
      },
      ...coordinators.map(([email, name, area]) => ({
        email,
        name,
        jobTitle: "Locality co-ordinator",
        roles: [{ role: "APPROVER" as const, area }],
      })),
      {
        email: "finance@dorset.example",
        name: "Percy Lulworth",
        jobTitle: "Finance officer",
        roles: [{ role: "FINANCE_OFFICER" }],
      },
      {
        email: "budgets@dorset.example",
        name: "Wendy Stalbridge",
        jobTitle: "Children's Fund manager",
        roles: [{ role: "BUDGET_MANAGER" }],
      },
      {
        email: "admin@dorset.example",
        name: "Alfred Bincombe",
        jobTitle: "Service administrator",
        roles: [{ role: "AUTHORITY_ADMIN" }],
      },
    ],
  });
  const { authorityId, areas, staff } = seeded;
  await enable(authorityId);
  const shares = localityShares(4_000_000, DORSET_LOCALITIES.length);
  for (const [index, name] of DORSET_LOCALITIES.entries()) {
    await seedFundedBudget(db, {
      authorityId,
      areaId: areas.get(name) as string,
      scheme: "dorset",
      name: `${name} BHLP pilot`,
      allocation: shares[index] as number,
      note: "Share of the Children's Fund pilot money",
    });
  }

  const openCase = async (
    lead: string,
    locality: string,
    reference: string,
    child: { givenName: string; familyName: string; dateOfBirth: string },
    needs: string[],
  ) => {
    const leadId = staff.get(lead) as string;
    const created = await db.child.create({
      data: { authorityId, ...child, dateOfBirth: new Date(child.dateOfBirth) },
    });
    const theCase = await db.case.create({
      data: {
        authorityId,
        areaId: areas.get(locality) as string,
        leadProfessionalId: leadId,
        reference,
        children: { create: { childId: created.id } },
      },
    });
    await db.assessment.create({
      data: {
        authorityId,
        caseId: theCase.id,
        kind: "CAF",
        completedOn: new Date(Date.now() - 14 * 86_400_000),
        priorityNeeds: needs,
        recordedById: leadId,
        documentId: await storeCafForm(db, authorityId, leadId),
      },
    });
  };
  await openCase(
    "lp@dorset.example",
    "Weymouth & Portland",
    "DOR-0001",
    { givenName: "Kezia", familyName: "Portesham", dateOfBirth: "2017-02-09" },
    ["Confidence after a house move", "Swimming lessons with her class"],
  );
  await openCase(
    "lp-purbeck@dorset.example",
    "Purbeck",
    "DOR-0002",
    { givenName: "Alfie", familyName: "Studland", dateOfBirth: "2012-11-23" },
    ["Getting to college", "Anger management support"],
  );
}
