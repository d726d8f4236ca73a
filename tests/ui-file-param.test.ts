// The `file` parameter of a link (src/ui/state/file-param.ts): which addresses are fetched, which are
// refused and why, and how `file=` stays first in a link the rest of the explorer rewrites.
import { describe, expect, it } from "vitest";
import {
  FILE_PARAM,
  fileLinkNotice,
  fileParamCodec,
  MAX_FILE_PARAM_LENGTH,
  queryWithFile,
  readFileParam,
} from "../src/ui/state/file-param.ts";
import { OTHER_PARAM_NAMES } from "../src/ui/state/url.ts";

const PAGE = "https://atlas.example.org/explorer/index.html?node=actor:china";
const codec = fileParamCodec(PAGE);
const decoded = (text: string) => codec.decode(text).href;
const refusal = (text: string) => {
  const result = codec.safeDecode(text);
  expect(result.success, text).toBe(false);
  return result.error?.issues[0]?.message ?? "";
};

describe("the file parameter's codec", () => {
  it("takes http: and https: addresses as they are", () => {
    expect(decoded("https://data.example.com/graphs/karate.gexf")).toBe(
      "https://data.example.com/graphs/karate.gexf",
    );
    expect(decoded("http://127.0.0.1:8080/g.graphml?v=2")).toBe("http://127.0.0.1:8080/g.graphml?v=2");
    expect(decoded("  HTTPS://Example.org/A.json  ")).toBe("https://example.org/A.json");
  });

  it("resolves a relative address against the page", () => {
    expect(decoded("graphs/a.gexf")).toBe("https://atlas.example.org/explorer/graphs/a.gexf");
    expect(decoded("../a.gexf")).toBe("https://atlas.example.org/a.gexf");
    expect(decoded("/data/a.gexf")).toBe("https://atlas.example.org/data/a.gexf");
    // Protocol-relative: the page's scheme, another host.
    expect(decoded("//cdn.example.net/a.gexf")).toBe("https://cdn.example.net/a.gexf");
  });

  it("refuses every other scheme, naming it", () => {
    for (const [text, scheme] of [
      ["javascript:alert(document.cookie)", "javascript:"],
      ["JavaScript:alert(1)", "javascript:"],
      ["data:application/xml,<gexf/>", "data:"],
      ["file:///etc/passwd", "file:"],
      ["blob:https://atlas.example.org/0b5f", "blob:"],
      ["ftp://example.org/a.gexf", "ftp:"],
    ] as const) {
      expect(refusal(text)).toBe(`only http: and https: addresses can be opened, not ${scheme}`);
    }
  });

  it("refuses a relative address on a page that is not served over http(s)", () => {
    expect(
      fileParamCodec("file:///home/me/dist/index.html").safeDecode("a.gexf").error?.issues[0]?.message,
    ).toBe("only http: and https: addresses can be opened, not file:");
  });

  it("refuses an empty value, an address that does not parse, credentials and an overlong value", () => {
    expect(refusal("")).toBe("the link names no file");
    expect(refusal("   ")).toBe("the link names no file");
    expect(refusal("http://exa mple.org/a.gexf")).toBe("it is not a web address");
    expect(refusal("https://user:secret@example.org/a.gexf")).toMatch(/user name or password/);
    expect(refusal(`https://example.org/${"a".repeat(MAX_FILE_PARAM_LENGTH)}`)).toMatch(/longer than 4096/);
  });

  it("encodes back to the absolute address", () => {
    expect(codec.encode(new URL("https://example.org/a b.gexf"))).toBe("https://example.org/a%20b.gexf");
  });
});

describe("reading the parameter from a link", () => {
  it("is absent without file=, and url.ts does not call file= unknown", () => {
    expect(readFileParam("?node=actor:china", PAGE)).toEqual({ status: "absent" });
    expect(OTHER_PARAM_NAMES).toContain(FILE_PARAM);
  });

  it("gives the raw value and the resolved URL, decoding the query's escapes", () => {
    const read = readFileParam("?file=https%3A%2F%2Fexample.org%2Fa%26b.gexf&node=n1", PAGE);
    expect(read.status).toBe("ok");
    if (read.status !== "ok") return;
    expect(read.raw).toBe("https://example.org/a&b.gexf");
    expect(read.url.href).toBe("https://example.org/a&b.gexf");
  });

  it("uses the first of repeated file= parameters", () => {
    const read = readFileParam("?file=a.gexf&file=javascript:alert(1)", PAGE);
    expect(read.status === "ok" && read.url.pathname).toBe("/explorer/a.gexf");
  });

  it("says why a value is refused", () => {
    expect(readFileParam("?file=javascript:alert(1)", PAGE)).toEqual({
      status: "refused",
      raw: "javascript:alert(1)",
      reason: "only http: and https: addresses can be opened, not javascript:",
    });
    expect(readFileParam("?file=", PAGE)).toMatchObject({
      status: "refused",
      reason: "the link names no file",
    });
  });
});

describe("the notice and the link", () => {
  it("names the link and the reason", () => {
    expect(fileLinkNotice("http://127.0.0.1:9/missing.gexf", "the server answered 404 Not Found")).toBe(
      "Could not open the graph at “http://127.0.0.1:9/missing.gexf”: the server answered 404 Not Found. Showing graph-data instead.",
    );
    const long = `https://example.org/${"x".repeat(300)}/end.gexf`;
    const notice = fileLinkNotice(long, "why");
    expect(notice).toContain("https://example.org/xxx");
    expect(notice).toContain("/end.gexf”");
    expect(notice.length).toBeLessThan(300);
  });

  it("keeps file= first and the other parameters as the explorer wrote them", () => {
    const raw = "https://example.org/a&b.gexf";
    expect(queryWithFile("", raw)).toBe("?file=https://example.org/a%26b.gexf");
    expect(queryWithFile("?node=actor:china&kind=actor,issue", raw)).toBe(
      "?file=https://example.org/a%26b.gexf&node=actor:china&kind=actor,issue",
    );
    // A query that has file= already has it replaced, not repeated.
    expect(queryWithFile("?file=old.gexf&node=n1", "new.gexf")).toBe("?file=new.gexf&node=n1");
    // And it reads back as the same file.
    expect(readFileParam(queryWithFile("?node=n1", raw), PAGE)).toMatchObject({ status: "ok", raw });
  });
});
