import type { Brand } from "./ids.ts";

/** An amount of money in whole pence. Every amount in Pathfinder is one of these. */
export type Pence = Brand<number, "Pence">;

export function pence(value: number): Pence {
  if (!Number.isSafeInteger(value)) throw new RangeError(`Not a whole number of pence: ${value}`);
  return value as Pence;
}

const formatter = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });

/** "£1,234.50": for display only; arithmetic stays in integer pence. */
export function formatPence(amount: Pence): string {
  return formatter.format(amount / 100);
}
