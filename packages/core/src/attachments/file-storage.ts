import type { DbClient } from "../db/transaction.ts";
import type { AuthorityId } from "../domain/ids.ts";

/**
 * Where attachment bytes live. The metadata row (`attachment`) always lives in PostgreSQL;
 * the bytes go through this interface so another store (S3, disk) can replace the default
 * PostgreSQL one where the GraphQL context is built. Every call names the authority, so a
 * store can fence tenants apart (a prefix, a bucket, a row filter) and a key of one authority
 * never opens another's bytes.
 */
export interface FileStorage {
  /**
   * Stores `bytes` and returns the key to fetch them by. `tx` is the transaction the metadata
   * row is written in: a store inside the database writes in it, so row and bytes land
   * together or not at all; a store outside the database writes at once under a fresh key,
   * so a rollback can leave only an unreferenced object, never a row without its bytes.
   */
  put(authorityId: AuthorityId, bytes: Uint8Array, tx: DbClient): Promise<string>;
  /**
   * The bytes stored under `key` for this authority, or null if there are none. `db`, when
   * given, is the caller's transaction (its authority set): a store inside the database reads
   * through it, as row-level security requires.
   */
  get(authorityId: AuthorityId, key: string, db?: DbClient): Promise<Uint8Array | null>;
}
