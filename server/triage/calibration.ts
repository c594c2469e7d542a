import type { LanguageCode } from "./language.ts";
import type { LanguageIndex, LeftOut, Ranked } from "./language-index.ts";

/** What calibration found for one language of the FAQ, for the engine and the admin. */
export interface LanguageCalibration {
  language: LanguageCode;
  /** The confidence an answer needs in this language. */
  threshold: number;
  /** Example questions asked with themselves left out of the FAQ. */
  examples: number;
  /** Share of them the bot would answer with their own entry. */
  answered: number;
  /** Examples that would get another entry's answer: the FAQ says the same thing twice. */
  wrong: WrongAnswer[];
  /** Pairs of entries whose examples are mistaken for each other, most often first. */
  collisions: Collision[];
  /** Messages that must never be answered (the reason bank, agents' marks) in this language. */
  negatives: number;
  /** How many of them the bot would answer at the threshold. */
  negativesAnswered: number;
}

export interface WrongAnswer {
  text: string;
  faqId: number;
  answeredWith: number;
  confidence: number;
}

export interface Collision {
  a: number;
  b: number;
  /** Examples of either entry whose best match is the other. */
  examples: number;
}

/** How calibration sees the engine: the confidence of a ranking, and what a person takes. */
export interface Judge {
  /** How sure the engine is of the best entry, asked without the text's own example. */
  confidence: (text: string, ranked: readonly Ranked[]) => number;
  /** The engine hands this text to a person whatever the FAQ says (a reason was found). */
  handsOff: (text: string) => boolean;
}

export interface CalibrationTargets {
  /** Largest share of its own examples the bot may answer with a wrong entry. */
  wrong: number;
  /** Largest share of negatives the bot may answer. */
  unsafe: number;
  /**
   * Largest share of other businesses' routine questions the bot may answer. Some of them are
   * this company's questions too, so the share is not zero; the rest show how sure the engine
   * is when a message merely shares words with the FAQ.
   */
  unrelated: number;
}

export const CALIBRATION_TARGETS: CalibrationTargets = {
  wrong: 0.02,
  unsafe: 0.01,
  unrelated: 0.3,
};
/** Never answer on less than this, however kind the FAQ's own examples are. */
export const MIN_THRESHOLD = 0.15;
/** Too few examples to learn anything from: a careful threshold. */
export const UNCALIBRATED_THRESHOLD = 0.4;
const MIN_EXAMPLES = 6;
const GRID_STEP = 0.01;
const MAX_THRESHOLD = 0.95;

interface Scored {
  confidence: number;
  right: boolean;
}

/** What calibration asks in one language, and of whom. */
export interface LanguageAsked {
  index: LanguageIndex;
  /** `caught` when something before the FAQ (the lexicon, an agent's mark) hands it off. */
  negatives: readonly { text: string; caught: boolean }[];
  unrelated: readonly string[];
  judge: Judge;
}

type Positive = Scored & LeftOut & { text: string; answeredWith: number };

/** How sure the engine is of each text calibration asked in one language. */
export interface LanguageScores {
  language: LanguageCode;
  positives: Positive[];
  negativeScores: number[];
  unrelatedScores: number[];
}

/**
 * Chooses each language's answer threshold from the FAQ itself: every example question is
 * asked with itself left out (how sure the engine is when right, and when wrong), and every
 * negative is asked as it stands. The threshold is the lowest that keeps wrong answers and
 * answered negatives within the targets (an upper bound of each share, not the share itself),
 * so a FAQ with colliding entries gets a higher one. A language's few dozen examples say
 * little alone: its shares are drawn toward those of the FAQ's other languages at the same
 * threshold, as if they were PRIOR_WEIGHT more examples.
 */
export function calibrate(
  languages: readonly LanguageAsked[],
  targets: CalibrationTargets = CALIBRATION_TARGETS,
): LanguageCalibration[] {
  return calibrateScored(languages.map(scoreLanguage), targets);
}

/** `calibrate`, from each language's scores (kept for a language that did not change). */
export function calibrateScored(
  scored: readonly LanguageScores[],
  targets: CalibrationTargets = CALIBRATION_TARGETS,
): LanguageCalibration[] {
  const learnable = scored.filter((scores) => scores.positives.length >= MIN_EXAMPLES);
  return scored.map((scores) => {
    const threshold =
      scores.positives.length < MIN_EXAMPLES
        ? UNCALIBRATED_THRESHOLD
        : chooseThreshold(
            scores,
            learnable.filter((other) => other !== scores),
            targets,
          );
    return report(scores, threshold);
  });
}

