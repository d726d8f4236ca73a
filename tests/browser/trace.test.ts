// The Trace panel in a real headless Chromium, on the production build: the flagship question is one
// click from the start screen, the canvas keeps the chains bright and dims the rest, hovering a result
// narrows the graph to its own chains, the trace lives in the URL and in history, and the evidence
// brief downloads with the question, the chains and the findings. Screenshots go to tests/artifacts/.
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findingIndex } from "../../src/graph/build.ts";
import { traceLinkages } from "../../src/graph/trace.ts";
import { TRACE_PRESETS } from "../../src/ui/state/trace-presets.ts";
import { loadGraphData } from "../support/graph-data.ts";
import {
  artifact,
  canvasPixels,
  launchChromium,
  openExplorer,
  type ServedApp,
  serveBuild,
} from "./harness.ts";

const graph = loadGraphData();
const [flagship, fmct] = TRACE_PRESETS;
if (!flagship || !fmct) throw new Error("the presets table lost its first questions");
// The expected answer comes from the engine on graph-data, the same answer the CLI prints.
const flagshipTrace = traceLinkages(graph, flagship.query);

let app: ServedApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([serveBuild(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const open = (query = "") => openExplorer(browser, `${app.url}${query}`);
const panel = (page: Page) => page.locator("#trace-panel");
const result = (page: Page, node: string) => panel(page).locator(`.trace-result[data-node="${node}"]`);
const question = (page: Page) => panel(page).locator(".trace-question");

/** Pixels again until `done` holds (hover and state changes reach the canvas a frame or two later). */
async function pixelsUntil(page: Page, done: (p: Awaited<ReturnType<typeof canvasPixels>>) => boolean) {
  let pixels = await canvasPixels(page);
  for (let i = 0; i < 20 && !done(pixels); i++) pixels = await canvasPixels(page);
  return pixels;
}

async function askFlagship(page: Page) {
  await panel(page)
    .getByRole("button", { name: new RegExp(`^${flagship?.question}`) })
    .click();
  await result(page, "issue:nonproliferation-cooperation").waitFor();
}

describe("the Trace panel", { timeout: 90_000 }, () => {
  it("answers the flagship question in one click from the start screen, and dims what is off the chains", async () => {
    const { page, errors } = await open();
    // The questions are on screen before anything is clicked.
    const preset = panel(page).getByRole("button", { name: new RegExp(`^${flagship.question}`) });
    await expect(preset.isVisible()).resolves.toBe(true);
    await page.screenshot({ path: artifact("trace-start-screen.png") });
    const before = await canvasPixels(page);

    await preset.click();
    const cooperation = result(page, "issue:nonproliferation-cooperation");
    await cooperation.waitFor();
    await expect(preset.getAttribute("aria-pressed")).resolves.toBe("true");
    await expect(question(page).textContent()).resolves.toBe(flagship.question);
    // At distance 1, with the F3 claim and its qualifier, and the finding's summary and source.
    await expect(cooperation.getAttribute("data-distance")).resolves.toBe("1");
    const text = (await cooperation.textContent()) ?? "";
    expect(text).toMatch(/Nonproliferation cooperation/i);
    expect(text).toContain("contingent on");
    expect(text).toContain("F3");
    const f3 = findingIndex(graph).get("cns-us-china-2000#F3");
    expect(text).toContain(f3?.summary);
    expect(text).toContain(f3?.sourceTitle);
    // Every node the engine reaches is listed, in its order.
    await expect(
      panel(page)
        .locator(".trace-result")
        .evaluateAll((items) => items.map((i) => i.getAttribute("data-node"))),
    ).resolves.toEqual(flagshipTrace.results.map((r) => r.node));
    const url = new URL(page.url());
    expect(url.searchParams.get("trace")).toBe("issue:taiwan-arms-sales");
    expect(url.searchParams.get("traceHolder")).toBe("actor:china");
    expect(url.searchParams.get("traceDepth")).toBe("2");

    // The canvas: nodes off the chains are dimmed. Node sizes are in screen pixels, so the count of
    // full-colour issue pixels does not depend on the camera's zoom; a blank canvas fails both floors.
    await page.mouse.move(0, 0);
    const dimmed = (p: Awaited<ReturnType<typeof canvasPixels>>) =>
      (p.byColour.issue ?? 0) < (before.byColour.issue ?? 0) * 0.7;
    const traced = await pixelsUntil(page, dimmed);
    await canvasPixels(page, "trace-flagship-canvas.png");
    expect(traced.byColour.issue).toBeLessThan((before.byColour.issue ?? 0) * 0.7);
    expect(traced.byColour.issue).toBeGreaterThan(200);
    expect(traced.byColour["links-to"]).toBeGreaterThan(200);
    expect(traced.painted).toBeLessThan(before.painted);
    await page.screenshot({ path: artifact("trace-flagship-page.png") });
    await cooperation.scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifact("trace-flagship-results.png") });
    expect(errors).toEqual([]);
  });

  it("hovering or keyboard-focusing a result keeps only its own chains bright", async () => {
    const { page, errors } = await open();
    await askFlagship(page);
    await page.mouse.move(0, 0);
    const whole = await pixelsUntil(page, () => true);
    // TMD for Taiwan is reached by one claim; the whole trace has many more.
    const tmd = result(page, "issue:tmd-for-taiwan");
    await tmd.hover();
    await expect(tmd.getAttribute("class")).resolves.toContain("is-focused");
    const hovered = await pixelsUntil(
      page,
      (p) => (p.byColour["links-to"] ?? 0) < (whole.byColour["links-to"] ?? 0) * 0.7,
    );
    await canvasPixels(page, "trace-hover-result.png");
    expect(hovered.byColour["links-to"]).toBeLessThan((whole.byColour["links-to"] ?? 0) * 0.7);
    expect(hovered.byColour["links-to"]).toBeGreaterThan(10);
    expect(hovered.painted).toBeGreaterThan(2_000);

    // Leaving brings back the whole trace; keyboard focus narrows it again.
    await page.mouse.move(0, 0);
    const back = await pixelsUntil(
      page,
      (p) => (p.byColour["links-to"] ?? 0) > (hovered.byColour["links-to"] ?? 0) * 1.3,
    );
    expect(back.byColour["links-to"]).toBeGreaterThan((hovered.byColour["links-to"] ?? 0) * 1.3);
    await tmd.locator(".trace-result-name").focus();
    await expect(tmd.getAttribute("class")).resolves.toContain("is-focused");
    const focused = await pixelsUntil(
      page,
      (p) => (p.byColour["links-to"] ?? 0) < (back.byColour["links-to"] ?? 0) * 0.7,
    );
    expect(focused.byColour["links-to"]).toBeLessThan((back.byColour["links-to"] ?? 0) * 0.7);

    // Clicking a result selects its node.
    await tmd.locator(".trace-result-name").click();
    await page
      .locator("#details")
      .getByRole("heading", { level: 2, name: "Transferring TMD to Taiwan" })
      .waitFor();
    expect(new URL(page.url()).searchParams.get("node")).toBe("issue:tmd-for-taiwan");
    expect(new URL(page.url()).searchParams.get("trace")).toBe("issue:taiwan-arms-sales");
    expect(errors).toEqual([]);
  });

  it("reopens a trace from the issue's link form and from its own, and says what it ignored", async () => {
    const { page, errors } = await open("?trace=issue:taiwan-arms-sales&holder=actor:china&depth=2");
    await result(page, "issue:nonproliferation-cooperation").waitFor();
    await expect(question(page).textContent()).resolves.toBe(flagship.question);
    // holder= went to the trace, not to the holder filter; the address now has the long form.
    await expect(page.getByLabel("Held by", { exact: true }).inputValue()).resolves.toBe("any");
    const url = new URL(page.url());
    expect(url.searchParams.get("traceHolder")).toBe("actor:china");
    expect(url.searchParams.get("holder")).toBeNull();

    const bad = await open("?trace=issue:taiwan-arms-salez&traceDepth=9");
    const notices = bad.page.locator("#notices");
    await notices.getByText("Ignored traceDepth=").waitFor();
    const text = await notices.textContent();
    expect(text).toContain("no trace is shown");
    expect(text).toContain("Did you mean issue:taiwan-arms-sales?");
    await expect(panel(bad.page).locator(".trace-answer").isHidden()).resolves.toBe(true);
    expect(new URL(bad.page.url()).searchParams.get("trace")).toBeNull();
    const pixels = await canvasPixels(bad.page);
    expect(pixels.painted).toBeGreaterThan(15_000);
    await bad.page.screenshot({ path: artifact("trace-bad-link-notice.png") });
    expect([...errors, ...bad.errors]).toEqual([]);
  });

  it("goes back and forward between traces", async () => {
    const { page } = await open();
    await askFlagship(page);
    await panel(page)
      .getByRole("button", { name: new RegExp(`^${fmct.question}`) })
      .click();
    await result(page, "treaty:paros").waitFor();
    await page.goBack();
    await result(page, "issue:nonproliferation-cooperation").waitFor();
    await expect(question(page).textContent()).resolves.toBe(flagship.question);
    await page.goBack();
    await panel(page).locator(".trace-answer").waitFor({ state: "hidden" });
    expect(new URL(page.url()).searchParams.get("trace")).toBeNull();
    await page.goForward();
    await expect(question(page).textContent()).resolves.toBe(flagship.question);
    await page.goForward();
    await result(page, "treaty:paros").waitFor();
    expect(new URL(page.url()).searchParams.get("trace")).toBe("treaty:fmct");
  });

  it("asks a question of one's own through the form, and keeps hidden claims hidden", async () => {
    const { page, errors } = await open();
    await panel(page).getByText("Ask your own question").click();
    await page.getByLabel("Claims held by").selectOption("actor:us");
    // The form's draft keeps its last relation on, before a target as after: a trace of none reaches nothing.
    const links = panel(page).getByRole("checkbox", { name: "Links to" });
    await links.click();
    await expect(links.isChecked()).resolves.toBe(true);
    const target = page.getByRole("combobox", { name: "Trace from" });
    await target.fill("abm");
    await page
      .getByRole("option", { name: /ABM Treaty/ })
      .first()
      .waitFor();
    await target.press("Enter");
    await result(page, "issue:nmd")
      .waitFor()
      .catch(() => undefined);
    const expected = traceLinkages(graph, { target: "treaty:abm", holder: "actor:us", depth: 2 });
    await expect(panel(page).locator(".trace-result").count()).resolves.toBe(expected.results.length);
    expect(new URL(page.url()).searchParams.get("traceHolder")).toBe("actor:us");
    await page.getByLabel("Up to").selectOption("1");
    await expect(panel(page).locator(".trace-result").count()).resolves.toBe(
      traceLinkages(graph, { target: "treaty:abm", holder: "actor:us", depth: 1 }).results.length,
    );
    // Links off: the trace's claims are hidden on the network, and the panel says so.
    await page.getByRole("button", { name: /^Links to/ }).click();
    await panel(page).locator(".trace-hidden-note").waitFor();
    await page.screenshot({ path: artifact("trace-own-question-filtered.png") });
    expect(errors).toEqual([]);
  });

  it("downloads the evidence brief with the question, every chain and every finding with its source", async () => {
    const { page, errors } = await open();
    await askFlagship(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      panel(page).getByRole("button", { name: "Download brief (.md)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("trace-taiwan-arms-sales-by-china-depth-2.md");
    const saved = artifact("trace-brief.md");
    await download.saveAs(saved);
    const brief = readFileSync(saved, "utf8");
    expect(brief.startsWith(`# ${flagship.question}\n`)).toBe(true);
    // The answer first, then the direct ties, the chains, the findings and the source, in that order.
    const order = ["## Direct ties (2)", "## Chains (", "## Findings cited (", "## Source"].map((h) =>
      brief.indexOf(h),
    );
    expect(order.every((at, i) => at > 0 && (i === 0 || at > (order[i - 1] as number)))).toBe(true);
    expect(brief).toContain("US–China nonproliferation cooperation is contingent on US arms sales to Taiwan");
    const cited = new Set(
      flagshipTrace.results.flatMap((r) => r.paths.flatMap((p) => p.claims.flatMap((c) => c.findings))),
    );
    const index = findingIndex(graph);
    for (const ref of cited) {
      const finding = index.get(ref);
      // Each finding once, and the source named once.
      expect(brief.split(`**${finding?.id}.**`).length - 1).toBe(1);
    }
    expect(brief.split(index.get([...cited][0] as string)?.sourceTitle as string).length - 1).toBe(1);
    expect(brief).toContain("trace=issue:taiwan-arms-sales");
    await expect(panel(page).locator(".trace-brief-status").textContent()).resolves.toContain("Downloaded");
    await panel(page).screenshot({ path: artifact("trace-panel.png") });
    expect(errors).toEqual([]);
  });
});
