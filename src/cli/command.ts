// The shape every CLI command has, and the errors that map to exit codes: 1 for bad data or an
// unknown id, 2 for a usage error. Options are checked with zod where they enter; a value option
// given twice is refused in main.ts, and whole numbers are read by wholeNumberOption, once for all.
import { z } from "zod";
import type { Output } from "./io.ts";

export const EXIT = { ok: 0, problem: 1, usage: 2 } as const;

export class UsageError extends Error {
  override name = "UsageError";
}

export interface OptionSpec {
  type: "string" | "boolean";
  multiple?: boolean;
  short?: string;
  description: string;
}

export interface CommandContext<V> {
  values: V;
  positionals: string[];
  json: boolean;
  io: Output;
}

export interface Command<S extends z.ZodType = z.ZodType> {
  summary: string;
  /** Usage line after `linkage <name>`. */
  usage: string;
  options: Record<string, OptionSpec>;
  /** Checks the parsed option values; its messages name the option. */
  values: S;
  /** Smallest and largest number of positional arguments. */
  positionals: [min: number, max: number];
  run(context: CommandContext<z.infer<S>>): number | Promise<number>;
}

/**
 * A whole-number option, as every command reads one: plain decimal digits only, so "0x2", "1e0",
 * " 3 ", "+3" and "3.0" (all of which Number() takes) are refused; the message says what was given.
 */
export function wholeNumberOption(bounds: { min: number; max: number }, fallback: number) {
  const expected = `must be a whole number from ${bounds.min} to ${bounds.max}, in decimal digits`;
  return z
    .string()
    .optional()
    .transform((text, context): number => {
      if (text === undefined) return fallback;
      const value = /^[0-9]+$/.test(text) ? Number(text) : Number.NaN;
      if (value >= bounds.min && value <= bounds.max) return value;
      context.addIssue({ code: "custom", message: `${expected}; got ${JSON.stringify(text)}` });
      return z.NEVER;
    });
}

export function defineCommand<S extends z.ZodType>(command: Command<S>): Command<S> {
  return command;
}

export function printJson(io: Output, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}
