/** The V8 settings the API process runs with in production: see api-node-flags.mjs. */
export declare const API_NODE_FLAGS: readonly string[];
