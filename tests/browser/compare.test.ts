// Compare as lists and the question bank in a real headless Chromium, on the production build: the
// Differences list has an item for each disagreement `linkage compare --json` reports (merged as the
// Compare brief merges them), clicking an item selects its claims and frames them, the legend's rows
// fade a role and take its items out of the lists, a claim's details say its role and the other side's
// claim, the Compare brief downloads as the graph layer writes it, and every question of the bank shows
// its answer, each step once. Takes the issue's screenshots into docs/ at 1440×900.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTrace } from "../../src/graph/answer.ts";
import { compareBrief, comparisonDifferences, differenceItems } from "../../src/graph/compare-brief.ts";
import { type Comparison, compare } from "../../src/graph/perspectives.ts";
import { traceLinkages } from "../../src/graph/trace.ts";
import { KIND_STYLES } from "../../src/model/vocabulary.ts";
import { compareLists, compareListsAnswer, compareScope } from "../../src/ui/state/compare-lists.ts";
import { createDerived } from "../../src/ui/state/derived.ts";
import { INITIAL_STATE } from "../../src/ui/state/explorer-state.ts";
import { COMPARE_ROLE_STYLES } from "../../src/ui/state/looks.ts";
import { askQuestion, QUESTIONS } from "../../src/ui/state/questions.ts";
import { loadGraphData } from "../support/graph-data.ts";
import { colourPatches } from "./blobs.ts";
import { canvasPixels, launchChromium, openExplorer, ROOT, type ServedApp, serveBuild } from "./harness.ts";

const graph = loadGraphData();
const derived = createDerived(graph);
// What the CLI says, as a reader would ask it.
const cli = JSON.parse(
  execFileSync(
    process.execPath,
    [join(ROOT, "bin/linkage.js"), "compare", "actor:us", "actor:china", "--json"],
    {
      encoding: "utf8",
    },
  ),
) as Comparison;
const VIEWPORT = { width: 1440, height: 900 };

