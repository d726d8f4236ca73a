// The description of the machine a benchmark ran on, written into every result file so figures
// from different machines are never compared by mistake.
import { execFileSync } from "node:child_process";
import os from "node:os";

export interface Machine {
  os: string;
  cpu: string;
  cpus: number;
  memoryGiB: number;
  node: string;
  chromium: string | null;
  loadAverage: number[];
}

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

function chromiumVersion(): string | null {
  try {
    return execFileSync(chromiumPath(), ["--version"], { encoding: "utf8", timeout: 20_000 }).trim();
  } catch {
    return null;
  }
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpu: cpus[0]?.model ?? "unknown",
    cpus: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    chromium: chromiumVersion(),
    loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
  };
}

/** The processor, Node and platform, for the Node-only benchmarks that do not start Chromium. */
export function describeProcessor(): { cpu: string; cpus: number; node: string; platform: string } {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? "unknown",
    cpus: cpus.length,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  };
}
