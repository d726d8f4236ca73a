// Source dates must be real calendar dates (issue 14, #11): the schema refuses month 13, day 45 and
// 30 February in curated and imported sources alike, and says why; the shape check stays as it was.
import { describe, expect, it } from "vitest";
import { calendarDateProblem, ImportedSourceMeta } from "../src/model/schema.ts";

describe("calendar dates", () => {
  it.each([
    ["2000-13-45", "there is no month 13"],
    ["2000-00-10", "there is no month 0"],
    ["2000-02-30", "month 2 of 2000 has 29 days"],
    ["1900-02-29", "month 2 of 1900 has 28 days"],
    ["2001-04-31", "month 4 of 2001 has 30 days"],
    ["2001-01-00", "month 1 of 2001 has 31 days"],
  ])("refuses %s: %s", (date, reason) => {
    expect(calendarDateProblem(date)).toBe(`${date} is not a calendar date: ${reason}`);
  });

  it.each([["2000"], ["2000-02"], ["2000-02-29"], ["1600-02-29"], ["2001-12-31"]])("accepts %s", (date) => {
    expect(calendarDateProblem(date)).toBeNull();
  });

  it("applies to an imported source's date, with one message, and leaves bad shapes to the pattern", () => {
    const base = { id: "g", provenance: "imported", title: "G", findings: [] };
    const invalid = ImportedSourceMeta.safeParse({ ...base, date: "2000-02-30" });
    expect(invalid.error?.issues.map((issue) => issue.message)).toEqual([
      "2000-02-30 is not a calendar date: month 2 of 2000 has 29 days",
    ]);
    const shapeless = ImportedSourceMeta.safeParse({ ...base, date: "Feb 2000" });
    expect(shapeless.error?.issues.map((issue) => issue.message)).toEqual([
      "expected YYYY, YYYY-MM or YYYY-MM-DD",
    ]);
  });
});
