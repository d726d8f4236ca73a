// Compare as lists and the question bank, in the explorer's pure parts: the Differences list against
// `compare` (merged items counted as the brief counts them), a comparison narrowed to a topic or a
// column, the legend's role toggles, each side's colour kept by actor, an item picked from the lists,
// a claim's role for the details panel, the matrix's contested counts, what the right panel shows,
// and each question of the bank answered from the data.
import { describe, expect, it } from "vitest";
import { compareBrief, comparisonDifferences } from "../src/graph/compare-brief.ts";
import { claimRoles, compare } from "../src/graph/perspectives.ts";
import { positionMatrix } from "../src/graph/position-matrix.ts";
import { RELATION_STYLES, RELATIONS } from "../src/model/vocabulary.ts";
import { panelContent } from "../src/ui/state/answer-panel.ts";
import {
  compareLists,
  compareListsAnswer,
  compareScope,
  pairCount,
  TOPICS,
} from "../src/ui/state/compare-lists.ts";
import { createDerived } from "../src/ui/state/derived.ts";
import { DEFAULT_FILTERS, historyEffect, INITIAL_STATE, reduce } from "../src/ui/state/explorer-state.ts";
import { visibleItems } from "../src/ui/state/filters.ts";
import { COMPARE_ROLE_STYLES, COMPARE_ROLES } from "../src/ui/state/looks.ts";
import { matrixContest } from "../src/ui/state/matrix-contest.ts";
import { activePick, type ComparePerspective } from "../src/ui/state/perspective.ts";
import { claimInComparison, perspectiveLayer, sideSlots } from "../src/ui/state/perspective-layer.ts";
import { askQuestion, openQuestion, QUESTIONS, questionHint } from "../src/ui/state/questions.ts";
import { knownIds, linkQuery, parseLink } from "../src/ui/state/url.ts";
import { loadGraphData } from "./support/graph-data.ts";

const graph = loadGraphData();
const everything = visibleItems(graph, DEFAULT_FILTERS);
const derived = createDerived(graph);
const known = knownIds(graph);
const US_CHINA: ComparePerspective = { mode: "compare", a: "actor:us", b: "actor:china" };
const label = (id: string) => graph.getNodeAttribute(id, "label");
const layerOf = (perspective: ComparePerspective) => {
  const layer = perspectiveLayer(graph, perspective, everything);
  if (!layer?.lists) throw new Error("expected a Compare layer");
  return layer;
};

describe("the Differences list", () => {
  const comparison = compare(graph, "actor:us", "actor:china");
  const lists = layerOf(US_CHINA).lists;

  it("has an item for each disagreement and each difference with sides not stated, merged as the brief merges", () => {
    expect(lists?.differences).toEqual(comparisonDifferences(comparison));
    expect(pairCount(lists?.differences ?? [])).toBe(
      comparison.disagreements.length + comparison.sidesNotStated.length,
    );
    // The US rejection of linkage answers three Chinese linkages (F3): one item, three pairs.
    const merged = lists?.differences.find((item) => item.pairs === 3);
    expect(merged?.claimsA.map((c) => c.id)).toEqual(["f3-us-rejects-linkage"]);
    expect(merged?.claimsB).toHaveLength(3);
    expect(pairCount(lists?.inferred ?? [])).toBe(comparison.inferred.disagreements.length);
    expect(lists?.agreements).toEqual(comparison.agreements);
  });

  it("answers in the brief's words when it covers everything", () => {
    const brief = compareBrief(graph, comparison);
    const answer = compareListsAnswer(graph, lists ?? compareLists(comparison, null, []), "differ");
    expect(brief).toContain(answer);
    expect(answer).toMatch(/^The document states six differences between United States and China/);
  });
});

