#!/usr/bin/env node
// Runs `prisma generate` without network access. Every Prisma 7 CLI command first tries to
// download the native schema engine; `generate` never runs it, so pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing file is enough (see shared toolchain notes).
// `node scripts/prisma-generate.mjs [checkout]` generates for another checkout's schema with this
// repository's Prisma (bench:check --against: the checkout has no node_modules of its own).
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const checkout = process.argv[2] ? resolve(process.argv[2]) : root;
const result = spawnSync(
  process.execPath,
  [`${root}node_modules/prisma/build/index.js`, "generate", "--config", "prisma/prisma.config.ts"],
  {
    cwd: checkout,
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: fileURLToPath(import.meta.url),
      PATH: `${root}node_modules/.bin:${process.env.PATH}`,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
    },
  },
);
if (result.status !== 0) {
  process.stdout.write(result.stdout ?? "");
  process.exit(result.status ?? 1);
}
