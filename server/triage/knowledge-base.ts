import {
  CALIBRATION_TARGETS,
  type CalibrationTargets,
  calibrateScored,
  type LanguageCalibration,
  type LanguageScores,
  scoreLanguage,
  UNCALIBRATED_THRESHOLD,
} from "./calibration.ts";
import { EntryModel, type EntryModelState, HeldOutEntryModel } from "./entry-model.ts";
import { type Features, featuresOf } from "./features.ts";
import type { LanguageCode } from "./language.ts";
import { type KnowledgeEntry, LanguageIndex, type Ranked } from "./language-index.ts";
import { REASON_BANK } from "./reason-bank/index.ts";
import { type LabelledText, MODEL_CLASSES, type ModelClass, ReasonModel } from "./reason-model.ts";
import { detectSignals } from "./signals.ts";
import type { RegressionState } from "./softmax-regression.ts";
import type { HandoffReason } from "./types.ts";

export type { KnowledgeEntry, Ranked };

export interface Match {
  faqId: number;
  /** How sure the engine is that this entry answers the text, 0..1. */
  confidence: number;
  /** How close the text is to the entry, before doubt about other entries. */
  similarity: number;
}

/** The agents' mark closest to a message: a person took something very like it. */
export interface NearNegative {
  reason: HandoffReason;
  similarity: number;
}

/**
 * A message the bot must never answer, with the reason a person takes it (an agent's mark);
 * `unsure` when the FAQ simply does not cover it.
 */
export interface Negative {
  language: LanguageCode;
  text: string;
  reason: HandoffReason;
}

/** What training found, as plain data a worker thread can send back. */
export interface Learnt {
  reasons: RegressionState;
  entryModels: { language: LanguageCode; model: EntryModelState }[];
  calibrations: LanguageCalibration[];
}

export interface TrainingOptions {
  /** How strict calibration is; the eval's --tune chooses them on another set. */
  targets?: CalibrationTargets;
  /** What earlier trainings learnt per language, kept by whoever trains again after edits. */
  memory?: LearningMemory;
}

/**
 * Each language's entry model and calibration scores with what they were learnt from: a
 * language whose entries and marks did not change since is not learnt again (an edit to one
 * entry relearns one language of six). The reason model, trained on every language, always is.
 */
export type LearningMemory = Map<
  LanguageCode,
  { key: string; model: EntryModelState; scores: LanguageScores }
>;

/**
 * The company's FAQ, per language, ready to be compared with customer messages, with what the
 * engine learned from it: a threshold per language and a reason model. Editing one entry
 * updates the index in place; `train()` (off the message path) recalibrates.
 */
export class KnowledgeBase {
  private readonly indexes = new Map<LanguageCode, LanguageIndex>();
  private readonly entryLanguage = new Map<number, LanguageCode>();
  private negatives: readonly Negative[] = [];
  private negativeIndexes = new Map<LanguageCode, LanguageIndex>();
  private calibrations = new Map<LanguageCode, LanguageCalibration>();
  private model: ReasonModel | undefined;
  private entryModels = new Map<LanguageCode, EntryModel>();
  private covered: Set<LanguageCode> | undefined;
  /** Triage asks the reason model and then the entry model about the same message. */
  private lastFeatures: { text: string; language: LanguageCode; features: Features } | undefined;

  constructor(entries: Iterable<KnowledgeEntry> = []) {
    for (const entry of entries) this.upsert(entry);
  }

  upsert(entry: KnowledgeEntry): void {
    this.remove(entry.id);
    indexIn(this.indexes, entry.language).add(entry);
    this.entryLanguage.set(entry.id, entry.language);
    this.covered = undefined;
  }

  remove(entryId: number): void {
    const language = this.entryLanguage.get(entryId);
    if (language === undefined) return;
    this.indexes.get(language)?.remove(entryId);
    this.entryLanguage.delete(entryId);
    this.covered = undefined;
  }

  /**
   * The agents' accepted marks: messages that must go to a person, with their reason. They are
   * indexed like FAQ entries, so a message closer to one of them than to any entry goes to a
   * person; the reason model and calibration take them in at the next `train()`.
   */
  setNegatives(negatives: readonly Negative[]): void {
    this.negatives = negatives;
    this.negativeIndexes = new Map();
    negatives.forEach(({ language, text }, i) => {
      indexIn(this.negativeIndexes, language).add({
        id: i + 1,
        language,
        title: text,
        questions: [],
      });
    });
  }

