// Whether a colleague may decide in an absent approver's place is the authority's to set: with
// cover switched off, an approver asking for it is told why and nothing is arranged.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SETTINGS } from "../src/demo-settings.ts";
import { ADMIN, type ConfigurableWorld, configurableWorld, dayFromToday, globalId } from "./configurable-world.ts";

let world: ConfigurableWorld;

beforeAll(async () => {
  world = await configurableWorld();
});
afterAll(() => world.database.drop());

const PANEL = "panel@configurable.example";
const ARRANGE = `mutation ($input: CoverInput!) { arrangeCover(input: $input) {
  __typename ... on Error { code message } ... on MutationArrangeCoverSuccess { data { delegate { name } } } } }`;

async function arrangeCover() {
  const colleague = await world.db.staffUser.findUniqueOrThrow({
    where: { email: "panel-thorncombe@configurable.example" },
  });
  const result = await world.api.query(PANEL, ARRANGE, {
    input: {
      delegateId: globalId("StaffUser", colleague.id),
      startsOn: dayFromToday(0),
      endsOn: dayFromToday(7),
      reason: "Annual leave",
    },
  });
  return result.data?.arrangeCover;
}

describe("cover under the configurable scheme", () => {
  it("is refused, with the reason, when the authority has switched it off; nothing is arranged", async () => {
    const configured = await world.api.configure(ADMIN, "configurePlugin", { ...DEMO_SETTINGS, allowCover: false });
    expect(configured.settings.allowCover).toBe(false);
    expect(await arrangeCover()).toEqual({
      __typename: "DomainError",
      code: "COVER_NOT_ALLOWED",
      message:
        "Your authority's scheme does not let a colleague decide in your place: requests wait for their own approver. Ask your administrator if this should change.",
    });
    expect(await world.db.delegation.count({ where: { authorityId: world.authorityId } })).toBe(0);
  });

  it("is arranged once the authority allows it again", async () => {
    const configured = await world.api.configure(ADMIN, "configurePlugin", { ...DEMO_SETTINGS, allowCover: true });
    expect(configured.settings.allowCover).toBe(true);
    expect(await arrangeCover()).toMatchObject({ __typename: "MutationArrangeCoverSuccess" });
    expect(await world.db.delegation.count({ where: { authorityId: world.authorityId } })).toBe(1);
  });
});
