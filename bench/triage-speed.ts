// Triage cost per message over the development data, against the demo company's FAQ in its six
// languages, calibrated and with its reason model trained: what
// every customer message pays before the bot answers or a person is called. The baseline is
// what each message already pays at the socket: parsing and validating its frame.
import { performance } from "node:perf_hooks";
import { parseFrame, visitorClientFrame } from "../protocol/index.ts";
import { DEMO_FAQ } from "../server/demo/faq.ts";
import { KnowledgeBase, type LearningMemory, triage } from "../server/triage/index.ts";
import { readRows } from "./eval/dataset.ts";
import { spread } from "./stats.ts";

const WARM_UP_ROWS = 500;

export interface TriageSpeed {
  messages: number;
  triage: { p50: number; p99: number };
  parse: { p50: number; p99: number };
  /** Training and calibrating the whole demo FAQ, as at start (median of 5). */
  trainMs: number;
  /**
   * Learning again after an admin edited one entry, as the learning thread does with what it
   * learnt before (median of 5 edits, each in another language).
   */
  retrainMs: number;
}

const RETRAINS = 5;

export function triageSpeed(files: readonly string[]): TriageSpeed {
  const texts = files.flatMap((file) => readRows(file).map((row) => row.text));
  const entries = Object.entries(DEMO_FAQ).flatMap(([language, faq], l) =>
    faq.map((entry, i) => ({ ...entry, id: l * 1000 + i, language })),
  );
  const kb = new KnowledgeBase(entries);
  kb.train();
  const timed = (work: () => void) => {
    const start = performance.now();
    work();
    return performance.now() - start;
  };
  const trains = Array.from({ length: RETRAINS }, () => timed(() => kb.train()));
  const memory: LearningMemory = new Map();
  kb.learn({ memory });
  const retrains = Array.from({ length: RETRAINS }, (_, edit) => {
    const entry = entries.find(({ id }) => id === edit * 1000) ?? entries[0];
    if (entry) kb.upsert({ ...entry, questions: [...entry.questions, `${entry.title}?`] });
    return timed(() => kb.apply(kb.learn({ memory })));
  });
  const frames = texts.map((text, index) =>
    JSON.stringify({ type: "send", clientId: `c${index}`, text }),
  );
  const timeEach = (work: (index: number) => unknown) => {
    for (let index = 0; index < Math.min(WARM_UP_ROWS, texts.length); index++) work(index);
    return spread(
      texts.map((_, index) => {
        const start = performance.now();
        work(index);
        return (performance.now() - start) * 1000;
      }),
    );
  };
  return {
    messages: texts.length,
    triage: timeEach((index) =>
      triage(
        {
          pending: [{ text: texts[index] ?? "", at: 0 }],
          conversation: { humanInvolved: false },
          now: 60_000,
        },
        kb,
      ),
    ),
    parse: timeEach((index) => parseFrame(visitorClientFrame, frames[index])),
    trainMs: spread(trains).p50,
    retrainMs: spread(retrains).p50,
  };
}
