import { describe, expect, it } from "vitest";
import { type FitFrame, type FitItem, fitCamera } from "../src/ui/state/camera-fit.ts";

const frame: FitFrame = {
  width: 800,
  height: 600,
  padding: 20,
  scaleX: 600,
  scaleY: -600,
  minRatio: 0.01,
  maxRatio: 10,
};

/** Where an item's left and right pixel edges land for a camera, as sigma would draw them. */
function edges(item: FitItem, camera: { x: number; y: number; ratio: number }) {
  const centreX = frame.width / 2 + ((item.x - camera.x) * frame.scaleX) / camera.ratio;
  const centreY = frame.height / 2 + ((item.y - camera.y) * frame.scaleY) / camera.ratio;
  return {
    left: centreX - item.radius,
    right: centreX + item.radius + (item.labelWidth ? item.labelWidth + 6 : 0),
    top: centreY - Math.max(item.radius, 9),
    bottom: centreY + Math.max(item.radius, 9),
  };
}

describe("fitCamera", () => {
  const items: FitItem[] = [
    { x: 0.1, y: 0.2, radius: 6, labelWidth: 40 },
    { x: 0.9, y: 0.8, radius: 10, labelWidth: 220 },
    { x: 0.5, y: 0.5, radius: 4, labelWidth: 0 },
  ];

  it("keeps every node and its label inside the padded frame", () => {
    const camera = fitCamera(items, frame);
    for (const item of items) {
      const box = edges(item, camera);
      expect(box.left).toBeGreaterThanOrEqual(frame.padding - 0.5);
      expect(box.right).toBeLessThanOrEqual(frame.width - frame.padding + 0.5);
      expect(box.top).toBeGreaterThanOrEqual(frame.padding - 0.5);
      expect(box.bottom).toBeLessThanOrEqual(frame.height - frame.padding + 0.5);
    }
  });

  it("zooms as close as it can: one binding side touches the padding", () => {
    const camera = fitCamera(items, frame);
    const boxes = items.map((item) => edges(item, camera));
    const width = Math.max(...boxes.map((b) => b.right)) - Math.min(...boxes.map((b) => b.left));
    const height = Math.max(...boxes.map((b) => b.bottom)) - Math.min(...boxes.map((b) => b.top));
    const slack = Math.min(
      frame.width - 2 * frame.padding - width,
      frame.height - 2 * frame.padding - height,
    );
    expect(slack).toBeLessThan(1);
  });

  it("shifts left to make room for long labels on the right", () => {
    const plain = fitCamera(
      items.map((item) => ({ ...item, labelWidth: 0 })),
      frame,
    );
    const labelled = fitCamera(items, frame);
    expect(labelled.x).toBeGreaterThan(plain.x);
  });

  it("still fits the nodes on a screen narrower than a label (a phone), looking at their middle", () => {
    const phone: FitFrame = { ...frame, width: 390, height: 500, scaleX: 350, scaleY: -350, maxRatio: 4 };
    const wide = [
      { x: 0.2, y: 0.5, radius: 5, labelWidth: 30 },
      { x: 0.8, y: 0.5, radius: 5, labelWidth: 420 },
    ];
    const camera = fitCamera(wide, phone);
    expect(camera.ratio).toBeLessThan(phone.maxRatio);
    for (const item of wide) {
      const centreX = phone.width / 2 + ((item.x - camera.x) * phone.scaleX) / camera.ratio;
      expect(centreX - item.radius).toBeGreaterThanOrEqual(phone.padding - 0.5);
      expect(centreX + item.radius).toBeLessThanOrEqual(phone.width - phone.padding + 0.5);
    }
  });

  it("gives a crowded graph the room: labels claim little of the width past a few hundred nodes", () => {
    const crowd = Array.from({ length: 400 }, (_, i) => ({
      x: (i % 20) / 20,
      y: Math.floor(i / 20) / 80,
      radius: 3,
      labelWidth: 200,
    }));
    const spread = (camera: { ratio: number }) => (0.95 * frame.scaleX) / camera.ratio;
    // The 400 nodes span more than four fifths of the usable width; labels get what is left.
    const crowded = spread(fitCamera(crowd, frame));
    expect(crowded).toBeGreaterThan((frame.width - 2 * frame.padding) * 0.8);
    // Twenty-one of them, as wide, leave their labels the room they need.
    const few = crowd.filter((_item, i) => i % 20 === 0 || i === 19);
    expect(spread(fitCamera(few, frame))).toBeLessThan(crowded - 100);
  });

  it("falls back to the whole graph when there is nothing to fit", () => {
    expect(fitCamera([], frame)).toEqual({ x: 0.5, y: 0.5, ratio: 1 });
  });
});

describe("fitCamera around a centre", () => {
  const items: FitItem[] = [
    { x: 0.5, y: 0.5, radius: 8, labelWidth: 60 },
    { x: 0.2, y: 0.4, radius: 5, labelWidth: 80 },
    { x: 0.55, y: 0.9, radius: 5, labelWidth: 30 },
  ];

  it("looks at the centre and still fits every item on its side of it", () => {
    const camera = fitCamera(items, frame, { x: 0.5, y: 0.5 });
    expect(camera).toMatchObject({ x: 0.5, y: 0.5 });
    for (const item of items) {
      const box = edges(item, camera);
      expect(box.left).toBeGreaterThanOrEqual(frame.padding - 0.5);
      expect(box.right).toBeLessThanOrEqual(frame.width - frame.padding + 0.5);
      expect(box.top).toBeGreaterThanOrEqual(frame.padding - 0.5);
      expect(box.bottom).toBeLessThanOrEqual(frame.height - frame.padding + 0.5);
    }
  });

  it("needs to zoom out further than a free fit of the same items", () => {
    expect(fitCamera(items, frame, { x: 0.5, y: 0.5 }).ratio).toBeGreaterThan(fitCamera(items, frame).ratio);
  });
});
