import { describe, expect, it } from "vitest";
import { RELATIONS } from "../src/model/vocabulary.ts";
import { claimSentence, describeSelection } from "../src/ui/state/details.ts";
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
      qualifier: "demands Conference on Disarmament talks on",
      other: { id: "treaty:paros" },
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

  it("returns null for an id the graph does not have", () => {
    expect(describeSelection(graph, { type: "node", id: "actor:nobody" }, everything)).toBeNull();
    expect(describeSelection(graph, { type: "claim", id: "no-such-claim" }, everything)).toBeNull();
  });
});

describe("claimSentence", () => {
  it("reads as a sentence in the relation's words", () => {
    const ref = (label: string) => ({ id: label, label, kind: "issue" as const });
    expect(claimSentence({ source: ref("NMD"), target: ref("ABM Treaty"), relation: "links-to" })).toBe(
      "NMD is linked to ABM Treaty",
    );
  });
});
