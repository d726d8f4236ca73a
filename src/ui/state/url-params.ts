// Reading a shared link's query parameters: each parameter has a codec and a description of what it
// expects; a value that does not decode is left out with a notice that quotes it. Pure; url.ts,
// perspective-url.ts and trace-url.ts call it.
import type { z } from "zod";

/** A query parameter's codec and, for the notice when a value does not decode, what it expects. */
export interface ParamSpec {
  codec: z.ZodType;
  expected: string;
}

/** A value from a link, quoted for a notice and cut short if long. */
export function quote(text: string): string {
  return `“${text.length > 60 ? `${text.slice(0, 57)}…` : text}”`;
}

/**
 * A reader of the parameters in `specs`: a parameter's decoded value, or undefined when it is absent
 * or does not decode (then with a notice in `notices`).
 */
export function paramReader<P extends Record<string, ParamSpec>>(
  params: URLSearchParams,
  specs: P,
  notices: string[],
) {
  return <N extends keyof P & string>(name: N): z.output<P[N]["codec"]> | undefined => {
    const raw = params.get(name);
    if (raw === null) return undefined;
    // Widened to one codec type: each parameter's own codec still does the checking.
    const spec: ParamSpec = specs[name] as P[N];
    const result = spec.codec.safeDecode(raw);
    if (result.success) return result.data as z.output<P[N]["codec"]>;
    notices.push(`Ignored ${name}=${quote(raw)} in the link: expected ${spec.expected}.`);
    return undefined;
  };
}
