// visibleSubgraph: the part of a graph a view shows, as a new graph that every writer accepts and
// whose project JSON passes `linkage validate` (its own loader and integrity rules, on the file written).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSources } from "../src/cli/io.ts";
import { exportGraph, importGraph } from "../src/formats/index.ts";
import { nodeXmlParser } from "../src/formats/xml-node.ts";
import { InvalidArgumentError } from "../src/graph/errors.ts";
import { traceLinkages } from "../src/graph/trace.ts";
import type { LinkageGraph } from "../src/graph/types.ts";
import { type VisibleItems, visibleSubgraph, visibleSubset } from "../src/graph/visible-subgraph.ts";
import { DEFAULT_FILTERS, type Filters } from "../src/ui/state/explorer-state.ts";
import { visibleItems } from "../src/ui/state/filters.ts";
import { awkwardGraph } from "./awkward-graph.ts";
import { loadGraphData } from "./support/graph-data.ts";

describe("visibleSubgraph", () => {
  it("keeps exactly the visible nodes and claims, with their attributes, and leaves the graph alone", () => {
    const graph = loadGraphData();
    const before = JSON.stringify(graph.export());
    const visible = visibleItems(graph, { ...DEFAULT_FILTERS, relations: ["opposes"] });
    const sub = visibleSubgraph(graph, visible);
    expect(new Set(sub.nodes())).toEqual(visible.nodes);
    expect(new Set(sub.edges())).toEqual(visible.claims);
    const [claim] = visible.claims;
    // The same claim, its source renamed to the subset's (`…-visible`) in its id and finding references.
    const { sourceId, findings, ...rest } = graph.getEdgeAttributes(claim as string);
    expect(sub.getEdgeAttributes(claim as string)).toEqual({
      ...rest,
      sourceId: `${sourceId}-visible`,
      findings: findings.map((ref) => ref.replace(`${sourceId}#`, `${sourceId}-visible#`)),
    });
    expect(sub.extremities(claim as string)).toEqual(graph.extremities(claim as string));
    expect(JSON.stringify(graph.export())).toBe(before);
    // A copy: writing to the subgraph does not reach the original.
    sub.getNodeAttributes(sub.nodes()[0] as string).aliases.push("changed");
    expect(JSON.stringify(graph.export())).toBe(before);
  });

  it("gives project JSON that imports again as the same subgraph (a relation filter on graph-data)", () => {
    const graph = loadGraphData();
    const sub = visibleSubgraph(graph, visibleItems(graph, { ...DEFAULT_FILTERS, relations: ["opposes"] }));
    const files = exportGraph(sub, "project-json");
    expect(files).toHaveLength(1);
    const back = importGraph(
      { name: "sub.json", text: (files[0] as { text: string }).text },
      { xml: nodeXmlParser },
    );
    expect(new Set(back.graph.nodes())).toEqual(new Set(sub.nodes()));
    expect(new Set(back.graph.edges())).toEqual(new Set(sub.edges()));
    const cited = new Set(sub.mapEdges((_c, a) => a.findings).flat());
    const listed = sub.getAttribute("sources").flatMap((s) => s.findings.map((f) => `${s.id}#${f.id}`));
    expect(new Set(listed)).toEqual(cited);
  });

  it("drops a claim whose end is not visible, so the result is a valid graph", () => {
    const graph = loadGraphData();
    const [claim] = graph.edges();
    const [source] = graph.extremities(claim as string);
    const nodes = new Set(graph.nodes().filter((node) => node !== source));
    const sub = visibleSubgraph(graph, { nodes, claims: new Set(graph.edges()) });
    expect(sub.hasNode(source)).toBe(false);
    expect(sub.hasEdge(claim as string)).toBe(false);
    expect(sub.size).toBe(graph.edges().filter((e) => !graph.extremities(e).includes(source)).length);
  });

  it("keeps only the sources its items come from, and round-trips through GEXF", () => {
    const graph: LinkageGraph = awkwardGraph();
    const sourceIds = graph.getAttribute("sources").map((source) => source.id);
    const first = sourceIds[0] as string;
    const visible = visibleItems(graph, { ...DEFAULT_FILTERS, source: first });
    const sub = visibleSubgraph(graph, visible);
    const kept = sub.getAttribute("sources").map((source) => source.id);
    expect(kept).toContain(`${first}-visible`);
    expect(kept).not.toContain(first);
    for (const node of sub.nodes()) {
      for (const source of sub.getNodeAttribute(node, "sources")) expect(kept).toContain(source);
    }
    const [file] = exportGraph(sub, "gexf");
    const back = importGraph(
      { name: "sub.gexf", text: (file as { text: string }).text },
      { xml: nodeXmlParser },
    );
    expect(back.graph.order).toBe(sub.order);
    expect(back.graph.size).toBe(sub.size);
  });

  it("rejects arguments that are not a graph and two sets", () => {
    const graph = loadGraphData();
    expect(() => visibleSubgraph({} as LinkageGraph, { nodes: new Set(), claims: new Set() })).toThrow(
      InvalidArgumentError,
    );
    expect(() =>
      visibleSubgraph(graph, { nodes: [] as unknown as Set<string>, claims: new Set<string>() }),
    ).toThrow(InvalidArgumentError);
  });
});

