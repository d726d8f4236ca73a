// The explorer's perspective layer, pure: its state transitions and history effects, its URL
// parameters (lens, compare, tour, step), the lens/Compare flags and tour/cell emphasis it hands to
// sigma, and the position matrix's CSV writer.

import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { csvRow } from "../src/formats/csv-text.ts";
import { POSITION_MATRIX_CSV_HEADER, positionMatrixCsv } from "../src/formats/position-matrix-csv.ts";
import { findingsTour } from "../src/graph/findings-tour.ts";
import { claimRoles, compare, lensClaims } from "../src/graph/perspectives.ts";
import { positionMatrix } from "../src/graph/position-matrix.ts";
import type { ClaimAttributes, GraphAttributes, LinkageGraph, NodeAttributes } from "../src/graph/types.ts";
import {
  type Action,
  DEFAULT_FILTERS,
  type ExplorerState,
  historyEffect,
  INITIAL_STATE,
  reduce,
  sharedView,
} from "../src/ui/state/explorer-state.ts";
import { visibleItems } from "../src/ui/state/filters.ts";
import { activeCell } from "../src/ui/state/perspective.ts";
import {
  claimLensFlags,
  createPerspectiveCache,
  layeredEmphasis,
  nodeLensFlags,
  perspectiveLayer,
  roleCounts,
} from "../src/ui/state/perspective-layer.ts";
import { knownIds, linkQuery, parseLink } from "../src/ui/state/url.ts";
import { loadGraphData } from "./support/graph-data.ts";

const graph = loadGraphData();
const known = knownIds(graph);
const SOURCE = graph.getAttribute("sources")[0]?.id as string;
const everything = visibleItems(graph, DEFAULT_FILTERS);
const run = (...actions: Action[]): ExplorerState => actions.reduce(reduce, INITIAL_STATE);

describe("perspective transitions", () => {
  it("sets a lens, a comparison and off; the same perspective again changes nothing", () => {
    const lens = run({ type: "setPerspective", perspective: { mode: "lens", holder: "actor:us" } });
    expect(lens.perspectives.perspective).toEqual({ mode: "lens", holder: "actor:us" });
    expect(reduce(lens, { type: "setPerspective", perspective: { mode: "lens", holder: "actor:us" } })).toBe(
      lens,
    );
    const both = reduce(lens, {
      type: "setPerspective",
      perspective: { mode: "compare", a: "actor:us", b: "actor:china" },
    });
    expect(both.perspectives.perspective.mode).toBe("compare");
    expect(
      reduce(both, { type: "setPerspective", perspective: { mode: "off" } }).perspectives.perspective,
    ).toEqual({
      mode: "off",
    });
  });

  it("reads a comparison of a holder with itself as that holder's lens", () => {
    const state = run({
      type: "setPerspective",
      perspective: { mode: "compare", a: "actor:us", b: "actor:us" },
    });
    expect(state.perspectives.perspective).toEqual({ mode: "lens", holder: "actor:us" });
  });

  it("opens a tour on the network, steps it (never below 1) and closes it", () => {
    const opened = run({ type: "setView", view: "list" }, { type: "openTour", source: SOURCE });
    expect(opened.view).toBe("graph");
    expect(opened.perspectives.tour).toEqual({ source: SOURCE, step: 1 });
    expect(reduce(opened, { type: "tourStep", step: 4 }).perspectives.tour?.step).toBe(4);
    expect(reduce(opened, { type: "tourStep", step: -3 })).toBe(opened);
    expect(reduce(opened, { type: "closeTour" }).perspectives.tour).toBeNull();
    // No tour, nothing to step.
    expect(reduce(INITIAL_STATE, { type: "tourStep", step: 2 })).toBe(INITIAL_STATE);
  });

  it("a cell selects its column node and counts only until the selection changes", () => {
    const state = run({ type: "selectCell", holder: "actor:china", column: "issue:tmd-for-taiwan" });
    expect(state.selection).toEqual({ type: "node", id: "issue:tmd-for-taiwan" });
    expect(activeCell(state)).toMatchObject({ holder: "actor:china", column: "issue:tmd-for-taiwan" });
    // Selecting the same node again from elsewhere is a new choice: the cell no longer narrows it.
    const again = reduce(state, { type: "select", selection: { type: "node", id: "issue:tmd-for-taiwan" } });
    expect(activeCell(again)).toBeNull();
  });

  it("pushes history for the lens, the tour and cells; not for the matrix sort", () => {
    expect(historyEffect({ type: "setPerspective", perspective: { mode: "off" } })).toBe("push");
    expect(historyEffect({ type: "openTour", source: SOURCE })).toBe("push");
    expect(historyEffect({ type: "tourStep", step: 2 })).toBe("push");
    expect(historyEffect({ type: "closeTour" })).toBe("push");
    expect(historyEffect({ type: "selectCell", holder: "actor:us", column: "treaty:fmct" })).toBe("push");
    expect(historyEffect({ type: "setMatrixSort", sort: "contestedness" })).toBe("none");
  });

  it("a restore (Back, Forward, a link) brings the lens and tour back, or turns them off", () => {
    const on = run(
      { type: "setPerspective", perspective: { mode: "lens", holder: "actor:china" } },
      { type: "openTour", source: SOURCE, step: 3 },
    );
    const view = sharedView(on);
    const restored = reduce(INITIAL_STATE, { type: "restore", view, notices: [] });
    expect(restored.perspectives.perspective).toEqual({ mode: "lens", holder: "actor:china" });
    expect(restored.perspectives.tour).toEqual({ source: SOURCE, step: 3 });
    const plain = reduce(on, {
      type: "restore",
      view: { ...view, perspective: undefined, tour: undefined },
      notices: [],
    });
    expect(plain.perspectives.perspective).toEqual({ mode: "off" });
    expect(plain.perspectives.tour).toBeNull();
  });
});

