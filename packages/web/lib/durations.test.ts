import { expect, test } from "vitest";
import { formatDuration } from "./durations";

test("times to decision read in the two largest units", () => {
  expect(formatDuration(5400)).toBe("1 hour 30 minutes");
  expect(formatDuration(200_000)).toBe("2 days 7 hours");
  expect(formatDuration(30)).toBe("Under a minute");
  expect(formatDuration(null)).toBe("Not yet known");
});
