import type { createTestApi } from "../support/api-client.ts";

const UPLOAD = `mutation ($file: File!, $kind: AttachmentKind!) {
  uploadAttachment(file: $file, kind: $kind) {
    __typename
    ... on MutationUploadAttachmentSuccess {
      data { id kind filename contentType size sha256 createdAt downloadPath uploadedBy { name } }
    }
    ... on Error { code message }
    ... on DomainError { field }
  }
}`;

/**
 * Uploads one file exactly as the GraphQL multipart request spec lays out: an `operations`
 * field with the file variable set to null, a `map` from part name to that variable, then
 * the file part itself.
 */
export async function upload(
  api: ReturnType<typeof createTestApi>,
  file: { bytes: Uint8Array; name: string; type?: string },
  kind: "ASSESSMENT" | "RECEIPT" | "OTHER",
  token?: string,
): Promise<Record<string, any>> {
  const form = new FormData();
  form.append("operations", JSON.stringify({ query: UPLOAD, variables: { file: null, kind } }));
  form.append("map", JSON.stringify({ 0: ["variables.file"] }));
  form.append("0", new File([new Uint8Array(file.bytes)], file.name, { type: file.type ?? "" }));
  // As the portal does: a multipart POST is a "simple" request, so it carries the CSRF header.
  const headers: Record<string, string> = { "x-pathfinder-csrf": "1" };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await api.request("/graphql", { method: "POST", headers, body: form });
  const body = (await response.json()) as { data?: { uploadAttachment?: Record<string, any> }; errors?: unknown };
  if (!body.data?.uploadAttachment) throw new Error(`Upload failed outright: ${JSON.stringify(body)}`);
  return body.data.uploadAttachment;
}

/** GET a download path with a bearer token (or none). */
export const download = (api: ReturnType<typeof createTestApi>, path: string, token?: string) =>
  api.request(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
