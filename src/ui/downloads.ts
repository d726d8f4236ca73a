// Hands files to the browser as downloads. A format written as several files (CSV, neo4j-admin)
// arrives as one .zip, made with fflate (loaded on first use), so the browser asks no "allow
// multiple downloads?" question and the files stay together the way the CLI writes a directory.
import type { ExportFile } from "../formats/types.ts";

export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by the time the next task runs; give it a moment more.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function downloadFiles(files: readonly ExportFile[], zipName: string): Promise<void> {
  const [only] = files;
  if (files.length === 1 && only) {
    downloadBlob(new Blob([only.text], { type: `${only.mime};charset=utf-8` }), only.name);
    return;
  }
  const { strToU8, zipSync } = await import("fflate");
  const entries = Object.fromEntries(files.map((file) => [file.name, strToU8(file.text)]));
  const zipped = zipSync(entries, { level: 6 });
  downloadBlob(new Blob([zipped as Uint8Array<ArrayBuffer>], { type: "application/zip" }), zipName);
}
