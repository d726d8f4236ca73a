// The Trace panel's pure parts: its transitions (kinds, the pinned chain), its URL parameters, the
// question bank's traces against graph-data, and how its emphasis ranks between hover and selection.
import { describe, expect, it } from "vitest";
import { traceLinkages } from "../src/graph/trace.ts";
import { createDerived } from "../src/ui/state/derived.ts";
import { emphasisWithLayers } from "../src/ui/state/emphasis.ts";
import {
  type ExplorerState,
  historyEffect,
  INITIAL_STATE,
  reduce,
  sharedView,
} from "../src/ui/state/explorer-state.ts";
import { visibleItems } from "../src/ui/state/filters.ts";
import { availableQuestions, QUESTIONS, type Question, traceQuestionFor } from "../src/ui/state/questions.ts";
import {
  answerTrace,
  formValues,
  INITIAL_TRACE,
  reduceTrace,
  type TraceQuery,
  toggleTraceKind,
  traceAnswers,
  traceEmphasis,
} from "../src/ui/state/trace.ts";
import { knownIds, linkQuery, parseLink } from "../src/ui/state/url.ts";
import { loadGraphData } from "./support/graph-data.ts";

const graph = loadGraphData();
const known = knownIds(graph);
const traceQuestions = QUESTIONS.filter(
  (question): question is Extract<Question, { kind: "trace" }> => question.kind === "trace",
);
const flagship: TraceQuery = {
  target: "issue:taiwan-arms-sales",
  holder: "actor:china",
  depth: 2,
  relations: ["links-to"],
};

describe("trace transitions", () => {
  it("opens a question in its canonical form and closes it", () => {
    const opened = reduceTrace(INITIAL_TRACE, {
      type: "setTrace",
      query: { ...flagship, depth: 9, relations: ["links-to", "supports", "links-to"] },
    });
    expect(opened.query).toEqual({ ...flagship, depth: 6, relations: ["supports", "links-to"] });
    expect(reduceTrace(opened, { type: "setTrace", query: null })).toEqual(INITIAL_TRACE);
  });

  it("keeps the same state for the same question, so history gets no duplicate", () => {
    const opened = reduceTrace(INITIAL_TRACE, { type: "setTrace", query: flagship });
    expect(reduceTrace(opened, { type: "setTrace", query: { ...flagship } })).toBe(opened);
    expect(reduceTrace(opened, { type: "editTrace", change: { depth: 2 } })).toBe(opened);
  });

  it("edits an open question, drops the focused result, and ignores edits with no question", () => {
    const opened = reduceTrace(INITIAL_TRACE, { type: "setTrace", query: flagship });
    const focused = reduceTrace(opened, { type: "focusTraceResult", node: "issue:tmd-for-taiwan" });
    expect(focused.focus).toBe("issue:tmd-for-taiwan");
    const deeper = reduceTrace(focused, { type: "editTrace", change: { depth: 3, holder: null } });
    expect(deeper).toEqual({ ...INITIAL_TRACE, query: { ...flagship, depth: 3, holder: null }, focus: null });
    // No relation at all would reach nothing: the default comes back.
    expect(reduceTrace(opened, { type: "editTrace", change: { relations: [] } }).query?.relations).toEqual([
      "links-to",
    ]);
    expect(reduceTrace(INITIAL_TRACE, { type: "editTrace", change: { depth: 3 } })).toBe(INITIAL_TRACE);
  });

  it("pushes questions into history, not hovers, and shares the question", () => {
    const state = reduce(INITIAL_STATE, { type: "setTrace", query: flagship });
    expect(historyEffect({ type: "setTrace", query: flagship })).toBe("push");
    expect(historyEffect({ type: "editTrace", change: { depth: 3 } })).toBe("push");
    expect(historyEffect({ type: "focusTraceResult", node: null })).toBe("none");
    expect(sharedView(state).trace).toEqual(flagship);
    // Back to a link without a trace closes it.
    const restored = reduce(state, {
      type: "restore",
      view: { ...sharedView(state), trace: null },
      notices: [],
    });
    expect(restored.trace).toEqual(INITIAL_TRACE);
  });
});

