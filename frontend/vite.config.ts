import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

const root = fileURLToPath(new URL(".", import.meta.url));
/** The app shell and the kit every page uses: one chunk, the entry's own. */
const shell = [
  "/frontend/src/index.tsx",
  "/frontend/src/app.tsx",
  "/frontend/src/pages/home.tsx",
  "/frontend/src/ui/",
  "/frontend/src/data/",
  "/frontend/src/providers/",
  "/packages/core/src/reference",
  "/node_modules/solid-js/",
  "/node_modules/@solidjs/",
];

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
    // The polyfill fetches the modulepreload links of an HTML page, and the SPA's index.html has
    // none (its lazy pages are preloaded by Vite's import helper, which falls back to
    // rel=preload by itself). Kept, it would be a module both pages share, tying the API page
    // to the SPA's chunk and styles.
    modulePreload: { polyfill: false },
    // Swagger UI (the API page) ships as one prebuilt 1.6 MB bundle; the SPA's chunks have
    // their own budget in bench:size.
    chunkSizeWarningLimit: 1700,
    rollupOptions: {
      // The SPA, and the API's reference page (Swagger UI), which shares nothing with it.
      input: { index: `${root}index.html`, apiDocs: `${root}api/docs/index.html` },
      // zod ships comments Rollup cannot place; they are harmless and only bury real warnings.
      onwarn(warning, warn) {
        if (warning.code === "INVALID_ANNOTATION" && warning.id?.includes("/node_modules/zod/")) return;
        warn(warning);
      },
      output: {
        manualChunks: (id) => {
          // zod is shared by every form page and changes rarely: its own long-cached chunk.
          if (id.includes("/node_modules/zod/")) return "zod";
          // The shared kit (components, API calls, reference lists) travels with the app shell:
          // split by which pages use what, it was seven small modules per page, and each module
          // costs the phone a request, a compile and a code-cache task (ADR 016).
          if (shell.some((path) => id.includes(path))) return "index";
          return undefined;
        },
      },
    },
  },
});