describe("a comparison narrowed to a topic or a node", () => {
  it("keeps what touches the topic's nodes or rests on its findings", () => {
    const layer = layerOf({ ...US_CHINA, on: "missile-defence" });
    const lists = layer.lists;
    const scope = compareScope(graph, "missile-defence");
    expect(scope?.phrase).toBe("on missile defence");
    // F10's five differences on NMD, TMD and stability are left unassigned by the document.
    expect(lists?.differences.flatMap((item) => item.document.map((c) => c.id)).sort()).toEqual(
      compare(graph, "actor:us", "actor:china")
        .sidesNotStated.filter((item) => item.findings.some((ref) => ref.endsWith("#F10")))
        .map((item) => item.claim.id)
        .sort(),
    );
    expect(lists?.comparison.disagreements).toEqual([]);
    // The claims outside the topic are faded on the network.
    expect(layer.claims.has("f3-us-rejects-linkage")).toBe(false);
    expect(layer.claims.has("f10-nmd-aimed-at-china-disputed")).toBe(true);
  });

  it("counts for a matrix column exactly what the column's list shows", () => {
    const contest = matrixContest(graph, everything);
    expect(contest?.holders).toEqual(["actor:us", "actor:china"]);
    for (const column of positionMatrix(graph).columns) {
      const lists = layerOf({ ...US_CHINA, on: column.id }).lists;
      const listed = pairCount(lists?.differences ?? []) + pairCount(lists?.inferred ?? []);
      expect(contest?.byColumn.get(column.id) ?? 0, column.id).toBe(listed);
      // With two actors in the matrix, the graph's own count agrees.
      expect(column.contestedness, column.id).toBe(listed);
    }
    // Nonproliferation cooperation: both cells read "supports"; China's three linkages are the contested claims.
    expect(contest?.byColumn.get("issue:nonproliferation-cooperation")).toBe(3);
    for (const id of [
      "f3-cooperation-contingent-on-arms-sales",
      "f3-cooperation-contingent-on-ties",
      "f3-cooperation-contingent-on-security",
    ])
      expect(contest?.byClaim.get(id), id).toEqual(["Contested linkage"]);
  });

  it("reads what the document leaves open: its open questions and the unassigned differences", () => {
    const lists = layerOf({ ...US_CHINA, on: "left-open" }).lists;
    if (!lists) throw new Error("no lists");
    const questions = graph.filterEdges((_id, a) => a.modality === "question");
    expect(lists.openQuestions.map((c) => c.id).sort()).toEqual(questions.sort());
    expect(lists.differences.every((item) => item.pattern === "sides-not-stated")).toBe(true);
    expect(lists.agreements).toEqual([]);
    expect(compareListsAnswer(graph, lists, "open")).toMatch(
      /^The document poses three open questions and reports six differences between United States and China without saying who holds which view, on /,
    );
  });

  it("is part of the link, and a bad topic is dropped with a notice", () => {
    const view = { ...parseLink("", known).view, perspective: { ...US_CHINA, on: "south-asia" } };
    const query = linkQuery(view);
    expect(query).toBe("?compare=actor:us,actor:china&compareOn=south-asia");
    expect(parseLink(query, known)).toEqual({
      view: expect.objectContaining({ perspective: view.perspective }),
      notices: [],
    });
    const node = parseLink("?compare=actor:us,actor:china&compareOn=issue:nmd", known).view.perspective;
    expect(node).toEqual({ ...US_CHINA, on: "issue:nmd" });
    const bad = parseLink("?compare=actor:us,actor:china&compareOn=issue:nowhere&compareRole=hated", known);
    expect(bad.view.perspective).toEqual(US_CHINA);
    expect(bad.notices).toHaveLength(2);
    const stray = parseLink("?lens=actor:us&compareOn=south-asia", known);
    expect(stray.notices).toEqual([
      "Ignored compareOn=“south-asia”: it narrows a comparison, and the link has none.",
    ]);
  });
});

describe("the Compare legend's rows", () => {
  it("toggle a role: its claims fade on the network, its count stays, and the link keeps it", () => {
    const open = reduce(INITIAL_STATE, { type: "setPerspective", perspective: US_CHINA });
    const off = reduce(open, { type: "toggleCompareRole", role: "shared" });
    const perspective = off.perspectives.perspective as ComparePerspective;
    expect(perspective.roles).toEqual(COMPARE_ROLES.filter((role) => role !== "shared"));
    const all = layerOf(US_CHINA);
    const layer = layerOf(perspective);
    const shared = [...(all.roles ?? [])].filter(([, role]) => role === "shared").map(([claim]) => claim);
    expect(shared.length).toBeGreaterThan(0);
    for (const claim of shared) expect(layer.claims.has(claim), claim).toBe(false);
    expect(layer.statedRoles).toEqual(all.statedRoles);
    expect(linkQuery({ ...parseLink("", known).view, perspective })).toContain(
      "compareRole=contested,differ-unassigned,matching,only-a,only-b",
    );
    // Turned on again, every role is the same as no limit.
    const back = reduce(off, { type: "toggleCompareRole", role: "shared" });
    expect(back.perspectives.perspective).toEqual(US_CHINA);
    expect(historyEffect({ type: "toggleCompareRole", role: "shared" })).toBe("push");
    // Outside Compare there is nothing to toggle.
    expect(reduce(INITIAL_STATE, { type: "toggleCompareRole", role: "shared" })).toBe(INITIAL_STATE);
  });
});