/** Asks every example (left out), negative and unrelated question of one language. */
export function scoreLanguage({
  index,
  negatives,
  unrelated,
  judge,
}: LanguageAsked): LanguageScores {
  const positives: Positive[] = [];
  for (const example of index.examples()) {
    if (judge.handsOff(example.text)) {
      positives.push({ ...example, confidence: 0, right: false, answeredWith: 0 });
      continue;
    }
    const ranked = index.rank(example.text, example);
    const best = ranked[0];
    positives.push({
      ...example,
      confidence: best ? judge.confidence(example.text, ranked) : 0,
      right: best?.faqId === example.faqId,
      answeredWith: best?.faqId ?? 0,
    });
  }
  const confidence = (text: string) => judge.confidence(text, index.rank(text));
  return {
    language: index.language,
    positives,
    negativeScores: negatives.map(({ text, caught }) => (caught ? 0 : confidence(text))),
    unrelatedScores: unrelated.map((text) => (judge.handsOff(text) ? 0 : confidence(text))),
  };
}

function report(
  { language, positives, negativeScores }: LanguageScores,
  threshold: number,
): LanguageCalibration {
  const answeredRight = positives.filter((p) => p.right && p.confidence >= threshold).length;
  return {
    language,
    threshold,
    examples: positives.length,
    answered: positives.length ? answeredRight / positives.length : 0,
    wrong: positives
      .filter((p) => !p.right && p.answeredWith > 0 && p.confidence >= threshold)
      .map(({ text, faqId, answeredWith, confidence }) => ({
        text,
        faqId,
        answeredWith,
        confidence: Math.round(confidence * 100) / 100,
      }))
      .sort(
        (x, y) => y.confidence - x.confidence || x.faqId - y.faqId || (x.text < y.text ? -1 : 1),
      ),
    collisions: collisions(positives),
    negatives: negativeScores.length,
    negativesAnswered: negativeScores.filter((score) => score >= threshold).length,
  };
}

/** How many examples the other languages' evidence is worth beside a language's own. */
const PRIOR_WEIGHT = 150;

/** The lowest threshold on the grid within every target. */
function chooseThreshold(
  own: LanguageScores,
  others: readonly LanguageScores[],
  targets: CalibrationTargets,
): number {
  const wrongAt = (scores: LanguageScores, t: number) =>
    scores.positives.filter((p) => !p.right && p.confidence >= t).length;
  const answeredAt = (scores: LanguageScores, t: number) =>
    scores.negativeScores.filter((score) => score >= t).length;
  const otherExamples = sum(others.map((other) => other.positives.length));
  const otherNegatives = sum(others.map((other) => other.negativeScores.length));
  for (let t = MIN_THRESHOLD; t <= MAX_THRESHOLD; t += GRID_STEP) {
    const wrong = shrunk(
      { k: wrongAt(own, t), n: own.positives.length },
      { k: sum(others.map((other) => wrongAt(other, t))), n: otherExamples },
    );
    const unsafe = shrunk(
      { k: answeredAt(own, t), n: own.negativeScores.length },
      { k: sum(others.map((other) => answeredAt(other, t))), n: otherNegatives },
    );
    const unrelated = own.unrelatedScores.filter((score) => score >= t).length;
    if (
      wrong <= targets.wrong &&
      unsafe <= targets.unsafe &&
      unrelated <= targets.unrelated * own.unrelatedScores.length
    ) {
      return Math.round(t * 100) / 100;
    }
  }
  return MAX_THRESHOLD;
}

/**
 * The upper bound of a language's share (`k` of `n`), its count drawn toward the other
 * languages' share as if PRIOR_WEIGHT more examples had been asked.
 */
function shrunk(own: { k: number; n: number }, others: { k: number; n: number }): number {
  if (others.n === 0) return upperBound(own.k, own.n);
  return upperBound(own.k + (PRIOR_WEIGHT * others.k) / others.n, own.n + PRIOR_WEIGHT);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/**
 * How far above the share it saw calibration assumes the truth may lie (in standard errors):
 * the wrong answers among a few dozen examples are a noisy count, and which examples a company
 * wrote moves it. Chosen on CLINC150 with several samples of examples (see the README).
 */
const DOUBT_Z = 0.5;

/** Wilson upper bound of a share seen as `k` of `n`. */
function upperBound(k: number, n: number): number {
  if (n === 0) return 0;
  const p = k / n;
  const z2 = DOUBT_Z * DOUBT_Z;
  const spread = DOUBT_Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return (p + z2 / (2 * n) + spread) / (1 + z2 / n);
}

function collisions(positives: readonly Positive[]): Collision[] {
  const pairs = new Map<string, Collision>();
  for (const p of positives) {
    if (p.right || p.answeredWith === 0) continue;
    const [a, b] = p.faqId < p.answeredWith ? [p.faqId, p.answeredWith] : [p.answeredWith, p.faqId];
    const key = `${a}:${b}`;
    const pair = pairs.get(key) ?? { a, b, examples: 0 };
    pair.examples++;
    pairs.set(key, pair);
  }
  return [...pairs.values()].sort((x, y) => y.examples - x.examples || x.a - y.a || x.b - y.b);
}
