import type { CodegenConfig } from "@graphql-codegen/cli";

// Typed operations from the API contract (/schema.graphql). `npm run codegen` writes them;
// `npm run codegen:check` (part of `npm test`) fails when they are stale.
const config: CodegenConfig = {
  schema: "../../schema.graphql",
  documents: ["app/**/*.tsx", "components/**/*.tsx", "lib/**/*.ts", "lib/**/*.tsx", "!lib/generated/**"],
  ignoreNoDocuments: false,
  generates: {
    "lib/generated/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
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
