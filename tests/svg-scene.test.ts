// The SVG writer over a plain scene: well-formed XML, one vector element per node and claim, labels
// as text (escaped, never markup), dimmed items at their opacity, dashes and end marks per relation,
// the marks sized from the line's width as the explorer's sigma program sizes them (styles.ts).
import { readFileSync } from "node:fs";
import { DOMParser, type Element as XmlElement } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import {
  HEAD_SIZES,
  type Scene,
  type SceneClaim,
  type SceneNode,
  writeSvg,
} from "../src/formats/svg-scene.ts";

const XSS = `<img src=x onerror=alert(1)>`;

function node(id: string, x: number, y: number, extra: Partial<SceneNode> = {}): SceneNode {
  return {
    id,
    x,
    y,
    size: 8,
    shape: "circle",
    color: "#2563eb",
    opacity: 1,
    label: id,
    labelColor: "#1e293b",
    labelSize: 13,
    ...extra,
  };
}

function claim(id: string, from: SceneNode, to: SceneNode, extra: Partial<SceneClaim> = {}): SceneClaim {
  return {
    id,
    source: { x: from.x, y: from.y },
    target: { x: to.x, y: to.y },
    targetSize: to.size,
    curvature: 0,
    color: "#15803d",
    width: 2,
    dash: 0,
    head: "arrow",
    opacity: 1,
    label: null,
    ...extra,
  };
}

const a = node("china", 100, 100, { label: 'China & "friends"' });
const b = node("nmd", 300, 120, { shape: "square", color: "#d97706", label: XSS });
const c = node("abm", 200, 300, { shape: "triangle", color: "#059669", opacity: 0.18, label: null });
const scene: Scene = {
  width: 640,
  height: 480,
  background: "#ffffff",
  fontFamily: "sans-serif",
  fontWeight: "600",
  title: "View <of> graph",
  claims: [
    claim("c1", a, b),
    claim("c2", b, c, { color: "#dc2626", dash: 6, head: "bar", label: "opposes" }),
    claim("c3", a, c, { color: "#7c3aed", head: "diamond", curvature: 0.2, opacity: 0.08 }),
  ],
  nodes: [a, b, c],
};

function parse(text: string) {
  const errors: string[] = [];
  const document = new DOMParser({
    onError: (level, message) => void (level !== "warning" && errors.push(message)),
  }).parseFromString(text, "image/svg+xml");
  expect(errors).toEqual([]);
  return document;
}

describe("writeSvg", () => {
  const svg = writeSvg(scene);
  const document = parse(svg);
  const all = (selectorClass: string) =>
    Array.from(document.getElementsByTagName("*")).filter((element) =>
      (element.getAttribute("class") ?? "").split(" ").includes(selectorClass),
    );

  it("is an SVG document of the scene's size", () => {
    const root = document.documentElement;
    expect(root?.localName).toBe("svg");
    expect(root?.getAttribute("xmlns")).toBe("http://www.w3.org/2000/svg");
    expect(root?.getAttribute("viewBox")).toBe("0 0 640 480");
  });

  it("draws one vector element per node, in the node's shape", () => {
    const nodes = all("node");
    expect(nodes.map((element) => element.getAttribute("data-id"))).toEqual(["china", "nmd", "abm"]);
    expect(nodes.map((element) => element.localName)).toEqual(["circle", "rect", "polygon"]);
    expect(nodes[2]?.getAttribute("opacity")).toBe("0.18");
    expect(nodes[0]?.hasAttribute("opacity")).toBe(false);
  });

  it("draws one path per claim, with its colour, dash and end mark", () => {
    const claims = all("claim");
    expect(claims.map((element) => element.getAttribute("data-id"))).toEqual(["c1", "c2", "c3"]);
    expect(claims.every((element) => element.localName === "path")).toBe(true);
    expect(claims[1]?.getAttribute("stroke")).toBe("#dc2626");
    expect(claims[1]?.getAttribute("stroke-dasharray")).toMatch(/^6 /);
    expect(claims[0]?.hasAttribute("stroke-dasharray")).toBe(false);
    expect(claims[2]?.getAttribute("d")).toMatch(/ Q/);
    const heads = all("claim-head");
    expect(heads.map((element) => element.getAttribute("data-id"))).toEqual(["c1", "c2", "c3"]);
    expect(heads.map((element) => element.getAttribute("class")?.split(" ")[1])).toEqual([
      "claim-head-arrow",
      "claim-head-bar",
      "claim-head-diamond",
    ]);
    // A mark is a solid shape in its claim's colour and opacity, never dashed.
    expect(heads[1]?.getAttribute("fill")).toBe("#dc2626");
    expect(heads[1]?.hasAttribute("stroke-dasharray")).toBe(false);
    expect(heads[2]?.getAttribute("opacity")).toBe("0.08");
  });

  it("writes labels as text, escaped, and leaves out labels the view does not show", () => {
    const labels = all("node-label").map((element) => element.textContent);
    expect(labels).toEqual(['China & "friends"', XSS]);
    expect(all("claim-label").map((element) => element.textContent)).toEqual(["opposes"]);
    expect(svg).not.toContain("<img");
    expect(document.getElementsByTagName("img").length).toBe(0);
    expect(document.getElementsByTagName("title")[0]?.textContent).toBe("View <of> graph");
  });

  it("keeps characters XML cannot hold out of the document", () => {
    const text = writeSvg({ ...scene, nodes: [node("x", 1, 1, { label: "bell\u0007 ok" })], claims: [] });
    parse(text);
    expect(text).toContain(">bell ok<");
  });
});

