import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importGraph } from "../src/formats/index.ts";
import { nodeXmlParser } from "../src/formats/xml-node.ts";
import { RELATIONS } from "../src/model/vocabulary.ts";
import { describeSelection, disputedSentence } from "../src/ui/state/details.ts";
import { DEFAULT_FILTERS } from "../src/ui/state/explorer-state.ts";
import { visibleItems } from "../src/ui/state/filters.ts";
import { loadGraphData } from "./support/graph-data.ts";

const graph = loadGraphData();
const everything = visibleItems(graph, DEFAULT_FILTERS);
const SOURCE_TITLE = graph.getAttribute("sources")[0]?.title;

describe("describeSelection", () => {
  it("groups a node's claims by relation, then by holder with both sides first", () => {
    const details = describeSelection(
      graph,
      { type: "node", id: "issue:nonproliferation-cooperation" },
      everything,
    );
    if (details?.type !== "node") throw new Error("expected node details");
    const keys = details.groups.map((group) => `${group.relation}|${group.holderKey}`);
    expect(new Set(keys).size).toBe(keys.length);
    const ranks = details.groups.map((group) => RELATIONS.indexOf(group.relation));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const linkGroups = details.groups
      .filter((group) => group.relation === "links-to")
      .map((group) => group.holderKey);
    expect(linkGroups[0]).toBe("both");
    const total = details.groups.reduce((sum, group) => sum + group.claims.length, 0);
    expect(total).toBe(graph.degree("issue:nonproliferation-cooperation"));
  });

  it("gives each claim its qualifier and the findings it cites, with summary and source title", () => {
    const details = describeSelection(graph, { type: "node", id: "actor:china" }, everything);
    if (details?.type !== "node") throw new Error("expected node details");
    const claim = details.groups
      .flatMap((group) => group.claims)
      .find((c) => c.id === "f8-china-wants-space-talks");
    expect(claim).toMatchObject({
      relation: "supports",
      qualifier: "wants Conference on Disarmament talks on",
      other: { id: "treaty:paros" },
      // F8 gives China's condition; that China wants the talks is our reading (model 2).
      attribution: "inferred",
      evidence: "a treaty banning an arms race in outer space",
    });
    expect(claim?.findings).toEqual([
      expect.objectContaining({
        id: "F8",
        sourceTitle: SOURCE_TITLE,
        summary: expect.stringContaining("FMCT"),
      }),
    ]);
    expect(details.description).toContain("People's Republic of China");
  });

  it("counts the claims the filters hide and marks a hidden node", () => {
    const onlyLinks = visibleItems(graph, { ...DEFAULT_FILTERS, relations: ["links-to"] });
    const details = describeSelection(graph, { type: "node", id: "actor:china" }, onlyLinks);
    if (details?.type !== "node") throw new Error("expected node details");
    expect(details.hidden).toBe(!onlyLinks.nodes.has("actor:china"));
    expect(details.hiddenClaims).toBeGreaterThan(0);
  });

  it("describes one claim with its holders, both ends and findings", () => {
    const claimId = graph.findEdge((_c, a) => a.heldBy.length === 2) as string;
    const details = describeSelection(graph, { type: "claim", id: claimId }, everything);
    if (details?.type !== "claim") throw new Error("expected claim details");
    expect(details.claim.heldByBothSides).toBe(true);
    expect(details.claim.holders.map((h) => h.id).sort()).toEqual(["actor:china", "actor:us"]);
    expect(details.claim.findings.length).toBeGreaterThan(0);
    expect(details.sourceTitle).toBe(SOURCE_TITLE);
  });

  it("gives a claim of the document's own voice no holders, its evidence and the actors who differ", () => {
    const details = describeSelection(
      graph,
      { type: "claim", id: "f10-nmd-aimed-at-china-disputed" },
      everything,
    );
    if (details?.type !== "claim") throw new Error("expected claim details");
    expect(details.claim).toMatchObject({
      attribution: "document",
      holders: [],
      evidence: "whether NMD is directed against China",
      disputedBy: [
        { id: "actor:us", label: "United States" },
        { id: "actor:china", label: "China" },
      ],
    });
  });

  it("groups the document's own claims and inferred holders apart from what actors are stated to hold", () => {
    const details = describeSelection(
      graph,
      { type: "node", id: "issue:nonproliferation-cooperation" },
      everything,
    );
    if (details?.type !== "node") throw new Error("expected node details");
    const document = details.groups.filter((group) => group.holderKey === "document");
    expect(document.length).toBeGreaterThan(0);
    for (const group of document) {
      expect(group.holderLabel).toBe("The document says");
      for (const claim of group.claims) expect(claim.attribution).toBe("document");
    }
    // North Korea, South Asia, NPT extension, CTBT, export controls: F2's areas of earlier cooperation.
    const f2 = document.flatMap((group) => group.claims).filter((claim) => claim.id.startsWith("f2-"));
    expect(f2.map((claim) => claim.other.id).sort()).toEqual(
      ["actor:north-korea", "issue:export-controls", "issue:south-asia", "treaty:ctbt", "treaty:npt"].sort(),
    );
    // No group mixes attributions: a stated group never holds an inferred claim.
    for (const group of details.groups) {
      const attributions = new Set(group.claims.map((claim) => claim.attribution));
      expect(attributions.size, group.holderKey).toBe(1);
    }

    const us = describeSelection(graph, { type: "node", id: "issue:us-missile-defense-debate" }, everything);
    if (us?.type !== "node") throw new Error("expected node details");
    const inferred = us.groups.filter((group) => group.holderKey.endsWith("~inferred"));
    expect(inferred.length).toBeGreaterThan(0);
    for (const group of inferred) {
      expect(group.holderLabel).toMatch(/^Held by .+ \(inferred\)$/);
      for (const claim of group.claims) expect(claim.attribution).toBe("inferred");
    }
  });

  it("returns null for an id the graph does not have", () => {
    expect(describeSelection(graph, { type: "node", id: "actor:nobody" }, everything)).toBeNull();
    expect(describeSelection(graph, { type: "claim", id: "no-such-claim" }, everything)).toBeNull();
  });
});

