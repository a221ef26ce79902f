import { sessionTokenFrom } from "../auth/request-credentials.ts";
import type { Database } from "../db/prisma-client.ts";
import { DomainError } from "../graphql/domain-errors.ts";
import { rowIdOf } from "../graphql/global-id.ts";
import { defineAbilityFor } from "../permissions/ability.ts";
import type { SchemePlugin } from "../plugins/plugin-contract.ts";
import { enabledSchemesFrom, schemePermissions } from "../plugins/scheme-permissions.ts";
import { startRequest } from "../server/viewer-from-request.ts";
import { findForm, loadCaseStudy } from "./case-study-document.ts";
import { parseCaseStudyPath } from "./case-study-path.ts";
import { renderCaseStudyPdf } from "./case-study-pdf.ts";

const plain = (status: number, message: string) =>
  new Response(message, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store" },
  });

/**
 * `GET /case-studies/<form>/<subject id>.pdf`: a filled form as a printable PDF, generated on
 * the server. Signed in, permitted and audited exactly as the `caseStudy` query, in one
 * transaction held to the viewer's authority.
 */
export async function handleCaseStudyDownload(
  request: Request,
  options: { db: Database; plugins: ReadonlyMap<string, SchemePlugin> },
): Promise<Response> {
  if (request.method !== "GET") return plain(405, "Use GET to download a form.");
  const path = parseCaseStudyPath(new URL(request.url).pathname);
  if (!path) return plain(404, "There is no such form.");
  const [typename = "", rowId = ""] = Buffer.from(path.subjectGlobalId, "base64").toString("utf8").split(":");

  return options.db.$transaction(async (tx) => {
    const db = tx as unknown as Database;
    const start = await startRequest(tx, sessionTokenFrom(request));
    if (!start) return plain(401, "Sign in to download forms.");
    const viewer = start.viewer;
    const enabled = enabledSchemesFrom(start.schemes, options.plugins);
    const ability = defineAbilityFor(viewer, schemePermissions(viewer, enabled, options.plugins));
    const source = { plugins: options.plugins, enabled: new Set(enabled.keys()) };
    try {
      const form = findForm(source, path.formRef);
      const id = rowIdOf({ typename, id: rowId }, form.subject);
      if (!id) return plain(404, "This form was not found, or you do not have access to it.");
      const document = await loadCaseStudy(db, ability, viewer, source, path.formRef, id);
      const pdf = await renderCaseStudyPdf(document);
      return new Response(new Uint8Array(pdf), {
        status: 200,
        headers: {
          "content-type": "application/pdf",
          "content-length": String(pdf.byteLength),
          "content-disposition": `attachment; filename="${path.formRef}.pdf"`,
          "cache-control": "private, no-store",
          "x-content-type-options": "nosniff",
        },
      });
    } catch (error) {
      if (error instanceof DomainError && error.code === "NOT_FOUND")
        return plain(404, "This form was not found, or you do not have access to it.");
      throw error;
    }
  });
}
