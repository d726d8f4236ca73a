// Shared set-up of the browser tests: a production build served by `vite preview`, Debian's
// Chromium driven by playwright-core, pages that report console and page errors, and pixel
// counts of the network canvas taken from real screenshots.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { build, type PreviewServer, preview } from "vite";
import { KIND_STYLES, NODE_KINDS, RELATION_STYLES, RELATIONS } from "../../src/model/vocabulary.ts";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const ARTIFACTS = join(ROOT, "tests/artifacts");

export const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
}

export interface ServedApp {
  url: string;
  outDir: string;
  close(): Promise<void>;
}

/** Builds the site into a temporary directory (never dist/) and serves it on a free port. */
export async function serveBuild(): Promise<ServedApp> {
  const outDir = mkdtempSync(join(tmpdir(), "linkage-atlas-e2e-"));
  const configFile = join(ROOT, "vite.config.ts");
  await build({ root: ROOT, configFile, logLevel: "error", build: { outDir, emptyOutDir: true } });
  const server: PreviewServer = await preview({
    root: ROOT,
    configFile,
    logLevel: "error",
    build: { outDir },
    preview: { host: "127.0.0.1", port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error("vite preview did not report a URL");
  return {
    url,
    outDir,
    async close() {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught page errors seen so far. */
  errors: string[];
}

/** Makes WebGL2 unavailable, as on a browser or machine that has it turned off. */
const WITHOUT_WEBGL2 = `(() => {
  const original = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
    if (type === "webgl2") return null;
    return original.call(this, type, ...rest);
  };
})();`;

export async function openExplorer(
  browser: Browser,
  url: string,
  options: { webgl2?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<OpenedPage> {
  // Reduced motion makes camera moves instant, so tests wait for state, never for animations.
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1400, height: 880 },
    reducedMotion: "reduce",
    deviceScaleFactor: 1,
  });
  if (options.webgl2 === false) await context.addInitScript(WITHOUT_WEBGL2);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`page: ${error.message}`));
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 60_000 });
  await nextFrames(page);
  return { page, context, errors };
}