describe("the trace form's draft", () => {
  const form = (state: ExplorerState, change: Partial<TraceQuery>) =>
    reduce(state, { type: "traceForm", change });

  it("keeps the form's values in the state while no question is open, in a question's canonical form", () => {
    const drafted = form(form(INITIAL_STATE, { holder: "actor:us", depth: 9 }), { relations: [] });
    expect(drafted.trace.query).toBeNull();
    // Depth in bounds; no relation at all would reach nothing, so the default stays.
    expect(drafted.trace.draft).toEqual({ holder: "actor:us", depth: 6, relations: ["links-to"] });
    expect(formValues(drafted.trace)).toBe(drafted.trace.draft);
    // The same values again change nothing, so no listener runs.
    expect(form(drafted, { depth: 6 })).toBe(drafted);
    // A draft is not part of the link.
    expect(sharedView(drafted)).toEqual(sharedView(INITIAL_STATE));
  });

  it("asks the draft's question once a target is chosen", () => {
    const drafted = form(INITIAL_STATE, { holder: "actor:china", depth: 2, attribution: "stated" });
    const asked = form(drafted, { target: flagship.target });
    expect(asked.trace.query).toEqual({ ...flagship, attribution: "stated" });
    expect(formValues(asked.trace)).toBe(asked.trace.query);
  });

  it("edits the open question, not the draft, and shows the draft again once the question closes", () => {
    const drafted = form(INITIAL_STATE, { depth: 3 });
    const opened = reduce(drafted, { type: "setTrace", query: flagship });
    const edited = form(opened, { depth: 4 });
    expect(edited.trace.query?.depth).toBe(4);
    expect(edited.trace.draft).toBe(drafted.trace.draft);
    const closed = reduce(edited, { type: "setTrace", query: null });
    expect(formValues(closed.trace)).toEqual({ holder: null, depth: 3, relations: ["links-to"] });
    // Back to a link without a trace keeps the draft as the reader left it.
    const restored = reduce(edited, { type: "restore", view: sharedView(INITIAL_STATE), notices: [] });
    expect(restored.trace.draft).toBe(drafted.trace.draft);
  });
});

describe("the Stated claims only switch", () => {
  it("narrows the open question to stated claims, and back, as one history entry each", () => {
    const opened = reduceTrace(INITIAL_TRACE, { type: "setTrace", query: flagship });
    const stated = reduceTrace(opened, { type: "editTrace", change: { attribution: "stated" } });
    expect(stated.query).toEqual({ ...flagship, attribution: "stated" });
    expect(reduceTrace(stated, { type: "editTrace", change: { attribution: "stated" } })).toBe(stated);
    // Off again is the plain question, in its canonical form (no attribution at all).
    const again = reduceTrace(stated, { type: "editTrace", change: { attribution: null } });
    expect(again.query).toEqual(flagship);
    expect(
      reduce(INITIAL_STATE, { type: "setTrace", query: { ...flagship, attribution: "stated" } }).trace,
    ).toMatchObject({ query: { attribution: "stated" } });
  });

  it("follows only claims the document attributes to their holders", () => {
    const query: TraceQuery = {
      target: "issue:us-missile-defense-debate",
      holder: null,
      depth: 1,
      relations: ["links-to"],
    };
    const every = answerTrace(graph, query);
    const stated = answerTrace(graph, { ...query, attribution: "stated" });
    if (!every.ok || !stated.ok) throw new Error("expected answers");
    const attributions = (answer: typeof every.answer) =>
      new Set([...answer.all.claims].map((claim) => graph.getEdgeAttribute(claim, "attribution")));
    // F11's inferred ties (coastal missiles, transparency) reach the debate only without the switch.
    expect(attributions(every.answer).has("inferred")).toBe(true);
    expect([...attributions(stated.answer)]).toEqual(["stated"]);
    expect(stated.answer.all.claims.size).toBeLessThan(every.answer.all.claims.size);
    expect(stated.answer.trace.attribution).toBe("stated");
  });

  it("keeps a bank question's words with the switch on", () => {
    const [question] = traceQuestions;
    if (!question) throw new Error("no trace question");
    expect(traceQuestionFor({ ...question.query, attribution: "stated" })).toBe(question);
  });

  it("is part of the trace's link: traceAttribution=stated, checked like the other parameters", () => {
    const query = linkQuery({ ...parseLink("", known).view, trace: { ...flagship, attribution: "stated" } });
    expect(query).toBe(
      "?trace=issue:taiwan-arms-sales&traceHolder=actor:china&traceDepth=2&traceAttribution=stated",
    );
    expect(parseLink(query, known)).toEqual({
      view: expect.objectContaining({ trace: { ...flagship, attribution: "stated" } }),
      notices: [],
    });
    const bad = parseLink(
      "?trace=issue:taiwan-arms-sales&traceHolder=actor:china&traceAttribution=inferred",
      known,
    );
    expect(bad.view.trace).toEqual(flagship);
    expect(bad.notices).toEqual(["Ignored traceAttribution=“inferred” in the link: expected stated."]);
  });
});

