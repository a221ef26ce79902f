// The command line of `npm run bench` and `npm run bench:check`, read once for every module.
import { parseArgs } from "node:util";

export const { values: args } = parseArgs({
  options: {
    check: { type: "boolean", default: false },
    authorities: { type: "string", default: "20" },
    cases: { type: "string", default: "40000" },
    seed: { type: "string", default: "1" },
    duration: { type: "string", default: "8" },
    rounds: { type: "string", default: "2" },
    connections: { type: "string", default: "16" },
    approvals: { type: "string", default: "400" },
    keep: { type: "boolean", default: false },
    // An existing database on DATABASE_URL's server, seeded elsewhere with the same --seed
    // (say by `npm run seed:scale`): used as it is, never seeded or dropped here.
    database: { type: "string" },
    // A CPU profile of one layer under one operation at saturation, instead of the comparison.
    profile: { type: "string" },
    // Only these operations (operationName, comma-separated), e.g. --only Spend at national scale.
    only: { type: "string" },
    layer: { type: "string", default: "L3" },
    // A git ref whose Pathfinder runs beside the working tree's as "L3 base", in the same run:
    // bench:check then compares L3/L2 with the ref's L3/L2 measured alongside it.
    against: { type: "string" },
  },
});
export const check = args.check;
export const duration = check ? 5 : Number(args.duration);
// More rounds for the check: with one, a check on unchanged code "fell" 10-25% below the
// recorded ratios (rounds of one run differ by 10-20%), a false alarm the median damps. Four
// against a base checkout, so that L3 and L3 base each come first in half the rounds.
export const rounds = check ? (args.against ? 4 : 3) : Number(args.rounds);
export const connections = Number(args.connections);
export const scale = { authorities: Number(args.authorities), cases: Number(args.cases), seed: Number(args.seed) };
export const log = (line: string) => console.log(`[bench] ${line}`);
/** bench/ and the repository's root, as directory paths ending in a slash. */
export const here = new URL(".", import.meta.url).pathname;
export const root = new URL("..", import.meta.url).pathname;
