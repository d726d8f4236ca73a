// The model tells curated sources from imported graphs: imported files may name no holders and cite
// no findings and use the other tool's ids; curated files are checked exactly as before.
import { describe, expect, it } from "vitest";
import { checkIntegrity } from "../src/graph/integrity.ts";
import { loadAnySourceText, loadSourceText } from "../src/graph/load.ts";
import { Claim, ImportedSourceFile, SourceFile } from "../src/model/schema.ts";

const imported = {
  source: { id: "karate", provenance: "imported", title: "Karate club", findings: [] },
  nodes: [
    { id: "0", kind: "actor", label: "Member 0", attributes: { club: "Mr. Hi" } },
    { id: "1", kind: "actor", label: "Member 1" },
    { id: "lonely", kind: "issue", label: "No claims" },
  ],
  claims: [{ id: "e0", source: "0", target: "1", relation: "supports", attributes: { weight: 4 } }],
};

const curated = {
  modelVersion: 2,
  source: {
    id: "doc",
    title: "Doc",
    publisher: "P",
    date: "2020",
    findings: [{ id: "F1", summary: "S.", opening: "The opening words" }],
  },
  nodes: [
    { id: "actor:a", kind: "actor", label: "A", description: "A." },
    { id: "actor:b", kind: "actor", label: "B", description: "B." },
  ],
  claims: [
    {
      id: "c1",
      source: "actor:a",
      target: "actor:b",
      relation: "supports",
      heldBy: ["actor:a"],
      findings: ["F1"],
      evidence: "A supports B",
      note: "N.",
    },
  ],
};

describe("provenance", () => {
  it("reads an imported graph with foreign ids and no holders or findings", () => {
    const loaded = loadAnySourceText("karate.json", JSON.stringify(imported));
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(ImportedSourceFile.safeParse(imported).success).toBe(true);
    // An actor-to-actor supports claim and an isolated node break curated rules, not imported ones.
    expect(checkIntegrity([loaded.source])).toEqual([]);
  });

  it("keeps curated files to the curated rules", () => {
    const loaded = loadAnySourceText("doc.json", JSON.stringify(curated));
    if (!loaded.ok) throw new Error("must load");
    expect(checkIntegrity([loaded.source]).map((p) => p.rule)).toEqual(["stance-shape"]);
    expect(
      SourceFile.safeParse({ ...curated, source: { ...curated.source, provenance: "curated" } }).success,
    ).toBe(true);
    expect(Claim.safeParse({ ...curated.claims[0], findings: [] }).success).toBe(false);
    expect(Claim.safeParse({ ...curated.claims[0], evidence: undefined }).success).toBe(false);
    // No holders is the document's own voice, which the attribution must then say.
    const unheld = { ...curated, claims: [{ ...curated.claims[0], heldBy: [] }] };
    const loadedUnheld = loadAnySourceText("unheld.json", JSON.stringify(unheld));
    if (!loadedUnheld.ok) throw new Error("must load");
    expect(checkIntegrity([loadedUnheld.source]).map((p) => p.rule)).toContain("attribution-holders");
  });

  it("does not let a file without provenance skip the curated rules", () => {
    const unmarked = { ...imported, source: { ...imported.source, provenance: undefined } };
    const loaded = loadAnySourceText("unmarked.json", JSON.stringify(unmarked));
    expect(loaded.ok).toBe(false);
  });

  it("keeps loadSourceText curated-only", () => {
    const loaded = loadSourceText("karate.json", JSON.stringify(imported));
    expect(loaded.ok).toBe(false);
  });

  it("still checks ids and references in an imported graph", () => {
    const broken = {
      ...imported,
      claims: [{ id: "e0", source: "0", target: "missing", relation: "links-to" }],
    };
    const loaded = loadAnySourceText("broken.json", JSON.stringify(broken));
    if (!loaded.ok) throw new Error("must parse");
    expect(checkIntegrity([loaded.source]).map((p) => p.rule)).toEqual(["dangling-endpoint"]);
  });
});