let app: ServedApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([serveBuild(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const open = (query = "") => openExplorer(browser, `${app.url}${query}`, { viewport: VIEWPORT });
const comparePanel = (page: Page) => page.locator("#compare-panel");
const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);
const itemClaims = (page: Page, section: string) =>
  comparePanel(page)
    .locator(`${section} .compare-item:not([hidden])`)
    .evaluateAll((items) => items.map((item) => item.getAttribute("data-claims")));

describe("Compare as lists", { timeout: 150_000 }, () => {
  it("lists a Differences item for each disagreement of `linkage compare --json`, merged as the brief merges", async () => {
    const { page, errors } = await open("?compare=actor:us,actor:china");
    await comparePanel(page).locator(".compare-differences").waitFor();
    const expected = comparisonDifferences(cli);
    expect(expected.reduce((sum, item) => sum + item.pairs, 0)).toBe(
      cli.disagreements.length + cli.sidesNotStated.length,
    );
    await expect(itemClaims(page, ".compare-differences")).resolves.toEqual(
      expected.map((item) => [...item.claimsA, ...item.claimsB, ...item.document].map((c) => c.id).join(" ")),
    );
    await expect(comparePanel(page).locator(".compare-differences > summary").textContent()).resolves.toBe(
      `Differences (${cli.disagreements.length + cli.sidesNotStated.length})`,
    );
    // What rests on inference is apart; the agreements are beside.
    await expect(itemClaims(page, ".compare-inferred-items")).resolves.toHaveLength(
      differenceItems(cli.inferred.disagreements).length + cli.inferred.agreements.length,
    );
    await expect(itemClaims(page, ".compare-agreements")).resolves.toHaveLength(cli.agreements.length);
    // Each item: both sides' claims as sentences, their evidence quotes, its findings.
    const opposite = comparePanel(page).locator('.compare-item[data-pattern="opposite-stances"]').first();
    await expect(opposite.locator(".compare-side").count()).resolves.toBe(2);
    await expect(opposite.locator(".compare-side-name").allTextContents()).resolves.toEqual([
      "United States",
      "China",
    ]);
    await expect(opposite.locator(".evidence-quote").count()).resolves.toBe(2);
    await expect(opposite.locator(".compare-item-findings summary").textContent()).resolves.toBe(
      "Findings F3",
    );
    // The answer is the brief's first line.
    const answer = (await comparePanel(page).locator(".answer-sentence").textContent()) ?? "";
    expect(compareBrief(graph, cli)).toContain(answer);
    expect(errors).toEqual([]);
  });

  it("frames an item's claims when it is clicked, and selects them", async () => {
    const { page, errors } = await open("?compare=actor:us,actor:china");
    const camera = param(page, "camera");
    const item = comparePanel(page).locator('.compare-item[data-pattern="opposite-stances"]').first();
    const claims = ((await item.getAttribute("data-claims")) ?? "").split(" ");
    await item.locator(".compare-item-pick").click();
    await page.waitForFunction(
      (before) => new URL(location.href).searchParams.get("camera") !== before,
      camera,
    );
    expect(param(page, "claim")).toBe(claims[0]);
    await expect(item.locator(".compare-item-pick").getAttribute("aria-pressed")).resolves.toBe("true");
    // The lists stay; the item's ends (the two actors and the linkage they differ on) are all on screen.
    await expect(comparePanel(page).isVisible()).resolves.toBe(true);
    const ends = new Set(claims.flatMap((claim) => graph.extremities(claim)));
    expect([...ends].sort()).toEqual(["actor:china", "actor:us", "issue:nonproliferation-linkage"]);
    await page.mouse.move(0, 0);
    await expect(
      colourPatches(page, { actor: KIND_STYLES.actor.color, issue: KIND_STYLES.issue.color }),
    ).resolves.toEqual({ actor: 2, issue: 1 });
    await canvasPixels(page, "compare-item-framed.png");
    expect(errors).toEqual([]);
  });

  it("fades a role from its legend row and takes its items out of the lists", async () => {
    const { page, errors } = await open("?compare=actor:us,actor:china");
    const shared = COMPARE_ROLE_STYLES.shared.color;
    const before = await canvasPixels(page, undefined, { shared });
    expect(before.byColour.shared).toBeGreaterThan(100);
    const row = page.locator('.compare-legend [data-role="shared"] button');
    await row.click();
    await page.waitForFunction(() => new URL(location.href).searchParams.has("compareRole"));
    await expect(row.getAttribute("aria-pressed")).resolves.toBe("false");
    const after = await canvasPixels(page, "compare-shared-faded.png", { shared });
    expect(after.byColour.shared).toBeLessThan((before.byColour.shared ?? 0) * 0.2);
    const jointly = cli.agreements.filter((agreement) => agreement.pattern === "shared").length;
    await expect(itemClaims(page, ".compare-agreements")).resolves.toHaveLength(
      cli.agreements.length - jointly,
    );
    // The count stays, so a reader sees what is faded; on again, everything is back.
    await expect(row.locator(".legend-count").textContent()).resolves.toBe(String(jointly));
    await row.click();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has("compareRole"));
    await expect(itemClaims(page, ".compare-agreements")).resolves.toHaveLength(cli.agreements.length);
    expect(errors).toEqual([]);
  });

  it("says a claim's role and the other side's claim in its details", async () => {
    const { page, errors } = await open("?compare=actor:us,actor:china&claim=f3-us-rejects-linkage");
    const part = page.locator("#details .claim-comparison");
    await expect(part.locator(".claim-role").textContent()).resolves.toBe(
      "Contested: opposite stances, contested linkage",
    );
    await expect(part.locator('[data-claim="f3-china-argues-linkage"]').textContent()).resolves.toContain(
      "China: China supports Linking nonproliferation to bilateral relations",
    );
    await part.locator('[data-claim="f3-china-argues-linkage"] button').click();
    await page.waitForFunction(
      () => new URL(location.href).searchParams.get("claim") === "f3-china-argues-linkage",
    );
    await page.locator("#details").getByRole("button", { name: "← Back to the answer" }).click();
    await expect(comparePanel(page).isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
  });

  it("downloads the Compare brief exactly as the graph layer writes it", async () => {
    const { page, errors } = await open("?compare=actor:us,actor:china");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      comparePanel(page).getByRole("button", { name: "Download brief (.md)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("compare-us-china.md");
    const brief = readFileSync(await download.path(), "utf8");
    expect(brief).toBe(
      compareBrief(graph, compare(graph, "actor:us", "actor:china"), {
        title: "Where United States and China differ",
        link: page.url(),
      }),
    );
    expect(brief.startsWith("# Where United States and China differ\n")).toBe(true);
    expect(errors).toEqual([]);
  });

  it("opens the matrix's contested count as the list of that column's differences", async () => {
    const { page, errors } = await open("?view=matrix");
    const grid = page.getByRole("grid");
    await grid.waitFor();
    const column = "issue:nonproliferation-cooperation";
    // Both sides "support" cooperation; the count says how many differences touch it, and China's cell
    // how many of its own claims are contested.
    for (const actor of ["actor:us", "actor:china"])
      await expect(
        grid.locator(`td[data-holder="${actor}"][data-column="${column}"] .cell-text`).first().textContent(),
      ).resolves.toBe("supports");
    await expect(
      grid.locator(`td[data-holder="actor:china"][data-column="${column}"] .cell-contested`).textContent(),
    ).resolves.toBe("3 contested");
    await expect(
      grid.locator(`td[data-holder="actor:us"][data-column="${column}"] .cell-contested`).count(),
    ).resolves.toBe(0);
    const count = grid.locator(`th[data-column="${column}"] .matrix-contested`);
    await expect(count.textContent()).resolves.toBe("3 contested");
    await count.click();
    await page.waitForFunction((on) => new URL(location.href).searchParams.get("compareOn") === on, column);
    const lists = compareLists(cli, compareScope(graph, column), []);
    const listed = [...lists.differences, ...lists.inferred].reduce((sum, item) => sum + item.pairs, 0);
    expect(listed).toBe(3);
    await expect(comparePanel(page).locator(".compare-differences > summary").textContent()).resolves.toBe(
      "Differences (3)",
    );
    await expect(itemClaims(page, ".compare-differences")).resolves.toEqual(
      lists.differences.map((item) => [...item.claimsA, ...item.claimsB].map((c) => c.id).join(" ")),
    );
    expect(lists.differences[0]?.claimsB.map((c) => c.id).sort()).toEqual([
      "f3-cooperation-contingent-on-arms-sales",
      "f3-cooperation-contingent-on-security",
      "f3-cooperation-contingent-on-ties",
    ]);
    await expect(comparePanel(page).locator(".answer-question").textContent()).resolves.toBe(
      "Where United States and China differ on US–China nonproliferation cooperation",
    );
    // The matrix stays in view.
    expect(param(page, "view")).toBe("matrix");
    expect(errors).toEqual([]);
  });
});

describe("the question bank", { timeout: 150_000 }, () => {
  it("answers each question from the start screen with its answer sentence, each step once", async () => {
    const { page, errors } = await open();
    for (const question of QUESTIONS) {
      await page.goto(app.url);
      await page.waitForFunction(() => document.body.dataset.ready === "true");
      const link = page
        .locator("#details")
        .getByRole("link", { name: new RegExp(`^${question.text.replace("?", "\\?")}`) });
      const href = await link.getAttribute("href");
      await link.click();
      const panel = page.locator(question.kind === "trace" ? "#trace-panel" : "#compare-panel");
      await expect(panel.locator(".answer-question").textContent(), question.id).resolves.toBe(question.text);
      // Written from the data by the same functions the explorer calls, on the whole of graph-data.
      const asked = askQuestion(INITIAL_STATE, question.id);
      const lists = derived.layer(asked)?.lists;
      const expected =
        question.kind === "trace"
          ? readTrace(graph, traceLinkages(graph, question.query)).answer
          : lists
            ? compareListsAnswer(graph, lists, question.ask)
            : "";
      await expect(panel.locator(".answer-sentence").textContent(), question.id).resolves.toBe(expected);
      // No claim written twice within a list, and the question is its own address.
      const sentences = await panel
        .locator(".trace-step, .compare-claim")
        .evaluateAll((items) =>
          items.map((item) => `${item.closest("details")?.className}|${item.getAttribute("data-claim")}`),
        );
      expect(new Set(sentences).size, question.id).toBe(sentences.length);
      const again = await open(href ?? "");
      await expect(
        again.page
          .locator(question.kind === "trace" ? "#trace-panel" : "#compare-panel")
          .locator(".answer-sentence")
          .textContent(),
      ).resolves.toBe(expected);
      await again.context.close();
    }
    expect(errors).toEqual([]);
  });

  it("takes the issue's screenshots at 1440×900", async () => {
    const flagship = await open("?trace=issue:taiwan-arms-sales&traceHolder=actor:china&traceDepth=2");
    await flagship.page.locator("#trace-panel .answer-sentence").waitFor();
    await flagship.page.mouse.move(0, 0);
    await flagship.page.screenshot({ path: join(ROOT, "docs/trace-answer.png") });
    const differences = await open("?compare=actor:us,actor:china");
    await differences.page.locator("#compare-panel .compare-differences").waitFor();
    await differences.page.screenshot({ path: join(ROOT, "docs/compare-differences.png") });
    expect([...flagship.errors, ...differences.errors]).toEqual([]);
  });
});