  /** The languages the FAQ has entries in. */
  languages(): ReadonlySet<LanguageCode> {
    this.covered ??= new Set(
      [...this.indexes].filter(([, index]) => index.size > 0).map(([code]) => code),
    );
    return this.covered;
  }

  covers(language: LanguageCode): boolean {
    return this.languages().has(language);
  }

  /** The FAQ entry in this language that best answers the text, if any shares a word. */
  match(text: string, language: LanguageCode): Match | undefined {
    const ranked = this.indexes.get(language)?.rank(text) ?? [];
    const best = ranked[0];
    if (!best) return undefined;
    const model = this.entryModels.get(language);
    const probability = model?.probability(this.featuresFor(text, language), best.faqId);
    return {
      faqId: best.faqId,
      confidence: blended(confidenceOf(ranked), probability),
      similarity: best.similarity,
    };
  }

  /**
   * The agents' mark that claims the text: one at least as close to it as the best FAQ entry,
   * and close enough to count. `leaveOut` (a mark's position) asks as if that mark were not
   * there, for calibration to judge each mark by the others.
   */
  markedNear(
    text: string,
    language: LanguageCode,
    match: Match | undefined,
    leaveOut?: number,
  ): NearNegative | undefined {
    const leftOut = leaveOut === undefined ? undefined : { faqId: leaveOut + 1, example: 0 };
    const best = this.negativeIndexes.get(language)?.rank(text, leftOut)[0];
    const negative = best && this.negatives[best.faqId - 1];
    if (!negative || best.similarity < MARK_CLOSE) return undefined;
    if (best.similarity < (match?.similarity ?? 0)) return undefined;
    return { reason: negative.reason, similarity: best.similarity };
  }

  /** The entries in this language closest to the text, for an agent to pick from. */
  rank(text: string, language: LanguageCode, limit: number): Ranked[] {
    return (this.indexes.get(language)?.rank(text) ?? []).slice(0, limit);
  }

  /** The confidence an answer needs in this language, as calibration chose it. */
  threshold(language: LanguageCode): number {
    return this.calibrations.get(language)?.threshold ?? UNCALIBRATED_THRESHOLD;
  }

  calibration(): LanguageCalibration[] {
    return [...this.calibrations.values()];
  }

  /** The reason model's probabilities for the text; undefined before the first training. */
  reasonProbabilities(text: string, language: LanguageCode): Float64Array | undefined {
    return this.model?.predict(this.featuresFor(text, language));
  }

  private featuresFor(text: string, language: LanguageCode): Features {
    const last = this.lastFeatures;
    if (last?.text === text && last.language === language) return last.features;
    const features = featuresOf(text, language);
    this.lastFeatures = { text, language, features };
    return features;
  }

  /**
   * Trains the reason model and recalibrates every language: about a second's work for the
   * demo FAQ, done when the FAQ loads; after edits the server does it in a worker thread
   * (`learn` there, `apply` here), never while a customer waits.
   */
  train(options: TrainingOptions = {}): void {
    this.apply(this.learn(options));
  }

  /** Installs what `learn` found, here or in another thread on the same FAQ and marks. */
  apply(learnt: Learnt): void {
    this.model = ReasonModel.fromState(learnt.reasons);
    this.entryModels = new Map(
      learnt.entryModels.map(({ language, model }) => [language, EntryModel.fromState(model)]),
    );
    this.calibrations = new Map(learnt.calibrations.map((c) => [c.language, c]));
  }

