import { fileURLToPath } from "node:url";

/** The repository root, found from this file so commands work from any directory. */
export const repositoryRoot = fileURLToPath(new URL("../../../../", import.meta.url));

/** Where the embedded PostgreSQL keeps its data between runs (git-ignored). */
export const embeddedDataDirectory = `${repositoryRoot}.data/postgres`;
