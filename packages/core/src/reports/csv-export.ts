import { pipeline, Readable } from "node:stream";
import { stringify } from "csv-stringify";
import type pg from "pg";
import QueryStream from "pg-query-stream";
import { checkOutConnection } from "../db/connection-pool.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { ReportColumn } from "./report-definition.ts";

/** Rows fetched from the cursor at a time: memory stays flat however many rows there are. */
const BATCH_ROWS = 500;

/**
 * A report's rows as CSV, streamed: PostgreSQL hands rows over through a cursor
 * (pg-query-stream) a batch at a time, csv-stringify writes each as it comes, and back-pressure
 * from the HTTP response pauses the cursor, so a year of a large authority's requests never sits
 * in memory. The pooled connection goes back when the stream ends, fails or is abandoned.
 */
export async function csvStream(
  pool: pg.Pool,
  authorityId: string,
  query: Prisma.Sql,
  columns: ReportColumn[],
): Promise<Readable> {
  const { client, release } = await checkOutConnection(pool);
  try {
    // Like a GraphQL request: one transaction, held by row-level security to the viewer's authority.
    await client.query("BEGIN READ ONLY");
    await client.query("SELECT set_config('app.authority_id', $1, true)", [authorityId]);
  } catch (error) {
    release(error as Error);
    throw error;
  }
  const rows = client.query(new QueryStream(query.text, query.values as unknown[], { batchSize: BATCH_ROWS }));
  const csv = stringify({
    header: true,
    columns: columns.map((column) => ({ key: column.key, header: column.header })),
  });
  pipeline(rows, csv, (error) => {
    // A cursor cut off part-way leaves the connection mid-query: discard it rather than reuse it.
    if (error) release(error);
    else
      client.query("COMMIT").then(
        () => release(),
        (commitError: Error) => release(commitError),
      );
  });
  return csv;
}

/** The same stream for a fetch `Response` body. */
export const webStream = (stream: Readable) => Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>;
