/**
 * `Content-Disposition: attachment` for a name a person chose (RFC 6266): an ASCII fallback in
 * `filename="…"` with quotes, backslashes and anything non-printable replaced, and the exact
 * name in `filename*=UTF-8''…` (RFC 5987) for clients that read it. Nothing in the name can
 * break out of the header or add parameters.
 */
export function attachmentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%;]/g, "_");
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
