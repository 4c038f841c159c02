/**
 * The web app's build: `vite build --config app/vite.config.ts` writes static files to app/dist. Nothing about a
 * network is built in: the app reads config.json beside index.html at run time (src/config.ts), so one build serves
 * any network. `base: "./"` lets the files be served from any path.
 */
import { fileURLToPath } from "node:url";

import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 2_000,
  },
  server: { host: "127.0.0.1" },
  preview: { host: "127.0.0.1" },
});
