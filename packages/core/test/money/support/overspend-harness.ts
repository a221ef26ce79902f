import { setTimeout as sleep } from "node:timers/promises";

/**
 * One attempt to commit `amount` against the budget. `think` stands for the work an application
 * does between reading the budget and writing the commitment (loading the request, checking
 * rules): the harness makes every implementation take the same time there, so a race that
 * exists cannot hide behind a fast machine. Resolves true when committed, false when refused.
 */
export type CommitAttempt = (amount: number, think: () => Promise<void>) => Promise<boolean>;

export interface HarnessResult {
  committed: number;
  refused: number;
}

/** Fires `attempts` commitments of `amount` at once and counts what each implementation said. */
export async function hammerOneBudget(
  commit: CommitAttempt,
  { attempts, amount, thinkMs }: { attempts: number; amount: number; thinkMs: number },
): Promise<HarnessResult> {
  const answers = await Promise.all(Array.from({ length: attempts }, () => commit(amount, () => sleep(thinkMs))));
  return { committed: answers.filter(Boolean).length, refused: answers.filter((ok) => !ok).length };
}