describe("trace answers and emphasis", () => {
  const answer = (() => {
    const result = answerTrace(graph, flagship);
    if (!result.ok) throw new Error(result.message);
    return result.answer;
  })();

  it("precomputes the union of paths and each result's own paths", () => {
    const trace = traceLinkages(graph, flagship);
    expect(answer.trace).toEqual(trace);
    const claims = new Set(trace.results.flatMap((r) => r.paths.flatMap((p) => p.claims.map((c) => c.id))));
    expect(answer.all.claims).toEqual(claims);
    expect(answer.all.nodes.has("issue:taiwan-arms-sales")).toBe(true);
    expect(answer.byResult.get("issue:tmd-for-taiwan")?.claims).toEqual(
      new Set(["f10-tmd-to-taiwan-is-military-aid"]),
    );
  });

  it("answers each question object once", () => {
    const answers = traceAnswers(graph);
    const query = { ...flagship };
    expect(answers(query)).toBe(answers(query));
    expect(answers(null)).toBeNull();
    expect(answers({ ...flagship, target: "issue:nowhere" })).toBeNull();
  });

  it("ranks hover over the focused result, the focused result over the whole trace, the trace over the selection", () => {
    const everything = visibleItems(graph, INITIAL_STATE.filters);
    const base: ExplorerState = {
      ...INITIAL_STATE,
      selection: { type: "node", id: "actor:us" },
      trace: { ...INITIAL_TRACE, query: flagship, focus: null },
    };
    // As the app wires it: the answer of the state's question, the state's focused result.
    const answers = traceAnswers(graph);
    const layer = (state: ExplorerState) => traceEmphasis(answers(state.trace.query), state.trace.focus);
    const emphasis = (state: ExplorerState) => emphasisWithLayers(graph, state, everything, [layer]);
    const all = answers(flagship)?.all;
    expect(all?.claims).toEqual(answer.all.claims);
    expect(emphasis(base)).toBe(all);
    const focused = { ...base, trace: { ...INITIAL_TRACE, query: flagship, focus: "issue:tmd-for-taiwan" } };
    expect(emphasis(focused)?.claims).toEqual(new Set(["f10-tmd-to-taiwan-is-military-aid"]));
    expect(emphasis({ ...focused, hovered: "actor:china" })?.nodes.has("actor:china")).toBe(true);
    expect(emphasis({ ...base, trace: INITIAL_TRACE })?.nodes.has("actor:us")).toBe(true);
    expect(traceEmphasis(null, null)).toBeNull();
  });
});

describe("the explorer's trace cache", () => {
  it("answers through one cache per graph and removes its listeners when the explorer goes", () => {
    const own = loadGraphData();
    // graphology's Graph is a Node EventEmitter; its types leave these two out.
    const events = own as unknown as { eventNames(): string[]; listenerCount(event: string): number };
    const listeners = () => events.eventNames().reduce((sum, event) => sum + events.listenerCount(event), 0);
    const before = listeners();
    const derived = createDerived(own);
    const answer = derived.traceAnswer({ ...flagship });
    expect(answer?.trace).toEqual(traceLinkages(own, flagship));
    derived.traceAnswer({ ...flagship, depth: 3 });
    const during = listeners();
    expect(during).toBeGreaterThan(before);
    derived.dispose();
    expect(listeners()).toBe(before);
  });
});

