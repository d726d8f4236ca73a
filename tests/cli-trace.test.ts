// `linkage trace` and `linkage path` end to end: spawned as a user runs them, over the real graph-data;
// exit codes, what the human output shows, and the JSON shapes the README documents.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

function linkage(...args: string[]) {
  const run = spawnSync(process.execPath, ["bin/linkage.js", ...args], { cwd: root, encoding: "utf8" });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const FLAGSHIP = ["trace", "--target", "issue:taiwan-arms-sales", "--holder", "actor:china"];

describe("linkage trace", () => {
  it("answers the flagship question with each chain, its direction and its evidence", () => {
    const { code, stdout } = linkage(...FLAGSHIP);
    expect(code).toBe(0);
    expect(stdout).toContain("What does China tie to US arms sales to Taiwan?");
    expect(stdout).toMatch(/Distance 1 \(2 nodes\)/);
    // The F3 linkage, followed backwards from arms sales to cooperation, with its qualifier and quote.
    expect(stdout).toMatch(
      /US arms sales to Taiwan\n\s+←links-to \(contingent on\)—\s+\[f3-cooperation-contingent-on-arms-sales; held by China; cns-us-china-2000#F3\]\n\s+“further nonproliferation cooperation is contingent on US arms sales toward Taiwan”\n\s+US–China nonproliferation cooperation/,
    );
    expect(stdout).toMatch(/Sino-US relations\s+\(issue:bilateral-relations\)\n/);
    expect(stdout).toMatch(
      /Findings cited \(\d+\):\n(.*\n)*\s+cns-us-china-2000#F3 {2}The sides split over linkage/,
    );
    expect(stdout).not.toContain("Common US–China security interests");
  });

  it("prints the JSON shape { target, holder, depth, results: [{ node, label, kind, distance, paths }] }", () => {
    const { code, stdout } = linkage(...FLAGSHIP, "--json");
    expect(code).toBe(0);
    const trace = JSON.parse(stdout);
    expect(trace).toMatchObject({
      target: "issue:taiwan-arms-sales",
      holder: "actor:china",
      depth: 2,
      relations: ["links-to"],
    });
    const first = trace.results[0];
    expect(trace.attribution).toBeNull();
    expect(Object.keys(first)).toEqual(["node", "label", "kind", "distance", "paths"]);
    expect(Object.keys(first.paths[0])).toEqual(["nodes", "claims"]);
    expect(first.paths[0].claims[0]).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        source: expect.any(String),
        target: expect.any(String),
        relation: "links-to",
        heldBy: expect.arrayContaining(["actor:china"]),
        attribution: "stated",
        modality: "asserted",
        disputedBy: [],
        findings: expect.any(Array),
        evidence: expect.any(String),
        qualifier: expect.any(String),
      }),
    );
    const cooperation = trace.results.find(
      (r: { node: string }) => r.node === "issue:nonproliferation-cooperation",
    );
    expect(cooperation.distance).toBe(1);
    expect(cooperation.paths[0].claims[0].findings).toEqual(["cns-us-china-2000#F3"]);
    expect(trace.findings.map((f: { id: string }) => f.id)).toContain("cns-us-china-2000#F3");
  });

  it("takes --depth and repeated --relation", () => {
    const { code, stdout } = linkage(
      ...FLAGSHIP,
      "--depth",
      "3",
      "--relation",
      "links-to",
      "--relation",
      "opposes",
      "--json",
    );
    expect(code).toBe(0);
    const trace = JSON.parse(stdout);
    expect(trace.depth).toBe(3);
    expect(trace.relations).toEqual(["opposes", "links-to"]);
    expect(trace.results.map((r: { node: string }) => r.node)).toContain("actor:china");
  });

  it("shows how the document voices each step: its own voice, inferred holders, hedges and open questions", () => {
    const { code, stdout } = linkage("trace", "--target", "issue:nmd", "--depth", "1");
    expect(code).toBe(0);
    // F10: a difference the document does not assign, with the actors it names.
    expect(stdout).toMatch(
      /\[f10-nmd-aimed-at-china-disputed; The document says; cns-us-china-2000#F10\]\n\s+“whether NMD is directed against China”\n\s+Differ, sides not stated: United States, China\n/,
    );
    expect(stdout).toMatch(
      /\[f5-nmd-risks-relations; The document says; cns-us-china-2000#F5\] \[hedged\]\n/,
    );
    expect(stdout).toMatch(
      /\[f12-csbms-resolve-nmd-concerns; The document says; cns-us-china-2000#F12\] \[open question\]\n/,
    );
    // Inferred holders: marked, with the note that says why.
    expect(stdout).toMatch(
      /\[f6-limited-defenses-answer-nmd-concerns; held by United States; cns-us-china-2000#F6\] \[inferred\]\n\s+“limited missile defenses that remain limited”\n\s+Why inferred: The summary gives/,
    );
  });

  it("follows only stated claims with --attribution stated", () => {
    const { code, stdout } = linkage(
      "trace",
      "--target",
      "issue:nmd",
      "--holder",
      "actor:us",
      "--attribution",
      "stated",
      "--json",
    );
    expect(code).toBe(0);
    const trace = JSON.parse(stdout);
    expect(trace.attribution).toBe("stated");
    // The US ties to NMD through its domestic debate only by our inference (F5), so that is not followed.
    expect(trace.results.map((r: { node: string }) => r.node)).toEqual(["issue:nmd-deferral", "issue:csbms"]);
    const claims = trace.results.flatMap((r: { paths: { claims: { attribution: string }[] }[] }) =>
      r.paths.flatMap((p) => p.claims),
    );
    expect(claims.every((c: { attribution: string }) => c.attribution === "stated")).toBe(true);
    const text = linkage("trace", "--target", "issue:nmd", "--holder", "actor:us", "--attribution", "stated");
    expect(text.stdout).toContain(
      "held by United States (actor:us) · relations: links-to · stated claims only · depth ≤ 2",
    );
    expect(text.stdout).not.toContain("US domestic debate on missile defense");
  });

  it.each([["document"], ["inferred"], ["Stated"]])(
    "exits 2 naming the allowed value for --attribution %s",
    (value) => {
      for (const command of [[...FLAGSHIP], ["path", "treaty:fmct", "treaty:paros"]]) {
        const { code, stderr } = linkage(...command, "--attribution", value);
        expect(code).toBe(2);
        expect(stderr).toContain(`--attribution: expected "stated", got "${value}"`);
        expect(stderr).toContain("Usage: linkage");
      }
    },
  );

  it("exits 1 with the nearest ids for an unknown target or holder", () => {
    const target = linkage("trace", "--target", "issue:taiwan-arms-sale");
    expect(target.code).toBe(1);
    expect(target.stderr).toContain('did you mean "issue:taiwan-arms-sales"');
    const holder = linkage("trace", "--target", "issue:taiwan-arms-sales", "--holder", "actor:chna");
    expect(holder.code).toBe(1);
    expect(holder.stderr).toContain('did you mean "actor:china"');
  });

  it.each([["0"], ["7"], ["two"], ["2.5"]])("exits 2 with usage for --depth %s", (depth) => {
    const { code, stderr } = linkage(...FLAGSHIP, "--depth", depth);
    expect(code).toBe(2);
    expect(stderr).toContain("--depth: must be a whole number from 1 to 6");
    expect(stderr).toContain("Usage: linkage trace");
  });

  it("exits 2 without --target, with an unknown relation, or with a holder that is not an actor", () => {
    expect(linkage("trace").stderr).toContain("--target: is required");
    const relation = linkage(...FLAGSHIP, "--relation", "hates");
    expect(relation.code).toBe(2);
    expect(relation.stderr).toContain('--relation: unknown relation "hates"');
    expect(linkage("trace", "--target", "issue:taiwan-arms-sales", "--holder", "issue:nmd").code).toBe(2);
  });
});

describe("linkage path", () => {
  it("lists the chains between two nodes and the shortest one, each step with its evidence", () => {
    const { code, stdout } = linkage("path", "issue:taiwan-arms-sales", "issue:nmd");
    expect(code).toBe(0);
    expect(stdout).toMatch(/3 paths found; the shortest takes 3 steps/);
    // F5: the document itself says NMD could destabilize relations; no actor holds it.
    expect(stdout).toMatch(
      /\[f5-nmd-risks-relations; The document says; cns-us-china-2000#F5\] \[hedged\]\n\s+“destabilize global arms control efforts and bilateral relations”/,
    );
  });

  it("finds no chain from arms sales to NMD that China holds, nor one the document attributes throughout", () => {
    const china = linkage("path", "issue:taiwan-arms-sales", "issue:nmd", "--holder", "actor:china");
    expect(china.code).toBe(0);
    expect(china.stdout).toContain("No path joins them");
    const stated = linkage(
      "path",
      "issue:taiwan-arms-sales",
      "issue:nmd",
      "--attribution",
      "stated",
      "--json",
    );
    expect(stated.code).toBe(0);
    expect(JSON.parse(stated.stdout)).toMatchObject({ attribution: "stated", shortest: null, paths: [] });
  });

  it("says when no path fits in --max-depth, and still shows the shortest", () => {
    const { code, stdout } = linkage(
      "path",
      "issue:taiwan-arms-sales",
      "actor:taiwan",
      "--holder",
      "actor:china",
      "--max-depth",
      "1",
    );
    expect(code).toBe(0);
    expect(stdout).toContain("No path of at most 1 step. The shortest takes 2 steps.");
  });

  it("prints { from, to, holder, maxDepth, relations, attribution, shortest, paths, findings } as JSON", () => {
    const { code, stdout } = linkage("path", "treaty:fmct", "treaty:paros", "--json");
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual([
      "from",
      "to",
      "holder",
      "maxDepth",
      "relations",
      "attribution",
      "shortest",
      "paths",
      "findings",
    ]);
    expect(result).toMatchObject({
      from: "treaty:fmct",
      to: "treaty:paros",
      holder: null,
      maxDepth: 4,
      attribution: null,
    });
    expect(result.shortest.claims.map((c: { id: string }) => c.id)).toEqual([
      "f8-fmct-contingent-on-space-talks",
    ]);
    expect(result.paths[0]).toEqual(result.shortest);
  });

  it("exits 1 for an unknown id and 2 for a bad --max-depth or a wrong argument count", () => {
    const unknown = linkage("path", "treaty:fmc", "treaty:paros");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('did you mean "treaty:fmct"');
    const depth = linkage("path", "treaty:fmct", "treaty:paros", "--max-depth", "9");
    expect(depth.code).toBe(2);
    expect(depth.stderr).toContain("--max-depth: must be a whole number from 1 to 6");
    expect(linkage("path", "treaty:fmct").code).toBe(2);
  });
});
