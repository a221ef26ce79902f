import { createHash } from "node:crypto";
import type { ArgBuilder } from "@pothos/core";
import { z } from "zod";
import type { Transaction } from "../db/transaction.ts";
import type { BuilderTypes } from "../graphql/builder.ts";
import { DomainError } from "../graphql/domain-errors.ts";
import type { Viewer } from "../permissions/viewer.ts";

/** The optional `idempotencyKey` argument every mutation that moves money takes. */
export function idempotencyKeyArg(arg: ArgBuilder<BuilderTypes>) {
  return arg.string({
    required: false,
    description:
      "Send a fresh random key (a UUID) with each new request and the same key when retrying it: a retry is answered " +
      "with the first request's result and moves no more money. Keys are per authority and kept at least 24 hours.",
    validate: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{8,200}$/, "Use 8 to 200 letters, digits or - _ . : (a UUID works)")
      .nullish(),
  });
}

export class IdempotencyKeyReusedError extends DomainError {
  constructor() {
    super(
      "IDEMPOTENCY_KEY_REUSED",
      "This idempotency key was already used for a different request. Send a new key with each new request.",
      "idempotencyKey",
    );
  }
}

/** Object keys sorted at every level, so the same arguments always hash the same. */
function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  return value;
}

export function payloadHash(operation: string, args: Record<string, unknown>): string {
  const { idempotencyKey: _key, ...rest } = args;
  return createHash("sha256")
    .update(JSON.stringify([operation, canonical(rest)]))
    .digest("hex");
}

export interface OnceRequest {
  operation: string;
  /** The mutation's arguments as received, `idempotencyKey` among them. */
  args: Record<string, unknown> & { idempotencyKey?: string | null };
}

/**
 * Runs `work` (which returns the id of the object the mutation answers with) at most once per
 * idempotency key, inside the caller's transaction. The key row is claimed before the work, in
 * the same transaction: a concurrent retry's INSERT waits on the first one's unique-index entry
 * until it commits (then finds its result) or rolls back (then does the work itself). So the
 * key exists exactly when the money moved, and a crash between the two is impossible.
 * Without a key, `work` simply runs.
 */
export async function once(
  tx: Transaction,
  viewer: Viewer,
  { operation, args }: OnceRequest,
  work: () => Promise<string>,
): Promise<string> {
  const key = args.idempotencyKey;
  if (!key) return work();
  const hash = payloadHash(operation, args);
  const claimed = await tx.$executeRaw`
    INSERT INTO idempotency_key (authority_id, key, operation, payload_hash, staff_user_id)
    VALUES (${viewer.authorityId}::uuid, ${key}, ${operation}, ${hash}, ${viewer.id}::uuid)
    ON CONFLICT (authority_id, key) DO NOTHING`;
  if (claimed === 0) {
    const first = await tx.idempotencyKey.findUniqueOrThrow({
      where: { authorityId_key: { authorityId: viewer.authorityId, key } },
    });
    // Another person's key, or the same key for other arguments: never answer with that result.
    if (first.payloadHash !== hash || first.staffUserId !== viewer.id || !first.resultId)
      throw new IdempotencyKeyReusedError();
    return first.resultId;
  }
  const resultId = await work();
  await tx.idempotencyKey.update({
    where: { authorityId_key: { authorityId: viewer.authorityId, key } },
    data: { resultId },
  });
  return resultId;
}

/** Removes keys past their 24 hours; run daily (`npm run jobs:idempotency-keys`). */
export async function deleteExpiredIdempotencyKeys(
  db: { $executeRaw: Transaction["$executeRaw"] },
  now = new Date(),
): Promise<number> {
  return db.$executeRaw`DELETE FROM idempotency_key WHERE expires_at < ${now}`;
}
