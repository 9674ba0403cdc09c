import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  plugins: [solid()],
  server: {
    proxy: { "/api": "http://localhost:3000" },
  },
  preview: {
    proxy: { "/api": "http://localhost:3000" },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Old laptops and phones: keep the browser baseline wide; BigInt (INN/OGRN checks) needs ES2020.
    target: "es2020",
    rollupOptions: {
      // zod ships comments Rollup cannot place; they are harmless and only bury real warnings.
      onwarn(warning, warn) {
        if (warning.code === "INVALID_ANNOTATION" && warning.id?.includes("/node_modules/zod/")) return;
        warn(warning);
      },
      output: {
        // zod is shared by every form page and changes rarely: its own long-cached chunk.
        manualChunks: (id) => (id.includes("/node_modules/zod/") ? "zod" : undefined),
      },
    },
  },
});
