// Issue 6 in a real headless Chromium, on the production build: the lens fades what its holder does
// not hold, Compare colours claims by role with a legend (each side in its own colour whatever the
// order of the holders), a matrix cell selects its claims (by mouse and by keyboard) and leads to
// Compare's list of its column's differences, and the findings tour steps by key and by button and
// reopens from its URL. Expected figures come from the pure functions over graph-data. Screenshots go
// to tests/artifacts/. Compare's lists themselves are tested in compare.test.ts.
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POSITION_MATRIX_CSV_HEADER } from "../../src/formats/position-matrix-csv.ts";
import { findingsTour } from "../../src/graph/findings-tour.ts";
import { claimRoles, compare, lensClaims } from "../../src/graph/perspectives.ts";
import { positionMatrix } from "../../src/graph/position-matrix.ts";
import { COMPARE_ROLE_STYLES } from "../../src/ui/state/looks.ts";
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

const graph = loadGraphData();
const SOURCE = graph.getAttribute("sources")[0]?.id as string;
const tour = findingsTour(graph, SOURCE);
const KINDS = ["actor", "issue", "treaty"];
const ROLE_COLOURS = Object.fromEntries(
  Object.entries(COMPARE_ROLE_STYLES).map(([role, style]) => [`role:${role}`, style.color]),
);

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
const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);
const details = (page: Page) => page.locator("#details");
const tourSummary = (page: Page) => page.locator("#tour-summary");

async function waitForParam(page: Page, name: string, value: string | null) {
  await page.waitForFunction(([n, v]) => new URL(location.href).searchParams.get(n as string) === v, [
    name,
    value,
  ] as const);
}

