// Labels and the key, in a real headless Chromium at 1440×900, on the production build. Label boxes
// are read from sigma itself (its displayed labels and its own nodeLabelBox, which mirrors the label
// shader), not from the labels controller, so the check is independent of the code it checks: no
// label covers another label or a node drawn at full strength, every actor and treaty is labelled, the graph is framed
// inside the canvas (clear of the key and the buttons, which sit outside it) for the first view, each
// preset answer and the findings tour, and the key is on screen without scrolling.
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KIND_STYLES, NODE_KINDS, RELATION_STYLES, RELATIONS } from "../../src/model/vocabulary.ts";
import { availablePresets } from "../../src/ui/state/trace-presets.ts";
import { loadGraphData } from "../support/graph-data.ts";
import {
  artifact,
  launchChromium,
  nextFrames,
  openExplorer,
  ROOT,
  type ServedApp,
  serveBuild,
} from "./harness.ts";

const graph = loadGraphData();
const DESK = { width: 1440, height: 900 };
const mustLabel = graph.filterNodes((_node, attributes) => attributes.kind !== "issue");

let app: ServedApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([serveBuild(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

interface Drawn {
  canvas: { x: number; y: number; width: number; height: number };
  labels: { node: string; minX: number; minY: number; maxX: number; maxY: number }[];
  nodes: { node: string; x: number; y: number; radius: number; dimmed: boolean }[];
}

/** What sigma drew in its last frame: each shown label's box and each drawn node, in viewport pixels. */
async function drawn(page: Page): Promise<Drawn> {
  // Labels are placed a frame after the camera settles, and drawn the frame after.
  await nextFrames(page);
  await nextFrames(page);
  return page.evaluate(() => {
    // biome-ignore lint/suspicious/noExplicitAny: sigma's label renderer is internal; read it as sigma does.
    const renderer = (document.getElementById("graph-canvas") as any).linkageRenderer;
    const rect = (document.getElementById("graph-canvas") as HTMLElement).getBoundingClientRect();
    const labels: Drawn["labels"] = [];
    for (const node of renderer.getNodeDisplayedLabels() as Set<string>) {
      const data = renderer.getNodeDisplayData(node);
      const box = data && renderer.labelRenderer.nodeLabelBox(data, renderer.scaleSize(data.size));
      if (!box) continue;
      const at = renderer.framedGraphToViewport(data);
      labels.push({
        node,
        minX: at.x + box.minX,
        maxX: at.x + box.maxX,
        minY: at.y + box.minY,
        maxY: at.y + box.maxY,
      });
    }
    const nodes: Drawn["nodes"] = [];
    renderer.getGraph().forEachNode((node: string) => {
      const data = renderer.getNodeDisplayData(node);
      if (!data || data.visibility === "hidden") return;
      const at = renderer.framedGraphToViewport(data);
      const dimmed = renderer.getNodeState(node).isDimmed as boolean;
      nodes.push({ node, x: at.x, y: at.y, radius: renderer.scaleSize(data.size), dimmed });
    });
    return { canvas: { x: rect.x, y: rect.y, width: rect.width, height: rect.height }, labels, nodes };
  });
}

/**
 * Every pair of label boxes that overlap, and every label box that covers another node drawn at full
 * strength (a dimmed node, drawn faint behind a question's answer, may lie under a label's pale box).
 */
function collisions({ labels, nodes }: Drawn): string[] {
  const found: string[] = [];
  for (const [i, a] of labels.entries()) {
    for (const b of labels.slice(i + 1)) {
      const w = Math.min(a.maxX, b.maxX) - Math.max(a.minX, b.minX);
      const h = Math.min(a.maxY, b.maxY) - Math.max(a.minY, b.minY);
      if (w > 0.5 && h > 0.5) found.push(`label ${a.node} over label ${b.node}`);
    }
    for (const disc of nodes) {
      if (disc.node === a.node || disc.dimmed) continue;
      const dx = disc.x - Math.max(a.minX, Math.min(disc.x, a.maxX));
      const dy = disc.y - Math.max(a.minY, Math.min(disc.y, a.maxY));
      if (Math.hypot(dx, dy) < disc.radius - 0.5) found.push(`label ${a.node} over node ${disc.node}`);
    }
  }
  return found;
}

/** The nodes (of `only`, when given) whose disc reaches outside the canvas. */
function outsideCanvas({ canvas, nodes }: Drawn, only?: ReadonlySet<string>): string[] {
  return nodes
    .filter((n) => !only || only.has(n.node))
    .filter(
      (n) =>
        n.x - n.radius < 0 ||
        n.y - n.radius < 0 ||
        n.x + n.radius > canvas.width ||
        n.y + n.radius > canvas.height,
    )
    .map((n) => n.node);
}

describe("labels and key", { timeout: 120_000 }, () => {
  it("labels every actor and treaty in the first view, with no label over a label or a node", async () => {
    const { page, errors } = await openExplorer(browser, app.url, { viewport: DESK });
    const first = await drawn(page);
    await page.screenshot({ path: artifact("labels-first-view-1440x900.png") });
    const labelled = new Set(first.labels.map((l) => l.node));
    expect(mustLabel.filter((node) => !labelled.has(node))).toEqual([]);
    // More than the must-labels: the hubs among the issues are named too.
    expect(labelled.size).toBeGreaterThan(mustLabel.length + 8);
    expect(collisions(first)).toEqual([]);
    expect(outsideCanvas(first)).toEqual([]);
    mkdirSync(join(ROOT, "docs"), { recursive: true });
    copyFileSync(artifact("labels-first-view-1440x900.png"), join(ROOT, "docs/first-view-1440x900.png"));

    // Zoomed in, the labels are placed again for the new camera: still none over another.
    await page.locator("#graph-canvas").focus();
    await page.keyboard.press("+");
    await page.waitForFunction(() => new URL(location.href).searchParams.has("camera"));
    await page.waitForTimeout(400);
    const zoomed = await drawn(page);
    expect(collisions(zoomed)).toEqual([]);
    expect(zoomed.labels.length).toBeGreaterThanOrEqual(first.labels.length);
    expect(errors).toEqual([]);
  });

  it("shows the key of the three kinds and three relations without scrolling", async () => {
    const { page } = await openExplorer(browser, app.url, { viewport: DESK });
    const key = page.locator("#graph-key");
    const box = await key.boundingBox();
    if (!box) throw new Error("the key is not drawn");
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(DESK.height);
    expect(box.x + box.width).toBeLessThanOrEqual(DESK.width);
    await expect(page.evaluate(() => document.scrollingElement?.scrollTop ?? 0)).resolves.toBe(0);
    const items = await key.locator("li").allTextContents();
    expect(items).toEqual([
      ...NODE_KINDS.map((kind) => KIND_STYLES[kind].label),
      ...RELATIONS.map((relation) => RELATION_STYLES[relation].label),
    ]);
    // Each entry has its swatch: the shape or line it explains.
    await expect(key.locator("li svg").count()).resolves.toBe(NODE_KINDS.length + RELATIONS.length);
  });

  it("labels the target, the holder and the answer of each preset question without overlap", async () => {
    for (const preset of availablePresets(graph)) {
      // A fresh page each time: the preset is asked the way a newcomer asks it, from the start screen.
      const { page, context, errors } = await openExplorer(browser, app.url, { viewport: DESK });
      // The question is a button or a link on the start screen, wherever the panels put it.
      await page.locator("a:visible, button:visible").filter({ hasText: preset.question }).first().click();
      await page.waitForFunction(() => new URL(location.href).searchParams.has("trace"));
      await page.waitForTimeout(300);
      const answer = await drawn(page);
      await page.screenshot({ path: artifact(`labels-preset-${preset.id}.png`) });
      const labelled = new Set(answer.labels.map((l) => l.node));
      // The target is in every answer's frame; the holder is labelled wherever it is on screen (the
      // camera frames the answer's chains, which need not reach the holder).
      const onScreen = new Set(
        answer.nodes.filter((n) => outsideCanvas({ ...answer, nodes: [n] }).length === 0).map((n) => n.node),
      );
      const asked = [preset.query.target, preset.query.holder].filter(
        (id): id is string => id !== null && (id === preset.query.target || onScreen.has(id)),
      );
      expect(
        asked.filter((node) => !labelled.has(node)),
        preset.id,
      ).toEqual([]);
      expect(collisions(answer), preset.id).toEqual([]);
      // The answer is framed inside the canvas: every node it keeps bright.
      const bright = new Set(answer.nodes.filter((n) => !n.dimmed).map((n) => n.node));
      expect(outsideCanvas(answer, bright), preset.id).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it("frames every step of the findings tour inside the canvas, clear of the buttons", async () => {
    const { page } = await openExplorer(browser, app.url, { viewport: DESK });
    await page.getByRole("button", { name: /^Walk through the/ }).click();
    const counter = page.locator("#tour-counter");
    await counter.waitFor();
    const total = Number((await counter.textContent())?.match(/of (\d+)/)?.[1]);
    expect(total).toBeGreaterThan(3);
    const controls = await page.locator(".graph-controls").boundingBox();
    for (let step = 1; step <= total; step++) {
      await expect(counter.textContent()).resolves.toBe(`Finding ${step} of ${total}`);
      await page.waitForTimeout(150);
      const framed = await drawn(page);
      await page.screenshot({ path: artifact(`labels-tour-step-${step}.png`) });
      const bright = new Set(framed.nodes.filter((n) => !n.dimmed).map((n) => n.node));
      expect(outsideCanvas(framed, bright), `step ${step}`).toEqual([]);
      expect(collisions(framed), `step ${step}`).toEqual([]);
      // The buttons are below the canvas, never over it.
      if (controls) expect(controls.y).toBeGreaterThanOrEqual(framed.canvas.y + framed.canvas.height - 0.5);
      if (step < total) await page.getByRole("button", { name: "Next →" }).click();
    }
  });
});
