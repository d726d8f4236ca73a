// Evidence checking (src/graph/evidence.ts): normalisation, passages found by their openings, near
// matches, and whole reports over the hand-written Harbour Talks fixtures (tests/fixtures/evidence/).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildGraph } from "../src/graph/build.ts";
import { InvalidArgumentError, UnknownNodeError } from "../src/graph/errors.ts";
import {
  checkEvidence,
  evidenceSources,
  excerptAround,
  locatePassages,
  nearestSpan,
  normalizeEvidenceText,
  normalizeQuote,
} from "../src/graph/evidence.ts";
import { loadSourceText } from "../src/graph/load.ts";
import type { LinkageGraph } from "../src/graph/types.ts";

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/evidence/${name}`, import.meta.url), "utf8");
const harbourText = fixture("harbour-talks.txt");

function fixtureGraph(...names: string[]): LinkageGraph {
  return buildGraph(
    names.map((name) => {
      const loaded = loadSourceText(name, fixture(name));
      if (!loaded.ok) throw new Error(`${name} does not load: ${JSON.stringify(loaded.problems)}`);
      return loaded.source;
    }),
  );
}

describe("normalizeEvidenceText", () => {
  it("collapses every run of whitespace, non-breaking spaces and line breaks included, to one space", () => {
    expect(normalizeEvidenceText("ups\u00a0and \n\t downs\u202fof\r\ntrade").text).toBe(
      "ups and downs of trade",
    );
  });

  it("reads typographic quotes as straight ones and every dash as a hyphen", () => {
    expect(
      normalizeEvidenceText("\u201cmixed feelings\u201d, \u201eso\u2033 \u2018it\u2019s\u2032").text,
    ).toBe(`"mixed feelings", "so" 'it's'`);
    expect(normalizeEvidenceText("trade \u2013 tariffs \u2014 Sino\u2010US \u2212 1 \u2012 2").text).toBe(
      "trade - tariffs - Sino-US - 1 - 2",
    );
  });

  it("changes nothing else: case, punctuation, ellipses and guillemets stay", () => {
    const text = "The MTCR… «Mixed»; NPT? (CTBT)!";
    expect(normalizeEvidenceText(text).text).toBe(text);
  });

  it("maps each normalised character back to its offset in the original", () => {
    const original = "a \n\n  \u201cb\u201d";
    const { text, origin } = normalizeEvidenceText(original);
    expect(text).toBe('a "b"');
    expect([...origin]).toEqual([0, 1, 6, 7, 8, original.length]);
  });

  it("trims a quote at both ends", () => {
    expect(normalizeQuote("  \u201chealthy\nskepticism\u201d ")).toBe('"healthy skepticism"');
  });
});

describe("locatePassages", () => {
  const text = "Title. A said one. B said two. A said three.";

  it("searches each opening after the previous one, so a repeated opening is read in order", () => {
    const passages = locatePassages(text, [
      { ref: "s#F1", opening: "A said" },
      { ref: "s#F2", opening: "B said" },
      { ref: "s#F3", opening: "A said" },
    ]);
    expect(passages).toEqual([
      { ref: "s#F1", start: 7, end: 19 },
      { ref: "s#F2", start: 19, end: 31 },
      { ref: "s#F3", start: 31, end: text.length },
    ]);
  });

  it("leaves an opening that is not found without a passage; the one before it runs on", () => {
    const passages = locatePassages(text, [
      { ref: "s#F1", opening: "A said" },
      { ref: "s#F2", opening: "C said" },
      { ref: "s#F3", opening: "B said" },
    ]);
    expect(passages.map((p) => [p.start, p.end])).toEqual([
      [7, 19],
      [-1, -1],
      [19, text.length],
    ]);
  });

  it("does not find an opening that only occurs before the previous one", () => {
    const passages = locatePassages(text, [
      { ref: "s#F1", opening: "B said" },
      { ref: "s#F2", opening: "A said one" },
    ]);
    expect(passages[1]?.start).toBe(-1);
  });
});

describe("nearestSpan and excerptAround", () => {
  const text =
    "US participants rejected these linkages by arguing that nonproliferation represents a common security interest.";

  it("finds the place of a quote with a changed word, ignoring case and punctuation", () => {
    const span = nearestSpan(text, "us participants rejected those linkages, arguing");
    expect(span && text.slice(span.start, span.end)).toBe(
      "US participants rejected these linkages by arguing",
    );
  });

  it("gives null when the region shares too little with the quote", () => {
    expect(nearestSpan(text, "missile technology export controls")).toBeNull();
    expect(nearestSpan(text, "common security interest", 0, 40)).toBeNull();
  });

  it("shows a few words either side and marks what it cut", () => {
    const start = text.indexOf("arguing");
    const excerpt = excerptAround(text, { start, end: start + "arguing".length });
    expect(excerpt).toBe(
      "…participants rejected these linkages by arguing that nonproliferation represents a common…",
    );
    expect(excerptAround(text, { start: 0, end: 2 })).toBe("US participants rejected these linkages by…");
  });
});

