// The explorer on a phone (390×844) and a tablet (768×1024), in a real headless Chromium with touch,
// on the production build: the network takes the screen, the panels are a bottom sheet chosen by
// tabs, zoom to fit frames the graph, every control is a finger's width, and the flagship question's
// answer is readable on the network and in the sheet. Screenshots go to docs/ and tests/artifacts/.
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availablePresets } from "../../src/ui/state/trace-presets.ts";
import { loadGraphData } from "../support/graph-data.ts";
import { artifact, launchChromium, nextFrames, ROOT, type ServedApp, serveBuild } from "./harness.ts";

const graph = loadGraphData();
const [flagship] = availablePresets(graph);
if (!flagship) throw new Error("graph-data has no preset question");
const SIZES = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
] as const;
const MIN_TARGET = 44;

let app: ServedApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([serveBuild(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function openOn(viewport: { width: number; height: number }, query = "") {
  const context = await browser.newContext({
    viewport,
    reducedMotion: "reduce",
    deviceScaleFactor: 1,
    hasTouch: true,
    isMobile: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(`${app.url}${query}`);
  await page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 60_000 });
  await nextFrames(page);
  return { page, context, errors };
}

const camera = (page: Page) => page.evaluate(() => new URL(location.href).searchParams.get("camera"));

/** Nodes whose disc leaves the canvas, read from sigma. */
function nodesOutside(page: Page, only?: "bright"): Promise<string[]> {
  return page.evaluate((filter) => {
    // biome-ignore lint/suspicious/noExplicitAny: the renderer the stage element carries for tests.
    const renderer = (document.getElementById("graph-canvas") as any).linkageRenderer;
    const { width, height } = renderer.getDimensions();
    const outside: string[] = [];
    renderer.getGraph().forEachNode((node: string) => {
      const data = renderer.getNodeDisplayData(node);
      if (!data || data.visibility === "hidden") return;
      if (filter === "bright" && renderer.getNodeState(node).isDimmed) return;
      const { x, y } = renderer.framedGraphToViewport(data);
      const r = renderer.scaleSize(data.size);
      if (x - r < 0 || y - r < 0 || x + r > width || y + r > height) outside.push(node);
    });
    return outside;
  }, only);
}

/** Every visible control smaller than a fingertip, by its text or label. */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const controls = document.querySelectorAll<HTMLElement>(
      "button, a[href], select, input:not([type=checkbox]):not([type=radio]), summary, label:has(input[type=checkbox]), label:has(input[type=radio])",
    );
    const small: string[] = [];
    for (const control of controls) {
      if (!control.checkVisibility() || control.closest("[inert], dialog:not([open])")) continue;
      const box = control.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.height < min - 0.5 || box.width < min - 0.5) {
        const name = control.getAttribute("aria-label") ?? control.textContent?.trim().slice(0, 40) ?? "";
        small.push(
          `${control.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`,
        );
      }
    }
    return small;
  }, MIN_TARGET);
}

