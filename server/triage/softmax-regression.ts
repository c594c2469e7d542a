import type { Features } from "./features.ts";

export interface TrainingRow {
  features: Features;
  /** The class, 0..classes-1. */
  label: number;
  /** How much this row counts (1 unless the caller balances its classes). */
  weight: number;
}

export interface RegressionState {
  classes: number;
  rows: Map<number, number>;
  weights: Float32Array;
}

export interface TrainingSettings {
  epochs: number;
  learningRate: number;
  l2: number;
  /** A class this sure of itself already (or this sure it is not meant) learns nothing more. */
  settled: number;
}

/**
 * Multinomial logistic regression over sparse hashed features, trained by Adagrad. Only the
 * features seen in training get weights (a feature never seen adds nothing to any class), so
 * the model is as small as the company's vocabulary. Deterministic: the rows in the same order
 * give the same model.
 */
export class SoftmaxRegression {
  private constructor(
    private readonly classes: number,
    /** Each known feature's row in `weights`. */
    private readonly rows: Map<number, number>,
    /** Feature-major: the `classes` weights of one feature sit together. */
    private readonly weights: Float32Array,
  ) {}

  /** What the model learnt, as plain data a worker thread can send. */
  get state(): RegressionState {
    return { classes: this.classes, rows: this.rows, weights: this.weights };
  }

  static fromState({ classes, rows, weights }: RegressionState): SoftmaxRegression {
    return new SoftmaxRegression(classes, rows, weights);
  }

  static train(
    rows: readonly TrainingRow[],
    classes: number,
    settings: TrainingSettings,
  ): SoftmaxRegression {
    const index = new Map<number, number>();
    // Each row's features as positions in the weights, looked up once rather than every epoch.
    const dense = rows.map(({ features, label, weight }) => {
      const at = new Int32Array(features.slots.length);
      features.slots.forEach((slot, i) => {
        let row = index.get(slot);
        if (row === undefined) {
          row = index.size;
          index.set(slot, row);
        }
        at[i] = row * classes;
      });
      return { at, values: features.values, label, weight };
    });
    const weights = new Float32Array(index.size * classes);
    const squares = new Float32Array(weights.length);
    const scores = new Float64Array(classes);
    const { learningRate, l2, settled } = settings;
    for (let epoch = 0; epoch < settings.epochs; epoch++) {
      for (const { at, values, label, weight } of dense) {
        softmax(weights, classes, at, values, scores);
        for (let c = 0; c < classes; c++) {
          const gradient = ((scores[c] as number) - (c === label ? 1 : 0)) * weight;
          if (Math.abs(gradient) < settled) continue;
          for (let i = 0; i < at.length; i++) {
            const w = (at[i] as number) + c;
            const g = gradient * (values[i] as number) + l2 * (weights[w] as number);
            const square = (squares[w] as number) + g * g;
            squares[w] = square;
            weights[w] = (weights[w] as number) - (learningRate * g) / Math.sqrt(square);
          }
        }
      }
    }
    return new SoftmaxRegression(classes, index, weights);
  }

  /** The probability of each class. */
  predict(features: Features): Float64Array {
    const at = new Int32Array(features.slots.length).fill(-1);
    features.slots.forEach((slot, i) => {
      const row = this.rows.get(slot);
      if (row !== undefined) at[i] = row * this.classes;
    });
    const scores = new Float64Array(this.classes);
    softmax(this.weights, this.classes, at, features.values, scores);
    return scores;
  }
}

/** The class probabilities of one row; `at` holds each feature's first weight (-1: unknown). */
function softmax(
  weights: Float32Array,
  classes: number,
  at: Int32Array,
  values: Float32Array,
  out: Float64Array,
): void {
  out.fill(0);
  for (let i = 0; i < at.length; i++) {
    const from = at[i] as number;
    if (from < 0) continue;
    const value = values[i] as number;
    for (let c = 0; c < classes; c++) {
      out[c] = (out[c] as number) + (weights[from + c] as number) * value;
    }
  }
  let max = Number.NEGATIVE_INFINITY;
  for (const score of out) if (score > max) max = score;
  let total = 0;
  for (let c = 0; c < classes; c++) {
    const e = Math.exp((out[c] as number) - max);
    out[c] = e;
    total += e;
  }
  for (let c = 0; c < classes; c++) out[c] = (out[c] as number) / total;
}

/** The rows in a fixed pseudo-random order taken from their texts: the same rows, the same model. */
export function inTrainingOrder<T>(rows: readonly T[], textOf: (row: T) => string): T[] {
  const keyed = rows.map((row) => ({ row, key: shuffleKey(textOf(row)) }));
  return keyed.sort((a, b) => a.key - b.key).map(({ row }) => row);
}

function shuffleKey(text: string): number {
  let value = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) value = Math.imul(value ^ text.charCodeAt(i), 0x85ebca6b);
  return value >>> 0;
}

/** Weights that make each class count the same in total, however many rows it has. */
export function balancedWeights(labels: readonly number[], classes: number): number[] {
  const perClass = new Array<number>(classes).fill(0);
  for (const label of labels) perClass[label] = (perClass[label] ?? 0) + 1;
  const present = perClass.filter((count) => count > 0).length;
  return perClass.map((count) => (count ? labels.length / (present * count) : 0));
}
