// `?file=URL` in a real headless Chromium on the production build: a linked GEXF opens in place of
// graph-data (relative to the page, or absolute on a second loopback server that allows CORS), with
// its progress shown and graph-data never drawn, and the link keeps file= with the rest of the view.
// A link that cannot be opened (a javascript: address, a 404, a server without CORS, a web page, a
// file over the limit by its Content-Length or by its bytes, a malformed file) gets a notice naming
// the link and the reason, and graph-data is shown. Fixtures: a seeded Gephi-style GEXF
// (tests/support/gephi-gexf.ts) and a broken one, written here.
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_IMPORT_BYTES } from "../../src/formats/limits.ts";
import { gephiGexf } from "../support/gephi-gexf.ts";
import { loadGraphData } from "../support/graph-data.ts";
import {
  canvasPixels,
  launchChromium,
  nextFrames,
  type OpenedPage,
  openExplorer,
  type ServedApp,
  serveBuild,
} from "./harness.ts";

const graphData = loadGraphData();
const GRAPH = { nodes: 300, edges: 600 };
const GEXF = gephiGexf({ ...GRAPH, seed: 7 });
/** Cut off inside an element: the reader must say where. */
const MALFORMED = GEXF.slice(0, GEXF.indexOf("<edges>") + 200);

let app: ServedApp;
let browser: Browser;
let files: Server;
let filesUrl: string;
/** A loopback port nothing listens on. */
let closedPort: number;
/** Requests the second server has seen, by path. */
const requests: string[] = [];

