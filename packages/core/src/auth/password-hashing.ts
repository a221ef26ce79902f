import { hash, verify } from "@node-rs/argon2";

// Argon2id with the library's defaults (19 MiB, 2 passes): OWASP's recommended minimum,
// slow enough to make offline guessing expensive, fast enough (~30 ms) for sign-in.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function passwordMatches(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A real hash of a password nobody knows, verified when the e-mail address is unknown so
 * that the response time does not reveal which addresses have accounts.
 */
export const unknownUserHash = await hashPassword(crypto.randomUUID());
