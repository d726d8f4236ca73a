// The explorer refuses a file that is not UTF-8, naming the byte offset of the first bad byte, and
// leaves the graph as it was (issue 14, #11: the worker used to replace bad bytes with U+FFFD).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openExplorer, type ServedApp, serveBuild } from "./harness.ts";

const scratch = mkdtempSync(join(tmpdir(), "linkage-import-utf8-"));
let app: ServedApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([serveBuild(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe("importing a file that is not UTF-8", { timeout: 120_000 }, () => {
  it("is refused with the byte offset, and the graph stays", async () => {
    const { page } = await openExplorer(browser, app.url);
    const before = await page.locator(".filter-summary").textContent();
    const text =
      '<?xml version="1.0"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="a" label="caf';
    const latin1 = Buffer.concat([
      Buffer.from(text, "utf8"),
      Buffer.from([0xe9]), // "é" in Latin-1: not a UTF-8 sequence
      Buffer.from('"/></nodes></graph></gexf>\n', "utf8"),
    ]);
    const file = join(scratch, "latin1.gexf");
    writeFileSync(file, latin1);
    await page.locator("#import-button").click();
    await page.locator("#import-dialog").waitFor();
    await page.locator("#import-file").setInputFiles(file);
    const error = page.locator("#import-error");
    await error.waitFor({ state: "visible" });
    const message = (await error.textContent()) ?? "";
    expect(message).toContain("latin1.gexf");
    expect(message).toContain(`not UTF-8: byte 0xe9 at byte offset ${Buffer.byteLength(text)}`);
    expect(await page.locator(".filter-summary").textContent()).toBe(before);
  });
});
