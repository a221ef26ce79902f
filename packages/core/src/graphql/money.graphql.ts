import { formatPence, type Pence } from "../domain/money.ts";
import { builder } from "./builder.ts";

/** An amount for display and for arithmetic: exact pence, and the same amount formatted. */
export const Money = builder.objectRef<number>("Money").implement({
  description: 'An amount of money: exact whole `pence`, and `formatted` for people ("£1,234.50").',
  fields: (t) => ({
    pence: t.field({
      description: "The exact amount in whole pence (an integer): use this for arithmetic.",
      type: "Pence",
      resolve: (amount) => amount as Pence,
    }),
    formatted: t.string({
      description: 'The amount for display, in pounds: "£1,234.50".',
      resolve: (amount) => formatPence(amount as Pence),
    }),
  }),
});
