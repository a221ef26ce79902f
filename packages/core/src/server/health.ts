import type { Database } from "../db/prisma-client.ts";

export interface Readiness {
  ready: boolean;
  database: "up" | "down";
}

/** Ready when the database answers within `timeoutMs`. */
export async function checkReadiness(db: Database, timeoutMs = 2000): Promise<Readiness> {
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error("timed out")), timeoutMs).unref(),
  );
  try {
    await Promise.race([db.$queryRaw`SELECT 1`, timeout]);
    return { ready: true, database: "up" };
  } catch {
    return { ready: false, database: "down" };
  }
}
