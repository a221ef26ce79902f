/** What a scheme plugin contributes to the portal (Scheme.portal), read without knowing the scheme. */
export interface PortalField {
  name: string;
  label: string;
  hint?: string;
  kind: "text" | "textarea" | "checkbox" | "date" | "pence" | "list";
}

export interface SchemePortal {
  labels: Record<string, string>;
  requestFormSections: { title: string; fields: PortalField[] }[];
  guidance: string[];
}

export function schemePortal(json: unknown): SchemePortal {
  const portal = (json ?? {}) as Partial<SchemePortal>;
  return {
    labels: portal.labels ?? {},
    requestFormSections: portal.requestFormSections ?? [],
    guidance: portal.guidance ?? [],
  };
}

/** Reads a dotted path ("a.b") from an extension object. */
export function readPath(object: Record<string, unknown>, path: string): unknown {
  return path.split(".").reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], object);
}

/** A copy of `object` with the dotted path set to `value`. */
export function writePath(object: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path.split(".") as [string, ...string[]];
  if (rest.length === 0) return { ...object, [head]: value };
  return { ...object, [head]: writePath((object[head] as Record<string, unknown>) ?? {}, rest.join("."), value) };
}
