import { createHash } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { addStaff } from "../suppliers/add-staff.ts";
import { createTestApi } from "../support/api-client.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { seedTwoAuthorities, TEST_PASSWORD } from "../support/two-authorities.ts";
import { pdfOfSize, sampleDocx, sampleHtml, samplePdf, samplePng, sampleSvg } from "./sample-files.ts";
import { download, upload } from "./upload-client.ts";

let database: TestDatabase;
let api: ReturnType<typeof createTestApi>;
let seeded: Awaited<ReturnType<typeof seedTwoAuthorities>>;
let alphaLp: string;
let alphaAdmin: string;
let alphaFinance: string;
let betaLp: string;

beforeAll(async () => {
  database = await createTestDatabase();
  seeded = await seedTwoAuthorities(database.db);
  await addStaff(database.db, seeded.a.authorityId, "finance@alpha.test", "FINANCE_OFFICER");
  api = createTestApi(database.db);
  [alphaLp, alphaAdmin, alphaFinance, betaLp] = await Promise.all([
    api.signIn("lp@alpha.test", TEST_PASSWORD),
    api.signIn("admin@alpha.test", TEST_PASSWORD),
    api.signIn("finance@alpha.test", TEST_PASSWORD),
    api.signIn("lp@beta.test", TEST_PASSWORD),
  ]);
});
afterAll(() => database.drop());
afterEach(() => vi.unstubAllEnvs());

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const stored = async () => ({
  attachments: await database.db.attachment.count(),
  files: await database.db.storedFile.count(),
  uploadsAudited: await database.db.auditEvent.count({ where: { action: "attachment.upload" } }),
});

/** Runs a refused upload and checks that it left nothing behind. */
async function expectRefusedWithNothingWritten(attempt: () => Promise<Record<string, any>>) {
  const before = await stored();
  const result = await attempt();
  expect(await stored()).toEqual(before);
  return result;
}

