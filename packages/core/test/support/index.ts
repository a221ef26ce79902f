// What a plugin's tests need from core: a database of their own, the real API, demo data.

export { DEMO_PASSWORD } from "../../src/seed/demo-people.ts";
export { seedDemoData } from "../../src/seed/demo-seed.ts";
export { createTestApi } from "./api-client.ts";
export { demoStaffClient } from "./demo-staff-client.ts";
export { freePort } from "./free-port.ts";
export { createTestDatabase, type TestDatabase } from "./test-database.ts";
