// L1: the physical limit in Node: node:http + pg running the hand-written SQL, no GraphQL.
// It accepts the same POST /graphql bodies as the other layers and dispatches on operationName.
import { createServer } from "node:http";
import * as handlers from "./handlers.ts";
import { countingPool, handleStats, statsKeeper } from "./server-stats.ts";
import { type BenchViewer, viewerOf } from "./viewer.ts";

const { pool, counters } = countingPool(process.env.DATABASE_URL as string, Number(process.env.POOL_SIZE ?? 10));
const stats = statsKeeper(counters);

type Variables = Record<string, unknown>;
const operations: Record<string, (viewer: BenchViewer, variables: Variables) => Promise<[string, unknown]>> = {
  Me: async (viewer) => ["me", await handlers.me(pool, viewer)],
  Child: async (viewer, v) => ["child", await handlers.child(pool, viewer, v.id as string)],
  Queue: async (viewer, v) => ["purchaseRequests", await handlers.queue(pool, viewer, v.first as number)],
  Caseload: async (viewer, v) => ["cases", await handlers.caseload(pool, viewer, v.first as number)],
  Balances: async (viewer, v) => ["budgets", await handlers.balances(pool, viewer, v.first as number)],
  Spend: async (viewer, v) => [
    "reports",
    { spendByCategory: await handlers.spendByCategory(pool, viewer, v.from as string, v.to as string) },
  ],
  Approve: async (viewer, v) => ["decidePurchaseRequest", await handlers.approve(pool, viewer, v.id as string)],
};

const server = createServer((request, response) => {
  const send = (status: number, body: string) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(body);
  };
  if (handleStats(request.url ?? "", request.method ?? "GET", stats, send)) return;
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", async () => {
    stats.served();
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      const operation = operations[body.operationName];
      if (!operation) return send(400, JSON.stringify({ errors: [{ message: "Unknown operation" }] }));
      const viewer = await viewerOf(pool, request.headers.authorization);
      if (!viewer) return send(200, JSON.stringify({ errors: [{ message: "Sign in first." }] }));
      const [field, value] = await operation(viewer, body.variables ?? {});
      send(200, JSON.stringify({ data: { [field]: value } }));
    } catch (error) {
      send(500, JSON.stringify({ errors: [{ message: String(error) }] }));
    }
  });
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("ready"));
// A clean exit on the harness's SIGTERM, so that --cpu-prof writes its profile.
process.on("SIGTERM", () => process.exit(0));
