import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sourceFileJsonSchema } from "../src/model/json-schema.ts";
import { Claim, GraphNode, qualifyFinding, SourceFile } from "../src/model/schema.ts";

const goodNode = {
  id: "issue:nmd",
  kind: "issue",
  label: "NMD",
  description: "US national missile defence.",
};
const goodClaim = {
  id: "c-1",
  source: "actor:china",
  target: "issue:nmd",
  relation: "opposes",
  heldBy: ["actor:china"],
  findings: ["F1"],
  evidence: "China opposes NMD",
  note: "Our words.",
};

describe("node schema", () => {
  it("accepts a well-formed node", () => {
    expect(GraphNode.safeParse(goodNode).success).toBe(true);
  });
  it.each([
    ["an id without a kind", { ...goodNode, id: "nmd" }],
    ["an id in capitals", { ...goodNode, id: "issue:NMD" }],
    ["an id with an unknown kind", { ...goodNode, id: "person:x", kind: "issue" }],
    ["a kind that disagrees with the id", { ...goodNode, kind: "treaty" }],
    ["an empty label", { ...goodNode, label: "  " }],
    ["a missing description", { id: "issue:nmd", kind: "issue", label: "NMD" }],
    ["an unknown field", { ...goodNode, colour: "red" }],
  ])("rejects %s", (_name, node) => {
    expect(GraphNode.safeParse(node).success).toBe(false);
  });
  it("names the field that is wrong", () => {
    const result = GraphNode.safeParse({ ...goodNode, kind: "treaty" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["id"]);
  });
});

describe("claim schema", () => {
  it("accepts a well-formed claim, with local and qualified finding refs", () => {
    expect(Claim.safeParse(goodClaim).success).toBe(true);
    expect(Claim.safeParse({ ...goodClaim, findings: ["other-source#F12"] }).success).toBe(true);
  });
  it.each([
    ["an unknown relation", { ...goodClaim, relation: "hates" }],
    ["no evidence", { ...goodClaim, evidence: undefined }],
    ["an evidence quote of one word", { ...goodClaim, evidence: "NMD" }],
    ["an unknown attribution", { ...goodClaim, attribution: "rumoured" }],
    ["an unknown modality", { ...goodClaim, modality: "maybe" }],
    ["disputedBy with one actor", { ...goodClaim, disputedBy: ["actor:us"] }],
    ["no finding", { ...goodClaim, findings: [] }],
    ["a malformed finding", { ...goodClaim, findings: ["finding-3"] }],
    ["a missing note", { ...goodClaim, note: undefined }],
  ])("rejects %s", (_name, claim) => {
    expect(Claim.safeParse(claim).success).toBe(false);
  });
  it("qualifies local finding refs with the claim's own source", () => {
    expect(qualifyFinding("F3", "doc-a")).toBe("doc-a#F3");
    expect(qualifyFinding("doc-b#F3", "doc-a")).toBe("doc-b#F3");
  });
});

describe("graph-data", () => {
  it("parses against the source-file schema", () => {
    const text = readFileSync(new URL("../graph-data/cns-us-china-2000.json", import.meta.url), "utf8");
    const result = SourceFile.safeParse(JSON.parse(text));
    expect(result.error?.issues ?? []).toEqual([]);
    expect(result.data?.source.findings.map((f) => f.id)).toEqual(
      Array.from({ length: 12 }, (_, i) => `F${i + 1}`),
    );
  });
  it("ships a JSON Schema that matches the zod schema", () => {
    const onDisk = JSON.parse(
      readFileSync(new URL("../graph-data/source-file.schema.json", import.meta.url), "utf8"),
    );
    expect(onDisk).toEqual(sourceFileJsonSchema());
  });
});
