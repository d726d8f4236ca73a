// The SVG writer over a plain scene: well-formed XML, one vector element per node and claim, labels
// as text (escaped, never markup), dimmed items at their opacity, dashes and end marks per relation.
import { DOMParser } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import { type Scene, type SceneClaim, type SceneNode, writeSvg } from "../src/formats/svg-scene.ts";

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
    for (const element of claims) {
      const id = /^url\(#(.+)\)$/.exec(element.getAttribute("marker-end") ?? "")?.[1];
      expect(id && document.getElementsByTagName("marker").length).toBeTruthy();
      const marker = Array.from(document.getElementsByTagName("marker")).find(
        (m) => m.getAttribute("id") === id,
      );
      expect(marker?.firstChild).toBeTruthy();
    }
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
