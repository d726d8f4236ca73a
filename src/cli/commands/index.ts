// The one table of CLI commands. Adding a command means adding a module and one line here.
import type { Command } from "../command.ts";
import { checkEvidenceCommand } from "./check-evidence.ts";
import { compare } from "./compare.ts";
import { exportCommand } from "./export.ts";
import { findings } from "./findings.ts";
import { importCommand } from "./import.ts";
import { path } from "./path.ts";
import { show } from "./show.ts";
import { stats } from "./stats.ts";
import { trace } from "./trace.ts";
import { validate } from "./validate.ts";

export const COMMANDS: Record<string, Command> = {
  validate,
  stats,
  show,
  trace,
  path,
  compare,
  findings,
  "check-evidence": checkEvidenceCommand,
  export: exportCommand,
  import: importCommand,
};
