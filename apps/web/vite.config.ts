import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

// In development Vite serves the app and forwards API paths, so web and API share one origin
// (cookies, CSRF checks and CSP behave as in production, where the API serves the built app).
const apiTarget = `http://127.0.0.1:${process.env.API_PORT ?? "3000"}`;
const proxied = ["/trpc", "/auth", "/api", "/uploads", "/webhooks", "/sandbox"];

/**
 * Every module the entry imports statically (what any page's first load runs anyway), noted when
 * the module graph is complete, so the chunking below can keep them in one file.
 */
function firstLoadModules(): Plugin & { has: (id: string) => boolean } {
  const modules = new Set<string>();
  return {
    name: "bbscart-first-load-modules",
    has: (id) => modules.has(id),
    buildEnd() {
      const entries = [...this.getModuleIds()].filter((id) => this.getModuleInfo(id)?.isEntry);
      const walk = (id: string) => {
        if (modules.has(id)) return;
        modules.add(id);
        for (const next of this.getModuleInfo(id)?.importedIds ?? []) walk(next);
      };
      entries.forEach(walk);
    },
  };
}

const firstLoad = firstLoadModules();

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [react(), tailwindcss(), firstLoad],
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    strictPort: true,
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: apiTarget, changeOrigin: false }])),
  },
  // The server build (`vite build --ssr`, dist/server/) is loaded by the API to render first views:
  // one self-contained file, so it runs wherever the API runs without the web's node_modules.
  build: isSsrBuild
    ? { copyPublicDir: false, sourcemap: false }
    : {
        sourcemap: true,
        // The first load in one file, not five: on a phone's slow link each response costs a round
        // trip and ~1 KB of headers, and fewer connections leave room for the first view's images.
        // Pages loaded on demand import what they share with it from that file.
        rolldownOptions: { output: { codeSplitting: { groups: [{ name: "shop", test: (id: string) => firstLoad.has(id) }] } } },
      },
  ssr: { noExternal: true },
}));
