import { defineConfig } from "vitest/config";

/** `npm test` runs these projects; the browser tests have their own config (tests/e2e). */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["packages/*/src/**/*.test.ts", "functions/src/**/*.test.ts", "frontend/src/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      "stacks/vitest.config.ts",
    ],
  },
});
