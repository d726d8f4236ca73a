// The trace's answer in a real headless Chromium, on the production build: the flagship question is
// one click from the start screen and answers first, in the wide right panel, with its direct ties and
// its chains grouped by the node they pass through, no step written twice; clicking a step frames its
// whole chain; the kinds of answer are part of the form and of the link; the trace lives in history;
// and the brief downloads exactly as the graph layer writes it. Screenshots go to tests/artifacts/.
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTrace } from "../../src/graph/answer.ts";
import { traceLinkages } from "../../src/graph/trace.ts";
import { traceBrief } from "../../src/graph/trace-brief.ts";
import { KIND_STYLES } from "../../src/model/vocabulary.ts";
import { QUESTIONS } from "../../src/ui/state/questions.ts";
import { loadGraphData } from "../support/graph-data.ts";
import { colourPatches } from "./blobs.ts";
import {
  artifact,
  canvasPixels,
  launchChromium,
  openExplorer,
  type ServedApp,
  serveBuild,
} from "./harness.ts";

const graph = loadGraphData();
const [flagship, fmct] = QUESTIONS.filter((q) => q.kind === "trace");
if (flagship?.kind !== "trace" || fmct?.kind !== "trace")
  throw new Error("the bank lost its trace questions");
// The expected answer comes from the engine on graph-data, the same answer the CLI prints.
const flagshipTrace = traceLinkages(graph, flagship.query);
const flagshipReading = readTrace(graph, flagshipTrace);

