import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { type BuildOptions, build, type Plugin, transform } from "esbuild";

const outdir = new URL("../dist/public/", import.meta.url).pathname;
const i18n = new URL("./i18n/", import.meta.url);
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

// Every language file in widget/i18n ships, minified, and fetched only by visitors who read it.
const languages = (await readdir(i18n)).filter((name) => name.endsWith(".json"));
await mkdir(`${outdir}widget/i18n`, { recursive: true });
for (const file of languages) {
  const texts: unknown = JSON.parse(await readFile(new URL(file, i18n), "utf8"));
  await writeFile(`${outdir}widget/i18n/${file}`, JSON.stringify(texts));
}

// The script tag's file: a classic script, so `async` works on any page.
await build({
  ...shared,
  entryPoints: ["widget/loader.ts"],
  outfile: `${outdir}widget.js`,
  format: "iife",
  define: {
    WIDGET_LANGUAGES: JSON.stringify(languages.map((file) => file.replace(".json", ""))),
  },
});
// The chat, fetched by the loader with import() when the customer opens it.
await build({
  ...shared,
  entryPoints: ["widget/app/main.tsx"],
  outfile: `${outdir}widget/app.js`,
  format: "esm",
});
