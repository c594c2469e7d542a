import { stringify } from "csv-stringify/browser/esm/sync";
import { format } from "../../../protocol/index.ts";
import { en } from "../../i18n/en.ts";
import type { Cell, Table } from "./report-tables.ts";

/**
 * A report's numbers as a table a screen reader can walk (caption, column headers), with its
 * own CSV download. Conversations in a cell open in the inbox.
 */
export function DataTable({
  table,
  onOpen,
  heat = false,
}: {
  table: Table;
  onOpen: (conversationId: number) => void;
  /** Shade each number by its size, as a heatmap. */
  heat?: boolean;
}) {
  const most = heat
    ? Math.max(1, ...table.rows.flat().filter((cell): cell is number => typeof cell === "number"))
    : 1;
  return (
    <div class="report-table">
      <table id={table.id}>
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    <CellView cell={cell} onOpen={onOpen} />
                  </th>
                ) : (
                  <td key={j} style={heat ? shade(cell, most) : undefined}>
                    <CellView cell={cell} onOpen={onOpen} />
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        class="secondary"
        aria-label={format(en.downloadTableCsv, { table: table.caption })}
        onClick={() => download(table)}
      >
        {en.downloadCsv}
      </button>
    </div>
  );
}

function CellView({ cell, onOpen }: { cell: Cell; onOpen: (id: number) => void }) {
  if (cell === null) return <>–</>;
  if (typeof cell !== "object") return <>{cell}</>;
  return (
    <span class="conversation-links">
      {cell.conversations.map((id) => (
        <button
          key={id}
          type="button"
          class="link"
          aria-label={format(en.openConversation, { id: String(id) })}
          onClick={() => onOpen(id)}
        >
          #{id}
        </button>
      ))}
    </span>
  );
}

function shade(cell: Cell, most: number) {
  const share = typeof cell === "number" ? cell / most : 0;
  return { background: `rgba(31, 95, 74, ${share.toFixed(2)})`, color: share > 0.5 ? "#fff" : "" };
}

function download(table: Table): void {
  const rows = table.rows.map((row) =>
    row.map((cell) =>
      cell !== null && typeof cell === "object" ? cell.conversations.join(" ") : cell,
    ),
  );
  const csv = stringify([table.columns, ...rows]);
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([csv], { type: "text/csv" }));
  link.download = `${table.id}.csv`;
  link.click();
  URL.revokeObjectURL(link.href);
}