describe("perspective URL parameters", () => {
  it("round-trips a lens, a comparison and a tour step", () => {
    for (const query of [
      "?lens=actor:china",
      "?compare=actor:us,actor:china",
      `?tour=${SOURCE}&step=3`,
      `?view=matrix&lens=actor:us&tour=${SOURCE}&step=12`,
    ]) {
      const { view, notices } = parseLink(query, known);
      expect(notices, query).toEqual([]);
      expect(linkQuery(view)).toBe(query);
    }
  });

  it("leaves the plain link alone: no parameter, no perspective", () => {
    expect(parseLink("", known).view.perspective).toBeUndefined();
    expect(linkQuery(sharedView(INITIAL_STATE))).toBe("");
  });

  it.each([
    ["lens=China", "Ignored lens="],
    ["lens=actor:nobody", "No claim is held by “actor:nobody”"],
    ["compare=actor:us", "Ignored compare="],
    ["compare=actor:us,actor:nobody", "No claim is held by “actor:nobody”"],
    ["tour=nope", "No source “nope”"],
    ["tour=Bad Id", "Ignored tour="],
    [`tour=${SOURCE}&step=0`, "Ignored step="],
    [`tour=${SOURCE}&step=99`, "has 12 steps"],
    ["step=2", "a step needs a tour"],
  ])("drops %s with a notice (%s) and keeps the rest of the link", (query, notice) => {
    const { view, notices } = parseLink(`?${query}&node=actor:us`, known);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(notice);
    expect(view.selection).toEqual({ type: "node", id: "actor:us" });
  });

  it("opens a too-long step at step 1 and takes compare over lens", () => {
    expect(parseLink(`?tour=${SOURCE}&step=99`, known).view.tour).toEqual({ source: SOURCE, step: 1 });
    const both = parseLink("?lens=actor:us&compare=actor:us,actor:china", known);
    expect(both.view.perspective).toEqual({ mode: "compare", a: "actor:us", b: "actor:china" });
    expect(both.notices[0]).toContain("Ignored lens=");
  });
});

