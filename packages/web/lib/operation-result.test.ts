import { parse } from "graphql";
import { describe, expect, test } from "vitest";
import { rootFieldResult } from "./operation-result";

const returnUnspent = parse(`mutation ReturnUnspent($id: ID!) { returnUnspent(id: $id, amount: 750) { __typename } }`);

describe("a mutation's result is read by its field's name", () => {
  test("whatever else the answer's data carries, a root __typename first included", () => {
    const data = { __typename: "Mutation", returnUnspent: { __typename: "MutationReturnUnspentSuccess" } };
    expect(rootFieldResult(returnUnspent, data)).toEqual({ __typename: "MutationReturnUnspentSuccess" });
  });

  test("by its alias when it has one", () => {
    const aliased = parse(`mutation { __typename outcome: signOut }`);
    expect(rootFieldResult(aliased, { __typename: "Mutation", outcome: true })).toBe(true);
  });

  test("nothing when there is no data", () => {
    expect(rootFieldResult(returnUnspent, undefined)).toBeUndefined();
  });
});
