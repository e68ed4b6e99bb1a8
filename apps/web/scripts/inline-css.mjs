#!/usr/bin/env node
/**
 * Runs after `vite build`: replaces the stylesheet links of `dist/index.html` with the stylesheets
 * themselves (decision 102). A phone on a slow link then paints the server-rendered first view as
 * soon as the HTML arrives, instead of after one more round trip for a file that shares the link
 * with the app's JavaScript. The shop is a single-page app, so only the first page of a visit is
 * HTML from the server: the bytes are paid once per visit, not per page.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist");
const indexFile = path.join(dist, "index.html");
const html = fs.readFileSync(indexFile, "utf8");
let inlined = 0;
const result = html.replace(/<link rel="stylesheet"[^>]*href="(\/assets\/[^"]+\.css)"[^>]*>/g, (_tag, href) => {
  inlined += 1;
  // `</style` cannot occur in CSS the build wrote, but never let a stylesheet end the element early.
  return `<style>${fs.readFileSync(path.join(dist, href), "utf8").replaceAll("</style", "<\\/style")}</style>`;
});
if (inlined === 0) throw new Error(`inline-css: no stylesheet link in ${indexFile}`);
fs.writeFileSync(indexFile, result);
console.log(`inline-css: ${inlined} stylesheet(s) inlined into index.html`);
