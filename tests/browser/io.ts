// The explorer's Import and Export dialogs as a test drives them: export a format in a scope and get
// the download; choose a file to import. Shared by the import/export and round-trip browser tests.
import type { Download, Page } from "playwright-core";

export async function exportAs(
  page: Page,
  format: string,
  scope: "all" | "visible" = "all",
): Promise<Download> {
  await page.locator("#export-button").click();
  const dialog = page.locator("#export-dialog");
  await dialog.waitFor();
  await dialog.locator(`input[name="export-scope"][value="${scope}"]`).check();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    dialog.locator(`button[data-format="${format}"]`).click(),
  ]);
  await dialog.getByRole("button", { name: "Close" }).click();
  return download;
}

export async function importFile(page: Page, path: string): Promise<void> {
  await page.locator("#import-button").click();
  await page.locator("#import-dialog").waitFor();
  await page.locator("#import-file").setInputFiles(path);
}