describe("Compare colours", () => {
  it("reuse no relation colour", () => {
    const relations = new Set(RELATIONS.map((relation) => RELATION_STYLES[relation].color.toLowerCase()));
    for (const role of COMPARE_ROLES)
      expect(relations.has(COMPARE_ROLE_STYLES[role].color.toLowerCase()), role).toBe(false);
  });

  it("keep each side's colour whatever the order of the holders", () => {
    expect(sideSlots("actor:china", "actor:us")).toEqual(["actor:us", "actor:china"]);
    expect(sideSlots("actor:russia", "actor:india")).toEqual(sideSlots("actor:india", "actor:russia"));
    const usFirst = layerOf(US_CHINA);
    const chinaFirst = layerOf({ mode: "compare", a: "actor:china", b: "actor:us" });
    expect(chinaFirst.sides).toEqual(["actor:us", "actor:china"]);
    expect(chinaFirst.roles).toEqual(usFirst.roles);
    // The graph's roles are by position; the layer's are by actor.
    const byPosition = claimRoles(compare(graph, "actor:china", "actor:us"));
    const usOnly = [...(usFirst.roles ?? [])].find(([, role]) => role === "only-a")?.[0] ?? "";
    expect(byPosition[usOnly]).toBe("only-b");
    expect(chinaFirst.roles?.get(usOnly)).toBe("only-a");
  });
});

describe("an item picked from Compare's lists", () => {
  const claims = ["f3-us-rejects-linkage", "f3-china-argues-linkage"];

  it("selects its first claim and stays picked until the selection changes", () => {
    const picked = reduce(INITIAL_STATE, { type: "pickCompareItem", claims });
    expect(picked.selection).toEqual({ type: "claim", id: claims[0] });
    expect(activePick(picked)?.claims).toEqual(claims);
    expect(reduce(picked, { type: "pickCompareItem", claims }).selection).toBeNull();
    const elsewhere = reduce(picked, {
      type: "select",
      selection: { type: "claim", id: claims[0] as string },
    });
    expect(activePick(elsewhere)).toBeNull();
  });

  it("keeps the right panel on the lists; a selection made elsewhere shows its details", () => {
    const open = { trace: false, compare: true };
    const picked = reduce(INITIAL_STATE, { type: "pickCompareItem", claims });
    expect(panelContent(picked, open)).toBe("compare");
    const elsewhere = reduce(picked, { type: "select", selection: { type: "node", id: "actor:us" } });
    expect(panelContent(elsewhere, open)).toBe("details");
    expect(panelContent(INITIAL_STATE, open)).toBe("compare");
    expect(panelContent(INITIAL_STATE, { trace: true, compare: true })).toBe("trace");
    expect(panelContent(INITIAL_STATE, { trace: false, compare: false })).toBe("start");
  });
});

describe("a claim's part in Compare", () => {
  it("names its role and the other side's claims", () => {
    const layer = layerOf(US_CHINA);
    const part = claimInComparison(layer, "f3-us-rejects-linkage", label);
    expect(part?.role).toBe("contested");
    expect(part?.patterns).toEqual(["Opposite stances", "Contested linkage"]);
    expect(part?.others.map((c) => c.id).sort()).toEqual(
      [
        "f3-china-argues-linkage",
        "f3-cooperation-contingent-on-arms-sales",
        "f3-cooperation-contingent-on-security",
        "f3-cooperation-contingent-on-ties",
      ].sort(),
    );
    const only = [...(layer.roles ?? [])].find(([, role]) => role === "only-b")?.[0] ?? "";
    expect(claimInComparison(layer, only, label)?.label).toBe("Only China");
    expect(claimInComparison(null, only, label)).toBeNull();
  });
});

