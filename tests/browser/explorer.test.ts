// The explorer in a real headless Chromium, on the production build: it loads cleanly, really
// paints the network, and search, selection, filters, links, history, the list view and the
// no-WebGL2 fallback all work the way a user would use them. Screenshots go to tests/artifacts/.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findingIndex } from "../../src/graph/build.ts";
import { createDisplayGraph } from "../../src/ui/state/display.ts";
import { DEFAULT_FILTERS, type Filters } from "../../src/ui/state/explorer-state.ts";
import { visibleItems } from "../../src/ui/state/filters.ts";
import { layoutInput } from "../../src/ui/workers/layout-client.ts";
import { loadGraphData } from "../support/graph-data.ts";
import {
  artifact,
  canvasPixels,
  launchChromium,
  nextFrames,
  openExplorer,
  type ServedApp,
  serveBuild,
} from "./harness.ts";

// Expected counts come from graph-data itself, so editing the data does not break these tests.
const graph = loadGraphData();
const everything = `Showing ${graph.order} nodes of ${graph.order} and ${graph.size} claims of ${graph.size}.`;
const counted = (filters: Partial<Filters>) => {
  const { nodes, claims } = visibleItems(graph, { ...DEFAULT_FILTERS, ...filters });
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `Showing ${plural(nodes.size, "node")} of ${graph.order} and ${plural(claims.size, "claim")} of ${graph.size}.`;
};

let app: ServedApp;
let browser: Browser;
const opened: Page[] = [];

