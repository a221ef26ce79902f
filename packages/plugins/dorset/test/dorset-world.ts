// Test fixtures: fresh cases in Dorset's demo authority, each with its own running total.
import type { TestDatabase } from "@pathfinder/core/testing";
import { storeCafForm } from "../src/demo-data.ts";

let counter = 0;
const londonToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());

/** A date of birth `years` years before today (plus `days` more), as the calendar counts it. */
export function bornYearsAgo(years: number, days = 0): Date {
  const [y, m, d] = londonToday().split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y - years, m - 1, d - days));
}

export interface CaseSpec {
  locality?: string;
  lead?: string;
  dateOfBirth?: Date;
  /** "attached": a CAF with its form; "unattached": a CAF without; "specialist": no CAF at all. */
  caf?: "attached" | "unattached" | "specialist";
  children?: number;
}

export function dorsetWorld(database: TestDatabase) {
  const db = database.db;
  return {
    async budgetOf(locality: string) {
      return (await db.budget.findFirstOrThrow({ where: { scheme: "dorset", area: { is: { name: locality } } } })).id;
    },
    /** An open case led by a demo lead professional, with a CAF as asked. */
    async newCase(spec: CaseSpec = {}) {
      const lead = await db.staffUser.findUniqueOrThrow({ where: { email: spec.lead ?? "lp@dorset.example" } });
      const area = await db.area.findFirstOrThrow({
        where: { authorityId: lead.authorityId, name: spec.locality ?? "Weymouth & Portland" },
      });
      counter += 1;
      const children = [];
      for (let i = 0; i < (spec.children ?? 1); i++)
        children.push(
          await db.child.create({
            data: {
              authorityId: lead.authorityId,
              givenName: `Testchild${counter}-${i}`,
              familyName: "Chesil",
              dateOfBirth: i === 0 ? (spec.dateOfBirth ?? bornYearsAgo(8)) : bornYearsAgo(5),
            },
          }),
        );
      const theCase = await db.case.create({
        data: {
          authorityId: lead.authorityId,
          areaId: area.id,
          leadProfessionalId: lead.id,
          reference: `DOR-T${counter}`,
          children: { create: children.map((child) => ({ childId: child.id })) },
        },
      });
      const caf = spec.caf ?? "attached";
      await db.assessment.create({
        data: {
          authorityId: lead.authorityId,
          caseId: theCase.id,
          kind: caf === "specialist" ? "SPECIALIST" : "CAF",
          completedOn: new Date(Date.now() - 30 * 86_400_000),
          priorityNeeds: ["Confidence"],
          recordedById: lead.id,
          documentId: caf === "attached" ? await storeCafForm(db, lead.authorityId, lead.id) : null,
        },
      });
      return theCase.id;
    },
  };
}
