// The XmlParser every runtime uses: saxes, a strict streaming XML 1.0 parser with namespaces. It
// knows only XML's five entities and character references, never reads a DTD and never fetches
// anything; its first error stops the import. Its messages are reworded where saxes is terse.
import { SaxesParser, type SaxesTag } from "./saxes-runtime.js";
import { type XmlParser, XmlSyntaxError } from "./xml-stream.ts";

const REWORDED: Record<string, string> = {
  "malformed character entity.":
    "a character reference is malformed or names a character XML 1.0 does not allow",
  "disallowed character.": "a character XML 1.0 does not allow",
};

/** saxes puts "line:column: " before its message; the place is given apart. */
const bare = (message: string) => message.replace(/^\d+:\d+: /, "");

function plainAttributes(tag: SaxesTag): string[] {
  const list: string[] = [];
  for (const name in tag.attributes) list.push(name, (tag.attributes[name] as { value: string }).value);
  return list;
}

interface Opened {
  name: string;
  line: number;
  column: number;
}

export const saxesXmlParser: XmlParser = (sink) => {
  const parser = new SaxesParser({ xmlns: true, position: true });
  // Where the open elements start, to say which one an end tag leaves unclosed.
  const opened: Opened[] = [];
  let start: Opened = { name: "", line: 1, column: 1 };
  let closedLast: Opened | undefined;

  parser.on("opentagstart", (tag) => {
    // saxes is one character past the name here: after `>`, `/` or white space.
    start = { name: tag.name, line: parser.line, column: parser.column - tag.name.length - 1 };
  });
  parser.on("opentag", (tag) => {
    opened.push(start);
    sink.open(tag.local, plainAttributes(tag), start.line);
  });
  parser.on("text", (text) => sink.text(text));
  parser.on("cdata", (text) => sink.text(text));
  parser.on("closetag", () => {
    closedLast = opened.pop();
    sink.close();
  });
  parser.on("doctype", () => sink.doctype(parser.line));
  parser.on("error", (error) => {
    const message = bare(error.message);
    if (message === "unexpected close tag." && closedLast) {
      // The element left open is the mistake to show; the end tag is where saxes noticed it.
      throw new XmlSyntaxError(
        `<${closedLast.name}> is not closed before the end tag on line ${parser.line}, column ${parser.column}`,
        closedLast.line,
        closedLast.column,
      );
    }
    throw new XmlSyntaxError(REWORDED[message] ?? message, parser.line, parser.column);
  });

  return {
    write: (chunk) => {
      parser.write(chunk);
    },
    close: () => {
      parser.close();
    },
    position: () => ({ line: parser.line, column: parser.column }),
  };
};
