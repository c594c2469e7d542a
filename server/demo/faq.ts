// The demo company's FAQ: Linden & Co., a home-goods web shop with three stores. The same
// entries in each language its customers write in, one JSON file per language.
import en from "./faq/en.json" with { type: "json" };
import he from "./faq/he.json" with { type: "json" };
import lv from "./faq/lv.json" with { type: "json" };
import pl from "./faq/pl.json" with { type: "json" };
import sv from "./faq/sv.json" with { type: "json" };
import zh from "./faq/zh.json" with { type: "json" };

export interface DemoFaqEntry {
  title: string;
  questions: string[];
  answer: string;
}

export const DEMO_FAQ = { en, pl, zh, sv, lv, he } satisfies Record<string, DemoFaqEntry[]>;