describe("checkEvidence", () => {
  it("passes every quote of the good fixture, through curly quotes, dashes, line breaks and a no-break space", () => {
    const report = checkEvidence(fixtureGraph("good.json"), "harbour-talks", harbourText);
    expect(report.ok).toBe(true);
    expect(report.claims.map((c) => [c.id, c.status])).toEqual([
      ["pact-backed-jointly", "ok"],
      ["pact-tied-to-trade", "ok"],
      ["beta-backs-linkage", "ok"],
      ["alpha-rejects-linkage", "ok"],
    ]);
    expect(report.findings.map((f) => [f.id, f.found, f.offset])).toEqual([
      ["harbour-talks#F1", true, harbourText.indexOf("Alpha and Beta agreed")],
      ["harbour-talks#F2", true, harbourText.indexOf("Beta argued")],
      ["harbour-talks#F3", true, harbourText.indexOf("Alpha rejected")],
    ]);
  });

  it("accepts a quote whose own spacing and typography differ from the text's", () => {
    const graph = fixtureGraph("good.json");
    graph.setEdgeAttribute("pact-tied-to-trade", "evidence", "contingent  on\ntrade \u2014 in particular");
    graph.setEdgeAttribute("beta-backs-linkage", "evidence", "Alpha\u2019s position \u201cunhelpful.\u201d");
    expect(checkEvidence(graph, "harbour-talks", harbourText).ok).toBe(true);
  });

  it("is strict about everything else: case and punctuation must match", () => {
    const graph = fixtureGraph("good.json");
    graph.setEdgeAttribute("alpha-rejects-linkage", "evidence", "Immune to the ups and downs of trade");
    graph.setEdgeAttribute("pact-tied-to-trade", "evidence", "contingent on trade, in particular on tariffs");
    const report = checkEvidence(graph, "harbour-talks", harbourText);
    expect(report.claims.filter((c) => c.status !== "ok").map((c) => c.id)).toEqual([
      "pact-tied-to-trade",
      "alpha-rejects-linkage",
    ]);
  });

  it("reports a missing quote with the nearest text of the passage it cites", () => {
    const report = checkEvidence(fixtureGraph("bad-quotes.json"), "harbour-quotes", harbourText);
    expect(report.ok).toBe(false);
    const keystone = report.claims.find((c) => c.id === "q-keystone");
    expect(keystone).toMatchObject({ status: "missing", cites: ["harbour-quotes#F1"], foundIn: [] });
    expect(keystone?.nearest?.finding).toBe("harbour-quotes#F1");
    expect(keystone?.nearest?.excerpt).toContain('the Pact remains "the cornerstone of regional calm."');
    expect(harbourText.slice(keystone?.nearest?.offset)).toMatch(/^the Pact remains/);
  });

  it("reports a quote that sits only in a finding the claim does not cite, and which one", () => {
    const report = checkEvidence(fixtureGraph("bad-quotes.json"), "harbour-quotes", harbourText);
    const wrong = report.claims.find((c) => c.id === "q-trade-cited-wrong");
    expect(wrong).toMatchObject({
      status: "wrong-finding",
      cites: ["harbour-quotes#F1"],
      foundIn: ["harbour-quotes#F2"],
    });
    expect(wrong?.nearest?.excerpt).toContain("contingent on trade");
    expect(report.claims.filter((c) => c.status === "ok")).toHaveLength(4);
  });

  it("counts a quote found only before the first finding as outside every passage", () => {
    const graph = fixtureGraph("good.json");
    graph.setEdgeAttribute("pact-backed-jointly", "evidence", "The Harbour Talks");
    const claim = checkEvidence(graph, "harbour-talks", harbourText).claims[0];
    expect(claim).toMatchObject({ status: "wrong-finding", foundIn: [] });
  });

  it("reports an opening that is not found, with the nearest text, and fails", () => {
    const report = checkEvidence(fixtureGraph("bad-opening.json"), "harbour-openings", harbourText);
    expect(report.ok).toBe(false);
    const f2 = report.findings[1];
    expect(f2).toMatchObject({ id: "harbour-openings#F2", found: false, offset: null });
    expect(f2?.nearest?.excerpt).toContain("Beta argued that further progress");
    // Without F2's passage, F2's quotes sit in F1's, which runs on to F3.
    expect(report.claims.find((c) => c.id === "o-pact-tied-to-trade")?.foundIn).toEqual([
      "harbour-openings#F1",
    ]);
  });

  it("checks only the chosen source's claims, and sets aside those citing only other sources", () => {
    const graph = fixtureGraph("good.json", "bad-quotes.json");
    expect(evidenceSources(graph)).toEqual(["harbour-talks", "harbour-quotes"]);
    graph.setEdgeAttribute("alpha-rejects-linkage", "findings", ["harbour-quotes#F3"]);
    const report = checkEvidence(graph, "harbour-talks", harbourText);
    expect(report.claims.map((c) => c.id)).toEqual([
      "pact-backed-jointly",
      "pact-tied-to-trade",
      "beta-backs-linkage",
    ]);
    expect(report.unchecked).toEqual(["alpha-rejects-linkage"]);
  });

  it("throws an unknown-id error with the nearest source ids", () => {
    const graph = fixtureGraph("good.json", "bad-quotes.json");
    expect(() => checkEvidence(graph, "harbour-quots", harbourText)).toThrow(UnknownNodeError);
    try {
      checkEvidence(graph, "harbour-quots", harbourText);
    } catch (error) {
      expect((error as UnknownNodeError).suggestions[0]).toBe("harbour-quotes");
    }
  });

  it("refuses a source whose findings have no openings", () => {
    const graph = fixtureGraph("good.json");
    const sources = graph.getAttribute("sources");
    graph.setAttribute("sources", [
      { ...sources[0], findings: sources[0]?.findings.map(({ id, summary }) => ({ id, summary })) },
    ] as typeof sources);
    expect(evidenceSources(graph)).toEqual([]);
    expect(() => checkEvidence(graph, "harbour-talks", harbourText)).toThrow(InvalidArgumentError);
  });
});
