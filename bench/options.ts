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
  },
});
export const check = args.check;
export const duration = check ? 5 : Number(args.duration);
export const rounds = check ? 1 : Number(args.rounds);
export const connections = Number(args.connections);
export const scale = { authorities: Number(args.authorities), cases: Number(args.cases), seed: Number(args.seed) };
export const log = (line: string) => console.log(`[bench] ${line}`);
/** bench/ and the repository's root, as directory paths ending in a slash. */
export const here = new URL(".", import.meta.url).pathname;
export const root = new URL("..", import.meta.url).pathname;
