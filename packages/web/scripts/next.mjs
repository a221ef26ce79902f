// Runs `next dev` or `next start` on the port in WEB_PORT (default 3000),
// without relying on shell parameter expansion in package.json scripts.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";

const [command, ...rest] = process.argv.slice(2);
if (command !== "dev" && command !== "start") {
  console.error("Usage: node scripts/next.mjs <dev|start> [next options]");
  process.exit(2);
}

const port = process.env.WEB_PORT || "3000";
if (!/^\d+$/.test(port)) {
  console.error(`WEB_PORT must be a port number, got "${port}"`);
  process.exit(2);
}

const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");

const child = spawn(process.execPath, [nextBin, command, "-p", port, ...rest], {
  stdio: "inherit",
  env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env },
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => child.kill(signal));
}

child.on("exit", (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 0);
});