/** The second server, on another port (another origin): CORS or not, errors and oversized answers. */
function startFileServer(): Promise<Server> {
  // Decodes to just over the limit; compressed, it is about 100 KB, and its Content-Length says so.
  const bomb = gzipSync(Buffer.alloc(MAX_IMPORT_BYTES + 1024 * 1024, " "));
  const cors = { "Access-Control-Allow-Origin": "*" };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    requests.push(path);
    const xml = { ...cors, "Content-Type": "application/xml" };
    if (path === "/graph.gexf") response.writeHead(200, xml).end(GEXF);
    else if (path === "/no-cors.gexf")
      response.writeHead(200, { "Content-Type": "application/xml" }).end(GEXF);
    else if (path === "/huge.gexf") {
      // Says 150 MB, sends the start, and waits: the page must stop on the header alone.
      response.writeHead(200, { ...xml, "Content-Length": String(150 * 1024 * 1024) });
      response.write(GEXF.slice(0, 1000));
      request.on("close", () => response.destroy());
    } else if (path === "/bomb.gexf") {
      response.writeHead(200, { ...xml, "Content-Encoding": "gzip", "Content-Length": String(bomb.length) });
      response.end(bomb);
    } else response.writeHead(404, { ...cors, "Content-Type": "text/plain" }).end("not found");
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

beforeAll(async () => {
  [app, browser, files] = await Promise.all([serveBuild(), launchChromium(), startFileServer()]);
  filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  closedPort = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  // Same origin as the page: vite preview serves the build directory as it is on disk.
  mkdirSync(join(app.outDir, "links"), { recursive: true });
  writeFileSync(join(app.outDir, "links/graph.gexf"), GEXF);
  writeFileSync(join(app.outDir, "links/bad.gexf"), MALFORMED);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await new Promise((resolve) => files?.close(resolve));
});

/** Records every text the import's progress line shows, from before the page's own scripts run. */
const RECORD_PROGRESS = `(() => {
  window.__progress = [];
  new MutationObserver(() => {
    const text = document.querySelector(".import-status-text")?.textContent;
    if (text && window.__progress.at(-1) !== text) window.__progress.push(text);
  }).observe(document, { subtree: true, childList: true, characterData: true });
})();`;

async function openLink(query: string): Promise<OpenedPage> {
  const opened = await openExplorer(browser, `${app.url}${query}`);
  return opened;
}

const summary = (page: Page) => page.locator(".filter-summary").textContent();
const noticeText = async (page: Page) => {
  await page.locator("#notices .notice").first().waitFor();
  return page.locator("#notices").textContent();
};
const drawnGraphs = (page: Page) =>
  page.evaluate(() =>
    performance.getEntriesByName("graph-drawn").map((mark) => (mark as PerformanceMark).detail as object),
  );
const pageErrors = (opened: OpenedPage) => opened.errors.filter((error) => error.startsWith("page:"));

/** graph-data is shown, whole, and nothing says a graph was imported. */
async function expectGraphData(page: Page) {
  expect(await summary(page)).toBe(
    `Showing ${graphData.order} nodes of ${graphData.order} and ${graphData.size} claims of ${graphData.size}.`,
  );
  expect(await page.locator("#imported-banner").isVisible()).toBe(false);
  expect(await drawnGraphs(page)).toEqual([{ nodes: graphData.order, edges: graphData.size }]);
  // The address no longer names the file, so reloading shows what is on screen.
  expect(new URL(page.url()).searchParams.has("file")).toBe(false);
}

describe("?file= opens a linked graph", { timeout: 120_000 }, () => {
  it("opens a relative link straight away, with progress, and never draws graph-data", async () => {
    const context = await browser.newContext({
      viewport: { width: 1400, height: 880 },
      deviceScaleFactor: 1,
    });
    await context.addInitScript(RECORD_PROGRESS);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    try {
      await page.goto(`${app.url}?file=links/graph.gexf`);
      await page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 60_000 });
      await nextFrames(page);
      const banner = await page.locator("#imported-banner").textContent();
      expect(banner).toContain(`${app.url}links/graph.gexf`);
      expect(banner).toContain(`${GRAPH.nodes} nodes, ${GRAPH.edges} claims`);
      expect(await summary(page)).toBe(
        `Showing ${GRAPH.nodes} nodes of ${GRAPH.nodes} and ${GRAPH.edges} claims of ${GRAPH.edges}.`,
      );
      // The one graph drawn is the file's.
      expect(await drawnGraphs(page)).toEqual([{ nodes: GRAPH.nodes, edges: GRAPH.edges }]);
      // Bytes first, then nodes and edges.
      const progress = (
        await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress)
      ).join("\n");
      expect(progress).toMatch(/downloading \d+\.\d MB/);
      expect(progress).toContain(`building ${GRAPH.nodes} nodes and ${GRAPH.edges} edges`);
      expect(progress.indexOf("downloading")).toBeLessThan(progress.indexOf("building"));
      const pixels = await canvasPixels(page, "file-param-relative.png");
      expect(pixels.painted).toBeGreaterThan(2000);
      // The explorer adds the camera it fitted; file= stays first.
      expect(new URL(page.url()).search).toMatch(/^\?file=links\/graph\.gexf(&camera=[\d.,]+)?$/);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("opens an absolute link on another origin that allows it, and the link keeps the view", async () => {
    const link = `${filesUrl}/graph.gexf`;
    const view = "claim=12&relation=links-to&camera=0.5,0.5,0.8";
    const opened = await openLink(`?file=${encodeURIComponent(link)}&${view}`);
    const { page } = opened;
    try {
      const details = page.locator("#details");
      const claim12 = details.getByRole("heading", { level: 2, name: "Node 110 is linked to Node 101" });
      await claim12.waitFor();
      expect(await page.locator("#imported-banner").textContent()).toContain(link);
      expect((await canvasPixels(page)).painted).toBeGreaterThan(2000);
      // file= first, then the view as the explorer writes it.
      expect(new URL(page.url()).search).toBe(`?file=${link}&${view}`);
      // A change made in the explorer is written with file= still first.
      await page.keyboard.press("Escape");
      await details.getByRole("heading", { name: "Nothing selected" }).waitFor();
      expect(new URL(page.url()).search).toBe(`?file=${link}&relation=links-to&camera=0.5,0.5,0.8`);
      // Back restores the selection, in the same imported graph.
      await page.goBack();
      await claim12.waitFor();
      expect(new URL(page.url()).search).toBe(`?file=${link}&${view}`);
      // A reload of the link opens the same view.
      await page.reload();
      await page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 60_000 });
      await claim12.waitFor();
      expect(new URL(page.url()).search).toBe(`?file=${link}&${view}`);
      // Going back to graph-data drops the link.
      await page.locator("#back-to-curated").click();
      await page.locator("#imported-banner").waitFor({ state: "hidden" });
      await page.waitForFunction(() => !new URLSearchParams(window.location.search).has("file"));
      expect(new URL(page.url()).searchParams.has("claim")).toBe(false);
      expect(await summary(page)).toContain(`of ${graphData.order}`);
      // Forward from graph-data to an entry of the linked graph opens that file again, with its view.
      await page.goForward();
      await page.locator("#imported-banner").waitFor({ state: "visible" });
      await details.getByRole("heading", { name: "Nothing selected" }).waitFor();
      expect(new URL(page.url()).search).toBe(`?file=${link}&relation=links-to&camera=0.5,0.5,0.8`);
      // The file's graph, under the entry's relation filter (which leaves out nodes with no claim).
      expect(await summary(page)).toMatch(
        new RegExp(`nodes of ${GRAPH.nodes} and ${GRAPH.edges} claims of ${GRAPH.edges}\\.$`),
      );
      expect(pageErrors(opened)).toEqual([]);
    } finally {
      await opened.context.close();
    }
  });
});

