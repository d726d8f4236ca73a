// A graph above the plain-drawing line (state/derived.ts), in a real headless Chromium on the production
// build, opened with ?file= (issue 12, a renderer that scales): it is drawn with the plain programs and
// the legend says so; a hover writes sigma states on the hovered neighbourhood alone (sigma's state
// calls are counted on its prototype); filtering below the line switches to the rich programs with the
// camera kept and the pointer still working, and back. Fixture: a seeded synthetic graph of 1,500 nodes
// and 12,000 claims, written as our own GEXF; its links (about 60%) are what the filter takes away.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeGexf } from "../../src/formats/gexf-write.ts";
import { syntheticGraph } from "../../src/graph/synthetic.ts";
import { RELATION_STYLES, RELATIONS } from "../../src/model/vocabulary.ts";
import { PLAIN_DRAWING_FROM } from "../../src/ui/state/derived.ts";
import {
  artifact,
  type CanvasPixels,
  canvasPixels,
  launchChromium,
  nextFrames,
  type OpenedPage,
  openExplorer,
  type ServedApp,
  serveBuild,
} from "./harness.ts";
import { exportAs } from "./io.ts";

const GRAPH = syntheticGraph({ nodes: 1500, claims: 12_000, holders: 8, seed: 5 });
// The import refuses a node that no claim touches; the synthetic graph may leave one or two.
for (const node of GRAPH.nodes()) if (GRAPH.degree(node) === 0) GRAPH.dropNode(node);
const STANCES = GRAPH.filterEdges((_claim, attributes) => attributes.relation !== "links-to").length;
const OPPOSES = GRAPH.findEdge((_claim, attributes) => attributes.relation === "opposes") as string;

let app: ServedApp;
let browser: Browser;
let opened: OpenedPage;

beforeAll(async () => {
  expect(GRAPH.size).toBeGreaterThanOrEqual(PLAIN_DRAWING_FROM);
  expect(STANCES).toBeLessThan(PLAIN_DRAWING_FROM);
  [app, browser] = await Promise.all([serveBuild(), launchChromium()]);
  mkdirSync(join(app.outDir, "links"), { recursive: true });
  const [file] = writeGexf(GRAPH);
  if (!file) throw new Error("the GEXF writer wrote nothing");
  writeFileSync(join(app.outDir, "links/scale.gexf"), file.text);
  opened = await openExplorer(browser, `${app.url}?file=links/scale.gexf`);
  await opened.page.waitForFunction(
    (edges) =>
      performance
        .getEntriesByName("graph-drawn")
        .some((mark) => (mark as PerformanceMark).detail?.edges === edges),
    GRAPH.size,
    { timeout: 180_000, polling: 500 },
  );
  await nextFrames(opened.page);
}, 360_000);

afterAll(async () => {
  await opened?.context.close();
  await browser?.close();
  await app?.close();
});

/** How the renderer draws a claim now: its end mark, and whether its program has a dash pass. */
const drawing = (page: Page, claim: string) =>
  page.evaluate((claim) => {
    // biome-ignore lint/suspicious/noExplicitAny: the stage exposes its renderer for tests; its programs are internal.
    const renderer = (document.getElementById("graph-canvas") as any).linkageRenderer;
    const source: string = renderer.edgeProgram.FRAGMENT_SHADER_SOURCE;
    return {
      head: renderer.getEdgeDisplayData(claim)?.head as string,
      dashes: source.includes("layer_dashed"),
      curves: renderer.getEdgeDisplayData(claim)?.parallelPath === "curved",
    };
  }, claim);

const legendNote = (page: Page) => page.locator("#legend-plain");

/** The camera as sigma holds it. */
const camera = (page: Page) =>
  page.evaluate(() => {
    // biome-ignore lint/suspicious/noExplicitAny: the stage exposes its renderer for tests.
    const renderer = (document.getElementById("graph-canvas") as any).linkageRenderer;
    const { x, y, ratio } = renderer.getCamera().getState();
    return { x, y, ratio };
  });

