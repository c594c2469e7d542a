import { type Features, hash, rememberedFeatures } from "./features.ts";
import type { LanguageCode } from "./language.ts";
import {
  inTrainingOrder,
  type RegressionState,
  SoftmaxRegression,
  type TrainingRow,
} from "./softmax-regression.ts";

/** One FAQ entry's texts: its title, example questions and answer. */
export interface EntryExamples {
  faqId: number;
  texts: readonly string[];
}

export interface EntryModelState {
  /** Each entry's class in the regression. */
  classOf: Map<number, number>;
  regression: RegressionState;
}

const SETTINGS = { epochs: 6, learningRate: 0.5, l2: 0, settled: 1e-2 };
/** Calibration asks each text of a model trained without it: one of this many folds. */
const FOLDS = 5;

/**
 * Which of one language's FAQ entries a message asks, learnt from the entries' own texts
 * against messages that no entry answers (the reason bank's problems, the agents' marks).
 * Where similarity sees shared words, the model sees which words tell the entries apart, and
 * how unlike every entry a problem is.
 */
export class EntryModel {
  private constructor(
    private readonly classOf: Map<number, number>,
    private readonly regression: SoftmaxRegression,
  ) {}

  get state(): EntryModelState {
    return { classOf: this.classOf, regression: this.regression.state };
  }

  static fromState({ classOf, regression }: EntryModelState): EntryModel {
    return new EntryModel(classOf, SoftmaxRegression.fromState(regression));
  }

  static train(
    language: LanguageCode,
    entries: readonly EntryExamples[],
    others: readonly string[],
    skip: (text: string) => boolean = () => false,
  ): EntryModel {
    const classOf = new Map(entries.map(({ faqId }, i) => [faqId, i]));
    const examples = entries.flatMap(({ faqId, texts }) =>
      texts.filter((text) => !skip(text)).map((text) => ({ text, label: classOf.get(faqId) ?? 0 })),
    );
    const kept = others.filter((text) => !skip(text));
    // Every example weighs 1, and the messages no entry answers as much as all of them together.
    const otherWeight = kept.length ? examples.length / kept.length : 0;
    const none = entries.length;
    const rows: TrainingRow[] = inTrainingOrder(
      [...examples, ...kept.map((text) => ({ text, label: none }))],
      (row) => row.text,
    ).map(({ text, label }) => ({
      features: rememberedFeatures(text, language),
      label,
      weight: label === none ? otherWeight : 1,
    }));
    return new EntryModel(classOf, SoftmaxRegression.train(rows, entries.length + 1, SETTINGS));
  }

  /** How likely the entry is the one the message asks; undefined for an entry it never saw. */
  probability(features: Features, faqId: number): number | undefined {
    const c = this.classOf.get(faqId);
    return c === undefined ? undefined : this.regression.predict(features)[c];
  }
}

/**
 * The same model trained FOLDS times, each time without one fold of the texts: asked about a
 * text it was trained on, it answers with the model that never saw it, as calibration needs.
 * (With fewer folds each model is so much weaker than the one customers meet that the
 * threshold calibration picks lets wrong answers through.)
 */
export class HeldOutEntryModel {
  private readonly folds: EntryModel[];

  constructor(
    private readonly language: LanguageCode,
    entries: readonly EntryExamples[],
    others: readonly string[],
  ) {
    this.folds = Array.from({ length: FOLDS }, (_, fold) =>
      EntryModel.train(language, entries, others, (text) => foldOf(text) === fold),
    );
  }

  probability(text: string, faqId: number): number | undefined {
    const model = this.folds[foldOf(text)];
    return model?.probability(rememberedFeatures(text, this.language), faqId);
  }
}

function foldOf(text: string): number {
  return hash(text) % FOLDS;
}
