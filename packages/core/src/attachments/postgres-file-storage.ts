import { randomUUID } from "node:crypto";
import type { Database } from "../db/prisma-client.ts";
import type { DbClient } from "../db/transaction.ts";
import type { AuthorityId } from "../domain/ids.ts";
import type { FileStorage } from "./file-storage.ts";

/**
 * The default store: bytes in the `stored_file` table, next to their metadata, so one
 * transaction covers both and backups need nothing extra. Fine for receipts and scanned
 * forms (at most ATTACHMENT_MAX_BYTES each); a deployment with many large files would plug
 * in an object store instead.
 */
export class PostgresFileStorage implements FileStorage {
  constructor(private readonly db: Database) {}

  async put(authorityId: AuthorityId, bytes: Uint8Array, tx: DbClient): Promise<string> {
    // A random key: guessing one reveals nothing, and reads also filter by authority.
    const key = randomUUID();
    await tx.storedFile.create({ data: { key, authorityId, content: new Uint8Array(bytes) } });
    return key;
  }

  async get(authorityId: AuthorityId, key: string, db: DbClient = this.db): Promise<Uint8Array | null> {
    const file = await db.storedFile.findFirst({ where: { key, authorityId }, select: { content: true } });
    return file ? file.content : null;
  }
}
