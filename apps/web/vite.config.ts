import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// In development Vite serves the app and forwards API paths, so web and API share one origin
// (cookies, CSRF checks and CSP behave as in production, where the API serves the built app).
const apiTarget = `http://127.0.0.1:${process.env.API_PORT ?? "3000"}`;
const proxied = ["/trpc", "/auth", "/api", "/uploads", "/webhooks", "/sandbox"];

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [react(), tailwindcss()],
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    strictPort: true,
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: apiTarget, changeOrigin: false }])),
  },
  // The server build (`vite build --ssr`, dist/server/) is loaded by the API to render first views:
  // one self-contained file, so it runs wherever the API runs without the web's node_modules.
  build: isSsrBuild ? { copyPublicDir: false, sourcemap: false } : { sourcemap: true },
  ssr: { noExternal: true },
}));
