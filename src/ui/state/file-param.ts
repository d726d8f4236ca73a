// The `file` parameter of a link (`?file=https://example.org/graph.gexf`): which graph file the
// explorer opens instead of graph-data. Only http: and https: addresses are fetched; a relative one
// resolves against the page. Pure: zod only; explorer-host.ts reads it, url.ts lists its name.
import { z } from "zod";

export const FILE_PARAM = "file";

/** Long enough for any real file link; a longer value is refused before it is parsed as a URL. */
export const MAX_FILE_PARAM_LENGTH = 4096;

const FETCHED_PROTOCOLS: ReadonlySet<string> = new Set(["http:", "https:"]);

/** The scheme a value names (`javascript:`, `data:`…), or null when it has none (a relative link). */
function schemeOf(text: string): string | null {
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(text);
  return match ? `${(match[1] as string).toLowerCase()}:` : null;
}

/**
 * `file`'s codec for a page at `base`: the parameter's text to the absolute URL to fetch, and back.
 * Decoding fails, with one issue saying why, for an empty value, a scheme other than http: and
 * https:, an address that does not parse, and one that carries a user name or password.
 */
export function fileParamCodec(base: string) {
  return z.codec(
    z
      .string()
      .trim()
      .min(1, "the link names no file")
      .max(MAX_FILE_PARAM_LENGTH, `the address is longer than ${MAX_FILE_PARAM_LENGTH} characters`),
    z.instanceof(URL),
    {
      decode: (text, payload) => {
        // Checked on the text first: `new URL("javascript:…")` parses, and must never be fetched.
        const scheme = schemeOf(text);
        if (scheme !== null && !FETCHED_PROTOCOLS.has(scheme)) {
          payload.issues.push({
            code: "custom",
            input: text,
            message: `only http: and https: addresses can be opened, not ${scheme}`,
          });
          return z.NEVER;
        }
        let url: URL;
        try {
          url = new URL(text, base);
        } catch {
          payload.issues.push({ code: "custom", input: text, message: "it is not a web address" });
          return z.NEVER;
        }
        // A relative value resolves against the page, so it takes the page's scheme; check again.
        if (!FETCHED_PROTOCOLS.has(url.protocol)) {
          payload.issues.push({
            code: "custom",
            input: text,
            message: `only http: and https: addresses can be opened, not ${url.protocol}`,
          });
          return z.NEVER;
        }
        if (url.username || url.password) {
          payload.issues.push({
            code: "custom",
            input: text,
            message: "an address with a user name or password in it is not fetched",
          });
          return z.NEVER;
        }
        return url;
      },
      encode: (url) => url.href,
    },
  );
}

/** What a link's `file` parameter asks for: nothing, a file to open, or a value that cannot be used. */
export type FileParam =
  | { status: "absent" }
  | { status: "ok"; raw: string; url: URL }
  | { status: "refused"; raw: string; reason: string };

/** Reads `file` from a query string (`location.search`) for a page at `base` (`location.href`). */
export function readFileParam(search: string, base: string): FileParam {
  const raw = new URLSearchParams(search).get(FILE_PARAM);
  if (raw === null) return { status: "absent" };
  const result = fileParamCodec(base).safeDecode(raw);
  if (result.success) return { status: "ok", raw, url: result.data };
  return { status: "refused", raw, reason: result.error.issues[0]?.message ?? "it cannot be used" };
}

/** A link's value as a notice shows it: whole up to 200 characters, else its start and its end. */
export function describeFileLink(text: string): string {
  const shown = text.length > 200 ? `${text.slice(0, 150)}…${text.slice(-40)}` : text;
  return `“${shown}”`;
}

/** The notice for a file link that could not be opened, naming the link and the reason. */
export function fileLinkNotice(link: string, reason: string): string {
  return `Could not open the graph at ${describeFileLink(link)}: ${reason}. Showing graph-data instead.`;
}

/** Keeps `file=raw` first in a query string the rest of the explorer wrote (`?node=…` or ""). */
export function queryWithFile(query: string, raw: string): string {
  // The other parameters are kept as written (URLSearchParams would re-escape their `:` and `,`).
  const rest = query
    .replace(/^\?/, "")
    .split("&")
    .filter((part) => part !== "" && part.split("=")[0] !== FILE_PARAM);
  // `:` and `/` are legal in a query value and keep the link readable; the rest is escaped.
  const file = encodeURIComponent(raw).replace(/%3A/gi, ":").replace(/%2F/gi, "/");
  return `?${[`${FILE_PARAM}=${file}`, ...rest].join("&")}`;
}
