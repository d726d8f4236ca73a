// Model 2 in a real headless Chromium, on the production build: the details panel says who says a claim
// (stated, inferred with its reason, the document's own voice), how firmly, and quotes its evidence; the
// legend filters by attribution and modality and the network really redraws; document claims are grey
// with a dot at their start and inferred ones lighter; Compare, the matrix and the trace show the new
// cases. Screenshots at 1440×900 and 390×844 go to /tmp; expected figures come from graph-data.
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compare } from "../../src/graph/perspectives.ts";
import { positionMatrix } from "../../src/graph/position-matrix.ts";
import { traceLinkages } from "../../src/graph/trace.ts";
import { traceBrief, traceQuestion } from "../../src/graph/trace-brief.ts";
import { RELATION_STYLES } from "../../src/model/vocabulary.ts";
import { DEFAULT_FILTERS, type Filters } from "../../src/ui/state/explorer-state.ts";
import { visibleItems } from "../../src/ui/state/filters.ts";
import { ATTRIBUTION_LOOKS } from "../../src/ui/state/looks.ts";
import { loadGraphData } from "../support/graph-data.ts";
import {
  canvasPixels,
  launchChromium,
  openExplorer,
  type ServedApp,
  serveBuild,
  vanished,
} from "./harness.ts";

const graph = loadGraphData();
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** A colour as drawn at `opacity` over the white stage. */
function over(hex: string, opacity: number): string {
  const channel = (i: number) => {
    const value = Number.parseInt(hex.slice(i, i + 2), 16);
    return Math.round(value * opacity + 255 * (1 - opacity))
      .toString(16)
      .padStart(2, "0");
  };
  return `#${channel(1)}${channel(3)}${channel(5)}`;
}

const INFERRED = ATTRIBUTION_LOOKS.inferred.opacity;
const COLOURS = {
  document: ATTRIBUTION_LOOKS.document.color as string,
  "light-links-to": over(RELATION_STYLES["links-to"].color, INFERRED),
  "light-supports": over(RELATION_STYLES.supports.color, INFERRED),
};

