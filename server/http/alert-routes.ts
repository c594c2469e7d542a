import { Hono } from "hono";
import * as v from "valibot";
import {
  deletePushSubscription,
  emailAlertsOf,
  savePushSubscription,
  setEmailAlerts,
} from "../../db/index.ts";
import type { AgentEnv } from "./agent-auth.ts";
import type { AppDeps } from "./app.ts";
import { body } from "./request-input.ts";

const key = v.pipe(v.string(), v.minLength(1), v.maxLength(200), v.regex(/^[\w-]+=*$/));
const endpoint = v.pipe(
  v.string(),
  v.maxLength(2048),
  v.url("The subscription's endpoint is a URL."),
  v.regex(/^https?:\/\//, "The subscription's endpoint is an http(s) URL."),
);
/** What PushSubscription.toJSON() gives in the browser. */
const subscriptionInput = v.object({
  endpoint,
  keys: v.object({ p256dh: key, auth: key }),
});

/** /api/desk/alerts: an agent's own alerts, on this device (Web Push) and by email. */
export function alertRoutes(deps: AppDeps) {
  const { db, alerts, now } = deps;
  return (
    new Hono<AgentEnv>()
      .get("/", async (c) =>
        c.json({
          publicKey: alerts.publicKey,
          email: await emailAlertsOf(db, c.get("agent").id),
          address: c.get("agent").email,
          emailAvailable: deps.desk.emailEnabled,
        }),
      )
      .put("/email", async (c) => {
        const { on } = await body(c.req.raw, v.object({ on: v.boolean() }));
        await setEmailAlerts(db, c.get("agent").id, on);
        return c.json({ email: on });
      })
      .post("/devices", async (c) => {
        const subscription = await body(c.req.raw, subscriptionInput);
        await savePushSubscription(db, c.get("agent").id, subscription, now());
        return c.body(null, 204);
      })
      // Done when the device no longer receives this agent's alerts, whether or not it did.
      .delete("/devices", async (c) => {
        const { endpoint: gone } = await body(c.req.raw, v.object({ endpoint }));
        await deletePushSubscription(db, gone, c.get("agent").id);
        return c.body(null, 204);
      })
  );
}
