// Parses JSON text and, when it is malformed, says where: line and column of the first bad character.
// JSON.parse does the parsing; the scanner below runs only on failure, to locate the fault.

export interface JsonSyntaxProblem {
  line: number;
  column: number;
  message: string;
}

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; problem: JsonSyntaxProblem };

export function parseJsonText(text: string): JsonParseResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const fault = locateJsonFault(text);
    const { line, column } = lineAndColumn(text, fault.offset);
    const fallback = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: { line, column, message: fault.message || fallback } };
  }
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

class Fault extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** Deeper nesting is reported as the fault itself: the scanner recurses, and no graph file nests so deep. */
export const MAX_JSON_NESTING = 512;

/** A strict JSON scanner that reports the offset of the first character JSON does not allow. */
function locateJsonFault(text: string): { offset: number; message: string } {
  let i = 0;
  let depth = 0;
  const enter = () => {
    if (++depth > MAX_JSON_NESTING)
      throw new Fault(i, `arrays and objects nested more than ${MAX_JSON_NESTING} deep`);
  };
  const describe = (at: number) => (at >= text.length ? "the end of the file" : JSON.stringify(text[at]));
  const skipSpace = () => {
    while (i < text.length && " \t\n\r".includes(text[i] as string)) i++;
  };
  const expect = (what: string): never => {
    throw new Fault(i, `expected ${what} but found ${describe(i)}`);
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else expect("a value");
  };
  const string = () => {
    i++;
    while (i < text.length) {
      const c = text[i] as string;
      if (c === '"') {
        i++;
        return;
      }
      if (c === "\\") {
        const next = text[i + 1];
        if (next === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            throw new Fault(i, "bad \\u escape in a string");
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else throw new Fault(i, "bad escape in a string");
        continue;
      }
      if (c.charCodeAt(0) < 0x20)
        throw new Fault(i, "control character inside a string (unescaped newline?)");
      i++;
    }
    throw new Fault(i, "unterminated string");
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match) expect("a value");
    else i += match[0].length;
  };
  const value = (): void => {
    skipSpace();
    const c = text[i];
    if (c === "{" || c === "[") {
      enter();
      if (c === "{") members("}", property);
      else members("]", value);
      depth--;
    } else if (c === '"') string();
    else if (c === "t") literal("true");
    else if (c === "f") literal("false");
    else if (c === "n") literal("null");
    else if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) number();
    else expect("a value");
  };
  const property = () => {
    skipSpace();
    if (text[i] !== '"') expect("a property name in double quotes");
    string();
    skipSpace();
    if (text[i] !== ":") expect("':'");
    i++;
    value();
  };
  /** An object's properties or an array's values, from the opening bracket to `close`. */
  const members = (close: "}" | "]", member: () => void) => {
    i++;
    skipSpace();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      member();
      skipSpace();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === close) {
        i++;
        return;
      }
      expect(`',' or '${close}'`);
    }
  };
  try {
    value();
    skipSpace();
    if (i < text.length) expect("the end of the file");
    return { offset: 0, message: "" };
  } catch (fault) {
    if (fault instanceof Fault) return { offset: fault.offset, message: fault.message };
    throw fault;
  }
}
