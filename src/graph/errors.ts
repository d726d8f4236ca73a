// Typed errors of the graph layer, so callers and tests check the class, not the message.

export class UnknownNodeError extends Error {
  override name = "UnknownNodeError";
  constructor(
    readonly id: string,
    readonly suggestions: string[],
  ) {
    super(
      `unknown id "${id}"${suggestions.length ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(", ")}?` : ""}`,
    );
  }
}

export class InvalidArgumentError extends Error {
  override name = "InvalidArgumentError";
}
