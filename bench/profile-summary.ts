// Where a server's CPU went: a V8 .cpuprofile (node --cpu-prof) summarised as self time by
// package and by function, so a hot path can be read without opening DevTools.
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** node_modules/<package> (scoped too), our own packages/<name>, node's internals, or V8's own. */
export function ownerOf(url: string): string {
  if (!url) return "(V8: gc, idle, program)";
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency?.[1]) return dependency[1];
  const ours = /\/(packages\/(?:plugins\/)?[^/]+|bench)\//.exec(url);
  if (ours?.[1]) return ours[1];
  if (url.startsWith("node:")) return "node";
  return url;
}

export function summariseProfile(path: string, top = 25): string {
  const profile = JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map<number, number>();
  for (const [i, id] of profile.samples.entries())
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  const total = [...selfMicros.values()].reduce((sum, micros) => sum + micros, 0);
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, micros] of selfMicros) {
    const frame = (byId.get(id) as ProfileNode).callFrame;
    const owner = frame.functionName === "(idle)" ? "(idle)" : ownerOf(frame.url);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + micros);
    const name = `${frame.functionName || "(anonymous)"} ${frame.url.split("/").slice(-2).join("/")}:${frame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
  }
  const busy = total - (byOwner.get("(idle)") ?? 0);
  const table = (entries: Map<string, number>, title: string) => [
    `| ${title} | self ms | % of busy |`,
    "|---|---|---|",
    ...[...entries]
      .filter(([name]) => name !== "(idle)")
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => `| ${name} | ${(micros / 1000).toFixed(0)} | ${((100 * micros) / busy).toFixed(1)} |`),
  ];
  return [
    `Busy ${(busy / 1000).toFixed(0)} ms of ${(total / 1000).toFixed(0)} ms sampled.`,
    "",
    ...table(byOwner, "package"),
    "",
    ...table(byFunction, "function"),
  ].join("\n");
}

if (process.argv[1]?.endsWith("profile-summary.ts") && process.argv[2]) console.log(summariseProfile(process.argv[2]));
