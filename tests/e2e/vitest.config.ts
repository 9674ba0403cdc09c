import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/** Browser tests: real Chromium clicking through the built frontend on the embedded portal. */
export default defineConfig({
  test: {
    name: "e2e",
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["tests/e2e/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/e2e/global-setup.ts"],
    // One Chromium at a time on a 2-core machine keeps timings steady.
    fileParallelism: false,
    // The longest scenarios open some thirty pages, each checked by axe-core (browser.ts).
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
