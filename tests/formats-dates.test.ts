// A foreign file's date that is not a real calendar date is left out with a note; the graph still
// imports (issue 14, #11: before, "2000-02-30" failed the whole import with a schema message).
import { describe, expect, it } from "vitest";
import { importGraph } from "../src/formats/index.ts";

const gexf = (date: string) => `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <meta lastmodifieddate="${date}"><creator>t</creator></meta>
  <graph defaultedgetype="directed">
    <nodes><node id="a" label="A"/><node id="b" label="B"/></nodes>
    <edges><edge id="e" source="a" target="b"/></edges>
  </graph>
</gexf>`;

describe("a foreign file's date", () => {
  it("is kept when it is a calendar date", () => {
    const outcome = importGraph({ name: "d.gexf", text: gexf("2000-02-29") }, {});
    expect(outcome.files[0]?.source.date).toBe("2000-02-29");
    expect(outcome.warnings).toEqual([]);
  });

  it("is left out, with a note, when it is not", () => {
    const outcome = importGraph({ name: "d.gexf", text: gexf("2001-02-29") }, {});
    expect(outcome.graph.order).toBe(2);
    expect(outcome.files[0]?.source.date).toBeUndefined();
    expect(outcome.warnings.join(" ")).toContain("2001-02-29");
  });
});
