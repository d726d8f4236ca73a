// Import and export in the explorer, in a real headless Chromium on the production build: data
// downloads match the graph (or only what the filters show), PNGs at 1× and 2× are painted and of
// the right size, the SVG holds vector nodes, claims and labels, and imports replace the graph with
// an Undo, fail without touching it, refuse huge files, and show hostile labels as plain text.
// Fixtures: tests/fixtures/external (see its README); malformed and hostile files are written here.
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import { strFromU8, unzipSync } from "fflate";
import type { Browser, Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_FILTERS, type Filters } from "../../src/ui/state/explorer-state.ts";
import { visibleItems } from "../../src/ui/state/filters.ts";
import { loadGraphData } from "../support/graph-data.ts";
import {
  artifact,
  launchChromium,
  nextFrames,
  openExplorer,
  pngPixels,
  ROOT,
  type ServedApp,
  serveBuild,
} from "./harness.ts";
import { exportAs, importFile } from "./io.ts";

const graph = loadGraphData();
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const summaryOf = (nodes: number, totalNodes: number, claims: number, totalClaims: number) =>
  `Showing ${plural(nodes, "node")} of ${totalNodes} and ${plural(claims, "claim")} of ${totalClaims}.`;
const everything = summaryOf(graph.order, graph.order, graph.size, graph.size);
const visibleWith = (filters: Partial<Filters>) => visibleItems(graph, { ...DEFAULT_FILTERS, ...filters });

const KARATE = join(ROOT, "tests/fixtures/external/networkx/karate-club.gexf");
const XSS = "<img src=x onerror=alert(1)>";
const scratch = mkdtempSync(join(tmpdir(), "linkage-import-export-"));

