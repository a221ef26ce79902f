import { describe, expect, test } from "vitest";
import { formatPence, parsePounds, penceToPounds } from "./money";

describe("amounts typed in pounds become whole pence", () => {
  test.each([
    ["120", 12_000],
    ["120.5", 12_050],
    ["120.50", 12_050],
    ["£1,200.05", 120_005],
    [" 0.99 ", 99],
  ])("%s is %i pence", (typed, pence) => expect(parsePounds(typed)).toBe(pence));

  test.each(["", "12.345", "twelve", "-5", "1e3", "£"])("%s is not an amount", (typed) =>
    expect(parsePounds(typed)).toBeNull(),
  );

  test("pence read back as people write them", () => {
    expect(formatPence(123_450)).toBe("£1,234.50");
    expect(penceToPounds(750)).toBe("7.50");
  });
});
