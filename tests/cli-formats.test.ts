// `linkage export` and `linkage import` end to end, spawned as a user would: exit codes (0 ok,
// 1 bad data, 2 usage), messages that name the file and the line, and nothing written on error.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const fixtures = fileURLToPath(new URL("./fixtures/external/", import.meta.url));
const karate = join(fixtures, "networkx/karate-club.gexf");

function linkage(...args: string[]) {
  const run = spawnSync(process.execPath, ["bin/linkage.js", ...args], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
const scratch = () => mkdtempSync(join(tmpdir(), "linkage-cli-formats-"));
// The curated source as it is on disk, so the expected counts follow graph-data.
const curated = JSON.parse(readFileSync(join(root, "graph-data/cns-us-china-2000.json"), "utf8")) as {
  nodes: unknown[];
  claims: unknown[];
};

describe("linkage export", () => {
  it("prints a single-file format to stdout", () => {
    const { code, stdout } = linkage("export", "--format", "gexf");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<gexf xmlns="http:\/\/gexf.net\/1.3"/);
    expect(stdout.match(/<node /g)).toHaveLength(curated.nodes.length);
    expect(stdout.match(/<edge /g)).toHaveLength(curated.claims.length);
  });

  it("prints project JSON that is graph-data's own file", () => {
    const { code, stdout } = linkage("export", "--format", "project-json");
    expect(code).toBe(0);
    const onDisk = JSON.parse(readFileSync(join(root, "graph-data/cns-us-china-2000.json"), "utf8"));
    expect(JSON.parse(stdout)).toEqual(onDisk);
  });

  it("writes a multi-file format into a directory, and describes it with --json", () => {
    const dir = join(scratch(), "csv");
    const { code, stdout } = linkage("export", "--format", "csv", "--out", dir, "--json");
    expect(code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["claims.csv", "findings.csv", "nodes.csv"]);
    expect(JSON.parse(stdout).files.map((f: { path: string }) => f.path.split("/").pop())).toEqual([
      "nodes.csv",
      "claims.csv",
      "findings.csv",
    ]);
  });

  it("needs --out for a multi-file format, and writes nothing without it", () => {
    const { code, stderr, stdout } = linkage("export", "--format", "neo4j-admin");
    expect(code).toBe(2);
    expect(stderr).toContain("neo4j-admin writes 3 files; give a directory with --out");
    expect(stdout).toBe("");
  });

  it("refuses to overwrite unless told to", () => {
    const file = join(scratch(), "graph.cypher");
    writeFileSync(file, "keep me");
    const refused = linkage("export", "--format", "cypher", "--out", file);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("already exist(s); add --force to overwrite");
    expect(readFileSync(file, "utf8")).toBe("keep me");
    expect(linkage("export", "--format", "cypher", "--out", file, "--force").code).toBe(0);
    expect(readFileSync(file, "utf8")).toMatch(/^\/\/ Linkage Atlas graph for Neo4j/);
  });

  it("refuses an unknown format with a usage error", () => {
    const { code, stderr } = linkage("export", "--format", "pdf");
    expect(code).toBe(2);
    expect(stderr).toContain("--format: expected one of project-json, graphology-json, gexf, graphml");
  });
});

describe("linkage import", () => {
  it("summarises a foreign file, with a kind mapping", () => {
    const typed = join(fixtures, "networkx/typed-digraph.graphml");
    const { code, stdout } = linkage(
      "import",
      typed,
      "--kind-attribute",
      "kind",
      "--relation-attribute",
      "relation",
      "--json",
    );
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({
      format: "graphml",
      sources: [{ id: "typed-digraph", provenance: "imported" }],
      nodes: { total: 2, byKind: { actor: 1, issue: 1, treaty: 0 } },
      claims: { total: 2, byRelation: { supports: 1, opposes: 1, "links-to": 0 } },
      written: [],
    });
  });

  it("writes project JSON with --out, which linkage validate accepts", () => {
    const out = join(scratch(), "karate.json");
    const { code, stdout } = linkage("import", karate, "--out", out, "--default-kind", "actor");
    expect(code).toBe(0);
    expect(stdout).toContain("34 nodes (34 actor, 0 issue, 0 treaty)");
    expect(stdout).toMatch(/wrote .*karate\.json\n/);
    const written = JSON.parse(readFileSync(out, "utf8"));
    expect(written.source).toMatchObject({ id: "karate-club", provenance: "imported", findings: [] });
    expect(written.nodes).toHaveLength(34);
    const validate = linkage("validate", out);
    expect(validate.stdout).toContain("ok: 1 file(s), 34 nodes, 78 claims, no problems");
    expect(validate.code).toBe(0);
  });

  it("refuses to overwrite an existing file unless --force", () => {
    const out = join(scratch(), "taken.json");
    writeFileSync(out, "{}");
    const refused = linkage("import", karate, "--out", out);
    expect(refused.code).toBe(2);
    expect(readFileSync(out, "utf8")).toBe("{}");
    expect(linkage("import", karate, "--out", out, "--force").code).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8")).nodes).toHaveLength(34);
  });

  it("names the file and line of malformed XML, exits 1 and writes nothing", () => {
    const dir = scratch();
    const bad = join(dir, "bad.gexf");
    writeFileSync(
      bad,
      '<?xml version="1.0"?>\n<gexf version="1.3">\n<graph>\n<nodes>\n<node id="a">\n</nodes>\n',
    );
    const out = join(dir, "bad.json");
    const { code, stderr } = linkage("import", bad, "--out", out);
    expect(code).toBe(1);
    expect(stderr).toMatch(/bad\.gexf: line 5, column \d+: malformed XML/);
    expect(stderr).toContain("nothing was imported");
    expect(existsSync(out)).toBe(false);
  });

  it("refuses a DOCTYPE", () => {
    const file = join(scratch(), "xxe.graphml");
    writeFileSync(
      file,
      '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<graphml/>',
    );
    const { code, stderr } = linkage("import", file);
    expect(code).toBe(1);
    expect(stderr).toContain("xxe.graphml: line 2: the file declares a DOCTYPE");
  });

  it("refuses a file over 100 MB without reading it", () => {
    const file = join(scratch(), "huge.gexf");
    writeFileSync(file, "");
    truncateSync(file, 100 * 1024 * 1024 + 1); // sparse: takes no disk space
    const { code, stderr } = linkage("import", file);
    expect(code).toBe(1);
    expect(stderr).toContain("huge.gexf: the file is 100.0 MB; imports are limited to 100 MB");
  });

  it("says when the file does not exist", () => {
    const { code, stderr } = linkage("import", "no/such/file.gexf");
    expect(code).toBe(1);
    expect(stderr).toContain("no/such/file.gexf: no such file");
  });

  it("refuses an unknown default kind with a usage error", () => {
    const { code, stderr } = linkage("import", karate, "--default-kind", "person");
    expect(code).toBe(2);
    expect(stderr).toContain("--default-kind: expected one of actor, issue, treaty");
  });

  it("reads its own exports back: GEXF from linkage export imports as the curated graph", () => {
    const file = join(scratch(), "graph.gexf");
    expect(linkage("export", "--format", "gexf", "--out", file).code).toBe(0);
    const { code, stdout } = linkage("import", file, "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      sources: [{ id: "cns-us-china-2000", provenance: "curated" }],
      nodes: { total: curated.nodes.length },
      claims: { total: curated.claims.length },
    });
  });
});
