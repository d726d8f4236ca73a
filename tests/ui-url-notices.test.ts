// Every parameter a link carries is either used or named in a notice (issue 14, #11): junk trace
// parameters, a trace's parameters without a trace, a repeated parameter, compare of one holder with
// itself, unknown and nameless parameters. Then fast-check: random query strings never throw, and every
// parameter given a value its codec refuses is named in a notice.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { knownIds, parseLink } from "../src/ui/state/url.ts";
import { loadGraphData } from "./support/graph-data.ts";

const known = knownIds(loadGraphData());
const noticesOf = (query: string) => parseLink(query, known).notices;

describe("a notice for every parameter the link cannot use", () => {
  it.each([
    ["junk traceHolder", "?trace=issue:nmd&traceHolder=nobody", "traceHolder="],
    ["junk traceDepth", "?trace=issue:nmd&traceDepth=0x2", "traceDepth="],
    ["junk traceRelation", "?trace=issue:nmd&traceRelation=hates", "traceRelation="],
    ["traceHolder without trace", "?traceHolder=actor:china", "traceHolder="],
    ["depth without trace", "?depth=3", "depth="],
    ["a repeated node", "?node=actor:us&node=actor:china", "node= 2 times"],
    ["compare of one holder with itself", "?compare=actor:us,actor:us", "names one holder twice"],
    ["an unknown parameter", "?nodes=actor:us", "“nodes”"],
    ["a parameter with no name", "?=&=x", "no name"],
  ])("%s", (_name, query, words) => {
    const notices = noticesOf(query);
    expect(
      notices.some((notice) => notice.includes(words)),
      notices.join(" | "),
    ).toBe(true);
  });

  it("keeps what it can: the first of a repeated node, a lens for compare of one holder", () => {
    expect(parseLink("?node=actor:us&node=actor:china", known).view.selection).toEqual({
      type: "node",
      id: "actor:us",
    });
    expect(parseLink("?compare=actor:us,actor:us", known).view.perspective).toEqual({
      mode: "lens",
      holder: "actor:us",
    });
  });

  it("says nothing about a clean link", () => {
    expect(noticesOf("?trace=issue:taiwan-arms-sales&traceHolder=actor:china&traceDepth=2")).toEqual([]);
    expect(noticesOf("?node=actor:china&compare=actor:us,actor:china")).toEqual([]);
  });
});

describe("random links (fast-check, fixed seed)", () => {
  const settings = { seed: 20_001_214, numRuns: 400, verbose: true } as const;
  const names = [
    "node",
    "claim",
    "kind",
    "relation",
    "attribution",
    "modality",
    "holder",
    "view",
    "camera",
    "trace",
    "traceHolder",
    "traceDepth",
    "traceRelation",
    "traceAttribution",
    "compare",
    "lens",
    "tour",
    "step",
  ];

  it("never throws on any query string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (query) => {
        const { notices } = parseLink(query, known);
        expect(Array.isArray(notices)).toBe(true);
      }),
      settings,
    );
  });

  it("names in a notice every known parameter whose value is junk", () => {
    // Junk: a value no codec accepts (no id has spaces and a bracket).
    const junk = fc.string({ minLength: 1, maxLength: 20 }).map((text) => `[${text} ?`);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...names), { minLength: 1, maxLength: 5 }),
        junk,
        (picked, value) => {
          // A trace's parameters are judged with a trace present, so their own codec speaks.
          const params = new URLSearchParams(picked.map((name) => [name, value]));
          if (picked.some((name) => name.startsWith("trace")) && !params.has("trace"))
            params.set("trace", "issue:nmd");
          const notices = parseLink(`?${params}`, known).notices;
          for (const name of picked)
            expect(
              notices.some((notice) => notice.includes(name)),
              name,
            ).toBe(true);
        },
      ),
      settings,
    );
  });
});
