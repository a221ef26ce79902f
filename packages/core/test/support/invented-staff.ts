// The invented people the domain tests sign in as. One cast, so that "lp@alpha.test" is the same
// health visitor in the purchase tests and the report tests, and a test world names only who it
// needs.
import { encodeGlobalID } from "@pothos/plugin-relay";
import type { DemoAuthority } from "../../src/seed/demo-people.ts";

export const PASSWORD = "correct horse battery staple";

/** A Relay global id exactly as the API encodes it. */
export const globalId = (type: string, id: string) => encodeGlobalID(type, id);

type Person = DemoAuthority["staff"][number];
type Casting = Omit<Person, "email">;

const cast = {
  lp: { name: "Lena Price", jobTitle: "Health visitor", roles: [{ role: "LEAD_PROFESSIONAL", area: "North" }] },
  lp2: { name: "Omar Quinn", jobTitle: "Teacher", roles: [{ role: "LEAD_PROFESSIONAL", area: "North" }] },
  approver: { name: "Ada North", jobTitle: "Co-ordinator", roles: [{ role: "APPROVER", area: "North" }] },
  "approver-south": { name: "Sol South", jobTitle: "Co-ordinator", roles: [{ role: "APPROVER", area: "South" }] },
  // Someone who both leads cases and approves in North: separation of duties bites here.
  dual: {
    name: "Dee Dual",
    jobTitle: "Family worker",
    roles: [
      { role: "LEAD_PROFESSIONAL", area: "North" },
      { role: "APPROVER", area: "North" },
    ],
  },
  "overseer-south": {
    name: "Sian Steer",
    jobTitle: "Steering group chair",
    roles: [{ role: "OVERSEER", area: "South" }],
  },
  budgets: { name: "Bea Budget", jobTitle: "Budget manager", roles: [{ role: "BUDGET_MANAGER" }] },
  finance: { name: "Finn Ance", jobTitle: "Finance officer", roles: [{ role: "FINANCE_OFFICER" }] },
  admin: { name: "Alys Admin", jobTitle: "Administrator", roles: [{ role: "AUTHORITY_ADMIN" }] },
  norole: { name: "Nell Noroles", jobTitle: "Receptionist", roles: [] },
} satisfies Record<string, Casting>;

export type CastMember = keyof typeof cast;

/** The named members of the cast, with e-mail addresses at `<code>.test`. */
export function inventedStaff(code: string, who: CastMember[]): Person[] {
  return who.map((local) => ({ email: `${local}@${code}.test`, ...(cast[local] as Casting) }));
}