describe.each(SIZES)("at $width×$height", { timeout: 120_000 }, (viewport) => {
  it("gives the network most of the screen and fits it on zoom to fit", async () => {
    const { page, context, errors } = await openOn(viewport);
    const box = await page.locator("#graph-canvas").boundingBox();
    if (!box) throw new Error("no canvas");
    expect((box.width * box.height) / (viewport.width * viewport.height)).toBeGreaterThanOrEqual(0.6);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width + 0.5);
    // Nothing scrolls sideways.
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(
      viewport.width,
    );
    expect(await nodesOutside(page)).toEqual([]);
    await page.screenshot({ path: artifact(`phone-first-view-${viewport.width}x${viewport.height}.png`) });
    if (viewport.width === 390) {
      mkdirSync(join(ROOT, "docs"), { recursive: true });
      copyFileSync(artifact("phone-first-view-390x844.png"), join(ROOT, "docs/first-view-390x844.png"));
    }

    // Zoom in twice with taps, then zoom to fit: the camera moves back and the graph is whole again.
    await page.waitForFunction(() => new URL(location.href).searchParams.has("camera"));
    const fitted = await camera(page);
    await page.getByRole("button", { name: "Zoom in" }).tap();
    await page.getByRole("button", { name: "Zoom in" }).tap();
    await page.waitForFunction(
      (before) => new URL(location.href).searchParams.get("camera") !== before,
      fitted,
    );
    const zoomed = await camera(page);
    expect(await nodesOutside(page)).not.toEqual([]);
    await page.getByRole("button", { name: "Zoom to fit" }).tap();
    await page.waitForFunction(
      (before) => new URL(location.href).searchParams.get("camera") !== before,
      zoomed,
    );
    expect(await camera(page)).not.toBe(zoomed);
    expect(await nodesOutside(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("puts the panels in a bottom sheet behind tabs, with every control a finger's width", async () => {
    const { page, context } = await openOn(viewport);
    expect(await smallTargets(page)).toEqual([]);
    const canvasBefore = await page.locator("#graph-canvas").boundingBox();
    for (const [tab, shows] of [
      ["Questions", "#sidebar .panel-section"],
      ["Details", "#details"],
      ["Filters", "#legend-title"],
    ] as const) {
      await page.getByRole("button", { name: tab, exact: true }).tap();
      await expect(
        page.getByRole("button", { name: tab, exact: true }).getAttribute("aria-expanded"),
      ).resolves.toBe("true");
      await page.locator(shows).first().waitFor({ state: "visible" });
      expect(await smallTargets(page), tab).toEqual([]);
      // The sheet takes part of the screen; the network keeps the rest.
      const canvas = await page.locator("#graph-canvas").boundingBox();
      expect(canvas?.height ?? 0).toBeGreaterThan(viewport.height * 0.3);
      await page.screenshot({ path: artifact(`phone-sheet-${tab.toLowerCase()}-${viewport.width}.png`) });
    }
    // The open tab closes its sheet: the network has the screen again.
    await page.getByRole("button", { name: "Filters", exact: true }).tap();
    await expect(page.locator("#sidebar").isVisible()).resolves.toBe(false);
    const canvasAfter = await page.locator("#graph-canvas").boundingBox();
    expect(canvasAfter?.height).toBeCloseTo(canvasBefore?.height ?? 0, 0);
    await context.close();
  });
});

describe("the flagship answer on a phone", { timeout: 120_000 }, () => {
  it("is framed on the network and written out in the sheet", async () => {
    const { page, context, errors } = await openOn({ width: 390, height: 844 });
    // The questions are in the Questions sheet, or on the start screen in Details: wherever they show.
    const question = page.locator("a:visible, button:visible").filter({ hasText: flagship.question }).first();
    await page.getByRole("button", { name: "Questions", exact: true }).tap();
    if ((await question.count()) === 0)
      await page.getByRole("button", { name: "Details", exact: true }).tap();
    await question.tap();
    await page.waitForFunction(() => new URL(location.href).searchParams.has("trace"));
    // The sheet turns to Details, where the answer is written out.
    await expect(
      page.getByRole("button", { name: "Details", exact: true }).getAttribute("aria-expanded"),
    ).resolves.toBe("true");
    await page.waitForTimeout(400);
    await nextFrames(page);
    const details = page.locator("#details");
    await expect(details.isVisible()).resolves.toBe(true);
    await expect(details.textContent()).resolves.toContain("US–China nonproliferation cooperation");
    // The answer's bright nodes are all on the network, which still has room to be read.
    expect(await nodesOutside(page, "bright")).toEqual([]);
    const canvas = await page.locator("#graph-canvas").boundingBox();
    expect(canvas?.height ?? 0).toBeGreaterThan(280);
    const target = await page.evaluate((node) => {
      // biome-ignore lint/suspicious/noExplicitAny: the renderer the stage element carries for tests.
      const renderer = (document.getElementById("graph-canvas") as any).linkageRenderer;
      return renderer.getNodeDisplayedLabels().has(node) as boolean;
    }, flagship.query.target);
    expect(target).toBe(true);
    await page.screenshot({ path: artifact("flagship-phone-390x844.png") });
    mkdirSync(join(ROOT, "docs"), { recursive: true });
    copyFileSync(artifact("flagship-phone-390x844.png"), join(ROOT, "docs/flagship-phone-390x844.png"));
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("an imported graph on a phone", { timeout: 120_000 }, () => {
  it("keeps its banner's way back on screen and a finger's width", async () => {
    const { page, context, errors } = await openOn({ width: 390, height: 844 });
    await page.locator("#import-button").tap();
    await page
      .locator("#import-file")
      .setInputFiles(join(ROOT, "tests/fixtures/external/networkx/les-miserables.graphml"));
    await page.locator("#imported-banner").waitFor({ state: "visible", timeout: 60_000 });
    const back = await page.locator("#back-to-curated").boundingBox();
    expect(back).not.toBeNull();
    expect((back?.x ?? -1) >= 0 && (back?.x ?? 0) + (back?.width ?? 0) <= 390).toBe(true);
    expect(back?.height ?? 0).toBeGreaterThanOrEqual(MIN_TARGET);
    await page.screenshot({ path: artifact("phone-imported-390.png") });
    await page.locator("#back-to-curated").tap();
    await page.locator("#imported-banner").waitFor({ state: "hidden" });
    expect(errors).toEqual([]);
    await context.close();
  });
});