describe("the question bank", () => {
  it("asks each question: a trace or a comparison, in the answer panel, as a link", () => {
    const selected = reduce(INITIAL_STATE, { type: "select", selection: { type: "node", id: "actor:us" } });
    for (const question of QUESTIONS) {
      const asked = reduce(selected, { type: "askQuestion", id: question.id });
      expect(asked.selection, question.id).toBeNull();
      expect(openQuestion(asked)?.id, question.id).toBe(question.id);
      const open = {
        trace: derived.traceAnswer(asked.trace.query) !== null,
        compare: derived.layer(asked)?.lists != null,
      };
      expect(panelContent(asked, open), question.id).toBe(question.kind);
      // The link reopens the same question.
      const link = parseLink(
        linkQuery({
          ...parseLink("", known).view,
          trace: asked.trace.query,
          perspective: asked.perspectives.perspective,
        }),
        known,
      );
      const reopened = reduce(INITIAL_STATE, { type: "restore", view: link.view, notices: link.notices });
      expect(openQuestion(reopened)?.id, question.id).toBe(question.id);
    }
    // A trace question turns Compare off; a comparison closes the trace.
    const compared = askQuestion(INITIAL_STATE, "south-asia");
    const traced = askQuestion(compared, "fmct");
    expect(traced.perspectives.perspective.mode).toBe("off");
    expect(askQuestion(traced, "left-open").trace.query).toBeNull();
    expect(askQuestion(INITIAL_STATE, "no-such-question")).toBe(INITIAL_STATE);
  });

  it("answers each question from the data", () => {
    const answers = Object.fromEntries(
      QUESTIONS.map((question) => {
        const asked = askQuestion(INITIAL_STATE, question.id);
        const trace = derived.traceAnswer(asked.trace.query);
        const lists = derived.layer(asked)?.lists;
        const ask = question.kind === "compare" ? question.ask : "differ";
        return [
          question.id,
          trace ? trace.reading.answer : lists ? compareListsAnswer(graph, lists, ask) : "",
        ];
      }),
    );
    expect(answers["taiwan-arms-sales"]).toMatch(
      /^China ties US arms sales to Taiwan directly to two things: US–China nonproliferation cooperation \(contingent on, F3\) and Transferring TMD to Taiwan/,
    );
    expect(answers.fmct).toBe(
      "China ties FMCT directly to one thing: Outer-space arms race treaty (proposed) (talks will not begin until the US agrees to talks on, F8).",
    );
    expect(answers["missile-defence"]).toMatch(
      /^On missile defence, the document states no difference between United States and China with the sides named\. It reports five differences/,
    );
    expect(answers["south-asia"]).toMatch(
      /^In South Asia, United States and China agree on four points, about /,
    );
    expect(answers["left-open"]).toMatch(/^The document poses three open questions/);
    // Narrowed to nothing, the answer says so rather than inventing.
    const none = compareLists(
      compare(graph, "actor:us", "actor:china"),
      compareScope(graph, "actor:north-korea"),
      [],
    );
    expect(compareListsAnswer(graph, none, "differ")).toMatch(/states no difference .* with the sides named/);
  });

  it("has topics whose nodes are all in graph-data", () => {
    for (const topic of TOPICS) for (const node of topic.nodes) expect(graph.hasNode(node), node).toBe(true);
  });
});

describe("narrowing Compare to a topic or a column", () => {
  it("lets the selection go, so the panel shows the list asked for", () => {
    const selected = reduce(INITIAL_STATE, {
      type: "selectCell",
      holder: "actor:china",
      column: "issue:nmd",
    });
    const narrowed = reduce(selected, {
      type: "setPerspective",
      perspective: { ...US_CHINA, on: "issue:nmd" },
    });
    expect(narrowed.selection).toBeNull();
    // Changing the holders or the roles of the same comparison keeps what was chosen.
    const again = reduce(
      { ...narrowed, selection: selected.selection },
      {
        type: "setPerspective",
        perspective: { ...US_CHINA, on: "issue:nmd", roles: ["contested"] },
      },
    );
    expect(again.selection).toEqual(selected.selection);
  });
});

describe("what the document leaves open, on the network", () => {
  it("keeps its open questions at full strength with the unassigned differences", () => {
    const layer = layerOf({ ...US_CHINA, on: "left-open" });
    for (const claim of graph.filterEdges((_c, a) => a.modality === "question"))
      expect(layer.claims.has(claim), claim).toBe(true);
    expect(layer.claims.has("f10-nmd-aimed-at-china-disputed")).toBe(true);
    expect(layer.claims.has("f3-us-rejects-linkage")).toBe(false);
    // The whole comparison lists them last but does not draw them: they are no side's claim.
    expect(layerOf(US_CHINA).claims.has("f12-csbms-resolve-nmd-concerns")).toBe(false);
  });
});

describe("the question bank's hints", () => {
  it("say what answers each question, in words from the data", () => {
    const hints = Object.fromEntries(
      QUESTIONS.map((question) => [question.id, questionHint(graph, question)]),
    );
    expect(hints).toEqual({
      "taiwan-arms-sales":
        "A trace of China's ties to US arms sales to Taiwan, in chains of up to two claims",
      "missile-defence": "A comparison of United States and China on missile defence",
      "south-asia": "A comparison of United States and China in South Asia",
      fmct: "A trace of China's direct ties to FMCT",
      "left-open": "A comparison of United States and China on what the document leaves open",
    });
  });
});