describe("the question bank's traces", () => {
  it("asks only about nodes graph-data has, and each reaches something", () => {
    expect(availableQuestions(graph)).toHaveLength(QUESTIONS.length);
    for (const question of traceQuestions) {
      expect(traceLinkages(graph, question.query).results.length, question.id).toBeGreaterThan(0);
      expect(traceQuestionFor({ ...question.query })).toBe(question);
    }
  });

  it("answers the flagship question with nonproliferation cooperation at distance 1, through F3", () => {
    const [flagshipQuestion] = traceQuestions;
    const trace = traceLinkages(graph, flagshipQuestion?.query ?? flagship);
    const cooperation = trace.results.find((r) => r.node === "issue:nonproliferation-cooperation");
    expect(cooperation?.distance).toBe(1);
    expect(cooperation?.paths[0]?.claims[0]).toMatchObject({
      qualifier: "contingent on",
      findings: ["cns-us-china-2000#F3"],
    });
  });
});

describe("trace URL parameters", () => {
  it("round-trips a trace in its own parameters, leaving defaults out", () => {
    const query = linkQuery({ ...parseLink("", known).view, trace: flagship });
    expect(query).toBe("?trace=issue:taiwan-arms-sales&traceHolder=actor:china&traceDepth=2");
    expect(parseLink(query, known)).toEqual({
      view: expect.objectContaining({ trace: flagship }),
      notices: [],
    });
    const wider = { ...flagship, holder: null, relations: ["supports", "links-to"] as const };
    const widerQuery = linkQuery({ ...parseLink("", known).view, trace: wider });
    expect(widerQuery).toBe("?trace=issue:taiwan-arms-sales&traceDepth=2&traceRelation=supports,links-to");
    expect(parseLink(widerQuery, known).view.trace).toEqual(wider);
  });

  it("reads the issue's short form as the trace's, not the holder filter's", () => {
    const { view, notices } = parseLink("?trace=issue:taiwan-arms-sales&holder=actor:china&depth=2", known);
    expect(notices).toEqual([]);
    expect(view.trace).toEqual(flagship);
    expect(view.filters.holder).toBe("any");
    // With the long form present, holder= stays the filter's.
    const both = parseLink("?trace=issue:nmd&traceHolder=actor:us&holder=actor:china", known).view;
    expect(both.trace?.holder).toBe("actor:us");
    expect(both.filters.holder).toBe("actor:china");
  });

  it("drops an unknown target or a bad depth with a notice, keeping the rest of the link", () => {
    const unknown = parseLink("?trace=issue:taiwan-arms-salez&node=actor:china", known);
    expect(unknown.view.trace).toBeUndefined();
    expect(unknown.view.selection).toEqual({ type: "node", id: "actor:china" });
    expect(unknown.notices).toEqual([
      "No node “issue:taiwan-arms-salez” in this graph, so no trace is shown. Did you mean issue:taiwan-arms-sales?",
    ]);
    for (const depth of ["0", "7", "two", "2.5"]) {
      const bad = parseLink(`?trace=issue:nmd&traceDepth=${depth}`, known);
      expect(bad.view.trace?.depth, depth).toBe(2);
      expect(bad.notices[0], depth).toMatch(/^Ignored traceDepth=.*expected a whole number from 1 to 6\.$/);
    }
    const holder = parseLink("?trace=issue:nmd&traceHolder=actor:chna&traceRelation=hates", known);
    expect(holder.view.trace).toEqual({
      target: "issue:nmd",
      holder: null,
      depth: 2,
      relations: ["links-to"],
    });
    expect(holder.notices).toHaveLength(2);
    expect(holder.notices.join(" ")).toContain("Did you mean actor:china?");
  });
});

