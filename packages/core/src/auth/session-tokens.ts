import { createHash, randomBytes } from "node:crypto";

/** 256 random bits, URL-safe: the token handed to the browser (cookie) or API client (bearer). */
export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Only this hash is stored, so a copy of the database does not hold live sessions. */
export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
