import type { HandoffReason, Span } from "./types.ts";

export interface Signal {
  reason: HandoffReason;
  score: number;
  evidence: Span[];
}

interface Detector {
  reason: Exclude<HandoffReason, "unsure">;
  patterns: RegExp[];
  /** A detector whose match follows a negation ("I don't want a refund") does not fire. */
  negatable: boolean;
}

// First version: English phrases that leave no doubt. The full engine widens this per language.
const DETECTORS: Detector[] = [
  {
    reason: "human_request",
    negatable: true,
    patterns: [
      /\b(?:talk|speak|chat|connect|put|transfer)\w*\s+(?:me\s+)?(?:to|with|through to)\s+(?:a\s+|an\s+|your\s+|some\s*)?(?:human|person|people|agent|operator|representative|rep|someone|somebody|staff|real one)\b/giu,
      /\b(?:real|live|actual)\s+(?:human|person|agent)\b/giu,
      /\b(?:human|customer service|support)\s+agent\b/giu,
    ],
  },
  {
    reason: "financial",
    negatable: true,
    patterns: [
      /\b(?:double[-\s]?charged|charged\s+(?:me\s+)?(?:twice|two times|double|again|wrong)|overcharged|chargeback)\b/giu,
      /\b(?:my|a|the)\s+refund\b(?!\s+polic)/giu,
      /\b(?:money\s+back|refund\s+me|reimburse)\b/giu,
      /\bpayment\s+(?:failed|declined|did\s*n[o']?t go through|was rejected)\b/giu,
    ],
  },
  {
    reason: "sensitive",
    negatable: false,
    patterns: [
      /\b(?:hacked|fraud\w*|scam\w*|phishing|stolen|identity theft|unauthori[sz]ed)\b/giu,
      /\bsomeone\s+(?:else\s+)?(?:logged|accessed|used|got into)\b/giu,
      /\b(?:delete|erase|remove)\s+(?:all\s+)?my\s+(?:personal\s+)?(?:data|information|details)\b/giu,
      /\b(?:gdpr|lawyer|legal action|sue you)\b/giu,
    ],
  },
  {
    reason: "emotional",
    negatable: false,
    patterns: [
      /\b(?:unacceptable|ridiculous|outrageous|furious|angry|upset|disgusted|disgusting|terrible|horrible|awful|worst|useless|fed up|sick of|frustrat\w*|disappointed|complain\w*)\b/giu,
      /\b(?:third|fourth|fifth|again and again|every time)\b.{0,20}\b(?:time|writing|asking|contact\w*)\b/giu,
      /[!?]{3,}/gu,
    ],
  },
  {
    reason: "complex",
    negatable: true,
    patterns: [
      /\b(?:does\s*n[o']?t|do\s*n[o']?t|wo\s*n[o']?t|ca\s*n[o']?t|cannot|is\s*n[o']?t|not)\s+(?:work\w*|load\w*|open\w*|log\s*in|sign\s*in|start\w*)\b/giu,
      /\b(?:crash\w*|broken|bug|error message|stopped working|keeps failing)\b/giu,
    ],
  },
  {
    reason: "special_request",
    negatable: false,
    patterns: [
      /\b(?:make an exception|as an exception|special (?:request|arrangement)|could you make sure|personally deliver)\b/giu,
    ],
  },
];

const NEGATION = /\b(?:do\s*n[o']?t|does\s*n[o']?t|no|not|never|without)\s+(?:\w+\s+){0,3}$/iu;
const SHOUTING = /\b[\p{Lu}]{3,}(?:\s+[\p{Lu}]{2,}){2,}\b/gu;

/** Every handoff reason the text gives, with the spans that show it. */
export function detectSignals(text: string): Signal[] {
  const signals: Signal[] = [];
  for (const detector of DETECTORS) {
    const evidence = detector.patterns.flatMap((pattern) =>
      spans(text, pattern, detector.negatable),
    );
    if (evidence.length > 0) signals.push({ reason: detector.reason, score: 1, evidence });
  }
  const shouting = spans(text, SHOUTING, false);
  if (shouting.length > 0) {
    const emotional = signals.find((signal) => signal.reason === "emotional");
    if (emotional) emotional.evidence.push(...shouting);
    else signals.push({ reason: "emotional", score: 0.8, evidence: shouting });
  }
  return signals;
}

function spans(text: string, pattern: RegExp, negatable: boolean): Span[] {
  const found: Span[] = [];
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    if (negatable && NEGATION.test(text.slice(Math.max(0, start - 40), start))) continue;
    found.push({ start, end: start + match[0].length });
  }
  return found;
}