/** The node with the most claims among those drawn well inside the canvas, and where it is on the page. */
async function hoverTarget(page: Page) {
  const target = await page.evaluate(() => {
    // biome-ignore lint/suspicious/noExplicitAny: the stage exposes its renderer for tests.
    const renderer = (document.getElementById("graph-canvas") as any).linkageRenderer;
    const stage = document.getElementById("graph-canvas") as HTMLElement;
    const rect = stage.getBoundingClientRect();
    const graph = renderer.getGraph();
    let best: { node: string; x: number; y: number; degree: number } | null = null;
    for (const node of graph.nodes() as string[]) {
      const data = renderer.getNodeDisplayData(node);
      if (!data || renderer.getNodeState(node).isHidden) continue;
      const at = renderer.framedGraphToViewport(data);
      if (at.x < 80 || at.y < 80 || at.x > rect.width - 80 || at.y > rect.height - 80) continue;
      const degree = graph.degree(node);
      if (!best || degree > best.degree) best = { node, x: rect.x + at.x, y: rect.y + at.y, degree };
    }
    return best;
  });
  if (!target) throw new Error("no node is drawn inside the canvas");
  return target;
}

/**
 * Counts the items sigma is asked to change the flags of (labels aside: the labels controller places
 * a bounded number of them), from now on, on every sigma of the page.
 */
const countStateWrites = (page: Page) =>
  page.evaluate(() => {
    // biome-ignore lint/suspicious/noExplicitAny: sigma's class, reached from its instance, is patched to count.
    const proto = Object.getPrototypeOf((document.getElementById("graph-canvas") as any).linkageRenderer);
    const counted = { items: 0 };
    (window as unknown as { __stateWrites: typeof counted }).__stateWrites = counted;
    const flagsOnly = (state: object) => Object.keys(state).some((key) => !key.startsWith("label"));
    for (const name of ["setNodesState", "setEdgesState"]) {
      const original = proto[name];
      proto[name] = function (this: unknown, keys: string[], state: object) {
        if (flagsOnly(state)) counted.items += [...keys].length;
        return original.call(this, keys, state);
      };
    }
    for (const name of ["setNodeState", "setEdgeState"]) {
      const original = proto[name];
      proto[name] = function (this: unknown, key: string, state: object) {
        if (flagsOnly(state)) counted.items += 1;
        return original.call(this, key, state);
      };
    }
  });
const stateWrites = (page: Page) =>
  page.evaluate(() => (window as unknown as { __stateWrites: { items: number } }).__stateWrites.items);

/**
 * Moves the pointer onto a node and waits until sigma says a node is hovered: the one drawn on top
 * there, which may be a smaller node over the target. Returns it and its neighbourhood's size (itself,
 * its neighbours and its claims).
 */
async function hover(page: Page, target: { x: number; y: number }) {
  await page.mouse.move(target.x - 40, target.y - 40);
  await nextFrames(page);
  await page.mouse.move(target.x, target.y);
  const handle = await page.waitForFunction(
    () => {
      // biome-ignore lint/suspicious/noExplicitAny: the stage exposes its renderer for tests.
      const renderer = (document.getElementById("graph-canvas") as any).linkageRenderer;
      return renderer.getGraph().findNode((node: string) => renderer.getNodeState(node).isHovered) ?? false;
    },
    null,
    { timeout: 30_000 },
  );
  const node = (await handle.jsonValue()) as string;
  await nextFrames(page);
  return { node, neighbourhood: 1 + GRAPH.neighbors(node).length + GRAPH.degree(node) };
}

