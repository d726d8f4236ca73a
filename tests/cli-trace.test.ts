// `linkage trace` and `linkage path` end to end: spawned as a user runs them, over the real graph-data;
// exit codes, what the human output shows (the answer first, each step once), the Markdown brief
// (the same text the explorer downloads), --kind, and the JSON shapes the README documents.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { traceLinkages } from "../src/graph/trace.ts";
import { traceBrief } from "../src/graph/trace-brief.ts";
import { loadGraphData } from "./support/graph-data.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

function linkage(...args: string[]) {
  const run = spawnSync(process.execPath, ["bin/linkage.js", ...args], { cwd: root, encoding: "utf8" });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const FLAGSHIP = ["trace", "--target", "issue:taiwan-arms-sales", "--holder", "actor:china"];

describe("linkage trace", () => {
  it("answers the flagship question first, then the direct ties and the chains, each step once as a sentence", () => {
    const { code, stdout } = linkage(...FLAGSHIP);
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    expect(lines[0]).toBe("What does China tie to US arms sales to Taiwan?");
    expect(lines[3]).toMatch(
      /^China ties US arms sales to Taiwan directly to two things: US–China nonproliferation cooperation \(contingent on, F3\) and Transferring TMD to Taiwan \(a highly provocative form of, F10\)\. Through /,
    );
    expect(stdout).toContain(
      "\nDirect ties (2)\n  • US–China nonproliferation cooperation is contingent on US arms sales to Taiwan  [China; F3]\n      “further nonproliferation cooperation is contingent on US arms sales toward Taiwan”\n",
    );
    expect(stdout).toContain(
      "\nThrough US–China nonproliferation cooperation: a direct tie, from which three chains go on\n  • US–China nonproliferation cooperation is linked to Global proliferation threats (“matters more and more, with closer policy coordination, in addressing”)  [United States + China; F2]",
    );
    // No arrows, and no step printed twice.
    expect(stdout).not.toMatch(/[←→]/);
    const steps = lines.filter((line) => /^\s+• /.test(line));
    expect(steps).toHaveLength(6);
    expect(new Set(steps.map((line) => line.trim())).size).toBe(6);
    expect(stdout).toMatch(
      /Findings cited \(3\):\n {2}F2 .*\n {2}F3 {2}The sides split over linkage.*\n {2}F10 /,
    );
    expect(stdout).not.toContain("Common US–China security interests");
  });

  it("prints the evidence brief with --markdown, exactly as the explorer writes it", () => {
    const { code, stdout } = linkage(...FLAGSHIP, "--markdown");
    expect(code).toBe(0);
    const graph = loadGraphData();
    const trace = traceLinkages(graph, { target: "issue:taiwan-arms-sales", holder: "actor:china" });
    expect(stdout).toBe(traceBrief(graph, trace));
    expect(stdout.split("\n")[2]).toMatch(/^China ties US arms sales to Taiwan directly to two things: /);
  });

  it("refuses --markdown with --json: they print different things", () => {
    const { code, stdout, stderr } = linkage(...FLAGSHIP, "--markdown", "--json");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("--json and --markdown print different things; give one");
  });

  it("answers only with nodes of the kinds asked for by --kind, which may repeat", () => {
    const issues = JSON.parse(linkage(...FLAGSHIP, "--kind", "issue", "--json").stdout);
    expect(issues.kinds).toEqual(["issue"]);
    expect(issues.results.map((r: { node: string }) => r.node)).not.toContain("actor:taiwan");
    expect(issues.results.every((r: { kind: string }) => r.kind === "issue")).toBe(true);
    expect(issues.results).toHaveLength(5);
    // Taiwan is reached through an issue: chains pass through any kind.
    const actors = linkage(...FLAGSHIP, "--kind", "actor");
    expect(actors.code).toBe(0);
    expect(actors.stdout).toContain(
      "China ties no actor to US arms sales to Taiwan directly. Through Transferring TMD to Taiwan, chains of two claims reach one actor: Taiwan.",
    );
    const both = JSON.parse(linkage(...FLAGSHIP, "--kind", "treaty", "--kind", "actor", "--json").stdout);
    expect(both.kinds).toEqual(["actor", "treaty"]);
    expect(JSON.parse(linkage(...FLAGSHIP, "--json").stdout).kinds).toBeNull();
  });

  it("exits 2 naming the kinds for an unknown --kind", () => {
    const { code, stderr } = linkage(...FLAGSHIP, "--kind", "state");
    expect(code).toBe(2);
    expect(stderr).toContain('--kind: unknown kind "state"; expected actor, issue, treaty');
  });

  it("prints the JSON shape { target, holder, depth, relations, attribution, kinds, results: [{ node, label, kind, distance, paths }], findings }", () => {
    const { code, stdout } = linkage(...FLAGSHIP, "--json");
    expect(code).toBe(0);
    const trace = JSON.parse(stdout);
    expect(trace).toMatchObject({
      target: "issue:taiwan-arms-sales",
      holder: "actor:china",
      depth: 2,
      relations: ["links-to"],
    });
    expect(Object.keys(trace)).toEqual([
      "target",
      "holder",
      "depth",
      "relations",
      "attribution",
      "kinds",
      "results",
      "findings",
    ]);
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
    expect(stdout).toMatch(
      /\nThe document, United States and China tie US national missile defense \(NMD\) directly to ten things: /,
    );
    // F10: a difference the document does not assign, with the actors it names.
    expect(stdout).toContain(
      "  • The document says whether NMD is directed against China is a point of difference over US national missile defense (NMD)  [F10]\n      “whether NMD is directed against China”\n      Differ, sides not stated: United States, China\n",
    );
    expect(stdout).toContain(
      "  • The document says US national missile defense (NMD) could destabilize, if not handled carefully, Sino-US relations  [F5] [hedged]\n",
    );
    expect(stdout).toContain(
      "  • The document asks of Confidence- and security-building measures (CSBMs): can they help resolve Chinese concerns about US national missile defense (NMD)?  [F12] [open question]\n",
    );
    // Inferred holders: marked, with the note that says why.
    expect(stdout).toMatch(
      /\[United States; F6\] \[inferred\]\n\s+“limited missile defenses that remain limited”\n\s+Why inferred: The summary gives/,
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
