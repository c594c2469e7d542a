import { useState } from "preact/hooks";
import {
  format,
  HANDOFF_REASONS,
  type RoutingSettings,
  type WidgetSettings,
} from "../../../protocol/index.ts";
import { en } from "../../i18n/en.ts";
import { attempt, call } from "../api.ts";
import { reasonLabel } from "../labels.ts";
import { listOf, useResource } from "../use-resource.ts";
import { BusinessHoursFields, hoursFrom } from "./business-hours-fields.tsx";

/** Routing (reason to skill, the waiting alert) and the widget (greeting, look, hours, sites). */
export function SettingsAdmin() {
  const { data, error } = useResource<{ routing: RoutingSettings; widget: WidgetSettings }>(
    "/api/admin/settings",
  );
  return (
    <main class="admin">
      {error && <p class="form-error">{error}</p>}
      {data && <RoutingForm routing={data.routing} />}
      {data && <WidgetForm widget={data.widget} />}
    </main>
  );
}

function RoutingForm({ routing }: { routing: RoutingSettings }) {
  const [result, setResult] = useState<string | null>(null);
  return (
    <form
      class="stack card"
      aria-labelledby="routing-title"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const body: RoutingSettings = {
          reasonSkills: Object.fromEntries(
            HANDOFF_REASONS.map((reason) => [reason, String(data.get(reason)).trim()]),
          ) as RoutingSettings["reasonSkills"],
          waitAlertSeconds: Number(data.get("waitAlertSeconds")),
        };
        void attempt(() => call("PUT", "/api/admin/settings/routing", body)).then((failed) =>
          setResult(failed ?? en.saved),
        );
      }}
    >
      <h2 id="routing-title">{en.routingTitle}</h2>
      <div class="grid">
        {HANDOFF_REASONS.map((reason) => (
          <label key={reason}>
            {format(en.reasonSkill, { reason: reasonLabel(reason) })}
            <input name={reason} required value={routing.reasonSkills[reason]} />
          </label>
        ))}
      </div>
      <label>
        {en.waitAlert}
        <input
          name="waitAlertSeconds"
          type="number"
          min={10}
          max={86400}
          value={routing.waitAlertSeconds}
        />
      </label>
      <button type="submit">{en.save}</button>
      {result && <p role="status">{result}</p>}
    </form>
  );
}

function WidgetForm({ widget }: { widget: WidgetSettings }) {
  const [result, setResult] = useState<string | null>(null);
  return (
    <form
      class="stack card"
      aria-labelledby="widget-title"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const body: WidgetSettings = {
          greeting: String(data.get("greeting")),
          color: String(data.get("color")),
          position: String(data.get("position")) === "left" ? "left" : "right",
          hours: hoursFrom(data),
          allowedOrigins: listOf(String(data.get("allowedOrigins")), /\n/),
        };
        void attempt(() => call("PUT", "/api/admin/settings/widget", body)).then((failed) =>
          setResult(failed ?? en.saved),
        );
      }}
    >
      <h2 id="widget-title">{en.widgetTitle}</h2>
      <label>
        {en.greeting}
        <textarea name="greeting" rows={2} required dir="auto">
          {widget.greeting}
        </textarea>
      </label>
      <div class="row">
        <label>
          {en.color}
          <input name="color" type="color" value={widget.color} />
        </label>
        <label>
          {en.position}
          <select name="position" value={widget.position}>
            <option value="right">{en.position_right}</option>
            <option value="left">{en.position_left}</option>
          </select>
        </label>
      </div>
      <BusinessHoursFields hours={widget.hours} />
      <label>
        {en.allowedOrigins}
        <textarea name="allowedOrigins" rows={3}>
          {widget.allowedOrigins.join("\n")}
        </textarea>
      </label>
      <button type="submit">{en.save}</button>
      {result && <p role="status">{result}</p>}
    </form>
  );
}
