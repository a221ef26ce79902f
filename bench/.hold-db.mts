import { startEmbeddedPostgres } from "../packages/core/src/db/embedded-postgres-server.ts";

const dataDirectory = process.env.HOLD_DIR ?? "/work/main/.data/bench-postgres";
const server = await startEmbeddedPostgres({
  dataDirectory,
  port: Number(process.env.HOLD_PORT ?? 55433),
  persistent: true,
});
console.log("up", server.adminUrl);
process.on("SIGTERM", async () => {
  await server.stop();
  process.exit(0);
});
setInterval(() => {}, 1 << 30);
