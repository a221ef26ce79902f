import type { CodegenConfig } from "@graphql-codegen/cli";
import { typenameAsUrqlAddsIt } from "./scripts/typename-as-urql-adds-it.ts";

// Typed operations from the API contract (/schema.graphql). `npm run codegen` writes them;
// `npm run codegen:check` (part of `npm test`) fails when they are stale.
const config: CodegenConfig = {
  schema: "../../schema.graphql",
  documents: ["app/**/*.tsx", "components/**/*.tsx", "lib/**/*.ts", "lib/**/*.tsx", "!lib/generated/**"],
  ignoreNoDocuments: false,
  generates: {
    "lib/generated/": {
      preset: "client",
      // persisted-documents.json ({ sha256: document }) is the API's trusted-documents manifest in
      // production; each document carries its hash (`__meta__.hash`) for the portal to send instead.
      // __typename is added here because the API runs the manifest's text, not graphcache's copy;
      // where urql adds it, and only there, so production answers in development's shape.
      presetConfig: { fragmentMasking: false, persistedDocuments: true },
      documentTransforms: [typenameAsUrqlAddsIt],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { Pence: "number", Date: "string", DateTime: "string", JSON: "unknown", File: "File" },
      },
    },
    "lib/generated/cache-schema.ts": { plugins: ["./scripts/codegen-cache-schema.cjs"] },
  },
};

export default config;
