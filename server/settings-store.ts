import * as v from "valibot";
import { type Db, readSettings, saveSettings } from "../db/index.ts";
import {
  DEFAULT_FILES,
  DEFAULT_LEARNING,
  DEFAULT_ROUTING,
  DEFAULT_WIDGET,
  type FileSettings,
  fileSettings,
  type LearningSettings,
  learningSettings,
  type RoutingSettings,
  routingSettings,
  type WidgetSettings,
  widgetSettings,
} from "../protocol/index.ts";

/**
 * The admin's settings, read once and kept in memory; a save writes through, so routing and
 * the widget use the new values at once, and `saved` tells the other nodes, which `reload`.
 * A stored document that no longer fits its schema (an older version) falls back to the
 * defaults rather than stopping the server.
 */
export async function loadSettings(db: Db, saved: () => void = () => {}) {
  const read = async () => ({
    routing: parsed(routingSettings, await readSettings(db, "routing"), DEFAULT_ROUTING),
    widget: parsed(
      widgetSettings,
      withGreetingsByLanguage(await readSettings(db, "widget")),
      DEFAULT_WIDGET,
    ),
    learning: parsed(learningSettings, await readSettings(db, "learning"), DEFAULT_LEARNING),
    files: parsed(fileSettings, await readSettings(db, "files"), DEFAULT_FILES),
  });
  let { routing, widget, learning, files } = await read();
  return {
    async reload(): Promise<void> {
      ({ routing, widget, learning, files } = await read());
    },
    routing: (): RoutingSettings => routing,
    widget: (): WidgetSettings => widget,
    learning: (): LearningSettings => learning,
    files: (): FileSettings => files,
    async saveRouting(value: RoutingSettings, agentId: number, now: number): Promise<void> {
      await saveSettings(db, "routing", value, { agentId }, now);
      routing = value;
      saved();
    },
    async saveWidget(value: WidgetSettings, agentId: number, now: number): Promise<void> {
      await saveSettings(db, "widget", value, { agentId }, now);
      widget = value;
      saved();
    },
    async saveLearning(value: LearningSettings, agentId: number, now: number): Promise<void> {
      await saveSettings(db, "learning", value, { agentId }, now);
      learning = value;
      saved();
    },
    async saveFiles(value: FileSettings, agentId: number, now: number): Promise<void> {
      await saveSettings(db, "files", value, { agentId }, now);
      files = value;
      saved();
    },
  };
}

export type Settings = Awaited<ReturnType<typeof loadSettings>>;

/**
 * Widget settings saved before greetings were per language held one `greeting` that every
 * visitor saw: it becomes the English one (the built-in greeting is left to each language), so
 * an upgrade keeps the admin's other settings rather than falling back to the defaults.
 */
function withGreetingsByLanguage(stored: unknown): unknown {
  if (typeof stored !== "object" || stored === null || !("greeting" in stored)) return stored;
  const { greeting, ...rest } = stored as { greeting: unknown } & Record<string, unknown>;
  return {
    languages: [],
    greetings:
      typeof greeting === "string" && greeting !== OLD_DEFAULT_GREETING ? { en: greeting } : {},
    ...rest,
  };
}

const OLD_DEFAULT_GREETING =
  "Ask us anything. Routine questions get an instant answer; everything else goes to a person.";

function parsed<S extends v.GenericSchema>(
  schema: S,
  stored: unknown,
  fallback: v.InferOutput<S>,
): v.InferOutput<S> {
  if (stored === undefined) return fallback;
  const result = v.safeParse(schema, stored);
  if (result.success) return result.output;
  console.error("stored settings do not fit their schema; using the defaults", result.issues);
  return fallback;
}