describe("a link that cannot be opened shows graph-data and says why", { timeout: 120_000 }, () => {
  const cases: { name: string; link: () => string; reason: RegExp }[] = [
    {
      name: "a javascript: address",
      link: () => "javascript:alert(document.domain)",
      reason: /only http: and https: addresses can be opened, not javascript:/,
    },
    { name: "a 404", link: () => `${filesUrl}/missing.gexf`, reason: /the server answered 404 Not Found/ },
    {
      name: "a server that does not allow CORS",
      link: () => `${filesUrl}/no-cors.gexf`,
      reason: /does not let other sites read the file .*CORS/,
    },
    {
      name: "a server that is not there",
      link: () => `http://127.0.0.1:${closedPort}/graph.gexf`,
      reason: /the server could not be reached/,
    },
    {
      name: "a web page where the file should be (a host's fallback page)",
      link: () => "links/no-such-file.gexf",
      reason: /answered with a web page \(text\/html\), not a graph file/,
    },
    {
      name: "a file over the limit by its Content-Length",
      link: () => `${filesUrl}/huge.gexf`,
      reason: /the server says the file is 150\.0 MB; imports are limited to 100 MB/,
    },
    {
      name: "a file over the limit by the bytes that arrive (a compressed body)",
      link: () => `${filesUrl}/bomb.gexf`,
      reason: /the file is over 100\.0 MB; imports are limited to 100 MB/,
    },
    {
      name: "a malformed file",
      link: () => "links/bad.gexf",
      reason: /bad\.gexf: line \d+/,
    },
  ];

  for (const { name, link, reason } of cases) {
    it(name, async () => {
      const raw = link();
      const opened = await openLink(`?file=${encodeURIComponent(raw)}&node=n3`);
      try {
        const text = await noticeText(opened.page);
        expect(text).toContain(`Could not open the graph at “${raw}”`);
        expect(text).toMatch(reason);
        expect(text).toContain("Showing graph-data instead.");
        await expectGraphData(opened.page);
        // Nothing else is reported: the link's node= was meant for the file's graph.
        expect(await opened.page.locator("#notices .notice").count()).toBe(1);
        expect(pageErrors(opened)).toEqual([]);
      } finally {
        await opened.context.close();
      }
    });
  }

  it("never requested the refused address or more of the oversized ones than it needed", () => {
    expect(requests.filter((path) => path.includes("alert"))).toEqual([]);
    // The CORS probe asks once more; every other link was fetched once.
    expect(requests.filter((path) => path === "/huge.gexf")).toHaveLength(1);
  });
});
