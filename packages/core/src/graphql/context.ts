import type { FileStorage } from "../attachments/file-storage.ts";
import type { PasswordAttemptState } from "../auth/password-attempt.ts";
import type { Database } from "../db/prisma-client.ts";
import type { AppAbility } from "../permissions/casl-prisma.ts";
import type { Viewer } from "../permissions/viewer.ts";
import type { SchemePlugin } from "../plugins/plugin-contract.ts";
import type { SchemeRegistry } from "../schemes/scheme-rules.ts";

/** What every resolver receives: who is asking, what they may do, and the database. */
export interface GraphQLContext {
  db: Database;
  viewer: Viewer | null;
  ability: AppAbility;
  /** The raw session token of this request, so sign-out can revoke it. */
  sessionToken: string | null;
  /** Adds a Set-Cookie header to this request's response (sign-in, sign-out). */
  setCookie(cookie: string): void;
  secureCookies: boolean;
  /** The client's network address (for limiting sign-in attempts), or null when unknown. */
  clientAddress: string | null;
  /** Password checks of this request, by field response key (server/password-attempt-limits.ts). */
  passwordAttempts: Map<string, PasswordAttemptState>;
  /** The rules of each scheme, as each authority configured them. */
  schemes: SchemeRegistry;
  /** Where attachment bytes are kept (PostgreSQL unless the server was given another store). */
  files: FileStorage;
  /** The installed scheme plugins, by id. */
  plugins: ReadonlyMap<string, SchemePlugin>;
  /** The schemes the viewer's authority has enabled (empty when nobody is signed in). */
  schemesEnabled(): Promise<Set<string>>;
  /** The settings in force today for one of those schemes (parsed), or undefined. */
  schemeSettings(schemeId: string): Promise<unknown>;
}
