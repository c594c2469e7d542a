import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import {
  fileSettings,
  learningSettings,
  routingSettings,
  widgetSettings,
} from "../../protocol/index.ts";
import { WIDGET_TEXTS } from "../widget-language.ts";
import type { AgentEnv } from "./agent-auth.ts";
import type { AppDeps } from "./app.ts";
import { body } from "./request-input.ts";

/**
 * /api/admin/settings: routing, the widget, learning and files; saved settings apply at once, no
 * restart. A save answers with what is now stored, for the form to show.
 */
export function settingsRoutes(deps: AppDeps) {
  const { settings, now } = deps;
  return new Hono<AgentEnv>()
    .get("/", (c) =>
      c.json({
        routing: settings.routing(),
        widget: settings.widget(),
        learning: settings.learning(),
        files: settings.files(),
        // What the widget can speak, with its own greeting, for the admin's language choices.
        widgetLanguages: [...WIDGET_TEXTS].map(([code, texts]) => ({
          code,
          greeting: texts.empty ?? "",
        })),
      }),
    )
    .put("/learning", async (c) => {
      const value = await body(c.req.raw, learningSettings);
      await settings.saveLearning(value, c.get("agent").id, now());
      return c.json({ learning: settings.learning() });
    })
    .put("/files", async (c) => {
      const value = await body(c.req.raw, fileSettings);
      await settings.saveFiles(value, c.get("agent").id, now());
      return c.json({ files: settings.files() });
    })
    .put("/routing", async (c) => {
      const value = await body(c.req.raw, routingSettings);
      await settings.saveRouting(value, c.get("agent").id, now());
      return c.json({ routing: settings.routing() });
    })
    .put("/widget", async (c) => {
      const value = await body(c.req.raw, widgetSettings);
      const unknown = [...value.languages, ...Object.keys(value.greetings)].find(
        (code) => !WIDGET_TEXTS.has(code),
      );
      if (unknown) {
        throw new HTTPException(400, {
          message: `The widget has no texts in "${unknown}"; add widget/i18n/${unknown}.json first.`,
        });
      }
      await settings.saveWidget(value, c.get("agent").id, now());
      // New business hours reach every open widget now, not at the next periodic check.
      await deps.desk.announceAvailability();
      return c.json({ widget: settings.widget() });
    });
}