/** The points of a mark's outline (`d` of a path, or a circle's box), for measuring it. */
function outline(element: XmlElement): { x: number; y: number }[] {
  if (element.localName === "circle") {
    const [cx, cy, r] = ["cx", "cy", "r"].map((name) => Number(element.getAttribute(name)));
    return [
      { x: (cx as number) - (r as number), y: cy as number },
      { x: (cx as number) + (r as number), y: cy as number },
      { x: cx as number, y: (cy as number) - (r as number) },
      { x: cx as number, y: (cy as number) + (r as number) },
    ];
  }
  return (element.getAttribute("d")?.match(/-?[\d.]+,-?[\d.]+/g) ?? []).map((pair) => {
    const [x, y] = pair.split(",").map(Number);
    return { x: x as number, y: y as number };
  });
}

/** A mark's extent along a horizontal claim (x) and across it (y). */
function extent(element: XmlElement): { along: number; across: number } {
  const points = outline(element);
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  return { along: Math.max(...xs) - Math.min(...xs), across: Math.max(...ys) - Math.min(...ys) };
}

describe("end marks as the PNG draws them", () => {
  const from = node("from", 0, 100, { size: 10 });
  const to = node("to", 400, 100, { size: 10 });
  const draw = (extra: Partial<SceneClaim>) => {
    const document = parse(
      writeSvg({ ...scene, nodes: [from, to], claims: [claim("x", from, to, { ...extra, sourceSize: 10 })] }),
    );
    const find = (name: string) =>
      Array.from(document.getElementsByTagName("*")).filter((element) =>
        (element.getAttribute("class") ?? "").split(" ").includes(name),
      );
    return { line: find("claim")[0] as XmlElement, head: find("claim-head")[0], tail: find("claim-tail")[0] };
  };

  it("uses the head sizes of the explorer's sigma program (styles.ts)", () => {
    // The explorer's extremities, read from its source: formats may not import the UI.
    const styles = readFileSync(new URL("../src/ui/controllers/styles.ts", import.meta.url), "utf8");
    const sigmaDefaults = { arrow: [5, 4], bar: [0.75, 4], circle: [4, 5], diamond: [5, 4] };
    for (const [head, [length, width]] of Object.entries(sigmaDefaults)) {
      const name = `extremity${head[0]?.toUpperCase()}${head.slice(1)}`;
      const call = new RegExp(`${name}\\(([^)]*)\\)`).exec(styles);
      expect(call, name).not.toBeNull();
      const options = call?.[1] ?? "";
      const ratio = (key: string, fallback: number) =>
        Number(new RegExp(`${key}: ([\\d.]+)`).exec(options)?.[1] ?? fallback);
      const lengthRatio = ratio("lengthRatio", length as number);
      // sigma's circle defaults its width to its length + 1.
      const widthRatio = ratio("widthRatio", head === "circle" ? lengthRatio + 1 : (width as number));
      expect(HEAD_SIZES[head as keyof typeof HEAD_SIZES]).toEqual({ length: lengthRatio, width: widthRatio });
    }
  });

  it.each([
    ["arrow", 1.6],
    ["diamond", 1.6],
    ["diamond", 3.4],
    ["bar", 3.4],
  ] as const)(
    "a %s on a %s px line is as long and as wide as sigma draws it, its tip on the rim",
    (head, width) => {
      const { line, head: mark } = draw({ head, width });
      const size = extent(mark as XmlElement);
      expect(size.along).toBeCloseTo(HEAD_SIZES[head].length * width, 1);
      expect(size.across).toBeCloseTo(HEAD_SIZES[head].width * width, 1);
      // The tip touches the target's rim (x 390); the line stops where the mark begins.
      expect(Math.max(...outline(mark as XmlElement).map((p) => p.x))).toBeCloseTo(390, 1);
      const end = outline(line).at(-1);
      expect(end?.x).toBeCloseTo(390 - HEAD_SIZES[head].length * width, 1);
      expect(line.getAttribute("stroke-width")).toBe(String(width));
    },
  );

  it("draws a document claim's dot at its start, on the source's rim, and starts the line after it", () => {
    const { line, tail } = draw({ head: "diamond", tail: "circle", width: 1.6, color: "#737373" });
    expect(tail?.localName).toBe("circle");
    expect(tail?.getAttribute("fill")).toBe("#737373");
    expect(Number(tail?.getAttribute("r"))).toBeCloseTo((HEAD_SIZES.circle.length * 1.6) / 2, 1);
    expect(Math.min(...outline(tail as XmlElement).map((p) => p.x))).toBeCloseTo(10, 1);
    expect(outline(line)[0]?.x).toBeCloseTo(10 + HEAD_SIZES.circle.length * 1.6, 1);
  });

  it("draws an inferred claim lighter, its marks too", () => {
    const { line, head } = draw({ head: "arrow", opacity: 0.4 });
    expect(line.getAttribute("opacity")).toBe("0.4");
    expect(head?.getAttribute("opacity")).toBe("0.4");
  });

  it("shrinks the marks of a line too short for them, together, as sigma does", () => {
    const near = node("near", 30, 100, { size: 5 });
    const document = parse(
      writeSvg({
        ...scene,
        nodes: [from, near],
        claims: [claim("short", from, near, { head: "arrow", tail: "circle", width: 3.4, sourceSize: 10 })],
      }),
    );
    const marks = Array.from(document.getElementsByTagName("*")).filter((element) =>
      /claim-(head|tail)\b/.test(element.getAttribute("class") ?? ""),
    );
    // 15 px between the rims; full-size marks would need (4.5 + 4.5) × 3.4 = 30.6.
    const total = marks.reduce((sum, mark) => sum + extent(mark).along, 0);
    expect(total).toBeCloseTo(15, 1);
  });
});
