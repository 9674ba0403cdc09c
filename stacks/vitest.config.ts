import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "stacks",
    // Paths below, like the handler and site paths SST resolves, are relative to the repository root.
    root: fileURLToPath(new URL("..", import.meta.url)),
    include: ["stacks/test/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    // Each synthesis rewrites .sst/types and a temporary .sst.config.*.mjs; parallel files race.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