describe("disputedSentence", () => {
  it("names the actors and says the sides are not stated", () => {
    expect(disputedSentence(["United States", "China"])).toBe(
      "United States and China differ on this; the document does not say who holds which view",
    );
    expect(disputedSentence(["A", "B", "C"])).toMatch(/^A, B and C differ on this;/);
  });
});

describe("a claim's sentence", () => {
  it("is the one graph/sentences.ts writes: the qualifier as its predicate, in the claim's direction", () => {
    const details = describeSelection(
      graph,
      { type: "claim", id: "f3-cooperation-contingent-on-arms-sales" },
      everything,
    );
    if (details?.type !== "claim") throw new Error("expected a claim");
    expect(details.claim.sentence).toBe(
      "US–China nonproliferation cooperation is contingent on US arms sales to Taiwan",
    );
    const node = describeSelection(graph, { type: "node", id: "issue:nmd" }, everything);
    if (node?.type !== "node") throw new Error("expected a node");
    for (const entry of node.groups.flatMap((group) => group.claims))
      expect(
        entry.sentence.startsWith(entry.source.label) || entry.sentence.startsWith("The document"),
        entry.sentence,
      ).toBe(true);
  });
});

describe("describeSelection on an imported graph", () => {
  const text = readFileSync(
    new URL("./fixtures/external/networkx/karate-club.gexf", import.meta.url),
    "utf8",
  );
  const imported = importGraph({ name: "karate-club.gexf", text }, { xml: nodeXmlParser }).graph;
  const all = visibleItems(imported, DEFAULT_FILTERS);

  it("shows a node's attributes from the file as rows, and groups its edges with no word of holders", () => {
    const details = describeSelection(imported, { type: "node", id: "0" }, all);
    if (details?.type !== "node") throw new Error("expected node details");
    expect(details.fileAttributes).toEqual([{ name: "club", value: "Mr. Hi" }]);
    expect(details.groups.map((group) => group.holderLabel)).toEqual([""]);
    expect(details.groups.map((group) => group.holderKey)).not.toContain("The document says");
  });

  it("shows an edge's weight from the file", () => {
    const details = describeSelection(imported, { type: "claim", id: "0" }, all);
    if (details?.type !== "claim") throw new Error("expected claim details");
    expect(details.fileAttributes).toEqual([{ name: "weight", value: "4" }]);
    expect(details.claim.holders).toEqual([]);
  });

  it("shows no file rows for a curated node or claim", () => {
    const node = describeSelection(graph, { type: "node", id: "actor:china" }, everything);
    const claim = describeSelection(graph, { type: "claim", id: "f8-china-wants-space-talks" }, everything);
    expect(node?.type === "node" && node.fileAttributes).toEqual([]);
    expect(claim?.type === "claim" && claim.fileAttributes).toEqual([]);
  });
});
