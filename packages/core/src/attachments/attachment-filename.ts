import type { AcceptedType } from "./content-type.ts";

const MAX_LENGTH = 200;

/**
 * The name we keep and later offer for download. Only the last path segment (some browsers
 * send `C:\fakepath\…`), without control characters, at most 200 characters; and it always
 * ends with an extension of the detected type, so a PDF named `invoice.html` is saved as
 * `invoice.html.pdf` and a person's computer opens it as what it really is.
 */
export function safeFilename(original: string, type: AcceptedType): string {
  const lastSegment = original.split(/[/\\]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  let name = lastSegment.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  if (name === "" || name === "." || name === "..") name = "attachment";
  const extension = name.includes(".") ? name.slice(name.lastIndexOf(".") + 1).toLowerCase() : "";
  const suffix = type.extensions.includes(extension) ? "" : `.${type.extensions[0]}`;
  return name.slice(0, MAX_LENGTH - suffix.length) + suffix;
}