beforeAll(async () => {
  [app, browser] = await Promise.all([serveBuild(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function open(query = "", options: Parameters<typeof openExplorer>[2] = {}) {
  const result = await openExplorer(browser, `${app.url}${query}`, options);
  opened.push(result.page);
  return result;
}

const details = (page: Page) => page.locator("#details");
const summary = (page: Page) => page.locator(".filter-summary");

/** Finds a node through the search box and chooses it with the keyboard. */
async function searchAndChoose(page: Page, query: string, expected: string) {
  const input = page.getByRole("combobox", { name: /search nodes/i });
  await input.click();
  await input.fill(query);
  await page
    .getByRole("option", { name: new RegExp(expected) })
    .first()
    .waitFor();
  await page.keyboard.press("Enter");
  await details(page).getByRole("heading", { level: 2, name: expected }).waitFor();
}

describe("the explorer", { timeout: 90_000 }, () => {
  it("builds to relative asset paths, so dist/ works from any sub-path", () => {
    const html = readFileSync(join(app.outDir, "index.html"), "utf8");
    expect(html).toMatch(/src="\.\/assets\/[^"]+\.js"/);
    expect(html).not.toMatch(/(src|href)="\/assets\//);
  });

  it("loads with no console error and no page error, and paints the network", async () => {
    const { page, errors } = await open();
    const pixels = await canvasPixels(page, "explorer-initial.png");
    await page.screenshot({ path: artifact("explorer-page.png") });
    expect(errors).toEqual([]);
    // A blank stage would have no painted pixels; every kind and relation must show in its colour.
    expect(pixels.painted).toBeGreaterThan(15_000);
    for (const colour of ["actor", "issue", "treaty", "supports", "opposes", "links-to"]) {
      expect(pixels.byColour[colour], colour).toBeGreaterThan(40);
    }
    await expect(summary(page).textContent()).resolves.toBe(everything);
  });

  it("searches by alias, ignoring case and accents, and shows the node's claims and findings", async () => {
    const { page, errors } = await open();
    await searchAndChoose(page, "BÉIJING", "China");
    const panel = details(page);
    await expect(panel.locator(".claim-group-title").first().textContent()).resolves.toMatch(/Held by/);
    // Every claim of China is in the panel, each with its qualifier and the findings it cites:
    // id, summary and source title.
    await expect(panel.locator("[data-claim]").count()).resolves.toBe(graph.degree("actor:china"));
    const claimId = graph.findEdge("actor:china", (_c, a) => a.qualifier !== undefined) as string;
    const attributes = graph.getEdgeAttributes(claimId);
    const [findingRef] = attributes.findings;
    const finding = findingIndex(graph).get(findingRef as string);
    if (!finding) throw new Error(`no finding ${findingRef}`);
    const claim = panel.locator(`[data-claim="${claimId}"]`);
    await expect(claim.locator(".claim-qualifier").textContent()).resolves.toBe(`“${attributes.qualifier}”`);
    await expect(claim.locator(".finding-id").first().textContent()).resolves.toBe(finding.id);
    await expect(claim.locator(".finding-summary").first().textContent()).resolves.toBe(finding.summary);
    await expect(claim.locator(".finding-source").first().textContent()).resolves.toBe(finding.sourceTitle);
    expect(new URL(page.url()).searchParams.get("node")).toBe("actor:china");
    await canvasPixels(page, "explorer-china-selected.png");
    await page.screenshot({ path: artifact("explorer-china-panel.png") });
    expect(errors).toEqual([]);
  });

  it("hovering a node dims the rest; clicking it selects it; Escape clears", async () => {
    const { page } = await open();
    await searchAndChoose(page, "united states", "United States");
    // Selected, the US is the one actor drawn at full colour: its pixels say where it is.
    const selected = await canvasPixels(page);
    const us = selected.centroid.actor;
    if (!us) throw new Error("the selected actor is not drawn");
    await page.keyboard.press("Escape");
    await details(page).getByRole("heading", { name: "Nothing selected" }).waitFor();
    const before = await canvasPixels(page);
    await page.mouse.move(us.x, us.y);
    // Hover is resolved from the GPU a frame later; look again until the rest has dimmed.
    let hovered = before;
    for (let i = 0; i < 20 && hovered.painted > before.painted * 0.9; i++) hovered = await canvasPixels(page);
    await canvasPixels(page, "explorer-hover-us.png");
    expect(hovered.painted).toBeLessThan(before.painted * 0.9);
    await page.mouse.click(us.x, us.y);
    await details(page).getByRole("heading", { level: 2, name: "United States" }).waitFor();
    const box = await page.locator("#graph-canvas").boundingBox();
    if (box) await page.mouse.move(box.x + 4, box.y + 4);
    await page.keyboard.press("Escape");
    await details(page).getByRole("heading", { name: "Nothing selected" }).waitFor();
  });

  it("moves selection and camera to a neighbour clicked in the panel", async () => {
    const { page } = await open("?node=actor:china");
    await details(page).locator('button[data-node="treaty:paros"]').first().click();
    await details(page)
      .getByRole("heading", { level: 2, name: "Outer-space arms race treaty (proposed)" })
      .waitFor();
    expect(new URL(page.url()).searchParams.get("node")).toBe("treaty:paros");
  });

  it("selects a claim from the panel and shows its holders, qualifier and findings", async () => {
    const { page, errors } = await open("?node=issue:nonproliferation-cooperation");
    const claimId = graph.findEdge(
      "issue:nonproliferation-cooperation",
      (_c, a) => a.heldBy.length === 2 && a.qualifier !== undefined,
    ) as string;
    await details(page).locator(`[data-claim="${claimId}"] button`, { hasText: "Claim details" }).click();
    await details(page).locator(".chip", { hasText: "Claim" }).waitFor();
    const text = await details(page).textContent();
    expect(text).toContain(graph.getEdgeAttribute(claimId, "qualifier"));
    expect(text).toContain("United States");
    expect(text).toContain("China");
    expect(new URL(page.url()).searchParams.get("claim")).toBe(claimId);
    await canvasPixels(page, "explorer-claim-selected.png");
    expect(errors).toEqual([]);
  });

  it("reruns the layout in a worker, stops it, and resets to the standard layout", async () => {
    const { page, errors } = await open();
    // Reset frames the graph again: compare with the graph as Zoom to fit frames it.
    await page.getByRole("button", { name: "Zoom to fit" }).click();
    await page.mouse.move(0, 0);
    await page.waitForTimeout(300);
    const before = await canvasPixels(page, "explorer-layout-before.png");
    await page.getByRole("button", { name: "Rerun layout" }).click();
    await page.getByRole("button", { name: "Stop" }).and(page.locator(":enabled")).waitFor();
    // Wait until the worker has moved the nodes: the picture changes.
    let moving = before;
    for (let i = 0; i < 30 && Math.abs(moving.painted - before.painted) < before.painted * 0.02; i++) {
      moving = await canvasPixels(page);
    }
    expect(Math.abs(moving.painted - before.painted)).toBeGreaterThan(before.painted * 0.02);
    await page.getByRole("button", { name: "Stop" }).click();
    await page.getByRole("button", { name: "Rerun layout" }).and(page.locator(":enabled")).waitFor();
    await page.getByRole("button", { name: "Reset the layout" }).click();
    // The buttons sit by the canvas: move the pointer off so no hover colour is counted. Reset frames
    // the graph again two frames later, and the labels follow a frame after that.
    await page.mouse.move(0, 0);
    await page.waitForTimeout(300);
    const reset = await canvasPixels(page, "explorer-layout-reset.png");
    expect(Math.abs(reset.painted - before.painted)).toBeLessThan(before.painted * 0.01);
    expect(errors).toEqual([]);
  });

  it("runs the layout to its end without putting the two sides on top of each other; Reset frames it again", async () => {
    const { page, errors } = await open();
    await page.getByRole("button", { name: "Rerun layout" }).click();
    await page.getByRole("button", { name: "Stop" }).and(page.locator(":enabled")).waitFor();
    // The run ends by itself (a fixed number of iterations, then noverlap).
    await page
      .getByRole("button", { name: "Rerun layout" })
      .and(page.locator(":enabled"))
      .waitFor({ timeout: 30_000 });
    await nextFrames(page);
    const sides = await page.evaluate(() => {
      // biome-ignore lint/suspicious/noExplicitAny: the renderer the stage element carries for tests.
      const renderer = (document.getElementById("graph-canvas") as any).linkageRenderer;
      return ["actor:us", "actor:china"].map((node) => {
        const data = renderer.getNodeDisplayData(node);
        return { ...renderer.framedGraphToViewport(data), radius: renderer.scaleSize(data.size) };
      });
    });
    const [us, china] = sides as { x: number; y: number; radius: number }[];
    if (!us || !china) throw new Error("the two sides are not drawn");
    expect(Math.hypot(us.x - china.x, us.y - china.y)).toBeGreaterThan(us.radius + china.radius + 10);
    await canvasPixels(page, "explorer-layout-rerun-done.png");

    // Zoomed in, Reset puts the standard layout back and frames all of it again.
    // The opening view already has its camera in the address: wait for the zoomed one.
    const framed = new URL(page.url()).searchParams.get("camera");
    await page.locator("#graph-canvas").focus();
    await page.keyboard.press("+");
    await page.keyboard.press("+");
    await page.waitForFunction(
      (before) => new URL(location.href).searchParams.get("camera") !== before,
      framed,
    );
    const zoomed = new URL(page.url()).searchParams.get("camera");
    await page.getByRole("button", { name: "Reset the layout" }).click();
    await page.waitForFunction(
      (before) => new URL(location.href).searchParams.get("camera") !== before,
      zoomed,
    );
    const outside = await page.evaluate(() => {
      // biome-ignore lint/suspicious/noExplicitAny: the renderer the stage element carries for tests.
      const renderer = (document.getElementById("graph-canvas") as any).linkageRenderer;
      const { width, height } = renderer.getDimensions();
      return renderer.getGraph().filterNodes((node: string) => {
        const { x, y } = renderer.framedGraphToViewport(renderer.getNodeDisplayData(node));
        return x < 0 || y < 0 || x > width || y > height;
      });
    });
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("filters: a relation off reduces what is drawn and the counts; an empty result says so", async () => {
    const { page } = await open();
    const before = await canvasPixels(page);
    await page.getByRole("button", { name: /^Links to/ }).click();
    await expect(summary(page).textContent()).resolves.toBe(counted({ relations: ["supports", "opposes"] }));
    const after = await canvasPixels(page, "explorer-filter-no-links.png");
    expect(after.byColour["links-to"]).toBeLessThan((before.byColour["links-to"] ?? 0) / 10);
    expect(after.painted).toBeLessThan(before.painted);
    expect(new URL(page.url()).searchParams.get("relation")).toBe("supports,opposes");

    await page.getByLabel("Held by", { exact: true }).selectOption("both");
    await expect(summary(page).textContent()).resolves.toBe(
      counted({ relations: ["supports", "opposes"], holder: "both" }),
    );
    await page.getByRole("button", { name: /^Supports/ }).click();
    await page.getByRole("button", { name: /^Opposes/ }).click();
    await expect(summary(page).textContent()).resolves.toBe(counted({ relations: [] }));
    await page.getByText("No nodes or claims match these filters.").waitFor();
    await page.screenshot({ path: artifact("explorer-filter-empty.png") });
    await page.getByRole("button", { name: "Show everything" }).first().click();
    await expect(summary(page).textContent()).resolves.toBe(everything);
  });

  it("filters by finding, graph and counts together", async () => {
    const { page } = await open();
    await page.getByLabel("Finding", { exact: true }).selectOption("cns-us-china-2000#F8");
    const f8 = counted({ finding: "cns-us-china-2000#F8" });
    expect(f8).not.toBe(everything);
    await expect(summary(page).textContent()).resolves.toBe(f8);
    const pixels = await canvasPixels(page, "explorer-filter-f8.png");
    expect(pixels.painted).toBeGreaterThan(500);
    expect(new URL(page.url()).searchParams.get("finding")).toBe("cns-us-china-2000#F8");
  });

  it("reopens the selection, filters and view of a deep link", async () => {
    const { page, errors } = await open("?node=treaty:abm&relation=links-to,supports");
    await details(page).getByRole("heading", { level: 2, name: "ABM Treaty" }).waitFor();
    await expect(page.getByRole("button", { name: /^Opposes/ }).getAttribute("aria-pressed")).resolves.toBe(
      "false",
    );
    await canvasPixels(page, "explorer-deep-link-abm.png");
    expect(errors).toEqual([]);
  });

  it("goes back and forward through selections and filters", async () => {
    const { page } = await open();
    await searchAndChoose(page, "prc", "China");
    await details(page).locator('button[data-node="treaty:paros"]').first().click();
    await details(page)
      .getByRole("heading", { level: 2, name: /Outer-space/ })
      .waitFor();
    await page.getByRole("button", { name: /^Treaties and regimes/ }).click();
    await expect(
      page.getByRole("button", { name: /^Treaties and regimes/ }).getAttribute("aria-pressed"),
    ).resolves.toBe("false");

    await page.goBack();
    await expect(
      page.getByRole("button", { name: /^Treaties and regimes/ }).getAttribute("aria-pressed"),
    ).resolves.toBe("true");
    await details(page)
      .getByRole("heading", { level: 2, name: /Outer-space/ })
      .waitFor();
    await page.goBack();
    await details(page).getByRole("heading", { level: 2, name: "China" }).waitFor();
    await page.goForward();
    await details(page)
      .getByRole("heading", { level: 2, name: /Outer-space/ })
      .waitFor();
    expect(new URL(page.url()).searchParams.get("node")).toBe("treaty:paros");
  });

  it("works as tables by keyboard alone", async () => {
    const { page } = await open();
    await page.getByRole("button", { name: "List", exact: true }).focus();
    await page.keyboard.press("Enter");
    const list = page.locator("#list-view");
    await list.getByRole("table").first().waitFor();
    await expect(list.locator("caption").allTextContents()).resolves.toEqual([
      `Nodes (${graph.order})`,
      `Claims (${graph.size})`,
    ]);
    // Tab from the view switch into the tables: the first row's button is the first stop.
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() =>
      document.activeElement?.closest("tr")?.getAttribute("data-node"),
    );
    expect(focused).toBeTruthy();
    await page.keyboard.press("Enter");
    const label = await page.evaluate(() => document.activeElement?.textContent ?? "");
    await details(page).getByRole("heading", { level: 2, name: label }).waitFor();
    await expect(
      page.locator(`tr[data-node="${focused}"] button`).getAttribute("aria-current"),
    ).resolves.toBe("true");
    // Focus stays on the row's button, so the keyboard user can carry on down the table.
    await expect(page.evaluate(() => document.activeElement?.classList.contains("row-button"))).resolves.toBe(
      true,
    );
    expect(new URL(page.url()).searchParams.get("view")).toBe("list");
    await page.screenshot({ path: artifact("explorer-list-view.png") });
  });

  it("ignores a malformed parameter and an unknown id with a visible notice, never a blank page", async () => {
    const { page, errors } = await open("?relation=hates&node=actor:chna&camera=oops");
    const notices = page.getByRole("status").filter({ hasText: "Ignored" });
    await notices.waitFor();
    const text = await page.locator("#notices").textContent();
    expect(text).toContain("Ignored relation=");
    expect(text).toContain("Ignored camera=");
    expect(text).toContain("Did you mean actor:china?");
    const pixels = await canvasPixels(page);
    expect(pixels.painted).toBeGreaterThan(15_000);
    await page.screenshot({ path: artifact("explorer-bad-link-notice.png") });
    expect(errors).toEqual([]);
    // The address now says what is on screen.
    expect(new URL(page.url()).searchParams.get("relation")).toBeNull();
  });

  it("without WebGL2 says so plainly and the list view still works", async () => {
    const { page, errors } = await open("", { webgl2: false });
    await page.getByRole("heading", { name: "This browser cannot draw the network" }).count();
    const list = page.locator("#list-view");
    await list.getByRole("table").first().waitFor();
    await list.locator('tr[data-node="actor:us"] button').click();
    await details(page).getByRole("heading", { level: 2, name: "United States" }).waitFor();
    await page.getByRole("button", { name: "Network" }).click();
    await page.getByRole("heading", { name: "This browser cannot draw the network" }).waitFor();
    await page.screenshot({ path: artifact("explorer-no-webgl2.png") });
    await nextFrames(page);
    expect(errors).toEqual([]);
  });

  it("lays out a graph without positions in a worker: by its size, with progress, the same every time", async () => {
    // The worker lays out graphs that arrive without positions (most imported files).
    const workerFile = readdirSync(join(app.outDir, "assets")).find((name) =>
      name.startsWith("layout-worker"),
    );
    if (!workerFile) throw new Error("the build has no layout worker");
    const { display } = createDisplayGraph(graph, {});
    const input = layoutInput(display, false);
    const { page } = await open();
    const run = (stopAtOnce: boolean) =>
      page.evaluate(
        ({ url, input, stopAtOnce }) =>
          new Promise<{
            progress: number;
            positions: Record<string, { x: number; y: number }>;
            stopped: boolean;
          }>((resolve, reject) => {
            const worker = new Worker(url, { type: "module" });
            let progress = 0;
            worker.onmessage = (event) => {
              if (event.data.type === "progress") progress++;
              else resolve({ progress, positions: event.data.positions, stopped: event.data.stopped });
            };
            worker.onerror = (event) => reject(new Error(event.message));
            worker.postMessage({ type: "start", input, live: false });
            if (stopAtOnce) worker.postMessage({ type: "stop" });
          }),
        { url: `${app.url}assets/${workerFile}`, input, stopAtOnce },
      );
    const first = await run(false);
    const again = await run(false);
    expect(first.stopped).toBe(false);
    expect(first.progress).toBeGreaterThan(0);
    expect(Object.keys(first.positions).sort()).toEqual(graph.nodes().sort());
    expect(again.positions).toEqual(first.positions);
    // Seen with its wider side at 800 px, no two nodes overlap at the size they are drawn.
    const entries = Object.entries(first.positions);
    const xs = entries.map(([, p]) => p.x);
    const ys = entries.map(([, p]) => p.y);
    const unit = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)) / 800;
    for (const [i, [a, pa]] of entries.entries()) {
      for (const [b, pb] of entries.slice(i + 1)) {
        const gap = Math.hypot(pa.x - pb.x, pa.y - pb.y) / unit;
        const touching = display.getNodeAttribute(a, "size") + display.getNodeAttribute(b, "size");
        expect(gap, `${a} and ${b}`).toBeGreaterThan(touching);
      }
    }
    // Stopped at once, it still answers, with every node placed.
    const stopped = await run(true);
    expect(stopped.stopped).toBe(true);
    expect(Object.keys(stopped.positions)).toHaveLength(graph.order);
  });

  it("zooms and pans from the keyboard", async () => {
    const { page } = await open();
    await page.locator("#graph-canvas").focus();
    const cameraOf = () => new URL(page.url()).searchParams.get("camera");
    const start = cameraOf();
    await page.keyboard.press("+");
    await page.waitForFunction(
      (before) => new URL(location.href).searchParams.get("camera") !== before,
      start,
    );
    const zoomed = cameraOf()?.split(",").map(Number) ?? [];
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction(
      (before) => new URL(location.href).searchParams.get("camera") !== before,
      cameraOf(),
    );
    const panned = cameraOf()?.split(",").map(Number) ?? [];
    expect(panned[0]).toBeGreaterThan(zoomed[0] as number);
    await page.keyboard.press("0");
    await page.waitForFunction(
      (before) => new URL(location.href).searchParams.get("camera") !== before,
      cameraOf(),
    );
  });
});
