// Accessibility of the explorer's main views, checked by axe-core (a dev dependency, read from
// node_modules and evaluated in the page: nothing is downloaded, and the page's CSP stays as it is).
// Every rule axe runs by default, plus label-content-name-mismatch (experimental in axe, so off by
// default): a control's accessible name must contain its visible text, for speech input. The views:
// the first view, the matrix, the list, a trace answer and Compare, each at 1440×900.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availablePresets } from "../../src/ui/state/trace-presets.ts";
import { loadGraphData } from "../support/graph-data.ts";
import { launchChromium, nextFrames, openExplorer, type ServedApp, serveBuild } from "./harness.ts";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const graph = loadGraphData();
const [flagship] = availablePresets(graph);
if (!flagship) throw new Error("graph-data has no preset question");

let app: ServedApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([serveBuild(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** axe's violations on the page as it is: each rule with the first few elements it names. */
async function violations(page: Page): Promise<string[]> {
  await nextFrames(page);
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is the script evaluated above.
    const axe = (window as any).axe;
    const result = await axe.run(document, { rules: { "label-content-name-mismatch": { enabled: true } } });
    return (result.violations as { id: string; help: string; nodes: { target: string[] }[] }[]).map(
      (v) =>
        `${v.id} (${v.nodes.length}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(", ")}`,
    );
  });
  return found;
}

const DESK = { width: 1440, height: 900 };

describe("axe-core", { timeout: 120_000 }, () => {
  it("finds nothing on the first view", async () => {
    const { page } = await openExplorer(browser, app.url, { viewport: DESK });
    expect(await violations(page)).toEqual([]);
  });

  it("finds nothing on the matrix", async () => {
    const { page } = await openExplorer(browser, app.url, { viewport: DESK });
    await page.getByRole("button", { name: "Matrix", exact: true }).click();
    await page.locator("#matrix-view, .matrix-view").first().waitFor({ state: "visible" });
    expect(await violations(page)).toEqual([]);
  });

  it("finds nothing on the list", async () => {
    const { page } = await openExplorer(browser, app.url, { viewport: DESK });
    await page.getByRole("button", { name: "List", exact: true }).click();
    await page.locator("#list-view").getByRole("table").first().waitFor();
    expect(await violations(page)).toEqual([]);
  });

  it("finds nothing on a trace answer", async () => {
    const { page } = await openExplorer(browser, app.url, { viewport: DESK });
    await page.locator("a:visible, button:visible").filter({ hasText: flagship.question }).first().click();
    await page.waitForFunction(() => new URL(location.href).searchParams.has("trace"));
    await page.waitForTimeout(300);
    expect(await violations(page)).toEqual([]);
  });

  it("finds nothing on Compare", async () => {
    const { page } = await openExplorer(browser, app.url, { viewport: DESK });
    await page
      .locator("button:visible")
      .filter({ hasText: /^Compare/ })
      .first()
      .click();
    await page.waitForFunction(() => new URL(location.href).searchParams.has("compare"));
    await page.waitForTimeout(300);
    expect(await violations(page)).toEqual([]);
  });

  it("can fail: a control whose name hides its visible text is reported", async () => {
    const { page } = await openExplorer(browser, app.url, { viewport: DESK });
    await page.evaluate(() => {
      const button = document.createElement("button");
      button.textContent = "Actors 7";
      button.setAttribute("aria-label", "Nodes of one kind");
      document.querySelector("main")?.append(button);
    });
    expect((await violations(page)).join("\n")).toMatch(/label-content-name-mismatch/);
  });
});
