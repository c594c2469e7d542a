// The reason bank: everyday customer messages the team wrote by hand in each language, across
// many kinds of business. `none` holds routine questions (policy questions on touchy topics
// among them); the other lists hold messages that must go to a person for that reason. The
// reason model trains on them with each company's FAQ; calibration asks them as negatives.
import type { ModelClass } from "../reason-model.ts";
import en from "./en.json" with { type: "json" };
import he from "./he.json" with { type: "json" };
import lv from "./lv.json" with { type: "json" };
import pl from "./pl.json" with { type: "json" };
import sv from "./sv.json" with { type: "json" };
import zh from "./zh.json" with { type: "json" };

export const REASON_BANK = { en, pl, zh, sv, lv, he } satisfies Record<
  string,
  Record<ModelClass, string[]>
>;
