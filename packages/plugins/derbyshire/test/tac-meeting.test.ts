// "As far as possible the decision on the purchase to be made was made by the Lead Practitioner in
// conjunction with the child/young person/family at the Team Around the Child meeting."
import { createTestApi, createTestDatabase, seedDemoData, type TestDatabase } from "@pathfinder/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import derbyshire from "../src/index.ts";
import { derbyshireApi, derbyshireWorld, londonDay } from "./derbyshire-api.ts";

let database: TestDatabase;
let api: ReturnType<typeof derbyshireApi>;
let world: ReturnType<typeof derbyshireWorld>;
let budgetId: string;
const LP = "lp@derbyshire.example";
const meeting = (heldOn: string, attendees: string[]) => ({ derbyshire: { tacMeeting: { heldOn, attendees } } });
const FAMILY_AND_LEAD = ["Jade Padfield (mother)", "Shauna Charlesworth (lead practitioner)"];

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db, [derbyshire]);
  api = derbyshireApi(createTestApi(database.db, { plugins: [derbyshire] }));
  world = derbyshireWorld(database);
  budgetId = await world.budgetOf("Glossop");
});
afterAll(() => database.drop());

const ask = async (extensions: unknown) => api.request(LP, await world.newCase(), budgetId, 26_000, extensions);

describe("the Team Around the Child meeting, required on submission", () => {
  it("a draft may leave it out, but it cannot be submitted without it", async () => {
    const result = await ask(null);
    expect(result.violations).toEqual([
      {
        code: "TAC_MEETING_REQUIRED",
        field: "extensions.derbyshire.tacMeeting",
        message:
          "Record the Team Around the Child meeting at which you and the family decided on this purchase: when it was held and who attended.",
      },
    ]);
  });

  it("held today, with the family and the lead practitioner: submitted, and kept on the request", async () => {
    const result = await ask(meeting(londonDay(), FAMILY_AND_LEAD));
    expect(result.status).toBe("AWAITING_DECISION");
    expect(result.extensions).toEqual(meeting(londonDay(), FAMILY_AND_LEAD));
  });

  it("a meeting still to come (tomorrow) cannot have made the decision", async () => {
    const result = await ask(meeting(londonDay(1), FAMILY_AND_LEAD));
    expect(result.violations).toEqual([
      {
        code: "TAC_MEETING_IN_FUTURE",
        field: "extensions.derbyshire.tacMeeting.heldOn",
        message: expect.stringContaining("submit the request once the meeting has made the decision"),
      },
    ]);
  });

  it("records at least two attendees, the family and the lead practitioner", async () => {
    const one = await api.create(
      LP,
      await world.newCase(),
      budgetId,
      26_000,
      meeting(londonDay(), ["Shauna Charlesworth"]),
    );
    expect(one).toMatchObject({
      __typename: "ValidationError",
      issues: [
        {
          path: "input.extensions.derbyshire.tacMeeting.attendees",
          message: "List at least the family and the lead practitioner",
        },
      ],
    });
    const blank = await api.create(
      LP,
      await world.newCase(),
      budgetId,
      26_000,
      meeting(londonDay(), ["Jade Padfield", " "]),
    );
    expect(blank.issues).toEqual([
      { path: "input.extensions.derbyshire.tacMeeting.attendees.1", message: "Give each attendee's name" },
    ]);
    const badDate = await api.create(
      LP,
      await world.newCase(),
      budgetId,
      26_000,
      meeting("last Tuesday", FAMILY_AND_LEAD),
    );
    expect(badDate.issues).toEqual([
      { path: "input.extensions.derbyshire.tacMeeting.heldOn", message: "Give the date as YYYY-MM-DD" },
    ]);
  });
});
