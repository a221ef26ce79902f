/**
 * PERSISTED_DOCUMENTS_MANIFEST, GRAPHQL_ALLOW_ANY_DOCUMENT and TRUST_PROXY (SECURITY.md, "The API
 * under attack"). In production only the portal's own operations should run: with the manifest
 * set (the portal's lib/generated/persisted-documents.json; `npm run start:prod` passes it by
 * default), nothing else does. Without one the API still starts, with a warning;
 * GRAPHQL_ALLOW_ANY_DOCUMENT=true says that is meant (other API clients) and silences it.
 */
export function documentAndProxySettings(production: boolean, warn: (line: string) => void = console.warn) {
  const manifest = process.env.PERSISTED_DOCUMENTS_MANIFEST?.trim() || undefined;
  if (production && !manifest && process.env.GRAPHQL_ALLOW_ANY_DOCUMENT !== "true")
    warn(
      "[api] WARNING: any GraphQL document is accepted. Set PERSISTED_DOCUMENTS_MANIFEST to the portal's " +
        "persisted-documents.json (or GRAPHQL_ALLOW_ANY_DOCUMENT=true if other clients need their own). See SECURITY.md.",
    );
  return { trustedDocumentsManifest: manifest, trustProxy: process.env.TRUST_PROXY === "true" };
}
