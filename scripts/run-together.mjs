// The API and the portal run as two processes that live and die together: Ctrl-C or SIGTERM
// stops both, and if either stops on its own the other is stopped too, so a half-running
// platform never looks healthy. Used by `npm start` and `npm run start:prod`.
import { spawn } from "node:child_process";

/** Starts each command (spawned directly: `npm run` does not pass signals on) and supervises them. */
export function runTogether(commands) {
  const children = commands.map(({ args, cwd, env }) => spawn(process.execPath, args, { cwd, env, stdio: "inherit" }));
  let exiting = false;
  const stopAll = (signal) => {
    if (exiting) return;
    exiting = true;
    for (const child of children) if (child.exitCode === null) child.kill(signal);
  };
  process.on("SIGINT", () => stopAll("SIGINT"));
  process.on("SIGTERM", () => stopAll("SIGTERM"));
  for (const child of children) {
    child.on("exit", (code) => {
      if (!exiting && code !== 0) {
        console.error("[pathfinder] a process stopped unexpectedly; stopping the others.");
        process.exitCode = code ?? 1;
        stopAll("SIGTERM");
      }
    });
  }
}