describe("a graph above the plain-drawing line", { timeout: 240_000 }, () => {
  it("is drawn with the plain programs, and the legend says so", async () => {
    const { page } = opened;
    expect(await drawing(page, OPPOSES)).toEqual({ head: "none", dashes: false, curves: false });
    await expect.poll(() => legendNote(page).isVisible()).toBe(true);
    expect(await legendNote(page).textContent()).toBe(
      `Drawn plain: ${GRAPH.size.toLocaleString("en-US")} claims; filter to fewer than ${PLAIN_DRAWING_FROM.toLocaleString("en-US")} for end marks, dashes, curves and claim labels.`,
    );
    await page.screenshot({ path: artifact("scale-plain.png") });
    await page.locator("section.legend").screenshot({ path: artifact("scale-legend.png") });
    expect(opened.errors).toEqual([]);
  });

  it("writes a hover's states on the hovered neighbourhood alone", async () => {
    const { page } = opened;
    const target = await hoverTarget(page);
    await page.mouse.move(5, 5);
    await nextFrames(page);
    await countStateWrites(page);
    const hovered = await hover(page, target);
    const written = await stateWrites(page);
    expect(written).toBeGreaterThan(0);
    // sigma's own isHovered, then isFocus on the neighbourhood.
    expect(written).toBeLessThanOrEqual(hovered.neighbourhood + 1);
    // Dimming item by item would have written every node and claim.
    expect(written).toBeLessThan((GRAPH.order + GRAPH.size) / 20);
    await page.mouse.move(5, 5);
    await nextFrames(page);
    expect(await stateWrites(page)).toBeLessThanOrEqual(2 * (hovered.neighbourhood + 1));
  });

  it("lights a lens by its holder's bit in the shaders, writing no item's state", async () => {
    const { page } = opened;
    await page.mouse.move(5, 5);
    await nextFrames(page);
    const stances = (pixels: CanvasPixels) =>
      RELATIONS.reduce((sum, r) => sum + (pixels.byColour[r] ?? 0), 0);
    const everyone = stances(await canvasPixels(page));
    await countStateWrites(page);
    await page.locator('button[data-perspective="lens"]').click();
    await nextFrames(page);
    const lensed = stances(await canvasPixels(page, "scale-lens.png"));
    expect(await stateWrites(page)).toBe(0);
    // The holder's claims keep their colour (a shader that lit nothing would leave almost none); the
    // rest fade (one that lit everything would keep them all).
    expect(lensed).toBeGreaterThan(everyone * 0.1);
    expect(lensed).toBeLessThan(everyone * 0.8);
    // The SVG export fades what the shaders fade: the holder's claims keep their strength.
    const holder = await page.locator("#perspective-lens").inputValue();
    const held = GRAPH.filterEdges((_claim, { heldBy }) => heldBy.includes(holder)).length;
    const download = await exportAs(page, "svg");
    const svg = readFileSync((await download.path()) as string, "utf8");
    const opacities = [...svg.matchAll(/<path class="claim"[^>]*?(?: opacity="([\d.]+)")?\/>/g)].map(
      (match) => Number(match[1] ?? 1),
    );
    expect(opacities).toHaveLength(GRAPH.size);
    expect(opacities.filter((opacity) => opacity > 0.2)).toHaveLength(held);
    await page.locator('button[data-perspective="off"]').click();
    await nextFrames(page);
    expect(await stateWrites(page)).toBe(0);
    expect(stances(await canvasPixels(page))).toBeGreaterThan(everyone * 0.9);
    expect(opened.errors).toEqual([]);
  });

  it("filtered below the line, draws rich again, keeping the camera and the pointer; and back", async () => {
    const { page } = opened;
    const before = await camera(page);
    const links = page.locator("#legend-claims + .legend-list .legend-toggle", { hasText: "Links to" });
    await links.click();
    await expect.poll(() => legendNote(page).isHidden()).toBe(true);
    expect(await drawing(page, OPPOSES)).toEqual({
      head: RELATION_STYLES.opposes.head,
      dashes: true,
      curves: expect.any(Boolean),
    });
    const after = await camera(page);
    expect(after.x).toBeCloseTo(before.x, 6);
    expect(after.y).toBeCloseTo(before.y, 6);
    expect(after.ratio).toBeCloseTo(before.ratio, 6);
    // The pointer's listeners moved to the new renderer: a hover still reaches the store, which
    // dims the rest item by item in the rich drawing.
    const hovered = await hover(page, await hoverTarget(page));
    const farClaim = await page.evaluate((node) => {
      // biome-ignore lint/suspicious/noExplicitAny: the stage exposes its renderer for tests.
      const renderer = (document.getElementById("graph-canvas") as any).linkageRenderer;
      const graph = renderer.getGraph();
      const far = graph.findEdge(
        (claim: string, _a: unknown, source: string, target: string) =>
          source !== node && target !== node && !renderer.getEdgeState(claim).isHidden,
      );
      return renderer.getEdgeState(far);
    }, hovered.node);
    expect(farClaim.isDimmed).toBe(true);
    await page.screenshot({ path: artifact("scale-rich-filtered.png") });
    await page.mouse.move(5, 5);
    await links.click();
    await expect.poll(() => legendNote(page).isVisible()).toBe(true);
    expect((await drawing(page, OPPOSES)).dashes).toBe(false);
    expect(opened.errors).toEqual([]);
  });
});
