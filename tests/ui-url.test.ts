import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS, type SharedView } from "../src/ui/state/explorer-state.ts";
import { knownIds, linkQuery, parseLink } from "../src/ui/state/url.ts";
import { loadGraphData } from "./support/graph-data.ts";

const known = knownIds(loadGraphData());

describe("parseLink", () => {
  it("reads a full link", () => {
    const { view, notices } = parseLink(
      "?node=actor:china&relation=links-to,opposes&holder=both&finding=cns-us-china-2000%23F3&view=list&camera=0.4,0.55,0.25",
      known,
    );
    expect(notices).toEqual([]);
    expect(view).toEqual({
      selection: { type: "node", id: "actor:china" },
      filters: {
        ...DEFAULT_FILTERS,
        relations: ["opposes", "links-to"],
        holder: "both",
        finding: "cns-us-china-2000#F3",
      },
      view: "list",
      camera: { x: 0.4, y: 0.55, ratio: 0.25 },
    });
  });

  it("gives the default view for an empty query", () => {
    expect(parseLink("", known)).toEqual({
      view: { selection: null, filters: DEFAULT_FILTERS, view: "graph", camera: null },
      notices: [],
    });
  });

  it.each([
    ["kind=actor,person", "kind"],
    ["camera=1,2", "camera"],
    ["camera=0.5,0.5,-1", "camera"],
    ["view=map", "view"],
    ["node=China", "node"],
    ["holder=everyone", "holder"],
    ["finding=F3", "finding"],
    ["attribution=stated,rumoured", "attribution"],
    ["modality=certain", "modality"],
  ])("ignores the malformed %s with a notice naming %s", (query, name) => {
    const { view, notices } = parseLink(`?${query}&relation=supports`, known);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(name);
    // The rest of the link still applies.
    expect(view.filters.relations).toEqual(["supports"]);
  });

  it("reads the attribution and modality filters, in the vocabulary's order", () => {
    const { view, notices } = parseLink("?attribution=document,stated&modality=question", known);
    expect(notices).toEqual([]);
    expect(view.filters).toEqual({
      ...DEFAULT_FILTERS,
      attributions: ["stated", "document"],
      modalities: ["question"],
    });
  });

  it("says what a bad attribution should have been, and keeps every attribution", () => {
    const { view, notices } = parseLink("?attribution=inferred,hearsay&relation=supports", known);
    expect(view.filters.attributions).toEqual(DEFAULT_FILTERS.attributions);
    expect(view.filters.relations).toEqual(["supports"]);
    expect(notices).toEqual([
      "Ignored attribution=“inferred,hearsay” in the link: expected a comma-separated list of stated, inferred, document.",
    ]);
  });

  it("ignores a malformed relation with a notice", () => {
    const { view, notices } = parseLink("?relation=hates&holder=both", known);
    expect(view.filters).toMatchObject({ relations: DEFAULT_FILTERS.relations, holder: "both" });
    expect(notices).toEqual([expect.stringContaining("relation")]);
  });

  it("drops an unknown node with a notice that suggests the nearest one", () => {
    const { view, notices } = parseLink("?node=actor:chna&relation=supports", known);
    expect(view.selection).toBeNull();
    expect(view.filters.relations).toEqual(["supports"]);
    expect(notices).toEqual([expect.stringContaining("Did you mean actor:china?")]);
  });

  it.each([
    ["claim=no-such-claim", "claim"],
    ["source=no-such-source", "source"],
    ["finding=cns-us-china-2000%23F99", "finding"],
    ["holder=actor:russia", "held by"],
  ])("drops %s, which the graph does not have", (query, words) => {
    const { notices } = parseLink(`?${query}`, known);
    expect(notices).toEqual([expect.stringContaining(words)]);
  });

  it.each([
    ["?node=%E0%A4%A", "node"],
    ["?camera=NaN,NaN,NaN", "camera"],
    [`?kind=${"x,".repeat(5000)}`, "kind"],
    ["?node=<script>", "node"],
  ])("drops the hostile %s with one short notice naming %s, and opens the default view", (query, name) => {
    const { view, notices } = parseLink(query, known);
    expect(view).toEqual(parseLink("", known).view);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(new RegExp(`^Ignored ${name}=“`));
    // The value is quoted cut short: a 10,000-character parameter does not become a 10,000-character notice.
    expect(notices[0]?.length).toBeLessThan(200);
  });
});

describe("linkQuery", () => {
  const view: SharedView = {
    selection: { type: "node", id: "actor:china" },
    filters: { ...DEFAULT_FILTERS, relations: ["links-to"], finding: "cns-us-china-2000#F3" },
    view: "graph",
    camera: { x: 0.123456, y: 0.5, ratio: 1.25 },
  };

  it("writes readable links and leaves defaults out", () => {
    expect(linkQuery(view)).toBe(
      "?node=actor:china&relation=links-to&finding=cns-us-china-2000%23F3&camera=0.1235,0.5,1.25",
    );
    expect(linkQuery({ selection: null, filters: DEFAULT_FILTERS, view: "graph", camera: null })).toBe("");
  });

  it("round-trips through parseLink", () => {
    const parsed = parseLink(linkQuery(view), known);
    expect(parsed.notices).toEqual([]);
    expect(parsed.view).toEqual({ ...view, camera: { x: 0.1235, y: 0.5, ratio: 1.25 } });
  });

  it("writes the attribution and modality filters only when they narrow, and reads them back", () => {
    const narrowed: SharedView = {
      ...view,
      filters: { ...DEFAULT_FILTERS, attributions: ["stated"], modalities: ["asserted", "hedged"] },
    };
    const query = linkQuery(narrowed);
    expect(query).toBe(
      "?node=actor:china&attribution=stated&modality=asserted,hedged&camera=0.1235,0.5,1.25",
    );
    expect(parseLink(query, known).view.filters).toEqual(narrowed.filters);
    expect(linkQuery({ ...view, filters: DEFAULT_FILTERS })).not.toMatch(/attribution|modality/);
  });

  it("keeps an empty kind list, which hides every node", () => {
    const none: SharedView = { ...view, filters: { ...DEFAULT_FILTERS, kinds: [] } };
    expect(parseLink(linkQuery(none), known).view.filters.kinds).toEqual([]);
  });
});