let app: ServedApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([serveBuild(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const open = (query = "", viewport = DESKTOP) => openExplorer(browser, `${app.url}${query}`, { viewport });
const details = (page: Page) => page.locator("#details");
const legendToggle = (page: Page, label: string) =>
  page.locator(".legend").getByRole("button", { name: new RegExp(`^${label}\\s*\\d`) });
const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

async function waitForParam(page: Page, name: string, value: string | null) {
  await page.waitForFunction(([n, v]) => new URL(location.href).searchParams.get(n as string) === v, [
    name,
    value,
  ] as const);
}

/** From a node's panel, "Claim details" of one claim, then the claim's own panel. */
async function openClaim(page: Page, claim: string) {
  await details(page).locator(`[data-claim="${claim}"] button`, { hasText: "Claim details" }).click();
  await page.waitForFunction((id) => new URL(location.href).searchParams.get("claim") === id, claim);
  await details(page).locator(".chip", { hasText: "Claim" }).waitFor();
}

/** A named colour's pixel count (0 when the palette has no such name). */
const count = (pixels: { byColour: Record<string, number> }, ...names: string[]) =>
  names.reduce((sum, name) => sum + (pixels.byColour[name] ?? 0), 0);

const summaryFor = (filters: Partial<Filters>) => {
  const { nodes, claims } = visibleItems(graph, { ...DEFAULT_FILTERS, ...filters });
  return `Showing ${nodes.size} nodes of ${graph.order} and ${claims.size} claims of ${graph.size}.`;
};

describe("attribution, modality and evidence in the explorer", { timeout: 120_000 }, () => {
  it("the details panel says who says a claim, how firmly, and quotes its evidence", async () => {
    const { page, errors } = await open("?node=issue:nonproliferation-cooperation");
    // A document claim, under its node: its own group, "The document says", its quote and finding.
    const item = details(page).locator('[data-claim="f2-cooperation-on-north-korea"]');
    await expect(item.locator(".claim-voice").textContent()).resolves.toBe("The document says");
    await expect(item.locator(".evidence-quote").textContent()).resolves.toBe(
      "“Areas of previous cooperation include: North Korea”",
    );
    await expect(item.locator(".evidence-cites").textContent()).resolves.toBe("Finding F2");
    await expect(
      details(page).locator('.claim-group[data-holder="document"] .claim-group-title').first().textContent(),
    ).resolves.toContain("The document says");

    // Its own panel: no "Held by" line at all.
    await openClaim(page, "f2-cooperation-on-north-korea");
    const panel = details(page);
    await expect(panel.locator(".claim-voice").textContent()).resolves.toBe("The document says");
    await expect(panel.locator("dt").allTextContents()).resolves.not.toContain("Held by");
    await expect(panel.locator(".evidence-quote").textContent()).resolves.toContain("North Korea");

    // A difference with sides not stated: both actors named, neither given a side.
    await page.goto(`${app.url}?node=issue:nmd-aimed-at-china`);
    await details(page).getByRole("heading", { level: 2, name: "NMD is directed against China" }).waitFor();
    await openClaim(page, "f10-nmd-aimed-at-china-disputed");
    await expect(panel.locator(".claim-disputed").textContent()).resolves.toBe(
      "United States and China differ on this; the document does not say who holds which view",
    );
    await expect(panel.locator(".evidence-quote").textContent()).resolves.toBe(
      "“whether NMD is directed against China”",
    );
    await expect(panel.locator(".evidence-cites").textContent()).resolves.toBe("Finding F10");
    await expect(panel.locator("dt").allTextContents()).resolves.not.toContain("Held by");
    const desktop = "/tmp/attribution-disputed-1440x900.png";
    await page.screenshot({ path: desktop });

    // An inferred claim: the badge, and the note as its reason; its holder still named.
    await page.goto(`${app.url}?node=treaty:paros`);
    await details(page).locator('[data-claim="f8-china-wants-space-talks"]').waitFor();
    await openClaim(page, "f8-china-wants-space-talks");
    await expect(panel.locator(".claim-inferred .claim-badge").textContent()).resolves.toBe("inferred");
    await expect(panel.locator(".claim-inferred .claim-reason").textContent()).resolves.toBe(
      graph.getEdgeAttribute("f8-china-wants-space-talks", "note"),
    );
    await expect(panel.locator("dd").first().textContent()).resolves.toContain("China");
    await page.screenshot({ path: "/tmp/attribution-inferred-1440x900.png" });

    // Hedged and open-question markers.
    await page.goto(`${app.url}?claim=f6-china-willingness-unclear`);
    await expect(panel.locator(".claim-marker").textContent()).resolves.toBe("hedged");
    await page.goto(`${app.url}?claim=f12-csbms-resolve-nmd-concerns`);
    await expect(panel.locator(".claim-marker").textContent()).resolves.toBe("open question");
    expect(errors).toEqual([]);
  });

  it("the attribution filter redraws the network: grey document claims go, inferred ones are lighter", async () => {
    const { page, errors } = await open();
    const all = await canvasPixels(page, "attribution-all.png", COLOURS);
    // Not a blank stage, and the document's grey is there.
    expect(all.painted).toBeGreaterThan(15_000);
    expect(count(all, "document")).toBeGreaterThan(150);

    await legendToggle(page, "The document says").click();
    await waitForParam(page, "attribution", "stated,inferred");
    await expect(page.locator(".filter-summary").textContent()).resolves.toBe(
      summaryFor({ attributions: ["stated", "inferred"] }),
    );
    const noDocument = await canvasPixels(page, "attribution-no-document.png", COLOURS);
    expect(noDocument.painted).toBeGreaterThan(10_000);
    // The document's grey lines leave white stage behind. Labels that the freed room lets grow add
    // pixels elsewhere, so the picture's total need not shrink; what went is counted pixel by pixel.
    const gone = await vanished(page, all.png, noDocument.png, COLOURS.document);
    // Measured: about 1,200 of the first picture's 3,900 grey pixels (the rest is label text's
    // anti-aliasing and lines under nodes); a picture compared with itself gives 0.
    expect(gone).toBeGreaterThan(600);

    // Inferred only: drawn lighter, so their relation colour at full strength is (nearly) gone.
    await legendToggle(page, "Stated").click();
    await waitForParam(page, "attribution", "inferred");
    const inferred = await canvasPixels(page, "attribution-inferred-only.png", COLOURS);
    expect(inferred.painted).toBeGreaterThan(3_000);
    const light = count(inferred, "light-links-to", "light-supports");
    expect(light).toBeGreaterThan(60);
    expect(count(inferred, "links-to", "supports")).toBeLessThan(light / 4);

    // The document's voice only: grey lines, no relation colour at all (nodes keep theirs).
    await legendToggle(page, "Inferred").click();
    await legendToggle(page, "The document says").click();
    await waitForParam(page, "attribution", "document");
    const document = await canvasPixels(page, "attribution-document-only.png", COLOURS);
    expect(document.painted).toBeGreaterThan(3_000);
    expect(count(document, "links-to", "supports", "opposes")).toBeLessThan(40);
    // Grey beyond what the labels' anti-aliasing gives the inferred-only picture.
    expect(count(document, "document")).toBeGreaterThan(count(inferred, "document") + 300);

    // Stated only: the relation colours at full strength.
    await legendToggle(page, "The document says").click();
    await legendToggle(page, "Stated").click();
    await waitForParam(page, "attribution", "stated");
    const stated = await canvasPixels(page, "attribution-stated-only.png", COLOURS);
    expect(count(stated, "links-to", "supports")).toBeGreaterThan(200);
    expect(count(stated, "light-links-to")).toBeLessThan(count(stated, "links-to"));

    // Back, Forward and the link itself carry the filter.
    const again = await open("?attribution=document&modality=question");
    await expect(again.page.locator(".filter-summary").textContent()).resolves.toBe(
      summaryFor({ attributions: ["document"], modalities: ["question"] }),
    );
    await expect(legendToggle(again.page, "Open question").getAttribute("aria-pressed")).resolves.toBe(
      "true",
    );
    await expect(legendToggle(again.page, "Hedged").getAttribute("aria-pressed")).resolves.toBe("false");
    const bad = await open("?attribution=rumour");
    await expect(bad.page.locator(".notices").textContent()).resolves.toContain("Ignored attribution=");
    expect(errors).toEqual([]);
  });

  it("Compare lists the differences with sides not stated and counts inference apart", async () => {
    const { page, errors } = await open("?compare=actor:us,actor:china");
    const comparison = compare(graph, "actor:us", "actor:china");
    const row = page.locator('.compare-legend [data-role="differ-unassigned"]');
    await expect(row.locator(".compare-role-label").textContent()).resolves.toBe("Differ, sides not stated");
    await expect(row.locator(".legend-count").textContent()).resolves.toBe(
      String(comparison.sidesNotStated.length),
    );
    const inferred = comparison.inferred.agreements.length + comparison.inferred.disagreements.length;
    const counts = await page.locator(".compare-inferred .legend-count").allTextContents();
    expect(counts.reduce((sum, n) => sum + Number(n), 0)).toBe(inferred);
    const pixels = await canvasPixels(page, "attribution-compare.png", {
      differ: "#854d0e",
    });
    expect(count(pixels, "differ")).toBeGreaterThan(100);
    expect(errors).toEqual([]);
  });

  it("the matrix reads a disputed cell in both actors' rows and marks hedged cells", async () => {
    const { page, errors } = await open("?view=matrix");
    const grid = page.getByRole("grid");
    await grid.waitFor();
    for (const actor of ["actor:us", "actor:china"]) {
      const cell = grid.locator(`td[data-holder="${actor}"][data-column="issue:nmd-aimed-at-china"]`);
      await expect(cell.textContent()).resolves.toContain("differ (sides not stated)");
      await expect(cell.locator(".visually-hidden").textContent()).resolves.toContain(
        "differ (sides not stated)",
      );
    }
    const hedged = positionMatrix(graph)
      .rows.flatMap((r) => r.cells)
      .filter((cell) => cell.hedged);
    expect(hedged.length).toBeGreaterThan(0);
    await expect(grid.locator("td[data-hedged]").count()).resolves.toBe(hedged.length);
    const china = grid.locator('td[data-holder="actor:china"][data-column="issue:csbms"]');
    await expect(china.locator(".visually-hidden").textContent()).resolves.toContain(
      "hedged or open question",
    );
    await expect(china.locator(".cell-hedged").isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
  });

  it("the trace's Stated claims only switch narrows the trace, is part of its link and of the brief", async () => {
    const { page, errors } = await open(
      "?trace=issue:us-missile-defense-debate&traceDepth=1&traceRelation=links-to",
    );
    const results = page.locator("#trace-panel .trace-result");
    await results.first().waitFor();
    const before = await results.count();
    await page.getByRole("switch", { name: "Stated claims only" }).check();
    await waitForParam(page, "traceAttribution", "stated");
    await expect(page.locator("#trace-panel .trace-meta").textContent()).resolves.toContain("stated only");
    await page.waitForFunction(
      (count) => document.querySelectorAll("#trace-panel .trace-result").length < count,
      before,
    );
    // The brief downloads exactly as the graph layer writes it, for the stated-only trace.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download brief (.md)" }).click(),
    ]);
    const trace = traceLinkages(graph, {
      target: "issue:us-missile-defense-debate",
      depth: 1,
      relations: ["links-to"],
      attribution: "stated",
    });
    const expected = traceBrief(graph, trace, { question: traceQuestion(graph, trace), link: page.url() });
    expect(expected).toContain("stated claims only");
    // The link in the brief carries the camera, which may move between the click and this read.
    const withoutLink = (brief: string) => brief.replace(/<?https?:\/\/127\.0\.0\.1[^\s>)]*>?/g, "LINK");
    expect(withoutLink(readFileSync(await download.path(), "utf8"))).toBe(withoutLink(expected));

    // Off again: every claim, and the parameter leaves the link.
    await page.getByRole("switch", { name: "Stated claims only" }).uncheck();
    await waitForParam(page, "traceAttribution", null);
    await page.waitForFunction(
      (count) => document.querySelectorAll("#trace-panel .trace-result").length === count,
      before,
    );
    expect(param(page, "trace")).toBe("issue:us-missile-defense-debate");
    expect(errors).toEqual([]);
  });

  it("reads on a phone: the disputed claim's panel at 390×844", async () => {
    const { page, errors } = await open("?claim=f10-nmd-aimed-at-china-disputed", PHONE);
    await expect(details(page).locator(".claim-disputed").textContent()).resolves.toContain(
      "the document does not say who holds which view",
    );
    await page.screenshot({ path: "/tmp/attribution-network-390x844.png" });
    await details(page).locator(".claim-disputed").scrollIntoViewIfNeeded();
    await page.screenshot({ path: "/tmp/attribution-disputed-390x844.png" });
    // The legend's new groups, with a filter on: the toggles read as pressed or not.
    await page.goto(`${app.url}?attribution=stated,inferred`);
    await page.waitForFunction(() => document.body.dataset.ready === "true");
    // On a phone the legend is in the Filters sheet.
    await page.locator(".panel-tabs").getByRole("button", { name: "Filters" }).click();
    await expect(legendToggle(page, "The document says").getAttribute("aria-pressed")).resolves.toBe("false");
    await page.locator("#legend-attribution").scrollIntoViewIfNeeded();
    await page.screenshot({ path: "/tmp/attribution-legend-390x844.png" });
    expect(errors).toEqual([]);
  });
});
