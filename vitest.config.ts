import { defineConfig } from "vitest/config";

// Unit tests run in Node; tests/browser/** drive Debian's Chromium through playwright-core.
export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 120_000,
  },
});
