import pg from "pg";
import { createPrismaClient, type Database } from "../../src/db/prisma-client.ts";

/**
 * A Prisma client whose every SQL statement (BEGIN and COMMIT included) is recorded, counted
 * where it reaches the connection, below Prisma: what the database actually receives.
 */
export function countingDatabase(url: string) {
  const statements: string[] = [];
  const pool = new pg.Pool({ connectionString: url, max: 5 });
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const first = args[0];
      statements.push(typeof first === "string" ? first : String((first as { text?: string })?.text ?? first));
      return query(...args);
    };
  });
  const db: Database = createPrismaClient(pool);
  return {
    db,
    /** The statements `work` caused, in order. */
    async during(work: () => Promise<unknown>): Promise<string[]> {
      const from = statements.length;
      await work();
      return statements.slice(from);
    },
    end: async () => {
      await db.$disconnect();
      await pool.end().catch(() => {});
    },
  };
}
