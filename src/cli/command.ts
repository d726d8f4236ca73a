// The shape every CLI command has, and the errors that map to exit codes: 1 for bad data or an
// unknown id, 2 for a usage error. Options are checked with zod where they enter.
import type { z } from "zod";
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

export function defineCommand<S extends z.ZodType>(command: Command<S>): Command<S> {
  return command;
}

export function printJson(io: Output, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}