let app: ServedApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([serveBuild(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const open = (query = "") =>
  openExplorer(browser, `${app.url}${query}`, { viewport: { width: 1440, height: 900 } });
const answerPanel = (page: Page) => page.locator("#trace-panel");
const question = (page: Page) => answerPanel(page).locator(".answer-question");
const sentence = (page: Page) => answerPanel(page).locator(".answer-sentence");
const step = (page: Page, node: string) =>
  answerPanel(page).locator(`.trace-step[data-node="${node}"]`).first();
const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

async function askFlagship(page: Page) {
  await page
    .locator("#details")
    .getByRole("link", { name: new RegExp(`^${flagship?.text}`) })
    .click();
  await sentence(page).waitFor();
  await addressSettled(page);
}

/**
 * Waits until the address has stayed the same for half a second: the camera moves to frame the answer,
 * and where it settled reaches the address (and so a brief's link) only a moment later (camera.ts's
 * SETTLE_MS), so a brief taken at once and one taken later can name two cameras.
 */
async function addressSettled(page: Page) {
  let last = page.url();
  let since = Date.now();
  const giveUp = since + 15_000;
  while (Date.now() - since < 500) {
    if (Date.now() > giveUp) throw new Error(`the address kept changing: ${last}`);
    await page.waitForTimeout(100);
    if (page.url() !== last) {
      last = page.url();
      since = Date.now();
    }
  }
}

/** The claims of the answer's steps, in the order they are written. */
const stepClaims = (page: Page) =>
  answerPanel(page)
    .locator(".trace-step")
    .evaluateAll((steps) => steps.map((s) => s.getAttribute("data-claim")));

describe("the trace's answer", { timeout: 120_000 }, () => {
  it("answers the flagship question first, in the wide right panel, each step once", async () => {
    const { page, errors } = await open();
    const before = await canvasPixels(page);
    await askFlagship(page);
    await expect(question(page).textContent()).resolves.toBe(flagship.text);
    await expect(sentence(page).textContent()).resolves.toBe(flagshipReading.answer);
    expect(flagshipReading.answer).toMatch(/^China ties US arms sales to Taiwan directly to two things/);
    // In the right column, wide, and the answer sentence above the fold.
    const panel = await answerPanel(page).boundingBox();
    const stage = await page.locator("#graph-canvas").boundingBox();
    expect(panel && stage && panel.x > stage.x + stage.width - 2).toBe(true);
    expect(panel?.width).toBeGreaterThan(400);
    const said = await sentence(page).boundingBox();
    expect((said?.y ?? 900) + (said?.height ?? 0)).toBeLessThan(900);
    // Direct ties, then a group per node passed through; no arrows; no claim written twice.
    await expect(answerPanel(page).locator(".answer-section-title").first().textContent()).resolves.toBe(
      `Direct ties (${flagshipReading.direct.length})`,
    );
    const groups = answerPanel(page).locator(".trace-through");
    await expect(groups.count()).resolves.toBe(flagshipReading.groups.length);
    await expect(groups.first().locator("summary").textContent()).resolves.toBe(
      `Through ${flagshipReading.groups[0]?.label}`,
    );
    const claims = await stepClaims(page);
    expect(new Set(claims).size).toBe(claims.length);
    const text = (await answerPanel(page).textContent()) ?? "";
    expect(text).not.toMatch(/[↑↓]|back along the claim/);
    expect(text).toContain("US–China nonproliferation cooperation is contingent on US arms sales to Taiwan.");
    // A group can be folded away.
    await groups.first().locator("summary").click();
    await expect(groups.first().getAttribute("open")).resolves.toBeNull();
    expect(param(page, "trace")).toBe("issue:taiwan-arms-sales");
    expect(param(page, "traceHolder")).toBe("actor:china");
    // The canvas: nodes off the chains are dimmed; a blank canvas fails the floors.
    await page.mouse.move(0, 0);
    const traced = await canvasPixels(page, "trace-flagship-canvas.png");
    expect(traced.byColour.issue).toBeLessThan((before.byColour.issue ?? 0) * 0.7);
    expect(traced.byColour.issue).toBeGreaterThan(200);
    await page.screenshot({ path: artifact("trace-flagship-page.png") });
    expect(errors).toEqual([]);
  });

  it("frames a clicked step's whole chain, and keeps it bright after the pointer leaves", async () => {
    const { page, errors } = await open();
    await askFlagship(page);
    const camera = param(page, "camera");
    // TMD for Taiwan: one claim from the target; both ends must be on screen, at full colour.
    await step(page, "issue:tmd-for-taiwan").locator(".trace-step-sentence").click();
    await page.waitForFunction(
      (before) => new URL(location.href).searchParams.get("camera") !== before,
      camera,
    );
    await page.mouse.move(0, 0);
    const issue = KIND_STYLES.issue.color;
    const actor = KIND_STYLES.actor.color;
    await expect(colourPatches(page, { issue, actor })).resolves.toEqual({ issue: 2, actor: 0 });
    await expect(
      step(page, "issue:tmd-for-taiwan").locator(".trace-step-sentence").getAttribute("aria-pressed"),
    ).resolves.toBe("true");
    // Taiwan, two claims away: the target, TMD for Taiwan and Taiwan itself.
    const framed = param(page, "camera");
    await step(page, "actor:taiwan").locator(".trace-step-sentence").click();
    await page.waitForFunction(
      (before) => new URL(location.href).searchParams.get("camera") !== before,
      framed,
    );
    await page.mouse.move(0, 0);
    await expect(colourPatches(page, { issue, actor })).resolves.toEqual({ issue: 2, actor: 1 });
    await canvasPixels(page, "trace-chain-framed.png");
    // Not a zoom onto one node: the camera holds the whole chain, so it is no closer than needed.
    const ratio = Number(param(page, "camera")?.split(",")[2]);
    expect(ratio).toBeGreaterThan(0.3);
    expect(errors).toEqual([]);
  });

  it("asks for kinds of answer in the form, and the answer says so", async () => {
    const { page, errors } = await open(
      "?trace=issue:taiwan-arms-sales&traceHolder=actor:china&traceDepth=2&traceKind=issue",
    );
    await sentence(page).waitFor();
    const trace = traceLinkages(graph, { ...flagship.query, kinds: ["issue"] });
    await expect(sentence(page).textContent()).resolves.toBe(readTrace(graph, trace).answer);
    await expect(sentence(page).textContent()).resolves.toContain("directly to two issues");
    // A question not in the bank opens the form, so its values are in view.
    await expect(page.locator("#questions .trace-form").getAttribute("open")).resolves.toBe("");
    const actors = page.locator("#questions").getByRole("checkbox", { name: "Actors" });
    await expect(actors.isChecked()).resolves.toBe(false);
    await actors.check();
    await page.waitForFunction(() => new URL(location.href).searchParams.get("traceKind") === "actor,issue");
    await expect(sentence(page).textContent()).resolves.toContain("things");
    expect(errors).toEqual([]);
  });

  it("reopens from the issue's link form, goes back and forward, and says what it ignored", async () => {
    const { page, errors } = await open("?trace=issue:taiwan-arms-sales&holder=actor:china&depth=2");
    await expect(question(page).textContent()).resolves.toBe(flagship.text);
    expect(param(page, "traceHolder")).toBe("actor:china");
    await page.locator("#questions").getByRole("link", { name: fmct.text }).click();
    await expect(question(page).textContent()).resolves.toBe(fmct.text);
    await page.goBack();
    await expect(question(page).textContent()).resolves.toBe(flagship.text);
    await page.goForward();
    await expect(question(page).textContent()).resolves.toBe(fmct.text);
    expect(param(page, "trace")).toBe("treaty:fmct");

    const bad = await open("?trace=issue:taiwan-arms-salez&traceDepth=9");
    const notices = bad.page.locator("#notices");
    await notices.getByText("Ignored traceDepth=").waitFor();
    await expect(notices.textContent()).resolves.toContain("Did you mean issue:taiwan-arms-sales?");
    await expect(answerPanel(bad.page).isHidden()).resolves.toBe(true);
    await bad.page.locator("#details").getByRole("heading", { name: "Nothing selected" }).waitFor();
    expect([...errors, ...bad.errors]).toEqual([]);
  });

  it("shows a node's details over the answer, with the way back to it", async () => {
    const { page, errors } = await open();
    await askFlagship(page);
    const search = page.getByRole("combobox", { name: /search nodes/i });
    await search.click();
    await search.fill("fmct");
    await page.getByRole("option", { name: /FMCT/ }).first().waitFor();
    await page.keyboard.press("Enter");
    await page.locator("#details").getByRole("heading", { level: 2, name: "FMCT" }).waitFor();
    await expect(answerPanel(page).isHidden()).resolves.toBe(true);
    await page.locator("#details").getByRole("button", { name: "← Back to the answer" }).click();
    await expect(sentence(page).isVisible()).resolves.toBe(true);
    expect(param(page, "node")).toBeNull();
    expect(errors).toEqual([]);
  });

  it("downloads the brief exactly as the graph layer writes it, and copies the same text", async () => {
    const { page, context, errors } = await open();
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await askFlagship(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      answerPanel(page).getByRole("button", { name: "Download brief (.md)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("trace-taiwan-arms-sales-by-china-depth-2.md");
    const saved = artifact("trace-brief.md");
    await download.saveAs(saved);
    const brief = readFileSync(saved, "utf8");
    expect(brief).toBe(traceBrief(graph, flagshipTrace, { question: flagship.text, link: page.url() }));
    expect(brief.split("\n")[2]).toBe(flagshipReading.answer.replace(/[\\`*_[\]<>|~#&!]/g, "\\$&"));
    await answerPanel(page).getByRole("button", { name: "Copy the trace brief as Markdown" }).click();
    await answerPanel(page).locator(".brief-status", { hasText: "on the clipboard" }).waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(brief);
    await answerPanel(page).screenshot({ path: artifact("trace-panel.png") });
    expect(errors).toEqual([]);
  });
});
