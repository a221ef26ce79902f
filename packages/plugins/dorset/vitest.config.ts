// Core's shared plugin test set-up: real PostgreSQL, a database per test file.
export { default } from "../../core/test/support/plugin-vitest-config.ts";