const SOURCE = "cns-us-china-2000";
const work = mkdtempSync(join(tmpdir(), "linkage-visible-"));

/** Writes the subset's project JSON and runs what `linkage validate` runs on the files. */
function validate(name: string, sub: LinkageGraph) {
  const paths = exportGraph(sub, "project-json").map((file) => {
    const path = join(work, `${name}-${file.name}`);
    writeFileSync(path, file.text);
    return path;
  });
  // No file at all would make readSources read graph-data instead.
  expect(paths.length).toBeGreaterThan(0);
  return { paths, ...readSources(paths) };
}

/** What a trace shows: its target, and every node and claim on its paths. */
function traceItems(graph: LinkageGraph, target: string, holder?: string): VisibleItems {
  const trace = traceLinkages(graph, { target, depth: 2, ...(holder ? { holder } : {}) });
  const nodes = new Set([target]);
  const claims = new Set<string>();
  for (const result of trace.results) {
    for (const path of result.paths) {
      for (const node of path.nodes) nodes.add(node);
      for (const claim of path.claims) claims.add(claim.id);
    }
  }
  return { nodes, claims };
}

describe("only what is visible, as a file that validates", () => {
  const graph = loadGraphData();
  const filtered = (filters: Partial<Filters>) => visibleItems(graph, { ...DEFAULT_FILTERS, ...filters });
  const cases: [string, () => VisibleItems][] = [
    ["holder China and finding F8", () => filtered({ holder: "actor:china", finding: `${SOURCE}#F8` })],
    ["opposes only", () => filtered({ relations: ["opposes"] })],
    ["issues and treaties only (every actor hidden)", () => filtered({ kinds: ["issue", "treaty"] })],
    ["the document's own voice only", () => filtered({ attributions: ["document"] })],
    ["a trace to US arms sales to Taiwan", () => traceItems(graph, "issue:taiwan-arms-sales")],
  ];

  it.each(cases)("%s: linkage validate finds no problem", (name, items) => {
    const visible = items();
    const { graph: sub, claimsLeftOut, nodesLeftOut } = visibleSubset(graph, visible);
    expect(sub.size).toBeGreaterThan(0);
    const { files, sources, problems } = validate(name.replace(/\W+/g, "-"), sub);
    expect(problems).toEqual([]);
    expect(files).toHaveLength(1);
    const kept = sources.flatMap((source) => source.data.claims.map((claim) => claim.id));
    // Every visible claim is in the file, or is reported left out; nothing else is in the file.
    expect(new Set([...kept, ...claimsLeftOut.map((left) => left.claim)])).toEqual(
      new Set(
        [...visible.claims].filter((claim) =>
          graph.extremities(claim).every((end) => visible.nodes.has(end)),
        ),
      ),
    );
    expect(kept.length + claimsLeftOut.length).toBeLessThanOrEqual(visible.claims.size);
    // A claim is left out only for an actor the subset does not hold; a node only for having no claim.
    for (const { claim, actors } of claimsLeftOut) {
      const named = [
        ...graph.getEdgeAttribute(claim, "heldBy"),
        ...(graph.getEdgeAttribute(claim, "disputedBy") ?? []),
      ];
      expect(actors.length).toBeGreaterThan(0);
      for (const actor of actors) {
        expect(named).toContain(actor);
        expect(sub.hasNode(actor)).toBe(false);
      }
    }
    for (const { node } of nodesLeftOut) {
      expect(visible.nodes.has(node)).toBe(true);
      expect(sub.hasNode(node)).toBe(false);
    }
  });

  it("names the file and its source as a subset, never as the real source", () => {
    const { graph: sub, sourceIds } = visibleSubset(graph, filtered({ relations: ["opposes"] }));
    expect(sourceIds).toEqual({ [SOURCE]: `${SOURCE}-visible` });
    const [file] = exportGraph(sub, "project-json");
    expect(file?.name).toBe(`${SOURCE}-visible.json`);
    const { source } = JSON.parse(file?.text ?? "{}");
    expect(source.id).toBe(`${SOURCE}-visible`);
    expect(source.title).toMatch(/\(only what was visible\)$/);
    expect(source.title.length).toBeLessThanOrEqual(300);
    expect(source.title.startsWith(graph.getAttribute("sources")[0]?.title ?? "?")).toBe(true);
  });

  it("leave-out-claims leaves out, and says so, the claims whose actors are hidden, and the nodes left without a claim", () => {
    const visible = filtered({ kinds: ["issue", "treaty"] });
    const {
      graph: sub,
      claimsLeftOut,
      nodesLeftOut,
      actorsKept,
    } = visibleSubset(graph, visible, {
      hiddenActors: "leave-out-claims",
    });
    expect(actorsKept).toEqual([]);
    // Hiding every actor hides every holder: only claims in the document's own voice with no disputant stay.
    expect(claimsLeftOut.length).toBeGreaterThan(0);
    sub.forEachEdge((_claim, attributes) => {
      expect(attributes.heldBy).toEqual([]);
      expect(attributes.disputedBy ?? []).toEqual([]);
    });
    const heldByHidden = [...visible.claims].filter(
      (claim) => graph.getEdgeAttribute(claim, "heldBy").length > 0,
    );
    expect(claimsLeftOut.map((left) => left.claim)).toEqual(expect.arrayContaining(heldByHidden));
    for (const { node } of nodesLeftOut) {
      expect(graph.someEdge(node, (claim) => sub.hasEdge(claim))).toBe(false);
    }
    sub.forEachNode((node) => expect(sub.degree(node)).toBeGreaterThan(0));
    expect(validate("leave-out", sub).problems).toEqual([]);
  });

  it("a holder's trace: its claims name the holder, who is off the path; by default the holder comes along", () => {
    const visible = traceItems(graph, "issue:nmd", "actor:china");
    expect(visible.nodes.has("actor:china")).toBe(false);
    const { graph: sub, actorsKept, claimsLeftOut } = visibleSubset(graph, visible);
    // China, and any co-holder of a joint claim on the paths.
    expect(actorsKept).toContain("actor:china");
    for (const actor of actorsKept) expect(visible.nodes.has(actor)).toBe(false);
    expect(claimsLeftOut).toEqual([]);
    expect(new Set(sub.edges())).toEqual(visible.claims);
    sub.forEachEdge((_claim, attributes) => expect(attributes.heldBy).toContain("actor:china"));
    // An actor that holds claims is part of the file although it is at neither end of one.
    for (const actor of actorsKept) expect(sub.degree(actor)).toBe(0);
    expect(validate("keep-actors", sub).problems).toEqual([]);
  });

  it("what both sides hold: every joint claim and both sides, though neither is at an end of one", () => {
    const visible = filtered({ holder: "both" });
    expect(visible.claims.size).toBeGreaterThan(0);
    const { graph: sub, actorsKept, claimsLeftOut } = visibleSubset(graph, visible);
    expect(claimsLeftOut).toEqual([]);
    expect(sub.size).toBe(visible.claims.size);
    expect(new Set([...actorsKept, ...visible.nodes])).toEqual(new Set(sub.nodes()));
    expect(sub.hasNode("actor:us") && sub.hasNode("actor:china")).toBe(true);
    expect(validate("both-sides", sub).problems).toEqual([]);
    // The other policy keeps nothing here: every joint claim names a side that is not visible.
    const leave = visibleSubset(graph, visible, { hiddenActors: "leave-out-claims" });
    expect(leave.graph.size).toBe(0);
  });

  it("refuses a policy for hidden actors it does not know", () => {
    expect(() => visibleSubset(graph, filtered({}), { hiddenActors: "guess" as "keep-actors" })).toThrow(
      InvalidArgumentError,
    );
  });

  it("leaves nothing out when nothing it keeps names a hidden actor", () => {
    const visible = filtered({ holder: "actor:china", finding: `${SOURCE}#F8` });
    const { graph: sub, claimsLeftOut, nodesLeftOut } = visibleSubset(graph, visible);
    expect(claimsLeftOut).toEqual([]);
    expect(nodesLeftOut).toEqual([]);
    expect(new Set(sub.nodes())).toEqual(visible.nodes);
    expect(new Set(sub.edges())).toEqual(visible.claims);
  });
});
