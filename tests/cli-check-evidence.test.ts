// `linkage check-evidence` end to end, spawned as a user runs it, over the hand-written Harbour Talks
// fixtures in tests/fixtures/evidence/ (a short text and three source files; see the README there).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = "tests/fixtures/evidence";
const text = `${dir}/harbour-talks.txt`;
const scratch = mkdtempSync(join(tmpdir(), "check-evidence-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function linkage(...args: string[]) {
  const run = spawnSync(process.execPath, ["bin/linkage.js", "check-evidence", ...args], {
    cwd: root,
    encoding: "utf8",
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("linkage check-evidence: reports", () => {
  it("exits 0 when every quote is in a passage it cites, and says how many were checked", () => {
    const { code, stdout } = linkage("--text", text, `${dir}/good.json`);
    expect(code).toBe(0);
    expect(stdout).toContain("Passages: F1 line 5, F2 line 8, F3 line 11");
    expect(stdout).toContain("4 claims checked, 4 ok, 0 problems");
  });

  it("exits 1 and names each bad quote, where it sits and the nearest text", () => {
    const { code, stdout } = linkage("--text", text, `${dir}/bad-quotes.json`);
    expect(code).toBe(1);
    expect(stdout).toContain("q-keystone (cites F1): quote not in the text");
    expect(stdout).toContain("quote:   the Pact remains the keystone of regional calm");
    expect(stdout).toMatch(/nearest \(F1, line 5\): .*the Pact remains "the cornerstone of regional calm\."/);
    expect(stdout).toContain(
      "q-trade-cited-wrong (cites F1): quote found only in F2, not within a passage it cites",
    );
    expect(stdout).toContain("6 claims checked, 4 ok, 2 problems");
  });

  it("exits 1 on an opening that is not found, showing the text nearest to it", () => {
    const { code, stdout } = linkage("--text", text, `${dir}/bad-opening.json`);
    expect(code).toBe(1);
    expect(stdout).toContain("Passages: F1 line 5, F3 line 11");
    expect(stdout).toContain("F2: opening not found");
    expect(stdout).toMatch(/nearest \(F1, line 8\): .*Beta argued that further progress on the Pact/);
    expect(stdout).toContain("1 of 3 finding openings not found; 4 claims checked, 2 ok, 2 problems");
  });

  it("prints a stable JSON shape with --json", () => {
    const { code, stdout } = linkage("--text", text, "--json", `${dir}/bad-quotes.json`);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(["source", "text", "findings", "claims", "unchecked", "ok"]);
    expect(report).toMatchObject({ source: "harbour-quotes", text, ok: false, unchecked: [] });
    expect(report.findings[0]).toEqual({
      id: "harbour-quotes#F1",
      opening: "Alpha and Beta agreed that",
      found: true,
      offset: 71,
      nearest: null,
    });
    const byId = Object.fromEntries(report.claims.map((c: { id: string }) => [c.id, c]));
    expect(byId["q-pact-backed-jointly"]).toMatchObject({ status: "ok", foundIn: [], nearest: null });
    expect(byId["q-trade-cited-wrong"]).toMatchObject({
      status: "wrong-finding",
      cites: ["harbour-quotes#F1"],
      foundIn: ["harbour-quotes#F2"],
      nearest: { finding: "harbour-quotes#F2" },
    });
    expect(byId["q-keystone"]).toMatchObject({
      status: "missing",
      nearest: { finding: "harbour-quotes#F1" },
    });
  });

  it("checks the source named by --source when several can be checked", () => {
    const { code, stdout } = linkage(
      "--text",
      text,
      "--source",
      "harbour-talks",
      `${dir}/good.json`,
      `${dir}/bad-quotes.json`,
    );
    expect(code).toBe(0);
    expect(stdout).toContain("Evidence of harbour-talks in");
  });
});

describe("linkage check-evidence: usage errors exit 2", () => {
  it("needs --text", () => {
    const { code, stderr } = linkage(`${dir}/good.json`);
    expect(code).toBe(2);
    expect(stderr).toContain("--text: is required");
  });

  it("names an unreadable path in one line", () => {
    const { code, stderr, stdout } = linkage("--text", "no/such/text.txt", `${dir}/good.json`);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toEqual([
      "linkage check-evidence: cannot read no/such/text.txt: no such file",
    ]);
  });

  it("refuses a directory, a file over 10 MB and a file that is not UTF-8", () => {
    expect(linkage("--text", dir, `${dir}/good.json`).stderr).toContain(
      `cannot read ${dir}: not a regular file`,
    );
    const huge = join(scratch, "huge.txt");
    writeFileSync(huge, "");
    truncateSync(huge, 10 * 1024 * 1024 + 1);
    const tooBig = linkage("--text", huge, `${dir}/good.json`);
    expect(tooBig.code).toBe(2);
    expect(tooBig.stderr).toContain("limited to 10 MB");
    const latin1 = join(scratch, "latin1.txt");
    writeFileSync(latin1, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    const notUtf8 = linkage("--text", latin1, `${dir}/good.json`);
    expect(notUtf8.code).toBe(2);
    expect(notUtf8.stderr).toContain("is not UTF-8 text");
  });

  it("names the nearest source ids for an unknown --source", () => {
    const { code, stderr } = linkage(
      "--text",
      text,
      "--source",
      "harbour-quots",
      `${dir}/good.json`,
      `${dir}/bad-quotes.json`,
    );
    expect(code).toBe(2);
    expect(stderr).toContain('--source: unknown source "harbour-quots"; did you mean "harbour-quotes"');
  });

  it("asks for --source, listing the sources, when several can be checked", () => {
    const { code, stderr } = linkage("--text", text, `${dir}/good.json`, `${dir}/bad-quotes.json`);
    expect(code).toBe(2);
    expect(stderr).toContain("choose one with --source: harbour-talks, harbour-quotes");
  });

  it("is listed in the CLI's usage", () => {
    const run = spawnSync(process.execPath, ["bin/linkage.js", "--help"], { cwd: root, encoding: "utf8" });
    expect(run.stdout).toMatch(/check-evidence --text <file> .*verbatim quote/);
  });
});
