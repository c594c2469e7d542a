// The widget's weight against the budgets of DESIGN.md, from the built files in dist/.
import { readFile } from "node:fs/promises";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { DEFAULT_WIDGET } from "../protocol/index.ts";
import { publicWidgetSettings, WIDGET_TEXTS } from "../server/widget-language.ts";

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
 * Loader first, then the whole widget: loader, app (its CSS and the chunks it imports
 * statically included; not those it loads only when used) and the settings the
 * loader fetches with the visitor's texts in them, counted for the largest language.
 */
export async function widgetWeight(): Promise<[Weight, Weight]> {
  const [settings] = [...WIDGET_TEXTS.keys()]
    .map((lang) => Buffer.from(JSON.stringify(publicWidgetSettings(DEFAULT_WIDGET, lang))))
    .sort((a, b) => b.length - a.length);
  if (!settings) throw new Error("the widget has no language files");
  const [loaderFile, appFile] = await Promise.all(
    ["widget.js", "widget/app.js"].map((file) => readFile(new URL(file, PUBLIC))),
  );
  if (!loaderFile || !appFile) throw new Error("the widget is not built");
  // The chunks the app imports statically load with it; those it import()s only when used.
  const shared = await Promise.all(
    [...appFile.toString().matchAll(/(?:^|[;\s])import[^("']*?from\s*"(\.\/chunks\/[^"]+)"/g)].map(
      ([, path]) => readFile(new URL(`widget/${path}`, PUBLIC)),
    ),
  );
  const parts = [
    { part: "loader (the script tag)", contents: [loaderFile], gzipBudget: 2 * KIB },
    {
      part: "whole widget before chatting",
      contents: [loaderFile, appFile, ...shared, settings],
      gzipBudget: 20 * KIB,
    },
  ];
  const [loader, whole] = await Promise.all(
    parts.map(async ({ part, contents, gzipBudget }) => {
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
