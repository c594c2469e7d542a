import { FEATURE_SLOTS, type Features, featuresOf } from "./features.ts";
import type { LanguageCode } from "./language.ts";
import type { SignalReason } from "./lexicon/index.ts";

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
const CLASSES = MODEL_CLASSES.length;

export interface LabelledText {
  text: string;
  language: LanguageCode;
  label: ModelClass;
}

const EPOCHS = 5;
/** A class this sure of itself already (or this sure it is not meant) learns nothing more. */
const SETTLED = 1e-3;
const LEARNING_RATE = 0.4;
const L2 = 1e-6;

/**
 * A per-company reason model: multinomial logistic regression over hashed features, trained
 * in a fraction of a second on the company's FAQ examples (no reason) and the reason bank plus
 * the agents' marks (each with its reason). Deterministic: the same examples give the same model.
 */
export class ReasonModel {
  private constructor(private readonly weights: Float32Array) {}

  static train(examples: readonly LabelledText[]): ReasonModel {
    const weights = new Float32Array(CLASSES * FEATURE_SLOTS);
    const squares = new Float32Array(CLASSES * FEATURE_SLOTS);
    const rows = examples
      .map((example) => ({
        features: rememberedFeatures(example.text, example.language),
        label: MODEL_CLASSES.indexOf(example.label),
        order: shuffleKey(example.text),
      }))
      .sort((a, b) => a.order - b.order);
    // Each class weighs the same in total, however many examples it has.
    const perClass = new Array<number>(CLASSES).fill(0);
    for (const row of rows) perClass[row.label] = (perClass[row.label] ?? 0) + 1;
    const present = perClass.filter((count) => count > 0).length;
    const classWeight = perClass.map((count) => (count ? rows.length / (present * count) : 0));
    const scores = new Float64Array(CLASSES);
    for (let epoch = 0; epoch < EPOCHS; epoch++) {
      for (const { features, label } of rows) {
        probabilities(weights, features, scores);
        const weight = classWeight[label] ?? 1;
        for (let c = 0; c < CLASSES; c++) {
          const gradient = ((scores[c] ?? 0) - (c === label ? 1 : 0)) * weight;
          if (Math.abs(gradient) < SETTLED) continue;
          for (let i = 0; i < features.slots.length; i++) {
            const at = c * FEATURE_SLOTS + (features.slots[i] ?? 0);
            const g = gradient * (features.values[i] ?? 0) + L2 * (weights[at] ?? 0);
            squares[at] = (squares[at] ?? 0) + g * g;
            weights[at] = (weights[at] ?? 0) - (LEARNING_RATE * g) / Math.sqrt(squares[at] ?? 1);
          }
        }
      }
    }
    return new ReasonModel(weights);
  }

  /** The probability of each class for this text, in the order of MODEL_CLASSES. */
  predict(text: string, language: LanguageCode): Float64Array {
    const scores = new Float64Array(CLASSES);
    probabilities(this.weights, featuresOf(text, language), scores);
    return scores;
  }
}

function probabilities(weights: Float32Array, features: Features, out: Float64Array): void {
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < CLASSES; c++) {
    let sum = 0;
    for (let i = 0; i < features.slots.length; i++) {
      sum +=
        (weights[c * FEATURE_SLOTS + (features.slots[i] ?? 0)] ?? 0) * (features.values[i] ?? 0);
    }
    out[c] = sum;
    if (sum > max) max = sum;
  }
  let total = 0;
  for (let c = 0; c < CLASSES; c++) {
    const e = Math.exp((out[c] ?? 0) - max);
    out[c] = e;
    total += e;
  }
  for (let c = 0; c < CLASSES; c++) out[c] = (out[c] ?? 0) / total;
}

/**
 * The reason bank and the FAQ's examples are trained on again after every edit: their features
 * are kept rather than computed each time (a bounded memory, emptied when full).
 */
const remembered = new Map<string, Features>();
const REMEMBER_AT_MOST = 50_000;

function rememberedFeatures(text: string, language: LanguageCode): Features {
  const key = `${language}\u0000${text}`;
  let features = remembered.get(key);
  if (!features) {
    if (remembered.size >= REMEMBER_AT_MOST) remembered.clear();
    features = featuresOf(text, language);
    remembered.set(key, features);
  }
  return features;
}

/** A fixed pseudo-random order for training, from the text itself. */
function shuffleKey(text: string): number {
  let value = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) value = Math.imul(value ^ text.charCodeAt(i), 0x85ebca6b);
  return value >>> 0;
}
