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
    const labels = table.rows.map((row) => String(row[0]));
    const lines = columns.map((column) =>
      table.rows.map((row) => {
        const cell = row[column];
        return typeof cell === "number" ? cell : null;
      }),
    );
    // The groups are the company's own days: placed by their order, labelled by their date.
    const label = (index: number) => labels[Math.round(index)] ?? "";
    const chart = new uPlot(
      {
        width: Math.max(320, element.clientWidth),
        height: 220,
        scales: { x: { time: false } },
        series: [
          { label: table.columns[0] ?? "", value: (_, index) => label(index) },
          ...columns.map((column, i) => ({
            label: table.columns[column] ?? "",
            stroke: COLORS[i % COLORS.length] ?? "#000",
            width: 2,
            spanGaps: true,
          })),
        ],
        axes: [
          {
            space: 80,
            incrs: [1, 2, 7, 14, 30, 60],
            values: (_, splits) => splits.map((index) => label(index).slice(5)),
          },
          { size: 50 },
        ],
      },
      [labels.map((_, index) => index), ...lines],
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
