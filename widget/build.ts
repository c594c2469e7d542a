import { build } from "esbuild";

const outdir = new URL("../dist/public/", import.meta.url).pathname;
const shared = {
  bundle: true,
  minify: true,
  target: "es2020",
  jsx: "automatic",
  jsxImportSource: "preact",
  legalComments: "none",
  logLevel: "warning",
} as const;

// The script tag's file: a classic script, so `async` works on any page.
await build({
  ...shared,
  entryPoints: ["widget/loader.ts"],
  outfile: `${outdir}widget.js`,
  format: "iife",
});
// The chat, fetched by the loader with import() when the customer opens it.
await build({
  ...shared,
  entryPoints: ["widget/app/main.tsx"],
  outfile: `${outdir}widget/app.js`,
  format: "esm",
});
