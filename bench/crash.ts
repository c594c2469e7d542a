// The long crash drill: `npm run crash -- --rounds 100 --customers 8`. `npm test` runs 20 rounds.
import { parseArgs } from "node:util";
import { crashDrill } from "../server/crash-drill.ts";

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "100" },
    customers: { type: "string", default: "8" },
  },
});
const rounds = Number(values.rounds);
const customers = Number(values.customers);
if (!Number.isInteger(rounds) || rounds < 1 || !Number.isInteger(customers) || customers < 1) {
  throw new Error("--rounds and --customers take whole numbers from 1");
}

const started = Date.now();
const report = await crashDrill({
  rounds,
  customers,
  onRound: (round, acknowledged) => {
    if (round % 10 === 0) console.log(`round ${round}/${rounds}: ${acknowledged} acknowledged`);
  },
});
console.log(
  `\n${report.rounds} SIGKILL rounds, ${report.customers} customers, ${report.acknowledged} ` +
    `messages acknowledged: ${report.lost.length} lost, ${report.duplicated.length} stored twice, ` +
    `${report.moved.length} out of place (${((Date.now() - started) / 1000).toFixed(0)} s)`,
);
if (report.lost.length + report.duplicated.length + report.moved.length > 0) process.exit(1);
