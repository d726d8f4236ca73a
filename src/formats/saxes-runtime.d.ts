// The part of saxes 6 that xml-saxes.ts uses, typed here because saxes.d.ts does not type-check
// (see saxes-runtime.js). Options are fixed to the ones used: namespaces on, positions tracked.
export interface SaxesAttribute {
  value: string;
}

export interface SaxesTag {
  /** The local name (namespaces on). */
  local: string;
  /** By qualified name. */
  attributes: Record<string, SaxesAttribute>;
}

export declare class SaxesParser {
  constructor(options: { xmlns: true; position: true });
  /** One-based line and the column of the last character read. */
  readonly line: number;
  readonly column: number;
  /** As soon as the name is read: `name` is the qualified name. */
  on(event: "opentagstart", handler: (tag: { name: string }) => void): void;
  on(event: "closetag", handler: () => void): void;
  on(event: "opentag", handler: (tag: SaxesTag) => void): void;
  on(event: "text" | "cdata" | "doctype", handler: (text: string) => void): void;
  on(event: "error", handler: (error: Error) => void): void;
  write(chunk: string): this;
  close(): this;
}
