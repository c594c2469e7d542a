import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";
import { format } from "../../../protocol/index.ts";
import { en } from "../../i18n/en.ts";
import type { Table } from "./report-tables.ts";

const COLORS = ["#1f5f4a", "#b5452b", "#3b6fb6", "#8a6d00", "#6b4a9e"];

/**
 * Lines over the period's groups, drawn from columns of a table (its first column holds each
 * group's first day). The chart is a picture for the eye; the table beside it carries the
 * same numbers for everyone.
 */
export function TimeChart({ table, columns }: { table: Table; columns: number[] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const days = table.rows.map((row) => Date.parse(`${String(row[0])}T00:00:00Z`) / 1000);
    const lines = columns.map((column) =>
      table.rows.map((row) => {
        const cell = row[column];
        return typeof cell === "number" ? cell : null;
      }),
    );
    const chart = new uPlot(
      {
        width: Math.max(320, element.clientWidth),
        height: 220,
        // The days are the company's own: drawn as dates, never shifted to the browser's zone.
        tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), "Etc/UTC"),
        series: [
          {},
          ...columns.map((column, i) => ({
            label: table.columns[column] ?? "",
            stroke: COLORS[i % COLORS.length] ?? "#000",
            width: 2,
            spanGaps: true,
          })),
        ],
        axes: [{}, { size: 50 }],
      },
      [days, ...lines],
      element,
    );
    return () => chart.destroy();
  }, [table, columns]);
  return (
    <figure class="report-chart" aria-label={format(en.chartOfTable, { table: table.caption })}>
      <div ref={box} aria-hidden="true" />
    </figure>
  );
}