/** Two animation frames: enough for sigma to draw what the last state change asked for. */
export function nextFrames(page: Page): Promise<void> {
  return page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

export function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

export interface CanvasPixels {
  /** Pixels that are not the white stage. */
  painted: number;
  /** Pixels close to each kind's and each relation's colour. */
  byColour: Record<string, number>;
  /** Where each colour's pixels are on average, in page coordinates (null when absent). */
  centroid: Record<string, { x: number; y: number } | null>;
  /** The screenshot itself, for comparing two pictures pixel by pixel (vanished). */
  png: Buffer;
}

const PALETTE: Record<string, string> = {
  ...Object.fromEntries(NODE_KINDS.map((kind) => [kind, KIND_STYLES[kind].color])),
  ...Object.fromEntries(RELATIONS.map((relation) => [relation, RELATION_STYLES[relation].color])),
};

/**
 * Screenshots the network canvas and counts its pixels by colour. The PNG is decoded in a blank
 * page of the same browser (a 2D canvas), so the test needs no image library.
 */
/** `colours` adds named colours to count (e.g. the Compare roles) beside the kinds and relations. */
export async function canvasPixels(
  page: Page,
  save?: string,
  colours: Record<string, string> = {},
): Promise<CanvasPixels> {
  await nextFrames(page);
  const stage = page.locator("#graph-canvas");
  const box = await stage.boundingBox();
  if (!box) throw new Error("the network canvas is not on screen");
  const png = await stage.screenshot(save ? { path: artifact(save) } : {});
  return pngPixels(page, png, { ...PALETTE, ...colours }, { x: box.x, y: box.y });
}

/**
 * How many pixels close to `hex` in the `before` picture are white stage in `after` (same size): what
 * a change took away in that colour. Labels that grow or move elsewhere add pixels, so they do not
 * hide lines that went. Decoded in a blank page of the same browser, as pngPixels does.
 */
export async function vanished(page: Page, before: Buffer, after: Buffer, hex: string): Promise<number> {
  return inDecoder(
    page,
    async ({ pictures, hex }) => {
      const { decodePng } = globalThis as unknown as PngDecoder;
      const [was, is] = (await Promise.all(pictures.map(decodePng))).map((image) => image.data) as [
        Uint8ClampedArray,
        Uint8ClampedArray,
      ];
      if (was.length !== is.length) throw new Error("the two pictures differ in size");
      const target = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
      let gone = 0;
      for (let i = 0; i < was.length; i += 4) {
        let distance = 0;
        for (let c = 0; c < 3; c++) distance += Math.abs((was[i + c] as number) - (target[c] as number));
        if (distance >= 60) continue;
        if ((is[i] as number) > 245 && (is[i + 1] as number) > 245 && (is[i + 2] as number) > 245) gone++;
      }
      return gone;
    },
    { pictures: [before.toString("base64"), after.toString("base64")], hex },
  );
}

/** What each decoder page has: the RGBA pixels of a base64 PNG, decoded by the browser itself. */
export interface PngDecoder {
  decodePng(base64: string): Promise<ImageData>;
}

/**
 * Runs `measure` in a blank page of the same browser that can decode PNGs (`PngDecoder`), so pictures
 * are read by the code that drew them, with no decoder of our own; the page is closed afterwards.
 */
export async function inDecoder<Arg, Result>(
  page: Page,
  measure: (arg: Arg) => Promise<Result>,
  arg: Arg,
): Promise<Result> {
  const decoder = await page.context().newPage();
  try {
    await decoder.evaluate(() => {
      (globalThis as unknown as PngDecoder).decodePng = async (base64) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = document.createElement("canvas");
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext("2d");
        if (!context) throw new Error("no 2d context");
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, canvas.width, canvas.height);
      };
    });
    // Arg is plain data here (strings, numbers, records), which playwright passes through unchanged.
    return await decoder.evaluate(measure as (arg: unknown) => Promise<Result>, arg as unknown);
  } finally {
    await decoder.close();
  }
}

/**
 * Counts a PNG's pixels that are not white, and those close to each named colour. `origin` shifts the
 * centroids into page coordinates. The PNG is decoded in a blank page of the same browser.
 */
export async function pngPixels(
  page: Page,
  png: Buffer,
  palette: Record<string, string> = {},
  origin: { x: number; y: number } = { x: 0, y: 0 },
): Promise<CanvasPixels> {
  const counts = await inDecoder(
    page,
    async ({ base64, palette, origin }) => {
      const { data, width } = await (globalThis as unknown as PngDecoder).decodePng(base64);
      const targets = Object.entries(palette).map(([name, hex]) => ({
        name,
        rgb: [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number],
        count: 0,
        sumX: 0,
        sumY: 0,
      }));
      let painted = 0;
      for (let i = 0; i < data.length; i += 4) {
        const r = data[i] as number;
        const g = data[i + 1] as number;
        const b = data[i + 2] as number;
        if (r > 245 && g > 245 && b > 245) continue;
        painted++;
        for (const target of targets) {
          const [tr, tg, tb] = target.rgb;
          if (Math.abs(r - tr) + Math.abs(g - tg) + Math.abs(b - tb) >= 60) continue;
          target.count++;
          target.sumX += (i / 4) % width;
          target.sumY += Math.floor(i / 4 / width);
        }
      }
      return {
        painted,
        byColour: Object.fromEntries(targets.map((t) => [t.name, t.count])),
        centroid: Object.fromEntries(
          targets.map((t) => [
            t.name,
            t.count ? { x: t.sumX / t.count + origin.x, y: t.sumY / t.count + origin.y } : null,
          ]),
        ),
      };
    },
    { base64: png.toString("base64"), palette, origin },
  );
  return { ...counts, png };
}
