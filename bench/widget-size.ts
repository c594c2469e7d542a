// Widget weight against the budgets of DESIGN.md. Exits non-zero when a budget is exceeded,
// so `npm test` (and CI) fail before the weight creeps up.
import { readFile } from "node:fs/promises";
import { brotliCompressSync, gzipSync } from "node:zlib";

const PUBLIC = new URL("../dist/public/", import.meta.url);
const KIB = 1024;

const parts = [
  { name: "loader (script tag)", files: ["widget.js"], budgetGzip: 2 * KIB },
  {
    name: "whole widget before chatting",
    files: ["widget.js", "widget/app.js"],
    budgetGzip: 20 * KIB,
  },
];

let over = false;
const rows = [];
for (const part of parts) {
  const contents = await Promise.all(part.files.map((file) => readFile(new URL(file, PUBLIC))));
  const sum = (size: (data: Buffer) => number) =>
    contents.reduce((total, data) => total + size(data), 0);
  const gzip = sum((data) => gzipSync(data, { level: 9 }).length);
  const ok = gzip <= part.budgetGzip;
  over ||= !ok;
  rows.push({
    part: part.name,
    raw: sum((data) => data.length),
    gzip,
    brotli: sum((data) => brotliCompressSync(data).length),
    "gzip budget": part.budgetGzip,
    within: ok ? "yes" : "NO",
  });
}
console.table(rows);
if (over) {
  console.error("A widget size budget is exceeded (see the table above).");
  process.exit(1);
}