describe("perspectives in the explorer", { timeout: 120_000 }, () => {
  it("the lens keeps the holder's claims and fades everyone else's", async () => {
    const { page, errors } = await open();
    const before = await canvasPixels(page);
    await page.locator("#perspective").getByRole("button", { name: "Lens" }).click();
    await page.getByLabel("Through the eyes of").selectOption("actor:china");
    await waitForParam(page, "lens", "actor:china");
    const lens = lensClaims(graph, "actor:china");
    const held = lens.own.length + lens.shared.length;
    expect(lens.others.length).toBeGreaterThan(0);
    await expect(page.locator(".perspective-note").textContent()).resolves.toContain(
      `the ${held} claims China holds`,
    );
    const china = await canvasPixels(page, "perspectives-lens-china.png");
    await page.screenshot({ path: artifact("perspectives-lens-page.png") });
    // Not blank: China's claims and nodes are drawn; but the faded rest paints much less.
    expect(china.painted).toBeGreaterThan(5_000);
    expect(china.painted).toBeLessThan(before.painted * 0.9);

    // The US lens fades a different set: China's own claims go faint, the US's come back.
    await page.getByLabel("Through the eyes of").selectOption("actor:us");
    await waitForParam(page, "lens", "actor:us");
    const us = await canvasPixels(page);
    expect(us.painted).toBeGreaterThan(5_000);
    expect(Math.abs(us.painted - china.painted)).toBeGreaterThan(200);

    // Off again: the picture is the plain one.
    await page.locator("#perspective").getByRole("button", { name: "Everyone" }).click();
    await waitForParam(page, "lens", null);
    const off = await canvasPixels(page);
    expect(Math.abs(off.painted - before.painted)).toBeLessThan(before.painted * 0.02);
    expect(errors).toEqual([]);
  });

  it("Compare colours claims by role and shows the legend with the counts", async () => {
    const { page, errors } = await open();
    await details(page).getByRole("button", { name: "Compare United States and China" }).click();
    await waitForParam(page, "compare", "actor:us,actor:china");
    const legend = page.locator(".compare-legend");
    await legend.waitFor();
    // The counts are of what the document states; items resting on inferred holders are counted apart
    // (tests/browser/attribution.test.ts), so they are left out of the expected roles here.
    const comparison = compare(graph, "actor:us", "actor:china");
    const roles = Object.values(
      claimRoles({ ...comparison, inferred: { agreements: [], disagreements: [] } }),
    );
    for (const role of [
      "contested",
      "differ-unassigned",
      "shared",
      "matching",
      "only-a",
      "only-b",
    ] as const) {
      const expected = roles.filter((r) => r === role).length;
      await expect(legend.locator(`[data-role="${role}"] .legend-count`).textContent()).resolves.toBe(
        String(expected),
      );
    }
    await expect(legend.locator('[data-role="only-a"]').textContent()).resolves.toContain(
      "Only United States",
    );
    const pixels = await canvasPixels(page, "perspectives-compare.png", ROLE_COLOURS);
    await page.screenshot({ path: artifact("perspectives-compare-page.png") });
    expect(pixels.byColour["role:contested"]).toBeGreaterThan(100);
    expect(pixels.byColour["role:shared"]).toBeGreaterThan(100);
    // Reopening the link reopens Compare.
    const again = await open(`?compare=actor:us,actor:china`);
    await again.page.locator(".compare-legend").waitFor();
    expect(errors).toEqual([]);
  });

  it("Compare keeps each side's colour whatever the order of the holders", async () => {
    const sides = { us: COMPARE_ROLE_STYLES["only-a"].color, china: COMPARE_ROLE_STYLES["only-b"].color };
    const usFirst = await open("?compare=actor:us,actor:china");
    const chinaFirst = await open("?compare=actor:china,actor:us");
    const a = await canvasPixels(usFirst.page, undefined, sides);
    const b = await canvasPixels(chinaFirst.page, "perspectives-compare-china-first.png", sides);
    expect(a.byColour.us).toBeGreaterThan(50);
    expect(a.byColour.china).toBeGreaterThan(50);
    // The same claims in the same colours: only the camera's rounding differs.
    expect(Math.abs((b.byColour.us ?? 0) - (a.byColour.us ?? 0))).toBeLessThan((a.byColour.us ?? 0) * 0.15);
    expect(Math.abs((b.byColour.china ?? 0) - (a.byColour.china ?? 0))).toBeLessThan(
      (a.byColour.china ?? 0) * 0.15,
    );
    for (const page of [usFirst.page, chinaFirst.page])
      await expect(page.locator('.compare-legend [data-role="only-a"]').textContent()).resolves.toContain(
        "Only United States",
      );
    expect([...usFirst.errors, ...chinaFirst.errors]).toEqual([]);
  });

  it("a matrix cell's details lead to Compare's list of its column's differences", async () => {
    const { page, errors } = await open("?view=matrix");
    const column = "issue:nonproliferation-cooperation";
    await page.getByRole("grid").locator(`td[data-holder="actor:china"][data-column="${column}"]`).click();
    // The cell says which of its claims are contested, and how.
    await expect(
      page
        .locator(`#matrix-cell-details [data-claim="f3-cooperation-contingent-on-ties"] .claim-contested`)
        .textContent(),
    ).resolves.toBe("Contested: contested linkage");
    const list = page.getByRole("button", {
      name: "List the three differences on US–China nonproliferation cooperation",
    });
    await list.focus();
    await page.keyboard.press("Enter");
    await waitForParam(page, "compareOn", column);
    // The list replaces the cell's node in the right panel.
    await expect(page.locator("#compare-panel .compare-differences .compare-item").count()).resolves.toBe(1);
    await expect(page.locator("#compare-panel").isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
  });

  it("a matrix cell click selects its claims: the details panel and the network show them", async () => {
    const { page, errors } = await open();
    const matrix = positionMatrix(graph);
    const row = matrix.rows.find((r) => r.holder === "actor:china") ?? matrix.rows[0];
    const index = row?.cells.findIndex((cell) => cell.position === "opposes") ?? -1;
    const cell = row?.cells[index];
    const column = matrix.columns[index];
    if (!row || !cell || !column) throw new Error("no opposing cell in the matrix");
    await page.getByRole("button", { name: "Matrix", exact: true }).click();
    const grid = page.getByRole("grid");
    await grid.waitFor();
    await expect(grid.locator("tbody tr").count()).resolves.toBe(matrix.rows.length);
    const target = grid.locator(`td[data-holder="${row.holder}"][data-column="${column.id}"]`);
    await expect(target.textContent()).resolves.toContain("opposes");
    await target.click();
    await details(page).getByRole("heading", { level: 2, name: column.label }).waitFor();
    await expect(target.getAttribute("aria-selected")).resolves.toBe("true");
    expect(param(page, "node")).toBe(column.id);
    const claimIds = [...cell.stances, ...cell.linkages].map((c) => c.id);
    for (const id of claimIds) {
      await expect(details(page).locator(`[data-claim="${id}"]`).count()).resolves.toBeGreaterThan(0);
      await expect(page.locator(`#matrix-cell-details [data-claim="${id}"]`).count()).resolves.toBe(1);
    }
    await page.screenshot({ path: artifact("perspectives-matrix.png") });
    // In the network, the cell's claims are the bright ones.
    const all = await open();
    const plain = await canvasPixels(all.page);
    await page.getByRole("button", { name: "Show in the network" }).click();
    const shown = await canvasPixels(page, "perspectives-matrix-cell-network.png");
    expect(shown.painted).toBeGreaterThan(1_000);
    expect(shown.painted).toBeLessThan(plain.painted * 0.8);
    expect(errors).toEqual([]);
  });

  it("the matrix works by keyboard, sorts by contestedness and exports CSV", async () => {
    const { page, errors } = await open("?view=matrix");
    const grid = page.getByRole("grid");
    await grid.waitFor();
    // One cell is in the Tab order: Tab from the CSV button reaches it.
    await page.locator("#matrix-csv").focus();
    await page.keyboard.press("Tab");
    const focused = () =>
      page.evaluate(() => {
        const cell = document.activeElement as HTMLElement | null;
        return cell?.getAttribute("role") === "gridcell"
          ? { row: cell.dataset.row, col: cell.dataset.col, column: cell.dataset.column }
          : null;
      });
    await expect(focused()).resolves.toMatchObject({ row: "0", col: "0" });
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowDown");
    const at = await focused();
    expect(at).toMatchObject({ row: "1", col: "2" });
    await expect(grid.locator('td[tabindex="0"]').count()).resolves.toBe(1);
    await page.keyboard.press("Enter");
    const label = graph.getNodeAttribute(at?.column as string, "label");
    await details(page).getByRole("heading", { level: 2, name: label }).waitFor();
    // Focus stays in the grid, on the chosen cell.
    await expect(focused()).resolves.toMatchObject({ row: "1", col: "2" });

    await page.getByRole("button", { name: "Most contested first" }).click();
    const sorted = positionMatrix(graph, { sort: "contestedness" });
    await expect(grid.locator("thead th[data-column]").first().getAttribute("data-column")).resolves.toBe(
      sorted.columns[0]?.id,
    );

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator("#matrix-csv").click(),
    ]);
    const csv = readFileSync(await download.path(), "utf8");
    // Like every CSV the app writes, it opens with a byte-order mark, so spreadsheets read it as UTF-8.
    expect(csv.startsWith("\ufeff")).toBe(true);
    expect(csv.slice(1).split("\r\n")[0]).toBe(POSITION_MATRIX_CSV_HEADER.join(","));
    expect(download.suggestedFilename()).toBe("position-matrix.csv");
    expect(errors).toEqual([]);
  });

  it("the tour steps by button and by arrow key, dims the rest, and each step has a URL", async () => {
    const { page, errors } = await open();
    const before = await canvasPixels(page);
    await details(page)
      .getByRole("button", { name: `Walk through the ${tour.steps.length} findings` })
      .click();
    await expect(tourSummary(page).textContent()).resolves.toBe(tour.steps[0]?.summary);
    await expect(page.locator("#tour-counter").textContent()).resolves.toBe(
      `Finding 1 of ${tour.steps.length}`,
    );
    await waitForParam(page, "step", "1");
    expect(param(page, "tour")).toBe(SOURCE);
    const first = await canvasPixels(page, "perspectives-tour-step1.png");
    expect(first.painted).toBeGreaterThan(1_000);
    // Node sizes are in screen pixels, so zooming in on the step does not enlarge them: only the
    // step's nodes keep their full colour, the dimmed rest is pale and matches no kind colour.
    const nodeColour = (p: typeof before) => KINDS.reduce((sum, kind) => sum + (p.byColour[kind] ?? 0), 0);
    expect(nodeColour(first)).toBeGreaterThan(100);
    expect(nodeColour(first)).toBeLessThan(nodeColour(before) * 0.6);

    await page.locator("#graph-canvas").focus();
    await page.keyboard.press("ArrowRight");
    await expect(tourSummary(page).textContent()).resolves.toBe(tour.steps[1]?.summary);
    await waitForParam(page, "step", "2");
    await page.getByRole("button", { name: "Next →" }).click();
    await expect(tourSummary(page).textContent()).resolves.toBe(tour.steps[2]?.summary);
    await waitForParam(page, "step", "3");
    await page.keyboard.press("ArrowLeft");
    await waitForParam(page, "step", "2");
    await page.getByRole("button", { name: "Next →" }).click();
    await waitForParam(page, "step", "3");
    await canvasPixels(page, "perspectives-tour-step3.png");
    await page.screenshot({ path: artifact("perspectives-tour-page.png") });
    // Back returns to the previous step.
    await page.goBack();
    await expect(tourSummary(page).textContent()).resolves.toBe(tour.steps[1]?.summary);
    await page.keyboard.press("Escape");
    await waitForParam(page, "tour", null);
    await expect(page.locator("#tour").isHidden()).resolves.toBe(true);
    expect(errors).toEqual([]);
  });

  it("a tour URL reopens its step, framed; bad values leave a notice", async () => {
    const { page, errors } = await open(`?tour=${SOURCE}&step=7`);
    await expect(tourSummary(page).textContent()).resolves.toBe(tour.steps[6]?.summary);
    await expect(page.locator("#tour-counter").textContent()).resolves.toBe(
      `Finding 7 of ${tour.steps.length}`,
    );
    await nextFrames(page);
    const pixels = await canvasPixels(page, "perspectives-tour-link-step7.png");
    expect(pixels.painted).toBeGreaterThan(1_000);
    expect(errors).toEqual([]);

    const bad = await open("?tour=nope&lens=actor:nobody&step=0");
    const text = await bad.page.locator("#notices").textContent();
    expect(text).toContain("No source “nope”");
    expect(text).toContain("actor:nobody");
    expect(text).toContain("Ignored step=");
    await expect(bad.page.locator("#tour").isHidden()).resolves.toBe(true);
  });
});
