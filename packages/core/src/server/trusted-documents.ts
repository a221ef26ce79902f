import { readFileSync } from "node:fs";
import { type ExtractPersistedOperationId, usePersistedOperations } from "@graphql-yoga/plugin-persisted-operations";
import { GraphQLError, parse } from "graphql";
import type { Plugin } from "graphql-yoga";

/** The portal's operations by hash: graphql-codegen's client preset writes this manifest. */
export type TrustedDocuments = ReadonlyMap<string, string>;

/** Ids are kept bare: the client preset writes `sha256:<hash>`, and clients send either form. */
const bareHash = (id: string) => id.replace(/^sha256:/, "");

/**
 * Reads a persisted-documents manifest (`{ "sha256:<hash>": "query … { … }" }`, as the client
 * preset's `persistedDocuments` option emits it; a bare hash as key works too). Every document must parse: a broken manifest stops the
 * API at start-up rather than failing one screen of the portal later.
 */
export function loadTrustedDocuments(manifestPath: string): TrustedDocuments {
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as unknown;
  if (typeof manifest !== "object" || manifest === null || Array.isArray(manifest))
    throw new Error(`${manifestPath} must be a JSON object of { hash: document }`);
  const documents = new Map<string, string>();
  for (const [hash, document] of Object.entries(manifest)) {
    if (typeof document !== "string") throw new Error(`${manifestPath}: the document for ${hash} is not a string`);
    parse(document);
    documents.set(bareHash(hash), document);
  }
  return documents;
}

/**
 * The document's id from Apollo's `extensions.persistedQuery.sha256Hash` (what urql's persisted
 * exchange sends) or the GraphQL over HTTP draft's `documentId` (`sha256:<hash>` or the bare hash).
 */
const documentIdOf: ExtractPersistedOperationId = (params) => {
  const extensions = params.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined;
  const hash = extensions?.persistedQuery?.sha256Hash;
  if (typeof hash === "string") return bareHash(hash);
  const documentId = (params as { documentId?: unknown }).documentId;
  return typeof documentId === "string" ? bareHash(documentId) : null;
};

const notTrusted = () =>
  new GraphQLError("This API runs only the portal's own operations.", {
    extensions: { code: "UNTRUSTED_DOCUMENT", http: { status: 400 } },
  });

/** Only documents from the manifest run; a document sent as text, or an unknown id, is refused. */
export function trustedDocumentsOnly(documents: TrustedDocuments): Plugin {
  return usePersistedOperations({
    allowArbitraryOperations: false,
    extractPersistedOperationId: documentIdOf,
    getPersistedOperation: (id) => documents.get(id) ?? null,
    customErrors: { notFound: notTrusted, persistedQueryOnly: notTrusted, keyNotFound: notTrusted },
  }) as Plugin;
}
