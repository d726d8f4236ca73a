// The `linkage` command line: parses arguments, dispatches through the command table, maps errors
// to exit codes (1: bad data or unknown id, 2: usage). Every command is a thin layer over src/graph.
import { parseArgs } from "node:util";
import { InvalidArgumentError, UnknownNodeError } from "../graph/errors.ts";
import { type Command, EXIT, UsageError } from "./command.ts";
import { COMMANDS } from "./commands/index.ts";
import { displayPath, errnoReason, FileError, isErrnoError, type Output, processOutput } from "./io.ts";

function usage(): string {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length));
  return [
    "Usage: linkage <command> [options]",
    "",
    "Commands:",
    ...Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    "",
    "Every command takes --json for stable, machine-readable output, and --help.",
    "Exit codes: 0 ok, 1 data problem or unknown id, 2 usage error.",
  ].join("\n");
}

function commandHelp(name: string, command: Command): string {
  const lines = [`Usage: linkage ${command.usage}`, "", command.summary];
  const entries = Object.entries(command.options);
  if (entries.length) {
    lines.push("", "Options:");
    for (const [option, spec] of entries)
      lines.push(`  --${option}${spec.type === "string" ? " <value>" : ""}  ${spec.description}`);
  }
  lines.push("  --json  print JSON", "  --help  print this help");
  return lines.join("\n").replace("linkage  ", `linkage ${name} `);
}

type Token = NonNullable<ReturnType<typeof parseArgs>["tokens"]>[number];

/** parseArgs keeps the last of a repeated option; a value option that is not meant to repeat is refused. */
function refuseRepeated(command: Command, tokens: readonly Token[]): void {
  const counts = new Map<string, number>();
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const spec = command.options[token.name];
    if (spec?.type !== "string" || spec.multiple) continue;
    counts.set(token.name, (counts.get(token.name) ?? 0) + 1);
  }
  for (const [option, count] of counts) {
    if (count > 1) throw new UsageError(`--${option} was given ${count} times; give it once`);
  }
}

export async function runCli(argv: readonly string[], io: Output = processOutput): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    (name === undefined ? io.err : io.out)(usage());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`linkage: unknown command "${name}"\n\n${usage()}`);
    return EXIT.usage;
  }
  try {
    const options = Object.fromEntries(
      Object.entries(command.options).map(([key, spec]) => [
        key,
        {
          type: spec.type,
          ...(spec.multiple ? { multiple: true } : {}),
          ...(spec.short ? { short: spec.short } : {}),
        },
      ]),
    );
    let parsed: ReturnType<typeof parseArgs>;
    try {
      parsed = parseArgs({
        args: [...rest],
        options: { ...options, json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
        allowPositionals: true,
        strict: true,
        tokens: true,
      });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    refuseRepeated(command, parsed.tokens ?? []);
    const { json, help, ...values } = parsed.values as Record<string, unknown>;
    if (help) {
      io.out(commandHelp(name, command));
      return EXIT.ok;
    }
    const [min, max] = command.positionals;
    if (parsed.positionals.length < min || parsed.positionals.length > max) {
      throw new UsageError(
        max === 0
          ? `"${name}" takes no arguments`
          : `"${name}" takes ${min === max ? min : `${min} to ${max === Number.POSITIVE_INFINITY ? "any number of" : max}`} argument(s), got ${parsed.positionals.length}`,
      );
    }
    const checked = command.values.safeParse(values);
    if (!checked.success) {
      throw new UsageError(
        checked.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("; "),
      );
    }
    return await command.run({
      values: checked.data,
      positionals: parsed.positionals,
      json: json === true,
      io,
    });
  } catch (error) {
    if (error instanceof UsageError || error instanceof InvalidArgumentError) {
      io.err(`linkage ${name}: ${error.message}\n\n${commandHelp(name, command)}`);
      return EXIT.usage;
    }
    if (error instanceof UnknownNodeError || error instanceof FileError) {
      io.err(`linkage ${name}: ${error.message}`);
      return EXIT.problem;
    }
    // A file-system error no command expected is still one line that names the path, not a stack.
    if (isErrnoError(error)) {
      const where = error.path ? `${displayPath(error.path)}: ` : "";
      io.err(`linkage ${name}: ${where}cannot ${error.syscall ?? "use the file"}: ${errnoReason(error)}`);
      return EXIT.problem;
    }
    throw error;
  }
}
