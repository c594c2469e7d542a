// What an admin configures, shared by the server (which stores and applies it) and the inbox
// (which edits it). One JSON document per key.
import * as v from "valibot";
import type { FileLimits } from "./files.ts";
import { HANDOFF_REASONS, type HandoffReason } from "./frames.ts";

export const SETTINGS_KEYS = ["routing", "widget", "learning", "files"] as const;
export type SettingsKey = (typeof SETTINGS_KEYS)[number];

const skill = v.pipe(
  v.string(),
  v.trim(),
  v.toLowerCase(),
  v.regex(
    /^[a-z][a-z0-9_-]{0,31}$/,
    "A skill is a short lowercase word (letters, digits, - or _).",
  ),
);
export const skillsSchema = v.pipe(v.array(skill), v.maxLength(20));
const languageCode = v.pipe(
  v.string(),
  v.regex(/^[a-z]{2}$/, "A language is a two-letter ISO 639-1 code."),
);
export const languagesSchema = v.pipe(v.array(languageCode), v.maxLength(20));

export const DEFAULT_SKILL = "general";

export const routingSettings = v.object({
  /** Which skill group each handoff reason goes to. */
  reasonSkills: v.object(
    Object.fromEntries(HANDOFF_REASONS.map((reason) => [reason, skill])) as Record<
      HandoffReason,
      typeof skill
    >,
  ),
  /** A handoff waiting longer than this is highlighted in every agent's queue. */
  waitAlertSeconds: v.pipe(v.number(), v.integer(), v.minValue(10), v.maxValue(86_400)),
});
export type RoutingSettings = v.InferOutput<typeof routingSettings>;

export const DEFAULT_ROUTING: RoutingSettings = {
  reasonSkills: {
    emotional: DEFAULT_SKILL,
    financial: "billing",
    complex: "technical",
    special_request: DEFAULT_SKILL,
    sensitive: "security",
    human_request: DEFAULT_SKILL,
    unsure: DEFAULT_SKILL,
  },
  waitAlertSeconds: 120,
};

const time = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Times are HH:MM, 24-hour."));
const origin = v.pipe(
  v.string(),
  v.trim(),
  v.regex(/^https?:\/\/[^/\s]+$/, "An origin is scheme and host, like https://shop.example."),
);

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return name !== "";
  } catch {
    return false;
  }
}

export const widgetSettings = v.object({
  /**
   * The languages the widget offers, the company's main one first; empty: every language the
   * widget has texts for. A visitor gets the first of theirs that is offered.
   */
  languages: languagesSchema,
  /**
   * The first thing the panel says before the customer writes, per language; a language
   * without one gets the widget's own translated greeting.
   */
  greetings: v.pipe(
    v.record(languageCode, v.pipe(v.string(), v.trim(), v.maxLength(300))),
    v.transform((greetings) =>
      Object.fromEntries(Object.entries(greetings).filter(([, text]) => text !== "")),
    ),
  ),
  color: v.pipe(v.string(), v.regex(/^#[0-9a-fA-F]{6}$/, "The colour is #rrggbb.")),
  position: v.picklist(["right", "left"]),
  /** Opening hours in the company's time zone; an empty list means always open. */
  hours: v.object({
    timeZone: v.pipe(
      v.string(),
      v.trim(),
      v.maxLength(64),
      v.check(isTimeZone, "The time zone is an IANA name, like Europe/Riga or America/New_York."),
    ),
    days: v.pipe(
      v.array(
        v.object({
          /** 0 is Sunday, as in JavaScript's Date. */
          day: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(6)),
          open: time,
          close: time,
        }),
      ),
      v.maxLength(14),
    ),
  }),
  /** Sites besides the server's own that may embed the widget (added to ALLOWED_ORIGINS). */
  allowedOrigins: v.pipe(v.array(origin), v.maxLength(50)),
  /**
   * The conversation by email: when the customer asks for it, or also on its own to the
   * address they left once a person resolves it. Needs SMTP.
   */
  transcripts: v.optional(v.picklist(["on_request", "always"]), "on_request"),
});
export type WidgetSettings = v.InferOutput<typeof widgetSettings>;

export const DEFAULT_WIDGET: WidgetSettings = {
  languages: [],
  greetings: {},
  color: "#1f5f4a",
  position: "right",
  hours: { timeZone: "UTC", days: [] },
  allowedOrigins: [],
  transcripts: "on_request",
};

/**
 * What the widget needs, served to every page that embeds it: the look, and the visitor's
 * language (chosen by the server from the page's wish, the browser and what is offered) with
 * its texts and the company's greeting in it.
 */
export interface PublicWidgetSettings extends Pick<WidgetSettings, "color" | "position"> {
  lang: string;
  /** Every language the widget offers, for switching. */
  offered: string[];
  texts: Record<string, string>;
  greeting?: string;
  /** What customers may attach. */
  files: FileLimits;
  /** The customer can have the conversation emailed (SMTP is set up). */
  transcripts: boolean;
}

/** How the bot learns from the agents' marks. */
export const learningSettings = v.object({
  /** Agents' marks apply at once, without an admin's review. */
  acceptMarks: v.boolean(),
});
export type LearningSettings = v.InferOutput<typeof learningSettings>;

export const DEFAULT_LEARNING: LearningSettings = { acceptMarks: false };
