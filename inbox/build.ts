import { copyFile, mkdir } from "node:fs/promises";
import { build } from "esbuild";

const outdir = new URL("../dist/public/inbox/", import.meta.url).pathname;
await mkdir(outdir, { recursive: true });
await build({
  entryPoints: ["inbox/app/main.tsx"],
  outfile: `${outdir}app.js`,
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2020",
  jsx: "automatic",
  jsxImportSource: "preact",
  logLevel: "warning",
});
await copyFile(new URL("./index.html", import.meta.url), `${outdir}index.html`);
await copyFile(new URL("./app.css", import.meta.url), `${outdir}app.css`);
