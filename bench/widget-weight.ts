// The widget's weight against the budgets of DESIGN.md, from the built files in dist/.
import { readdir, readFile } from "node:fs/promises";
import { brotliCompressSync, gzipSync } from "node:zlib";

const PUBLIC = new URL("../dist/public/", import.meta.url);
const KIB = 1024;

export interface Weight {
  part: string;
  raw: number;
  gzip: number;
  brotli: number;
  gzipBudget: number;
  within: boolean;
}

/**
 * Loader first, then the whole widget: loader, app (its CSS included) and the visitor's one
 * language file, counted as the largest of them.
 */
export async function widgetWeight(): Promise<[Weight, Weight]> {
  const languages = await Promise.all(
    (await readdir(new URL("widget/i18n/", PUBLIC))).map(async (file) => ({
      file: `widget/i18n/${file}`,
      size: (await readFile(new URL(`widget/i18n/${file}`, PUBLIC))).length,
    })),
  );
  const largest = languages.sort((a, b) => b.size - a.size)[0]?.file;
  if (!largest) throw new Error("no widget language files in dist/");
  const parts = [
    { part: "loader (the script tag)", files: ["widget.js"], gzipBudget: 2 * KIB },
    {
      part: "whole widget before chatting",
      files: ["widget.js", "widget/app.js", largest],
      gzipBudget: 20 * KIB,
    },
  ];
  const [loader, whole] = await Promise.all(
    parts.map(async ({ part, files, gzipBudget }) => {
      const contents = await Promise.all(files.map((file) => readFile(new URL(file, PUBLIC))));
      const sum = (size: (data: Buffer) => number) =>
        contents.reduce((total, data) => total + size(data), 0);
      const gzip = sum((data) => gzipSync(data, { level: 9 }).length);
      return {
        part,
        raw: sum((data) => data.length),
        gzip,
        brotli: sum((data) => brotliCompressSync(data).length),
        gzipBudget,
        within: gzip <= gzipBudget,
      };
    }),
  );
  if (!loader || !whole) throw new Error("the widget's parts were not measured");
  return [loader, whole];
}
