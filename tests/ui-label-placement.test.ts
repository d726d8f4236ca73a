// Label placement (src/ui/controllers/label-placement.ts): boxes as sigma draws them, no label over
// another label or a node, the important labels first, and the must-labels kept where they can be.
import { describe, expect, it } from "vitest";
import {
  type Box,
  boxOverlap,
  type Disc,
  discTouches,
  type LabelPlace,
  type LabelRequest,
  labelBox,
  type PlacementFrame,
  placeLabels,
} from "../src/ui/controllers/label-placement.ts";

const frame: PlacementFrame = { width: 800, height: 600, textHeight: 13, margin: 5, padding: 2, gap: 2 };

const request = (key: string, x: number, y: number, width: number, must = false): LabelRequest => ({
  key,
  x,
  y,
  radius: 6,
  width,
  must,
});
const discOf = ({ key, x, y, radius }: LabelRequest): Disc => ({ key, x, y, radius });

/** Every placed label's box, to check the result as sigma would draw it. */
function boxes(requests: readonly LabelRequest[], places: Map<string, LabelPlace>): [string, Box][] {
  return requests.flatMap((r) => {
    const place = places.get(r.key);
    if (!place || place.side === "none") return [];
    const width = place.short ? (r.shortWidth ?? r.width) : r.width;
    return [[r.key, labelBox(place.side, { ...r, width }, frame)] as [string, Box]];
  });
}

describe("labelBox", () => {
  it("starts the label past the node's edge and the margin, centred on the node, as sigma does", () => {
    const at = { x: 100, y: 50, radius: 6, width: 40 };
    expect(labelBox("right", at, frame)).toEqual({ minX: 109, maxX: 153, minY: 41.5, maxY: 58.5 });
    expect(labelBox("left", at, frame)).toEqual({ minX: 47, maxX: 91, minY: 41.5, maxY: 58.5 });
    expect(labelBox("below", at, frame).minY).toBeCloseTo(59);
    expect(labelBox("above", at, frame).maxY).toBeCloseTo(41);
  });
});

describe("placeLabels", () => {
  it("puts a lone label on the right", () => {
    const one = request("a", 100, 100, 60);
    expect(placeLabels([one], [discOf(one)], frame).get("a")?.side).toBe("right");
  });

  it("moves a label to the left when the right would leave the screen", () => {
    const edge = request("a", 760, 100, 120);
    expect(placeLabels([edge], [discOf(edge)], frame).get("a")?.side).toBe("left");
  });

  it("never lets two labels overlap, nor an optional label cover a node, in a crowd", () => {
    // A grid of nodes 40 px apart with long labels: most cannot be labelled at all. Every seventh
    // label is a must-label, which may cover a node but not a label.
    const requests: LabelRequest[] = [];
    for (let i = 0; i < 12; i++) {
      for (let j = 0; j < 10; j++) {
        requests.push(
          request(`n${i}-${j}`, 30 + i * 40, 30 + j * 40, 90 + (i % 3) * 20, (i * 10 + j) % 7 === 0),
        );
      }
    }
    const discs = requests.map(discOf);
    const placed = boxes(requests, placeLabels(requests, discs, frame));
    expect(placed.length).toBeGreaterThan(10);
    const must = new Set(requests.filter((r) => r.must).map((r) => r.key));
    for (const [i, [key, box]] of placed.entries()) {
      for (const [other, otherBox] of placed.slice(i + 1)) {
        expect(boxOverlap(box, otherBox), `${key} and ${other}`).toBe(0);
      }
      if (must.has(key)) continue;
      for (const disc of discs)
        if (disc.key !== key) expect(discTouches(box, disc), `${key} on ${disc.key}`).toBe(false);
    }
  });

  it("serves the more important label first when two want the same room", () => {
    const first = request("first", 100, 100, 200);
    const second = request("second", 100, 112, 200);
    const sides = placeLabels([first, second], [discOf(first), discOf(second)], frame);
    expect(sides.get("first")?.side).toBe("right");
    const sidesSwapped = placeLabels([second, first], [discOf(first), discOf(second)], frame);
    expect(sidesSwapped.get("second")?.side).toBe("right");
  });

  it("lets a must-label cover a node where no side is free, which an optional label may not", () => {
    // The must-label's node is boxed in by four nodes, one on each side.
    const boxed = request("boxed", 300, 300, 30, true);
    const around = [
      request("r", 330, 300, 0),
      request("l", 270, 300, 0),
      request("b", 300, 320, 0),
      request("t", 300, 280, 0),
    ];
    const discs = [boxed, ...around].map(discOf);
    expect(placeLabels([boxed], discs, frame).get("boxed")?.side).not.toBe("none");
    const optional = { ...boxed, must: false };
    expect(placeLabels([optional], discs, frame).get("boxed")?.side).toBe("none");
  });

  it("falls back to the short form of a name (an abbreviation) where the full one finds no room", () => {
    const long = { ...request("paros", 600, 100, 300, true), shortWidth: 40 };
    const wall = [request("w1", 560, 100, 0), request("w2", 600, 120, 0), request("w3", 600, 80, 0)];
    const discs = [long, ...wall].map(discOf);
    expect(placeLabels([long], discs, frame).get("paros")).toEqual({ side: "right", short: true });
    // With room for it, the full name is used.
    expect(placeLabels([{ ...long, x: 100 }], [discOf({ ...long, x: 100 })], frame).get("paros")).toEqual({
      side: "right",
      short: false,
    });
  });

  it("moves a label out of the way of a must-label when it has room elsewhere", () => {
    // "long" takes the right first; the must-label below it only fits where long's label sits.
    const long = request("long", 100, 100, 160);
    const must = request("must", 200, 117, 40, true);
    const wall = [request("w1", 160, 117, 0), request("w2", 200, 137, 0), request("w3", 200, 97, 0)];
    const discs = [long, must, ...wall].map(discOf);
    const sides = placeLabels([long, must], discs, frame);
    expect(sides.get("must")?.side).not.toBe("none");
    expect(sides.get("long")?.side).not.toBe("none");
    const placed = boxes([long, must], sides);
    expect(boxOverlap(placed[0]?.[1] as Box, placed[1]?.[1] as Box)).toBe(0);
  });
});