describe("lens and Compare flags", () => {
  it("the lens fades exactly the claims its holder does not hold, and the nodes they alone join", () => {
    const layer = perspectiveLayer(graph, { mode: "lens", holder: "actor:china" }, everything);
    const lens = lensClaims(graph, "actor:china");
    for (const claim of lens.others) expect(claimLensFlags(claim, layer).isFaded, claim).toBe(true);
    for (const claim of [...lens.own, ...lens.shared])
      expect(claimLensFlags(claim, layer).isFaded).toBe(false);
    for (const node of lens.nodes) expect(nodeLensFlags(node, layer).isFaded).toBe(false);
    expect(graph.filterNodes((node) => nodeLensFlags(node, layer).isFaded).length).toBe(
      graph.order - lens.nodes.length,
    );
  });

  it("Compare gives each claim its role; claims of neither fade", () => {
    const layer = perspectiveLayer(graph, { mode: "compare", a: "actor:us", b: "actor:china" }, everything);
    const roles = claimRoles(compare(graph, "actor:us", "actor:china"));
    graph.forEachEdge((claim) => {
      const flags = claimLensFlags(claim, layer);
      expect(flags.compareRole).toBe(roles[claim] ?? "none");
      expect(flags.isFaded).toBe(roles[claim] === undefined);
    });
    expect(Object.values(roles)).toContain("contested");
  });

  it("Compare colours F10's differences with sides not stated by their own role, and counts inference apart", () => {
    const layer = perspectiveLayer(graph, { mode: "compare", a: "actor:us", b: "actor:china" }, everything);
    const comparison = compare(graph, "actor:us", "actor:china");
    for (const item of comparison.sidesNotStated)
      expect(claimLensFlags(item.claim.id, layer).compareRole).toBe("differ-unassigned");
    expect(claimLensFlags("f10-nmd-aimed-at-china-disputed", layer).compareRole).toBe("differ-unassigned");
    const counts = roleCounts(layer);
    expect(counts["differ-unassigned"]).toBe(comparison.sidesNotStated.length);
    // What the document states and what rests on inference are never added together.
    const inferredItems = comparison.inferred.agreements.length + comparison.inferred.disagreements.length;
    expect(inferredItems).toBeGreaterThan(0);
    expect([...(layer?.inferred?.values() ?? [])].reduce((sum, n) => sum + n, 0)).toBe(inferredItems);
    const statedClaims = new Set([
      ...comparison.agreements.flatMap((a) => a.claims.map((c) => c.id)),
      ...comparison.disagreements.flatMap((d) => [d.claimA.id, d.claimB.id]),
    ]);
    expect(counts.contested + counts.shared + counts.matching).toBe(statedClaims.size);
  });

  it("off, or an unknown holder, changes no flag", () => {
    expect(perspectiveLayer(graph, { mode: "off" }, everything)).toBeNull();
    expect(perspectiveLayer(graph, { mode: "lens", holder: "actor:nobody" }, everything)).toBeNull();
    expect(claimLensFlags("any", null)).toEqual({ isFaded: false, compareRole: "none" });
  });

  it("respects the filters: a hidden claim is in no lens set", () => {
    const filtered = visibleItems(graph, { ...DEFAULT_FILTERS, relations: ["links-to"] });
    const layer = perspectiveLayer(graph, { mode: "lens", holder: "actor:us" }, filtered);
    for (const claim of layer?.claims ?? [])
      expect(graph.getEdgeAttribute(claim, "relation")).toBe("links-to");
  });
});

