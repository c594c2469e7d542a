import { type Features, rememberedFeatures } from "./features.ts";
import type { LanguageCode } from "./language.ts";
import type { SignalReason } from "./lexicon/index.ts";
import {
  balancedWeights,
  inTrainingOrder,
  type RegressionState,
  SoftmaxRegression,
} from "./softmax-regression.ts";

/** What the model tells apart: a routine question, or one of the six reasons for a person. */
export type ModelClass = "none" | SignalReason;
export const MODEL_CLASSES: readonly ModelClass[] = [
  "none",
  "emotional",
  "financial",
  "complex",
  "special_request",
  "sensitive",
  "human_request",
];

export interface LabelledText {
  text: string;
  language: LanguageCode;
  label: ModelClass;
}

const SETTINGS = { epochs: 5, learningRate: 0.4, l2: 1e-6, settled: 1e-3 };

/**
 * A per-company reason model: multinomial logistic regression over hashed features, trained
 * in a fraction of a second on the company's FAQ examples (no reason) and the reason bank plus
 * the agents' marks (each with its reason). Deterministic: the same examples give the same model.
 */
export class ReasonModel {
  private constructor(private readonly regression: SoftmaxRegression) {}

  get state(): RegressionState {
    return this.regression.state;
  }

  static fromState(state: RegressionState): ReasonModel {
    return new ReasonModel(SoftmaxRegression.fromState(state));
  }

  static train(examples: readonly LabelledText[]): ReasonModel {
    const ordered = inTrainingOrder(examples, (example) => example.text);
    const labels = ordered.map((example) => MODEL_CLASSES.indexOf(example.label));
    // Each class weighs the same in total, however many examples it has.
    const weights = balancedWeights(labels, MODEL_CLASSES.length);
    const rows = ordered.map((example, i) => {
      const label = labels[i] ?? 0;
      return {
        features: rememberedFeatures(example.text, example.language),
        label,
        weight: weights[label] ?? 1,
      };
    });
    return new ReasonModel(SoftmaxRegression.train(rows, MODEL_CLASSES.length, SETTINGS));
  }

  /** The probability of each class for these features, in the order of MODEL_CLASSES. */
  predict(features: Features): Float64Array {
    return this.regression.predict(features);
  }
}
