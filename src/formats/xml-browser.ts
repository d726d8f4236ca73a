// The browser's XmlParser: the page's own DOMParser. A malformed document comes back holding a
// <parsererror> element, whose text (Chromium: "error on line 3 at column 5: …") gives the place.
import type { XmlDocumentLike, XmlElementLike, XmlParser } from "./xml-dom.ts";

interface BrowserDomParser {
  parseFromString(
    text: string,
    type: "application/xml",
  ): XmlDocumentLike & {
    getElementsByTagName(name: string): ArrayLike<XmlElementLike>;
  };
}

export function browserXmlParser(DomParser: new () => BrowserDomParser): XmlParser {
  return (text) => {
    const document = new DomParser().parseFromString(text, "application/xml");
    const error = document.getElementsByTagName("parsererror")[0];
    if (!error) return { ok: true, document };
    const message = (error.textContent ?? "").replace(/\s+/g, " ").trim();
    const place = /line (\d+)(?: at column (\d+))?/i.exec(message);
    return {
      ok: false,
      message:
        message.replace(/^.*?error on line \d+ at column \d+:\s*/i, "") || "the document is not well-formed",
      ...(place ? { line: Number(place[1]) } : {}),
      ...(place?.[2] ? { column: Number(place[2]) } : {}),
    };
  };
}