describe("uploading and downloading", () => {
  it("stores a PDF receipt and serves back the same bytes as a download, with safe headers", async () => {
    const bytes = samplePdf();
    const result = await upload(api, { bytes, name: "receipt.pdf", type: "application/pdf" }, "RECEIPT", alphaLp);
    expect(result.__typename).toBe("MutationUploadAttachmentSuccess");
    const attachment = result.data;
    expect(attachment).toMatchObject({
      kind: "RECEIPT",
      filename: "receipt.pdf",
      contentType: "application/pdf",
      size: bytes.length,
      sha256: sha256(bytes),
      uploadedBy: { name: "Lead Professional Alphaton" },
    });
    expect(attachment.downloadPath).toBe(`/attachments/${encodeURIComponent(attachment.id)}`);

    const response = await download(api, attachment.downloadPath, alphaLp);
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="receipt.pdf"; filename*=UTF-8''receipt.pdf`,
    );
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(response.headers.get("cache-control")).toContain("no-store");
  });

  it("audits the upload and every download against the attachment", async () => {
    const result = await upload(api, { bytes: samplePdf("audit"), name: "taxi.pdf" }, "RECEIPT", alphaLp);
    const path = result.data.downloadPath;
    await download(api, path, alphaLp);
    await download(api, path, alphaLp);
    const row = await database.db.attachment.findFirstOrThrow({ where: { filename: "taxi.pdf" } });
    const events = await database.db.auditEvent.findMany({ where: { entityId: row.id }, orderBy: { sequence: "asc" } });
    expect(events.map((event) => event.action)).toEqual([
      "attachment.upload",
      "attachment.download",
      "attachment.download",
    ]);
    expect(events[0]).toMatchObject({ actorId: seeded.a.staff.get("lp@alpha.test"), entityType: "Attachment" });
    expect(events[0]?.summary).toContain("taxi.pdf");
  });

  it("keeps a PNG by its content: type detected, extension added, bytes identical (session cookie works too)", async () => {
    const bytes = samplePng();
    const result = await upload(
      api,
      { bytes, name: "photo of receipt", type: "application/octet-stream" },
      "RECEIPT",
      alphaLp,
    );
    expect(result.data).toMatchObject({
      contentType: "image/png",
      filename: "photo of receipt.png",
      size: bytes.length,
    });
    const response = await api.request(result.data.downloadPath, {
      headers: { cookie: `pathfinder_session=${alphaLp}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
  });

  it("accepts a Word .docx as an assessment, but not as a receipt", async () => {
    const docx = { bytes: sampleDocx(), name: "CAF.docx" };
    const assessment = await upload(api, docx, "ASSESSMENT", alphaLp);
    expect(assessment.data).toMatchObject({
      kind: "ASSESSMENT",
      contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
    const receipt = await expectRefusedWithNothingWritten(() => upload(api, docx, "RECEIPT", alphaLp));
    expect(receipt).toMatchObject({ code: "UNSUPPORTED_FILE_TYPE", field: "file" });
    expect(receipt.message).toContain("PDF, PNG or JPEG");
  });

  it("keeps only the file's own name, and offers accents and semicolons safely in Content-Disposition", async () => {
    const name = "C:\\fakepath\\Zoë's receipt; June.pdf";
    const result = await upload(api, { bytes: samplePdf(), name }, "OTHER", alphaLp);
    expect(result.data.filename).toBe("Zoë's receipt; June.pdf");
    const response = await download(api, result.data.downloadPath, alphaLp);
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="Zo_'s receipt_ June.pdf"; filename*=UTF-8''Zo%C3%AB%27s%20receipt%3B%20June.pdf`,
    );
  });

  it("accepts an upload sent without a length that is over 1 MiB but within the attachment limit", async () => {
    // The in-process client sends no Content-Length, so the body is counted against the upload
    // limit (10 MiB by default), not the 1 MiB of other requests.
    const result = await upload(api, { bytes: pdfOfSize(2 * 1024 * 1024), name: "scan.pdf" }, "RECEIPT", alphaLp);
    expect(result.data).toMatchObject({ size: 2 * 1024 * 1024 });
  });
});

describe("refused uploads write nothing", () => {
  it("refuses an HTML page named receipt.pdf, whatever type the client declares", async () => {
    const result = await expectRefusedWithNothingWritten(() =>
      upload(api, { bytes: sampleHtml(), name: "receipt.pdf", type: "application/pdf" }, "RECEIPT", alphaLp),
    );
    expect(result).toMatchObject({ __typename: "DomainError", code: "UNSUPPORTED_FILE_TYPE", field: "file" });
    expect(result.message).toBe(
      "receipt.pdf is not a PDF, PNG or JPEG file (we check what is inside the file, not its name). " +
        "Save or scan it as PDF, PNG or JPEG, then upload it again.",
    );
  });

  it("refuses an SVG with a script named as a PNG", async () => {
    const result = await expectRefusedWithNothingWritten(() =>
      upload(api, { bytes: sampleSvg(), name: "photo.png", type: "image/png" }, "OTHER", alphaLp),
    );
    expect(result.code).toBe("UNSUPPORTED_FILE_TYPE");
  });

  it("refuses a file over the size limit (ATTACHMENT_MAX_BYTES) with how big it is and what is allowed", async () => {
    vi.stubEnv("ATTACHMENT_MAX_BYTES", "2048");
    const result = await expectRefusedWithNothingWritten(() =>
      upload(api, { bytes: pdfOfSize(3 * 1024), name: "scan.pdf" }, "RECEIPT", alphaLp),
    );
    expect(result).toMatchObject({ code: "FILE_TOO_LARGE", field: "file" });
    expect(result.message).toContain("scan.pdf is 3 KB; the largest file you can upload is 2 KB");
    // Exactly at the limit is fine.
    const atLimit = await upload(api, { bytes: pdfOfSize(2048), name: "fits.pdf" }, "RECEIPT", alphaLp);
    expect(atLimit.data).toMatchObject({ size: 2048 });
  });

  it("turns away a body far beyond the limit before reading it (413)", async () => {
    vi.stubEnv("ATTACHMENT_MAX_BYTES", "1");
    const multipart = new Response(uploadOfAMegabyte());
    const contentType = multipart.headers.get("content-type") ?? "";
    const body = await multipart.arrayBuffer();
    const before = await stored();
    const response = await api.request("/graphql", {
      method: "POST",
      headers: {
        authorization: `Bearer ${alphaLp}`,
        "content-type": contentType,
        "content-length": String(body.byteLength),
      },
      body,
    });
    expect(response.status).toBe(413);
    expect(await stored()).toEqual(before);
  });

  it("counts an upload sent without a length (chunked) and turns it away at the limit (413)", async () => {
    vi.stubEnv("ATTACHMENT_MAX_BYTES", "1");
    const multipart = new Response(uploadOfAMegabyte());
    const before = await stored();
    const response = await api.request("/graphql", {
      method: "POST",
      headers: {
        authorization: `Bearer ${alphaLp}`,
        "content-type": multipart.headers.get("content-type") ?? "",
      },
      body: multipart.body,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await stored()).toEqual(before);
  });

  it("refuses an empty file", async () => {
    const result = await expectRefusedWithNothingWritten(() =>
      upload(api, { bytes: new Uint8Array(), name: "blank.pdf" }, "RECEIPT", alphaLp),
    );
    expect(result).toMatchObject({ code: "EMPTY_FILE", field: "file" });
    expect(result.message).toContain("blank.pdf is empty");
  });

  it("refuses someone whose role may not upload (an authority administrator)", async () => {
    const result = await expectRefusedWithNothingWritten(() =>
      upload(api, { bytes: samplePdf(), name: "receipt.pdf" }, "RECEIPT", alphaAdmin),
    );
    expect(result.code).toBe("NOT_AUTHORISED");
  });

  it("refuses someone not signed in", async () => {
    const result = await expectRefusedWithNothingWritten(() =>
      upload(api, { bytes: samplePdf(), name: "receipt.pdf" }, "RECEIPT"),
    );
    expect(result.code).toBe("NOT_SIGNED_IN");
  });

  it("lets finance file receipts, but not assessments", async () => {
    const receipt = await upload(api, { bytes: samplePdf(), name: "invoice.pdf" }, "RECEIPT", alphaFinance);
    expect(receipt.data).toMatchObject({ kind: "RECEIPT" });
    expect((await download(api, receipt.data.downloadPath, alphaFinance)).status).toBe(200);
    const assessment = await expectRefusedWithNothingWritten(() =>
      upload(api, { bytes: samplePdf(), name: "caf.pdf" }, "ASSESSMENT", alphaFinance),
    );
    expect(assessment.code).toBe("NOT_AUTHORISED");
  });
});

describe("who can download", () => {
  let path: string;
  let id: string;
  beforeAll(async () => {
    const result = await upload(api, { bytes: samplePdf("private"), name: "caf.pdf" }, "ASSESSMENT", alphaLp);
    path = result.data.downloadPath;
    id = result.data.id;
  });

  it("nobody signed in: 401", async () => {
    const response = await download(api, path);
    expect(response.status).toBe(401);
    expect(await response.text()).toBe("Sign in to download attachments.");
  });

  it("another authority's user: 404 for the download and null for the node, like a file that does not exist", async () => {
    const response = await download(api, path, betaLp);
    expect(response.status).toBe(404);
    const node = await api.graphql(
      `query ($id: ID!) { node(id: $id) { id ... on Attachment { filename } } }`,
      { id },
      betaLp,
    );
    expect(node.data?.node).toBeNull();
    const rowId = Buffer.from(id, "base64").toString().split(":")[1];
    expect(await database.db.auditEvent.count({ where: { action: "attachment.download", entityId: rowId } })).toBe(0);
  });

  it("someone in the same authority without read permission (finance, for an assessment): 404", async () => {
    expect((await download(api, path, alphaFinance)).status).toBe(404);
  });

  it("the uploader reads it as a node", async () => {
    const node = await api.graphql(
      `query ($id: ID!) { node(id: $id) { ... on Attachment { filename kind } } }`,
      { id },
      alphaLp,
    );
    expect(node.data?.node).toEqual({ filename: "caf.pdf", kind: "ASSESSMENT" });
  });

  it("a path that is not an attachment's id: 404", async () => {
    for (const bad of [
      "/attachments/nonsense",
      `/attachments/${btoa(`Supplier:${crypto.randomUUID()}`)}`,
      "/attachments/",
    ]) {
      expect((await download(api, bad, alphaLp)).status).toBe(404);
    }
  });

  it("only GET", async () => {
    const response = await api.request(path, { method: "DELETE", headers: { authorization: `Bearer ${alphaLp}` } });
    expect(response.status).toBe(405);
  });
});

/** A multipart upload of a file just over 1 MiB: far over the 1-byte limit the 413 tests set. */
function uploadOfAMegabyte(): FormData {
  const form = new FormData();
  form.append(
    "operations",
    JSON.stringify({
      query: "mutation ($f: File!) { uploadAttachment(file: $f, kind: OTHER) { __typename } }",
      variables: { f: null },
    }),
  );
  form.append("map", JSON.stringify({ 0: ["variables.f"] }));
  form.append("0", new File([new Uint8Array(pdfOfSize(1024 * 1024 + 10))], "huge.pdf"));
  return form;
}
