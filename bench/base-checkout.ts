// `bench:check --against <ref>`: the ref's own Pathfinder, checked out beside the working tree,
// so its L3 runs in the same run as the change's, interleaved, on the same database.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { dirname, join } from "node:path";
import { log, root } from "./options.ts";

/**
 * Under .data/ so that every package the checkout does not have resolves upward to the
 * repository's own node_modules; its workspace packages (core and the plugins) are linked in
 * a node_modules of its own, found first, so the ref's plugins load the ref's core.
 */
const checkoutDirectory = `${root}.data/bench-base`;

const git = (...args: string[]) => execFileSync("git", ["-C", root, ...args], { encoding: "utf8" }).trim();

function linkWorkspacePackages(directory: string) {
  const { workspaces } = JSON.parse(readFileSync(join(directory, "package.json"), "utf8")) as { workspaces: string[] };
  const folders = workspaces.flatMap((pattern) =>
    pattern.endsWith("/*")
      ? readdirSync(join(directory, pattern.slice(0, -2))).map((name) => join(pattern.slice(0, -2), name))
      : [pattern],
  );
  for (const folder of folders) {
    const manifest = join(directory, folder, "package.json");
    if (!existsSync(manifest)) continue;
    const { name } = JSON.parse(readFileSync(manifest, "utf8")) as { name: string };
    const link = join(directory, "node_modules", name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(directory, folder), link, "dir");
  }
}

/** Prisma's client, generated for the ref's schema (it is not committed), without the network. */
const generatePrismaClient = (directory: string) =>
  execFileSync(process.execPath, [`${root}scripts/prisma-generate.mjs`, directory], { stdio: "inherit" });

/** Checks `ref` out (replacing any earlier checkout) and returns where, with a way to remove it. */
export function checkOutBase(ref: string): { directory: string; remove(): void } {
  const commit = git("rev-parse", "--verify", `${ref}^{commit}`);
  const remove = () => {
    if (existsSync(checkoutDirectory)) git("worktree", "remove", "--force", checkoutDirectory);
    rmSync(checkoutDirectory, { recursive: true, force: true });
    git("worktree", "prune");
  };
  remove();
  git("worktree", "add", "--detach", checkoutDirectory, commit);
  linkWorkspacePackages(checkoutDirectory);
  generatePrismaClient(checkoutDirectory);
  log(`Checked out ${ref} (${commit.slice(0, 10)}) at ${checkoutDirectory} for L3 base`);
  return { directory: checkoutDirectory, remove };
}