describe("kinds of answer", () => {
  it("keeps kinds in vocabulary order, and leaves them out when every kind is asked for", () => {
    const opened = reduceTrace(INITIAL_TRACE, {
      type: "setTrace",
      query: { ...flagship, kinds: ["treaty", "issue", "treaty"] },
    });
    expect(opened.query?.kinds).toEqual(["issue", "treaty"]);
    const every = reduceTrace(opened, { type: "editTrace", change: { kinds: ["actor", "issue", "treaty"] } });
    expect(every.query).toEqual(flagship);
    expect("kinds" in (every.query ?? {})).toBe(false);
  });

  it("toggles one kind at a time and never down to none", () => {
    expect(toggleTraceKind(null, "actor")).toEqual(["issue", "treaty"]);
    expect(toggleTraceKind(["issue", "treaty"], "actor")).toEqual(["actor", "issue", "treaty"]);
    expect(toggleTraceKind(["issue"], "issue")).toEqual(["issue"]);
  });

  it("answers with results of those kinds only, while chains still pass through any kind", () => {
    const result = answerTrace(graph, { ...flagship, kinds: ["issue"] });
    if (!result.ok) throw new Error(result.message);
    const kinds = new Set(result.answer.trace.results.map((r) => r.kind));
    expect([...kinds]).toEqual(["issue"]);
    expect(result.answer.reading.answer).toMatch(
      /^China ties US arms sales to Taiwan directly to two issues:/,
    );
    const every = answerTrace(graph, flagship);
    if (!every.ok) throw new Error(every.message);
    expect(every.answer.trace.results.some((r) => r.kind === "actor")).toBe(true);
  });

  it("is part of the trace's link, checked like the other parameters", () => {
    const trace = { ...flagship, kinds: ["issue", "treaty"] as const };
    const query = linkQuery({ ...parseLink("", known).view, trace });
    expect(query).toBe(
      "?trace=issue:taiwan-arms-sales&traceHolder=actor:china&traceDepth=2&traceKind=issue,treaty",
    );
    expect(parseLink(query, known)).toEqual({ view: expect.objectContaining({ trace }), notices: [] });
    const bad = parseLink("?trace=issue:taiwan-arms-sales&traceKind=person", known);
    expect(bad.view.trace?.kinds).toBeUndefined();
    expect(bad.notices).toEqual([
      "Ignored traceKind=“person” in the link: expected a comma-separated list of actor, issue, treaty.",
    ]);
  });
});

describe("a chain clicked in the answer", () => {
  const opened = reduceTrace(INITIAL_TRACE, { type: "setTrace", query: flagship });

  it("pins the node: it stays in focus when the pointer leaves, and a new question unpins it", () => {
    const pinned = reduceTrace(opened, { type: "pinTraceResult", node: "issue:tmd-for-taiwan" });
    expect(pinned).toMatchObject({ pinned: "issue:tmd-for-taiwan", focus: "issue:tmd-for-taiwan" });
    const hovered = reduceTrace(pinned, { type: "focusTraceResult", node: "actor:taiwan" });
    expect(hovered.focus).toBe("actor:taiwan");
    expect(reduceTrace(hovered, { type: "focusTraceResult", node: null }).focus).toBe("issue:tmd-for-taiwan");
    expect(reduceTrace(pinned, { type: "editTrace", change: { depth: 3 } })).toMatchObject({
      pinned: null,
      focus: null,
    });
    // Nothing to pin without a question.
    expect(reduceTrace(INITIAL_TRACE, { type: "pinTraceResult", node: "issue:nmd" })).toBe(INITIAL_TRACE);
  });

  it("keeps bright a node the chains only pass through: the chains through it", () => {
    const result = answerTrace(graph, { ...flagship, kinds: ["actor"] });
    if (!result.ok) throw new Error(result.message);
    // With actors only, TMD for Taiwan is no answer, but the chain to Taiwan passes through it.
    expect(result.answer.trace.results.map((r) => r.node)).toEqual(["actor:taiwan"]);
    const through = result.answer.byResult.get("issue:tmd-for-taiwan");
    expect(through?.nodes).toEqual(
      new Set(["issue:taiwan-arms-sales", "issue:tmd-for-taiwan", "actor:taiwan"]),
    );
  });

  it("lets the answer panel show a new question, not an earlier selection", () => {
    const selected = reduce(INITIAL_STATE, { type: "select", selection: { type: "node", id: "actor:us" } });
    expect(reduce(selected, { type: "setTrace", query: flagship }).selection).toBeNull();
    // Focusing a result is no new question: the selection stays.
    const asked = {
      ...reduce(INITIAL_STATE, { type: "setTrace", query: flagship }),
      selection: selected.selection,
    };
    expect(reduce(asked, { type: "focusTraceResult", node: "issue:nmd" }).selection).toEqual(
      selected.selection,
    );
    expect(historyEffect({ type: "pinTraceResult", node: "issue:nmd" })).toBe("none");
  });
});