  /** Trains the models and calibrates every language, changing nothing yet. */
  learn({ targets = CALIBRATION_TARGETS, memory }: TrainingOptions = {}): Learnt {
    const examples: LabelledText[] = [];
    for (const index of this.indexes.values()) {
      for (const { text } of index.examples()) {
        examples.push({ text, language: index.language, label: "none" });
      }
    }
    examples.push(...bankExamples(...MODEL_CLASSES));
    const reasons = ReasonModel.train([
      ...examples,
      ...this.negatives.flatMap(({ text, language, reason }): LabelledText[] =>
        reason === "unsure" ? [] : [{ text, language, label: reason }],
      ),
    ]);
    // Each mark counts as answered unless the lexicon or another mark would hand it off.
    const marks = this.negatives.map((negative, i) => ({
      ...negative,
      caught:
        lexiconHandsOff(negative.text) ||
        this.markedNear(
          negative.text,
          negative.language,
          this.match(negative.text, negative.language),
          i,
        ) !== undefined,
    }));
    const allProblems = examples.filter((example) => example.label !== "none");
    const routine = bankExamples("none");
    const entryModels: Learnt["entryModels"] = [];
    const scored = [...this.indexes.values()].map((index): LanguageScores => {
      const { language } = index;
      const ofLanguage = <T extends { language: string; text: string }>(list: readonly T[]) =>
        list.filter((item) => item.language === language);
      const entries = [...index.entryTexts()].sort((a, b) => a.faqId - b.faqId);
      const marksHere = ofLanguage(marks);
      // Everything this language's model and scores depend on (the bank never changes).
      const key = JSON.stringify([entries, marksHere.map(({ text, caught }) => [text, caught])]);
      const kept = memory?.get(language);
      if (kept?.key === key) {
        entryModels.push({ language, model: kept.model });
        return kept.scores;
      }
      const problems = ofLanguage(allProblems);
      const others = [...problems, ...marksHere]
        .map(({ text }) => text)
        .filter((text) => !lexiconHandsOff(text));
      const model = EntryModel.train(language, entries, others).state;
      entryModels.push({ language, model });
      // Calibration asks each text of the model trained without it.
      const heldOut = new HeldOutEntryModel(language, entries, others);
      const scores = scoreLanguage({
        index,
        negatives: [
          ...problems.map(({ text }) => ({ text, caught: lexiconHandsOff(text) })),
          ...marksHere,
        ],
        unrelated: ofLanguage(routine).map(({ text }) => text),
        judge: {
          confidence: (text, ranked) =>
            blended(confidenceOf(ranked), ranked[0] && heldOut.probability(text, ranked[0].faqId)),
          handsOff: lexiconHandsOff,
        },
      });
      memory?.set(language, { key, model, scores });
      return scores;
    });
    const calibrations = calibrateScored(scored, targets);
    return { reasons: reasons.state, entryModels, calibrations };
  }
}

function indexIn(indexes: Map<LanguageCode, LanguageIndex>, language: LanguageCode): LanguageIndex {
  let index = indexes.get(language);
  if (!index) {
    index = new LanguageIndex(language);
    indexes.set(language, index);
  }
  return index;
}

/**
 * How sure the engine is that the entry answers: the confidence of the similarity ranking and
 * the entry model's probability for the same entry, averaged (the similarity alone before the
 * first training).
 */
function blended(similarity: number, probability: number | undefined): number {
  return probability === undefined ? similarity : (similarity + probability) / 2;
}

/** How like an agent's "should have gone to a person" mark a message must be to follow it. */
const MARK_CLOSE = 0.5;

/**
 * How sure the engine is that the best entry answers: its similarity, lowered when another
 * entry is nearly as close.
 */
export function confidenceOf(ranked: readonly Ranked[]): number {
  const [best, second] = ranked;
  if (!best || best.similarity === 0) return 0;
  const closeness = (second?.similarity ?? 0) / best.similarity;
  return best.similarity * (1 - 0.5 * closeness ** 2);
}

/** The lexicon never changes while the server runs: what it says of a text can be kept. */
const lexiconSaid = new Map<string, boolean>();
const LEXICON_MEMORY = 50_000;

function lexiconHandsOff(text: string): boolean {
  let said = lexiconSaid.get(text);
  if (said === undefined) {
    if (lexiconSaid.size >= LEXICON_MEMORY) lexiconSaid.clear();
    said = detectSignals(text).length > 0;
    lexiconSaid.set(text, said);
  }
  return said;
}

function bankExamples(...labels: ModelClass[]): LabelledText[] {
  return Object.entries(REASON_BANK).flatMap(([language, lists]) =>
    labels.flatMap((label) => lists[label].map((text) => ({ text, language, label }))),
  );
}