describe("tour and cell emphasis", () => {
  const cache = createPerspectiveCache(graph);
  const base = () => ({ nodes: new Set(["base"]), claims: new Set<string>() });

  it("a tour step emphasises the claims resting on its finding and the nodes they join", () => {
    const state = run({ type: "openTour", source: SOURCE, step: 3 });
    const step = findingsTour(graph, SOURCE).steps[2];
    const emphasis = layeredEmphasis(graph, state, everything, cache, base);
    expect([...(emphasis?.claims ?? [])].sort()).toEqual(step?.claims.map((c) => c.id).sort());
    expect([...(emphasis?.nodes ?? [])].sort()).toEqual([...(step?.nodes ?? [])].sort());
  });

  it("hover wins over the tour; the tour wins over the base; a cell over the base", () => {
    const touring = run({ type: "openTour", source: SOURCE });
    expect(
      layeredEmphasis(graph, { ...touring, hovered: "actor:us" }, everything, cache, base)?.nodes.has("base"),
    ).toBe(true);
    expect(layeredEmphasis(graph, INITIAL_STATE, everything, cache, base)?.nodes.has("base")).toBe(true);
    const cell = run({ type: "selectCell", holder: "actor:china", column: "issue:tmd-for-taiwan" });
    const emphasis = layeredEmphasis(graph, cell, everything, cache, base);
    const matrix = positionMatrix(graph);
    const row = matrix.rows.find((r) => r.holder === "actor:china");
    const found = row?.cells[matrix.columns.findIndex((c) => c.id === "issue:tmd-for-taiwan")];
    const expected = [...(found?.stances ?? []), ...(found?.linkages ?? [])].map((c) => c.id).sort();
    expect([...(emphasis?.claims ?? [])].sort()).toEqual(expected);
  });
});

describe("the position matrix as CSV", () => {
  function tiny(): LinkageGraph {
    const g: LinkageGraph = new MultiDirectedGraph<NodeAttributes, ClaimAttributes, GraphAttributes>();
    g.replaceAttributes({
      sources: [
        { id: "s", title: "S", publisher: "P", date: "2000", findings: [{ id: "F1", summary: "one" }] },
      ],
    } as GraphAttributes);
    const node = (id: string, kind: NodeAttributes["kind"], label: string) =>
      g.addNode(id, { kind, label, aliases: [], description: "", sources: ["s"] } as NodeAttributes);
    node("actor:a", "actor", '=A, "the first"');
    node("actor:b", "actor", "B");
    node("issue:x", "issue", "X, with a comma");
    node("issue:y", "issue", "Y");
    const claim = (
      id: string,
      source: string,
      target: string,
      relation: ClaimAttributes["relation"],
      heldBy: string[],
    ) =>
      g.addDirectedEdgeWithKey(id, source, target, {
        relation,
        heldBy,
        findings: ["s#F1"],
        note: "",
        sourceId: "s",
      } as ClaimAttributes);
    claim("c1", "actor:a", "issue:x", "supports", ["actor:a"]);
    claim("c2", "actor:b", "issue:x", "opposes", ["actor:b"]);
    claim("c3", "issue:x", "issue:y", "links-to", ["actor:b"]);
    return g;
  }

  it("writes one RFC 4180 row per filled cell, quoting and neutralising as needed", () => {
    const matrix = positionMatrix(tiny());
    const csv = positionMatrixCsv(matrix);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(POSITION_MATRIX_CSV_HEADER.join(","));
    expect(csv.endsWith("\r\n")).toBe(true);
    const rows = lines.slice(1, -1);
    // a supports x; b opposes x (and links x to y); b's linkage touches y: four filled cells minus a–y.
    expect(rows).toHaveLength(3);
    expect(rows).toContain(
      csvRow([
        "actor:a",
        '\'=A, "the first"',
        "issue:x",
        "X, with a comma",
        "issue",
        "1",
        "supports",
        "c1",
        "",
        "",
        "false",
        "s#F1",
      ]).trimEnd(),
    );
    expect(
      rows.some(
        (r) =>
          r.startsWith("actor:b,B,issue:x,") &&
          r.includes(",mixed,") === false &&
          r.includes(",opposes,c2,c3,"),
      ),
    ).toBe(true);
    expect(rows.some((r) => r.startsWith("actor:b,B,issue:y,") && r.includes(",linkage,,c3,"))).toBe(true);
  });

  it("writes just the header for an empty matrix", () => {
    expect(positionMatrixCsv({ rows: [], columns: [], findings: [] })).toBe(
      csvRow(POSITION_MATRIX_CSV_HEADER),
    );
  });
});
