// Every file the explorer exports in a format it can read reopens in it, whole and visible-only, with
// the counts it was written with; and a Gephi file's own colours are what the canvas shows. A real
// headless Chromium on the production build: the downloads are the files a user would get.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { visibleSubset } from "../../src/graph/visible-subgraph.ts";
import { DEFAULT_FILTERS } from "../../src/ui/state/explorer-state.ts";
import { visibleItems } from "../../src/ui/state/filters.ts";
import { loadGraphData } from "../support/graph-data.ts";
import { canvasPixels, launchChromium, openExplorer, type ServedApp, serveBuild } from "./harness.ts";
import { exportAs, importFile } from "./io.ts";

const graph = loadGraphData();
const scratch = mkdtempSync(join(tmpdir(), "linkage-roundtrip-"));
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const summaryOf = (nodes: number, claims: number) =>
  `Showing ${plural(nodes, "node")} of ${nodes} and ${plural(claims, "claim")} of ${claims}.`;

/** A filter that hides the actors its claims name: what both sides hold shows neither side's node. */
const FILTER = "?holder=both";
const visible = visibleItems(graph, { ...DEFAULT_FILTERS, holder: "both" });
const subset = visibleSubset(graph, visible);
const READABLE = ["project-json", "graphology-json", "gexf", "graphml"] as const;

let app: ServedApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([serveBuild(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function exportFile(page: Page, format: string, scope: "all" | "visible"): Promise<string> {
  const download = await exportAs(page, format, scope);
  const path = join(scratch, `${scope}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  return path;
}

async function importAndWait(page: Page, path: string) {
  await importFile(page, path);
  await page.locator("#imported-banner").waitFor({ state: "visible", timeout: 60_000 });
}

describe("exports reopen in the explorer", { timeout: 180_000 }, () => {
  it("the filter used hides actors that visible claims name, so visible-only brings them back", () => {
    expect(subset.actorsKept.length).toBeGreaterThan(0);
    expect(subset.graph.size).toBe(visible.claims.size);
  });

  for (const format of READABLE) {
    it(`${format}: the whole graph and only what is visible each reopen with their counts`, async () => {
      const { page, errors } = await openExplorer(browser, `${app.url}${FILTER}`);
      // The dialog says what visible-only will leave out before it is chosen.
      await page.locator("#export-button").click();
      await expect(page.locator("#export-dialog").textContent()).resolves.toContain(
        `adds ${plural(subset.actorsKept.length, "hidden actor")} that visible claims name as holders`,
      );
      await page.locator("#export-dialog").getByRole("button", { name: "Close" }).click();

      const whole = await exportFile(page, format, "all");
      const part = await exportFile(page, format, "visible");
      expect(part).toMatch(/-visible/);

      await importAndWait(page, whole);
      await expect
        .poll(() => page.locator(".filter-summary").textContent(), { timeout: 30_000 })
        .toBe(summaryOf(graph.order, graph.size));
      await importAndWait(page, part);
      await expect
        .poll(() => page.locator(".filter-summary").textContent(), { timeout: 30_000 })
        .toBe(summaryOf(subset.graph.order, subset.graph.size));
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});

/** A Gephi-style GEXF: two groups of nodes in colours no kind or relation of ours uses, with positions. */
function gephiFile(): string {
  const nodes: string[] = [];
  const edges: string[] = [];
  for (let i = 0; i < 40; i++) {
    const [r, g, b] = i % 2 ? [230, 0, 120] : [0, 180, 180];
    const x = (i % 8) * 40;
    const y = Math.floor(i / 8) * 40;
    nodes.push(
      `<node id="n${i}" label="Node ${i}"><attvalues><attvalue for="group" value="${i % 2 ? "pink" : "teal"}"/></attvalues>` +
        `<viz:color r="${r}" g="${g}" b="${b}"/><viz:position x="${x}" y="${y}" z="0"/><viz:size value="12"/></node>`,
    );
    if (i > 0) edges.push(`<edge id="e${i}" source="n${i - 1}" target="n${i}" weight="${i}"/>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <graph defaultedgetype="undirected">
    <attributes class="node"><attribute id="group" title="group" type="string"/></attributes>
    <nodes>${nodes.join("")}</nodes>
    <edges>${edges.join("")}</edges>
  </graph>
</gexf>`;
}

describe("a Gephi file keeps its look", { timeout: 120_000 }, () => {
  it("draws the file's viz:color, not the kind's colour, and shows a node's attributes from the file", async () => {
    const path = join(scratch, "gephi-colours.gexf");
    writeFileSync(path, gephiFile());
    const colours = { teal: "#00b4b4", pink: "#e60078" };
    const { page, errors } = await openExplorer(browser, app.url);
    const before = await canvasPixels(page, undefined, colours);
    await importAndWait(page, path);
    await page.waitForFunction(() => document.body.dataset.ready === "true");
    const after = await canvasPixels(page, "import-gephi-colours.png", colours);
    const teal = after.byColour.teal ?? 0;
    const pink = after.byColour.pink ?? 0;
    expect(teal).toBeGreaterThan(300);
    expect(pink).toBeGreaterThan(300);
    expect(before.byColour.teal ?? 0).toBeLessThan(teal / 10);
    // Imported nodes are issues by default: with the file's colours honoured, none is drawn amber.
    expect(after.byColour.issue ?? 0).toBeLessThan((teal + pink) / 20);

    await page.getByRole("combobox", { name: /search nodes/i }).fill("Node 7");
    await page.getByRole("option", { name: "Node 7" }).first().waitFor();
    await page.keyboard.press("Enter");
    const table = page.locator("#details table.file-attributes");
    await table.waitFor();
    await expect(table.locator("tbody tr").allTextContents()).resolves.toEqual(["grouppink"]);
    await expect(page.locator("#details").textContent()).resolves.not.toMatch(/Held by|document says/i);
    expect(errors).toEqual([]);
  });
});
