// The Node runtime's XmlParser: @xmldom/xmldom, which has no DOMParser of its own to lean on in Node.
// Any error (not only a fatal one) stops the import; the locator gives the line and column.
import { DOMParser } from "@xmldom/xmldom";
import type { XmlDocumentLike, XmlParser } from "./xml-dom.ts";

interface Located {
  locator?: { lineNumber?: number; columnNumber?: number };
}

export const nodeXmlParser: XmlParser = (text) => {
  let first: { message: string; line?: number; column?: number } | undefined;
  const parser = new DOMParser({
    onError(level, message, context: Located | undefined) {
      if (level === "warning") return;
      const line = context?.locator?.lineNumber;
      const column = context?.locator?.columnNumber;
      first ??= {
        message,
        ...(line ? { line } : {}),
        ...(column ? { column } : {}),
      };
      throw new Error(message);
    },
  });
  try {
    const document = parser.parseFromString(text, "application/xml") as unknown as XmlDocumentLike;
    return { ok: true, document };
  } catch (error) {
    return { ok: false, ...(first ?? { message: error instanceof Error ? error.message : String(error) }) };
  }
};
