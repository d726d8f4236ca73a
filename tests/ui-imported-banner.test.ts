// The banner over an imported graph says what the file carries of holders and findings, never more:
// "no holders or findings" only when no claim has either.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { holdersGexfParts } from "../bench/open-files.ts";
import { importGraph } from "../src/formats/index.ts";
import { nodeXmlParser } from "../src/formats/xml-node.ts";
import { importedBanner, importedStanding } from "../src/ui/state/imported-banner.ts";
import { loadGraphData } from "./support/graph-data.ts";

const xml = { xml: nodeXmlParser };
const KARATE = new URL("./fixtures/external/networkx/karate-club.gexf", import.meta.url);

describe("the imported graph's banner", () => {
  it("says a Gephi or networkx file has no holders or findings, with its name and size", () => {
    const { graph } = importGraph({ name: "karate-club.gexf", text: readFileSync(KARATE, "utf8") }, xml);
    expect(importedBanner("karate-club.gexf", graph)).toBe(
      "karate-club.gexf · 34 nodes, 78 claims · not curated: no holders or findings",
    );
  });

  it("names the holders an imported file does give, and on how many claims", () => {
    const text = [...holdersGexfParts({ nodes: 60, edges: 200 })].join("");
    const { graph } = importGraph({ name: "held.gexf", text }, xml);
    let held = 0;
    graph.forEachEdge((_claim, attributes) => {
      if (attributes.heldBy.length) held++;
    });
    expect(held).toBeGreaterThan(0);
    expect(importedStanding(graph)).toBe(
      `not curated: holders on ${held} claim${held === 1 ? "" : "s"}, no findings, as the file gives them`,
    );
  });

  it("calls a graph with curated sources a project file", () => {
    expect(importedStanding(loadGraphData())).toBe("a project file, not checked against graph-data");
  });
});
