import * as v from "valibot";
import { type Db, readSettings, saveSettings } from "../db/index.ts";
import {
  DEFAULT_LEARNING,
  DEFAULT_ROUTING,
  DEFAULT_WIDGET,
  type LearningSettings,
  learningSettings,
  type RoutingSettings,
  routingSettings,
  type WidgetSettings,
  widgetSettings,
} from "../protocol/index.ts";

/**
 * The admin's settings, read once and kept in memory; a save writes through, so routing and
 * the widget use the new values at once. A stored document that no longer fits its schema
 * (an older version) falls back to the defaults rather than stopping the server.
 */
export async function loadSettings(db: Db) {
  let routing = parsed(routingSettings, await readSettings(db, "routing"), DEFAULT_ROUTING);
  let widget = parsed(widgetSettings, await readSettings(db, "widget"), DEFAULT_WIDGET);
  let learning = parsed(learningSettings, await readSettings(db, "learning"), DEFAULT_LEARNING);
  return {
    routing: (): RoutingSettings => routing,
    widget: (): WidgetSettings => widget,
    learning: (): LearningSettings => learning,
    async saveRouting(value: RoutingSettings, agentId: number, now: number): Promise<void> {
      await saveSettings(db, "routing", value, { agentId }, now);
      routing = value;
    },
    async saveWidget(value: WidgetSettings, agentId: number, now: number): Promise<void> {
      await saveSettings(db, "widget", value, { agentId }, now);
      widget = value;
    },
    async saveLearning(value: LearningSettings, agentId: number, now: number): Promise<void> {
      await saveSettings(db, "learning", value, { agentId }, now);
      learning = value;
    },
  };
}

export type Settings = Awaited<ReturnType<typeof loadSettings>>;

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
