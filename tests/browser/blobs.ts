// What the network canvas shows, counted as separate shapes: the connected patches of pixels close to
// a colour (a node drawn at full strength is one patch). Framing tests use it to say that every node
// of a chain is on screen, which a count of pixels alone cannot: one big node or two small ones look
// alike. The PNG is decoded in a blank page of the same browser, as harness.ts's pngPixels does.
import type { Page } from "playwright-core";
import { inDecoder, nextFrames, type PngDecoder } from "./harness.ts";

/** How many patches of at least `minPixels` pixels within `tolerance` of each colour the canvas shows. */
export async function colourPatches(
  page: Page,
  colours: Record<string, string>,
  minPixels = 12,
  tolerance = 40,
): Promise<Record<string, number>> {
  await nextFrames(page);
  const png = await page.locator("#graph-canvas").screenshot();
  return inDecoder(
    page,
    async ({ base64, colours, minPixels, tolerance }) => {
      const { data, width, height } = await (globalThis as unknown as PngDecoder).decodePng(base64);
      const out: Record<string, number> = {};
      for (const [name, hex] of Object.entries(colours)) {
        const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [
          number,
          number,
          number,
        ];
        const near = new Uint8Array(width * height);
        for (let p = 0; p < width * height; p++) {
          const d =
            Math.abs((data[p * 4] ?? 0) - r) +
            Math.abs((data[p * 4 + 1] ?? 0) - g) +
            Math.abs((data[p * 4 + 2] ?? 0) - b);
          near[p] = d < tolerance ? 1 : 0;
        }
        let patches = 0;
        const stack: number[] = [];
        for (let start = 0; start < near.length; start++) {
          if (near[start] !== 1) continue;
          near[start] = 2;
          stack.push(start);
          let size = 0;
          while (stack.length) {
            const p = stack.pop() as number;
            size++;
            const x = p % width;
            for (const q of [p - width, p + width, x > 0 ? p - 1 : -1, x < width - 1 ? p + 1 : -1]) {
              if (q >= 0 && q < near.length && near[q] === 1) {
                near[q] = 2;
                stack.push(q);
              }
            }
          }
          if (size >= minPixels) patches++;
        }
        out[name] = patches;
      }
      return out;
    },
    { base64: png.toString("base64"), colours, minPixels, tolerance },
  );
}
