import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { build } from "esbuild";

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
await copyFile(new URL("./index.html", import.meta.url), `${outdir}index.html`);
const styles = await Promise.all(
  [
    new URL("./app.css", import.meta.url),
    new URL("../node_modules/uplot/dist/uPlot.min.css", import.meta.url),
  ].map((file) => readFile(file, "utf8")),
);
await writeFile(`${outdir}app.css`, styles.join("\n"));
