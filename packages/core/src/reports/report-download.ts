import type pg from "pg";
import { z } from "zod";
import { sessionTokenFrom } from "../auth/request-credentials.ts";
import type { Database } from "../db/prisma-client.ts";
import { PurchaseCategory, PurchaseRoute } from "../generated/prisma/enums.ts";
import { DomainError } from "../graphql/domain-errors.ts";
import { rowIdOf } from "../graphql/global-id.ts";
import { defineAbilityFor } from "../permissions/ability.ts";
import { viewerFromSessionToken } from "../server/viewer-from-request.ts";
import { csvStream, webStream } from "./csv-export.ts";
import { EVALUATION_COLUMNS, evaluationQuery, evaluationScopeOf } from "./evaluation-export.ts";
import { reportBySlug } from "./report-catalogue.ts";
import type { ReportFilter } from "./report-filter.ts";
import { scopeForReport } from "./run-report.ts";
import { evaluationMinCount } from "./suppression-threshold.ts";

export const REPORT_PATH_PREFIX = "/reports/";

const plain = (status: number, message: string, headers: Record<string, string> = {}) =>
  new Response(message, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store", ...headers },
  });

const day = z.iso.date("Give dates as YYYY-MM-DD").transform((value) => new Date(value));
const filterSchema = z.object({
  scheme: z.string().trim().min(1).max(100).optional(),
  area: z.array(z.string()).optional(),
  from: day.optional(),
  to: day.optional(),
  category: z.enum(Object.values(PurchaseCategory) as [string, ...string[]]).optional(),
  route: z.enum(Object.values(PurchaseRoute) as [string, ...string[]]).optional(),
});

/** The query string as a report filter: the same filters as GraphQL's `ReportFilter`. */
function filterFrom(url: URL): ReportFilter | string {
  const params = Object.fromEntries([...url.searchParams.keys()].map((key) => [key, url.searchParams.get(key)]));
  const area = url.searchParams.getAll("area");
  const parsed = filterSchema.safeParse({ ...params, area: area.length ? area : undefined });
  if (!parsed.success)
    return parsed.error.issues.map((issue) => `${issue.path.join(".") || "query"}: ${issue.message}`).join("; ");
  const { area: areaGlobalIds, category, route, ...rest } = parsed.data;
  const areaIds = areaGlobalIds?.map((globalId) => {
    const [typename = "", id = ""] = Buffer.from(globalId, "base64").toString("utf8").split(":");
    return rowIdOf({ typename, id }, "Area") ?? "00000000-0000-0000-0000-000000000000";
  });
  return {
    ...rest,
    areaIds,
    category: category as PurchaseCategory | undefined,
    route: route as PurchaseRoute | undefined,
  };
}

/**
 * `GET /reports/<report>.csv?from=&to=&scheme=&area=&category=&route=`: the table behind a
 * report as a streamed CSV download, signed in and scoped exactly as `reports` in GraphQL;
 * `/reports/evaluation.csv` is the national evaluation's extract.
 */
export async function handleReportDownload(request: Request, options: { db: Database; pool: () => pg.Pool }) {
  if (request.method !== "GET") return plain(405, "Use GET to download a report.", { allow: "GET" });
  // Who is asking, in a transaction of its own (finding the session sets the authority for it).
  const token = sessionTokenFrom(request);
  const viewer = await options.db.$transaction((tx) => viewerFromSessionToken(tx, token));
  if (!viewer) return plain(401, "Sign in to download reports.", { "www-authenticate": "Bearer" });

  const url = new URL(request.url);
  const slug = url.pathname.slice(REPORT_PATH_PREFIX.length).replace(/\.csv$/, "");
  const report = reportBySlug(slug);
  if (!report && slug !== "evaluation") return plain(404, `There is no report called "${slug}".`);
  const filter = filterFrom(url);
  if (typeof filter === "string") return plain(400, `This report's filters are not right: ${filter}`);

  try {
    const [query, columns] = report
      ? [report.query(scopeForReport(viewer, defineAbilityFor(viewer), report), filter), report.columns]
      : [evaluationQuery(evaluationScopeOf(viewer), filter, evaluationMinCount()), EVALUATION_COLUMNS];
    const body = webStream(await csvStream(options.pool(), viewer.authorityId, query, columns));
    return new Response(body, {
      status: 200,
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${slug}.csv"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof DomainError) return plain(error.code === "NOT_SIGNED_IN" ? 401 : 403, error.message);
    throw error;
  }
}