let app: ServedApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([serveBuild(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function open(query = "") {
  const opened = await openExplorer(browser, `${app.url}${query}`);
  const dialogs: string[] = [];
  opened.page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { ...opened, dialogs };
}

const summary = (page: Page) => page.locator(".filter-summary");

async function bytesOf(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFileSync(path);
}

function parseXml(text: string) {
  const errors: string[] = [];
  const document = new DOMParser({
    onError: (level, message) => void (level !== "warning" && errors.push(message)),
  }).parseFromString(text, "application/xml");
  expect(errors).toEqual([]);
  return document;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Pixels that are not white (the background), counted by decoding the PNG in the browser. */
async function paintedPixels(page: Page, png: Buffer): Promise<number> {
  return (await pngPixels(page, png)).painted;
}

describe("export from the explorer", { timeout: 120_000 }, () => {
  it("downloads the whole graph as GEXF, project JSON and CSV (zipped)", async () => {
    const { page, errors } = await open();
    const gexf = parseXml((await bytesOf(await exportAs(page, "gexf"))).toString("utf8"));
    expect(gexf.getElementsByTagName("node").length).toBe(graph.order);
    expect(gexf.getElementsByTagName("edge").length).toBe(graph.size);

    const projectDownload = await exportAs(page, "project-json");
    expect(projectDownload.suggestedFilename()).toMatch(/\.json$/);
    const project = JSON.parse((await bytesOf(projectDownload)).toString("utf8")) as {
      nodes: unknown[];
      claims: unknown[];
    };
    expect(project.nodes).toHaveLength(graph.order);
    expect(project.claims).toHaveLength(graph.size);

    const csvDownload = await exportAs(page, "csv");
    expect(csvDownload.suggestedFilename()).toMatch(/\.zip$/);
    const files = unzipSync(new Uint8Array(await bytesOf(csvDownload)));
    expect(Object.keys(files).sort()).toEqual(["claims.csv", "findings.csv", "nodes.csv"]);
    expect(strFromU8(files["nodes.csv"] as Uint8Array)).toContain("actor:china");
    expect(errors).toEqual([]);
  });

  it("downloads only what the filters show when asked to, and the whole graph otherwise", async () => {
    const { page, errors } = await open("?relation=opposes");
    const visible = visibleWith({ relations: ["opposes"] });
    expect(visible.claims.size).toBeLessThan(graph.size);
    await expect
      .poll(() => summary(page).textContent())
      .toBe(summaryOf(visible.nodes.size, graph.order, visible.claims.size, graph.size));

    const only = parseXml((await bytesOf(await exportAs(page, "gexf", "visible"))).toString("utf8"));
    const ids = (tag: string) => Array.from(only.getElementsByTagName(tag)).map((e) => e.getAttribute("id"));
    expect(new Set(ids("node"))).toEqual(visible.nodes);
    expect(new Set(ids("edge"))).toEqual(visible.claims);

    const whole = parseXml((await bytesOf(await exportAs(page, "gexf", "all"))).toString("utf8"));
    expect(whole.getElementsByTagName("edge").length).toBe(graph.size);

    const cypher = (await bytesOf(await exportAs(page, "cypher", "visible"))).toString("utf8");
    expect(cypher).toContain("MERGE");
    const neo4j = unzipSync(new Uint8Array(await bytesOf(await exportAs(page, "neo4j-admin", "visible"))));
    expect(Object.keys(neo4j).length).toBeGreaterThanOrEqual(2);
    expect(errors).toEqual([]);
  });

  it("makes PNGs of the view at 1× and 2×, both painted, the second with twice the pixels each way", async () => {
    const { page, errors } = await open();
    const one = await exportAs(page, "png-1x");
    const two = await exportAs(page, "png-2x");
    const png1 = await bytesOf(one);
    const png2 = await bytesOf(two);
    writeFileSync(artifact("export-view@1x.png"), png1);
    writeFileSync(artifact("export-view@2x.png"), png2);
    const size1 = pngSize(png1);
    const size2 = pngSize(png2);
    const box = await page.locator("#graph-canvas").boundingBox();
    expect(size1.width).toBe(Math.round(box?.width ?? 0));
    expect(size2).toEqual({ width: size1.width * 2, height: size1.height * 2 });
    // A blank (white or transparent-then-white) image has no painted pixels at all.
    const painted1 = await paintedPixels(page, png1);
    const painted2 = await paintedPixels(page, png2);
    expect(painted1).toBeGreaterThan(10_000);
    // Twice the pixels each way: about four times the painted area.
    expect(painted2).toBeGreaterThan(painted1 * 2.5);
    // The page's own canvas is back at 1× afterwards.
    expect(await page.evaluate(() => window.devicePixelRatio)).toBe(1);
    expect(errors).toEqual([]);
  });

  it("makes an SVG with a vector shape per visible node, a path per visible claim, and labels as text", async () => {
    const { page, errors } = await open("?relation=supports,links-to");
    const visible = visibleWith({ relations: ["supports", "links-to"] });
    const download = await exportAs(page, "svg");
    const text = (await bytesOf(download)).toString("utf8");
    writeFileSync(artifact("export-view.svg"), text);
    const svg = parseXml(text);
    const withClass = (name: string) =>
      Array.from(svg.getElementsByTagName("*")).filter((e) =>
        (e.getAttribute("class") ?? "").split(" ").includes(name),
      );
    expect(new Set(withClass("node").map((e) => e.getAttribute("data-id")))).toEqual(visible.nodes);
    expect(new Set(withClass("claim").map((e) => e.getAttribute("data-id")))).toEqual(visible.claims);
    expect(withClass("node").some((e) => e.localName === "circle")).toBe(true);
    expect(withClass("node").some((e) => e.localName === "rect")).toBe(true);
    expect(withClass("node").some((e) => e.localName === "polygon")).toBe(true);
    const labels = withClass("node-label").map((e) => e.textContent);
    expect(labels).toContain(graph.getNodeAttribute("actor:china", "label"));
    // End marks are drawn as shapes of their own, sized from the line, as in the PNG.
    expect(withClass("claim-head").length).toBeGreaterThan(0);

    // Dimmed items keep their place at a lower opacity: select a node, and its non-neighbours fade.
    await page.getByRole("combobox", { name: /search nodes/i }).fill("China");
    await page.getByRole("option", { name: /China/ }).first().waitFor();
    await page.keyboard.press("Enter");
    await page.locator("#details").getByRole("heading", { level: 2 }).first().waitFor();
    await nextFrames(page);
    const dimmed = parseXml((await bytesOf(await exportAs(page, "svg"))).toString("utf8"));
    const faded = Array.from(dimmed.getElementsByTagName("*")).filter(
      (e) => e.getAttribute("class")?.startsWith("node ") && Number(e.getAttribute("opacity") ?? 1) < 1,
    );
    expect(faded.length).toBeGreaterThan(0);
    expect(faded.length).toBeLessThan(visible.nodes.size);

    // The SVG drawn by the browser itself, for a look beside the PNG.
    const viewer = await page.context().newPage();
    await viewer.setViewportSize({ width: 1200, height: 900 });
    await viewer.goto(`data:image/svg+xml;base64,${Buffer.from(text).toString("base64")}`);
    await viewer.screenshot({ path: artifact("export-view-svg-rendered.png") });
    await viewer.close();
    expect(errors).toEqual([]);
  });
});

describe("import into the explorer", { timeout: 120_000 }, () => {
  it("replaces the graph with a real GEXF (karate club), labels it as imported, and goes back", async () => {
    const { page, errors } = await open();
    await expect.poll(() => summary(page).textContent()).toBe(everything);
    await importFile(page, KARATE);
    await page.locator("#imported-banner").waitFor({ state: "visible" });
    await expect.poll(() => summary(page).textContent(), { timeout: 30_000 }).toBe(summaryOf(34, 34, 78, 78));
    expect(await page.locator("#imported-banner").textContent()).toContain("karate-club.gexf");
    expect(await page.locator("#imported-banner").textContent()).toMatch(/no holders or findings/);
    await page.waitForFunction(() => document.body.dataset.ready === "true");
    await nextFrames(page);
    await page.screenshot({ path: artifact("import-karate.png") });

    await page.locator("#back-to-curated").click();
    await expect.poll(() => summary(page).textContent()).toBe(everything);
    expect(await page.locator("#imported-banner").isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });

  it("reads each node's kind from the attribute the mapping names", async () => {
    const { page, errors } = await open();
    await page.locator("#import-button").click();
    await page.locator("#import-kind-attribute").fill("kind");
    await page.locator("#import-default-kind").selectOption("treaty");
    await page
      .locator("#import-file")
      .setInputFiles(join(ROOT, "tests/fixtures/external/networkx/typed-digraph.graphml"));
    await expect.poll(() => summary(page).textContent(), { timeout: 30_000 }).toBe(summaryOf(2, 2, 2, 2));
    // typed-digraph.graphml: node a has kind "actor", node b kind "issue"; nothing fell to the default.
    const counts = await page.locator(".legend-list").first().locator(".legend-count").allTextContents();
    expect(counts.map(Number)).toEqual([1, 1, 0]);
    expect(errors).toEqual([]);
  });

  it("shows progress while a larger file (WebAtlas, GEXF 1.1draft, 2.2 MB) is read and parsed", async () => {
    const { page, errors } = await open();
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { importStatus: string[] }).importStatus = seen;
      const status = document.getElementById("import-status");
      if (!status) throw new Error("no import status");
      new MutationObserver(() => {
        if (!status.hidden) seen.push(status.textContent ?? "");
      }).observe(status, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await importFile(page, join(ROOT, "tests/fixtures/external/gephi-datasets/WebAtlas_EuroSiS.gexf"));
    await expect
      .poll(() => summary(page).textContent(), { timeout: 60_000 })
      .toBe(summaryOf(1285, 1285, 7524, 7524));
    const seen = await page.evaluate(() => (window as unknown as { importStatus: string[] }).importStatus);
    expect(seen.some((text) => /Importing WebAtlas_EuroSiS\.gexf: reading \d+%/.test(text))).toBe(true);
    expect(seen.some((text) => /parsing/.test(text))).toBe(true);
    expect(await page.locator("#import-status").isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });

  it("imports a dropped file too", async () => {
    const { page, errors } = await open();
    const text = readFileSync(join(ROOT, "tests/fixtures/external/gephi-datasets/data.gexf"), "utf8");
    await page.evaluate((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], "data.gexf", { type: "application/xml" }));
      document.dispatchEvent(new DragEvent("dragenter", { dataTransfer: transfer, bubbles: true }));
      document.dispatchEvent(
        new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
    }, text);
    await expect.poll(() => summary(page).textContent(), { timeout: 30_000 }).toBe(summaryOf(4, 4, 5, 5));
    expect(await page.locator(".drop-hint").isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });

  it("names the file and the line of a malformed file, and leaves the graph as it was", async () => {
    const { page } = await open();
    const broken = join(scratch, "broken.gexf");
    writeFileSync(
      broken,
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
        '  <graph defaultedgetype="directed">',
        '    <nodes><node id="a" label="A"></nodes>',
        "  </graph>",
        "</gexf>",
      ].join("\n"),
    );
    await importFile(page, broken);
    const error = page.locator("#import-error");
    await error.waitFor({ state: "visible" });
    const message = (await error.textContent()) ?? "";
    expect(message).toContain("Could not import broken.gexf");
    expect(message).toMatch(/broken\.gexf: line 4/);
    expect(message).toContain("has not changed");
    await page.screenshot({ path: artifact("import-error.png") });
    expect(await summary(page).textContent()).toBe(everything);
    expect(await page.locator("#imported-banner").isVisible()).toBe(false);
  });

  it("lists many problems in an error dialog that fits the screen, keeps focus and closes with Esc", async () => {
    const { page } = await open();
    // graph-data without its actors: every claim they hold is a dangling reference (over 100 problems,
    // of which the dialog lists the first ones), what a visible-only export once wrote.
    const data = JSON.parse(readFileSync(join(ROOT, "graph-data/cns-us-china-2000.json"), "utf8")) as {
      nodes: { id: string }[];
    };
    data.nodes = data.nodes.filter((node) => !node.id.startsWith("actor:"));
    const dangling = join(scratch, "dangling.json");
    writeFileSync(dangling, JSON.stringify(data));
    await importFile(page, dangling);
    const error = page.locator("#import-error");
    await error.waitFor({ state: "visible" });
    await expect(error.locator("li").count()).resolves.toBeGreaterThanOrEqual(20);
    const viewport = page.viewportSize();
    const box = await error.boundingBox();
    if (!box || !viewport) throw new Error("the error dialog is not drawn");
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    // Its Dismiss button is on screen, and the list scrolls inside the dialog.
    const dismiss = error.getByRole("button", { name: "Dismiss" });
    const button = await dismiss.boundingBox();
    expect(button && button.y + button.height).toBeLessThanOrEqual(viewport.height);
    const list = error.locator(".import-error-list");
    await expect(list.evaluate((el) => el.scrollHeight > el.clientHeight)).resolves.toBe(true);
    await page.screenshot({ path: artifact("import-error-long.png") });
    // Tab goes round inside the dialog, never out to the page behind it.
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press("Tab");
      await expect(page.evaluate(() => !!document.activeElement?.closest("#import-error"))).resolves.toBe(
        true,
      );
    }
    await page.keyboard.press("Escape");
    await error.waitFor({ state: "hidden" });
    expect(await summary(page).textContent()).toBe(everything);
  });

  it("fits the import and export dialogs on a phone, scrolling inside, and closes them with Esc", async () => {
    const opened = await openExplorer(browser, app.url, { viewport: { width: 390, height: 844 } });
    const { page } = opened;
    for (const [button, id] of [
      ["#import-button", "#import-dialog"],
      ["#export-button", "#export-dialog"],
    ] as const) {
      await page.locator(button).click();
      const dialog = page.locator(id);
      await dialog.waitFor({ state: "visible" });
      const box = await dialog.boundingBox();
      if (!box) throw new Error(`${id} is not drawn`);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(844);
      for (let i = 0; i < 25; i++) {
        await page.keyboard.press("Tab");
        const inside = await page.evaluate((selector) => !!document.activeElement?.closest(selector), id);
        expect(inside, `${id} after ${i + 1} tabs`).toBe(true);
      }
      await page.screenshot({ path: artifact(`dialog-phone-${id.slice(1)}.png`) });
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "hidden" });
      // Focus goes back to the button that opened it.
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(button.slice(1));
    }
    await opened.context.close();
  });

  it("refuses a file over 100 MB before reading it", async () => {
    const { page } = await open();
    const huge = join(scratch, "huge.graphml");
    writeFileSync(huge, "");
    truncateSync(huge, 101 * 1024 * 1024);
    await importFile(page, huge);
    const error = page.locator("#import-error");
    await error.waitFor({ state: "visible" });
    expect(await error.textContent()).toMatch(
      /huge\.graphml: the file is 101\.0 MB; imports are limited to 100 MB/,
    );
    expect(await summary(page).textContent()).toBe(everything);
  });

  it("shows a hostile label as its characters, and no dialog fires", async () => {
    const { page, dialogs, errors } = await open();
    const hostile = join(scratch, "hostile.graphml");
    const escaped = XSS.replace(/</g, "&lt;").replace(/>/g, "&gt;");
    writeFileSync(
      hostile,
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
        '  <key id="d0" for="node" attr.name="label" attr.type="string"/>',
        '  <graph edgedefault="directed">',
        `    <node id="x"><data key="d0">${escaped}</data></node>`,
        '    <node id="y"><data key="d0">plain</data></node>',
        '    <edge source="x" target="y"/>',
        "  </graph>",
        "</graphml>",
      ].join("\n"),
    );
    await importFile(page, hostile);
    await expect.poll(() => summary(page).textContent(), { timeout: 30_000 }).toBe(summaryOf(2, 2, 1, 1));
    await page.getByRole("button", { name: "List" }).click();
    await page.getByText(XSS, { exact: true }).first().waitFor();
    await page.screenshot({ path: artifact("import-hostile-label.png") });
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
});
