import { DEMO_PASSWORD } from "../../src/seed/demo-people.ts";
import type { createTestApi } from "./api-client.ts";

/**
 * Calls the API as demo staff by e-mail address, signing each in once. `call` fails the test
 * on any top-level GraphQL error; `payload` unwraps a mutation's success (or returns its typed error).
 */
export function demoStaffClient(api: ReturnType<typeof createTestApi>) {
  const tokens = new Map<string, string>();
  const as = async (email: string) => {
    if (!tokens.has(email)) tokens.set(email, await api.signIn(email, DEMO_PASSWORD));
    return tokens.get(email) as string;
  };
  const query = async (email: string, text: string, variables: Record<string, unknown> = {}) =>
    api.graphql(text, variables, await as(email));
  const call = async (email: string, text: string, variables: Record<string, unknown> = {}) => {
    const result = await query(email, text, variables);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data as Record<string, any>;
  };
  const payload = (result: Record<string, any>, name: string) => result[name].data ?? result[name];
  return { as, query, call, payload };
}
