import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { build } from "esbuild";
import sharp from "sharp";

const outdir = new URL("../dist/public/inbox/", import.meta.url).pathname;
await rm(`${outdir}chunks`, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
await build({
  entryPoints: { app: "inbox/app/main.tsx" },
  outdir,
  // The reports screen and its chart library are a chunk of their own, loaded when opened.
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2020",
  jsx: "automatic",
  jsxImportSource: "preact",
  logLevel: "warning",
});
// The service worker that shows pushed alerts: one classic script, no imports.
await build({
  entryPoints: ["inbox/worker/sw.ts"],
  outfile: `${outdir}sw.js`,
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2020",
  logLevel: "warning",
});
await copyFile(new URL("./index.html", import.meta.url), `${outdir}index.html`);
await copyFile(new URL("./manifest.webmanifest", import.meta.url), `${outdir}manifest.webmanifest`);
// The installed app's icons, drawn from one SVG; the maskable one keeps its mark inside the
// safe zone a phone may crop to a circle.
const icon = await readFile(new URL("./icon.svg", import.meta.url));
await Promise.all([
  sharp(icon).resize(192).png().toFile(`${outdir}icon-192.png`),
  sharp(icon).resize(512).png().toFile(`${outdir}icon-512.png`),
  sharp(icon).resize(180).png().toFile(`${outdir}apple-touch-icon.png`),
  sharp(icon)
    .resize(410)
    .extend({ top: 51, bottom: 51, left: 51, right: 51, background: "#1f5f4a" })
    .png()
    .toFile(`${outdir}icon-maskable-512.png`),
]);
const styles = await Promise.all(
  [
    new URL("./app.css", import.meta.url),
    new URL("../node_modules/uplot/dist/uPlot.min.css", import.meta.url),
  ].map((file) => readFile(file, "utf8")),
);
await writeFile(`${outdir}app.css`, styles.join("\n"));
