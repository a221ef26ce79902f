import { hashPassword } from "../../src/auth/password-hashing.ts";
import type { Database } from "../../src/db/prisma-client.ts";
import { type DemoAuthority, seedAuthority } from "../../src/seed/demo-people.ts";

export const TEST_PASSWORD = "correct horse battery staple";

const authority = (code: string, name: string): DemoAuthority => ({
  name,
  code,
  areas: [`${name} North`, `${name} South`],
  staff: [
    {
      email: `lp@${code}.test`,
      name: `Lead Professional ${name}`,
      jobTitle: "Teacher",
      roles: [{ role: "LEAD_PROFESSIONAL", area: `${name} North` }],
    },
    {
      email: `admin@${code}.test`,
      name: `Admin ${name}`,
      jobTitle: "Administrator",
      roles: [{ role: "AUTHORITY_ADMIN" }],
    },
  ],
});

/** Two invented authorities, A and B, each with two areas, a lead professional and an admin. */
export async function seedTwoAuthorities(db: Database) {
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const a = await seedAuthority(db, authority("alpha", "Alphaton"), passwordHash);
  const b = await seedAuthority(db, authority("beta", "Betaford"), passwordHash);
  return { a, b };
}
