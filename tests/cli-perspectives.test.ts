// `linkage compare` and `linkage findings` end to end: spawned as a user would, over graph-data; exit
// codes, what the human output says, the Markdown brief (the explorer's text) and the JSON shapes that
// the README documents.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compareBrief } from "../src/graph/compare-brief.ts";
import { compare as compareHolders } from "../src/graph/perspectives.ts";
import { loadGraphData } from "./support/graph-data.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

function linkage(...args: string[]) {
  const run = spawnSync(process.execPath, ["bin/linkage.js", ...args], { cwd: root, encoding: "utf8" });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("linkage compare", () => {
  it("prints agreements, disagreements by pattern, unassigned differences, inference apart, each side's own claims and the findings once", () => {
    const { code, stdout } = linkage("compare", "actor:us", "actor:china");
    expect(code).toBe(0);
    const sections = [
      "Agreements (",
      "Held jointly (",
      "Matching views (",
      "Disagreements (",
      "Opposite stances (",
      "Contested linkage (",
      "Differ, sides not stated (6): the document says they differ without saying who holds which view",
      "Resting on inference (3)",
      "Conditioned stance (",
      "Only United States (",
      "Only China (",
      // F12 is the document's own conclusion and questions: no claim either side holds cites it.
      "Findings cited (11)",
    ];
    const positions = sections.map((s) => stdout.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // F7's joint stance, with the quote it rests on.
    expect(stdout).toContain(
      "United States supports UNSCR 1172 (“agree its benchmarks should remain the standard”)  [United States + China; F7]\n       “Resolution 1172 should remain the standard”",
    );
    // F8: the US side is our reading, so the difference is listed under inference, marked, with why.
    const inference = stdout.slice(stdout.indexOf("Resting on inference ("));
    expect(inference).toMatch(
      /✗ on FMCT \(F8\)\n.*United States: supports FMCT.*\[United States; F8\] \[inferred\]\n.*“cited China's 1994 pledge to work towards an FMCT”\n.*Why inferred: .*\n.*China: FMCT is linked to Outer-space/,
    );
    // F10: the document's own voice, no side assigned.
    expect(stdout).toMatch(
      /\? on US national missile defense \(NMD\) \(F10\)\n\s+The document says whether NMD is directed against China is a point of difference over US national missile defense \(NMD\) {2}\[F10\]\n\s+“whether NMD is directed against China”/,
    );
    // F6: China's willingness was unclear, so its matching support is marked hedged.
    expect(stdout).toContain("[China; F6] [hedged]");
    expect(stdout.match(/^ {2}F3 {2}The sides split over linkage/gm)).toHaveLength(1);
    expect(stdout).not.toMatch(/^ {2}F12 {2}/m);
  });

  it("prints the Compare brief with --markdown, exactly as the explorer writes it", () => {
    const { code, stdout } = linkage("compare", "actor:us", "actor:china", "--markdown");
    expect(code).toBe(0);
    const graph = loadGraphData();
    expect(stdout).toBe(compareBrief(graph, compareHolders(graph, "actor:us", "actor:china")));
    expect(stdout.split("\n")[0]).toBe("# Where United States and China differ");
    expect(stdout).toContain("\n## Differences (12)\n");
  });

  it("refuses --markdown with --json: they print different things", () => {
    const { code, stdout, stderr } = linkage("compare", "actor:us", "actor:china", "--json", "--markdown");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("--json and --markdown print different things; give one");
  });

  it("prints the comparison as JSON with both claims and the findings of each disagreement", () => {
    const { code, stdout } = linkage("compare", "actor:us", "actor:china", "--json");
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual([
      "holders",
      "agreements",
      "disagreements",
      "sidesNotStated",
      "inferred",
      "onlyA",
      "onlyB",
      "findings",
    ]);
    expect(result.holders).toEqual(["actor:us", "actor:china"]);
    // F10's differences, sides not stated: the document's own claims, naming both.
    const f10 = result.sidesNotStated.filter((d: { findings: string[] }) =>
      d.findings.includes("cns-us-china-2000#F10"),
    );
    expect(f10.length).toBe(5);
    expect(Object.keys(f10[0])).toEqual(["pattern", "subject", "claim", "findings"]);
    expect(f10[0]).toMatchObject({
      pattern: "sides-not-stated",
      claim: { attribution: "document", heldBy: [], disputedBy: ["actor:us", "actor:china"] },
    });
    expect(Object.keys(result.inferred)).toEqual(["agreements", "disagreements"]);
    // The FMCT difference rests on an inferred US stance, so it is counted apart.
    expect(result.disagreements.some((d: { subject: string }) => d.subject === "treaty:fmct")).toBe(false);
    const fmct = result.inferred.disagreements.find((d: { subject: string }) => d.subject === "treaty:fmct");
    expect(Object.keys(fmct)).toEqual(["pattern", "subject", "claimA", "claimB", "findings"]);
    expect(fmct.pattern).toBe("conditioned-stance");
    expect(fmct.claimA).toMatchObject({
      id: "f8-us-presses-fmct",
      heldBy: ["actor:us"],
      attribution: "inferred",
      qualifier: expect.any(String),
    });
    expect(fmct.claimB.id).toBe("f8-fmct-contingent-on-space-talks");
    expect(fmct.findings).toEqual(["cns-us-china-2000#F8"]);
    expect(result.agreements[0]).toEqual({
      pattern: expect.stringMatching(/^(shared|matching)$/),
      claims: expect.any(Array),
      findings: expect.any(Array),
    });
    expect(result.findings[0]).toEqual({
      id: "cns-us-china-2000#F1",
      source: "cns-us-china-2000",
      summary: expect.any(String),
    });
  });

  it("exits 1 with the nearest ids for an unknown holder", () => {
    const { code, stderr } = linkage("compare", "actor:us", "actor:chna");
    expect(code).toBe(1);
    expect(stderr).toContain('unknown id "actor:chna"; did you mean "actor:china"?');
  });

  it.each([
    ["a holder that is not an actor", ["actor:us", "issue:nmd"], /not an actor/],
    ["the same holder twice", ["actor:us", "actor:us"], /two different holders/],
    ["one holder only", ["actor:us"], /takes 2 argument/],
    ["an unknown option", ["actor:us", "actor:china", "--colour"], /Unknown option/],
  ])("exits 2 on a usage error: %s", (_name, args, message) => {
    const { code, stderr } = linkage("compare", ...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});

describe("linkage findings", () => {
  it("lists each finding in order with the claims that rest on it", () => {
    const { code, stdout } = linkage("findings");
    expect(code).toBe(0);
    expect(stdout).toContain("(cns-us-china-2000): 12 findings");
    const order = Array.from({ length: 12 }, (_, i) => stdout.search(new RegExp(`^F${i + 1}  `, "m")));
    expect(order.every((p) => p >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(stdout).toMatch(
      /^F8 {2}.*\n(?: {4}.*\n)*? {4}• FMCT is linked to Outer-space arms race treaty \(proposed\).*\n {8}“China will not begin talks on an FMCT until”\n/m,
    );
  });

  it("prints the steps as JSON, and takes --source", () => {
    const { code, stdout } = linkage("findings", "--source", "cns-us-china-2000", "--json");
    expect(code).toBe(0);
    const { findings } = JSON.parse(stdout);
    expect(findings).toHaveLength(12);
    expect(Object.keys(findings[0])).toEqual([
      "index",
      "id",
      "finding",
      "source",
      "summary",
      "claims",
      "nodes",
    ]);
    expect(findings[7]).toMatchObject({ index: 8, id: "cns-us-china-2000#F8", finding: "F8" });
    expect(findings[7].claims.map((c: { id: string }) => c.id)).toContain("f8-us-presses-fmct");
    expect(findings[7].nodes).toContain("treaty:fmct");
  });

  it("exits 1 with the nearest source ids for an unknown source", () => {
    const { code, stderr } = linkage("findings", "--source", "cns-us-china");
    expect(code).toBe(1);
    expect(stderr).toContain('did you mean "cns-us-china-2000"?');
  });

  it("exits 2 when given an argument", () => {
    expect(linkage("findings", "F3").code).toBe(2);
  });
});
