import { readFile, rm } from "node:fs/promises";
import { type BuildOptions, build, type Plugin, transform } from "esbuild";

const outdir = new URL("../dist/public/", import.meta.url).pathname;
/** `import css from "./x.css"` gives the file minified, as text for a constructable stylesheet. */
const cssAsText: Plugin = {
  name: "css-as-text",
  setup(builder) {
    builder.onLoad({ filter: /\.css$/ }, async ({ path }) => {
      const { code } = await transform(await readFile(path, "utf8"), {
        loader: "css",
        minify: true,
      });
      return { contents: `export default ${JSON.stringify(code.trim())};`, loader: "js" };
    });
  },
};
const shared = {
  plugins: [cssAsText],
  bundle: true,
  minify: true,
  target: "es2020",
  jsx: "automatic",
  jsxImportSource: "preact",
  legalComments: "none",
  logLevel: "warning",
} satisfies BuildOptions;

// Language files are served by the server now (inside /api/widget/settings): none left over.
await rm(`${outdir}widget/i18n`, { recursive: true, force: true });

// The script tag's file: a classic script, so `async` works on any page.
await build({
  ...shared,
  entryPoints: ["widget/loader.ts"],
  outfile: `${outdir}widget.js`,
  format: "iife",
});
// The chat, fetched by the loader with import() when the customer opens it; what it imports
// only when used (the file upload) is a chunk of its own beside it.
await rm(`${outdir}widget/chunks`, { recursive: true, force: true });
await build({
  ...shared,
  entryPoints: ["widget/app/main.tsx"],
  outdir: `${outdir}widget`,
  entryNames: "app",
  chunkNames: "chunks/[name]-[hash]",
  splitting: true,
  format: "esm",
});
