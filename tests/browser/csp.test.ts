// The Content-Security-Policy of the built page (issue 14, #8), in a real headless Chromium on the
// production build: the page carries the policy and no inline script, the explorer paints and reruns
// its layout (ForceAtlas2's blob: worker) with no violation reported, an injected inline script and an
// inline event handler do not run, and the page may still fetch a file from another http origin.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canvasPixels, launchChromium, nextFrames, type ServedApp, serveBuild } from "./harness.ts";

/** The policy index.html must ship, directive by directive (README "Hosting" has the same header). */
const EXPECTED_POLICY: Record<string, string[]> = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "worker-src": ["'self'", "blob:"],
  "img-src": ["'self'", "data:", "blob:"],
  "style-src": ["'self'"],
  "connect-src": ["'self'", "http:", "https:"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
};

function parsePolicy(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy
      .split(";")
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name as string, sources]),
  );
}

// Violations are collected from the first moment of the page, before any of its own script runs.
const RECORD_VIOLATIONS = `
  window.__violations = [];
  document.addEventListener("securitypolicyviolation", (event) => {
    window.__violations.push(event.effectiveDirective + " " + (event.blockedURI || "") + " " + (event.sample || ""));
  });
`;

let app: ServedApp;
let browser: Browser;
let elsewhere: Server;
let elsewhereUrl: string;

beforeAll(async () => {
  // Another origin (another port) serving a small file with CORS, as a linked ?file= host would.
  elsewhere = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/plain", "access-control-allow-origin": "*" });
    response.end("linked file");
  });
  await new Promise<void>((resolve) => elsewhere.listen(0, "127.0.0.1", resolve));
  elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/graph.gexf`;
  [app, browser] = await Promise.all([serveBuild(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await new Promise((resolve) => elsewhere?.close(resolve));
});

async function open(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 880 },
    reducedMotion: "reduce",
    deviceScaleFactor: 1,
  });
  await context.addInitScript(RECORD_VIOLATIONS);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || /Content Security Policy/i.test(message.text())) {
      errors.push(`console: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => errors.push(`page: ${error.message}`));
  await page.goto(app.url);
  await page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 60_000 });
  await nextFrames(page);
  return { page, errors };
}

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

describe("Content-Security-Policy", { timeout: 120_000 }, () => {
  it("ships in the built page as a meta tag, and the page has no inline script or style", () => {
    const html = readFileSync(join(app.outDir, "index.html"), "utf8");
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
    expect(meta, "the built index.html has no CSP meta tag").not.toBeNull();
    expect(parsePolicy(meta?.[1] ?? "")).toEqual(EXPECTED_POLICY);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\ssrc="\.\/assets\//);
      expect(body?.trim()).toBe("");
    }
    expect(html).not.toMatch(/<style\b|\sstyle="|\son[a-z]+=/i);
  });

  it("lets the explorer paint and rerun its layout with no violation reported", async () => {
    const { page, errors } = await open();
    const pixels = await canvasPixels(page, "csp-explorer.png");
    expect(pixels.painted).toBeGreaterThan(20_000);
    expect(pixels.byColour.actor).toBeGreaterThan(0);
    // The stylesheet applies: the app's layout, not the browser's default block flow.
    const display = await page.evaluate(
      () => getComputedStyle(document.getElementById("app") as Element).display,
    );
    expect(display).not.toBe("block");
    // ForceAtlas2's supervisor starts its worker from a blob: URL.
    await page.getByRole("button", { name: "Rerun layout" }).click();
    await page.getByRole("button", { name: "Stop" }).and(page.locator(":enabled")).waitFor();
    await page.waitForTimeout(300);
    await page.getByRole("button", { name: "Stop" }).click();
    await page.getByRole("button", { name: "Rerun layout" }).and(page.locator(":enabled")).waitFor();
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("blocks an injected inline script and an inline event handler", async () => {
    const { page } = await open();
    const ran = await page.evaluate(async () => {
      const script = document.createElement("script");
      script.textContent = "window.__injected = 'script ran';";
      document.head.append(script);
      document.body.insertAdjacentHTML(
        "beforeend",
        `<img src="./no-such-image.png" onerror="window.__handler = 'handler ran'">`,
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      const found = window as unknown as { __injected?: string; __handler?: string };
      return [found.__injected ?? null, found.__handler ?? null];
    });
    expect(ran).toEqual([null, null]);
    const reported = await violations(page);
    expect(reported.some((v) => v.startsWith("script-src-elem inline"))).toBe(true);
    expect(reported.some((v) => v.startsWith("script-src-attr inline"))).toBe(true);
    await page.context().close();
  });

  it("still lets the page fetch a file from another http origin, as a linked file needs", async () => {
    const { page } = await open();
    const text = await page.evaluate((url) => fetch(url).then((response) => response.text()), elsewhereUrl);
    expect(text).toBe("linked file");
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });
});
