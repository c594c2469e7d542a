import { useState } from "preact/hooks";
import {
  FILE_KIND_NAMES,
  type FileKind,
  type FileSettings,
  format,
  HANDOFF_REASONS,
  MAX_FILE_MEGABYTES,
  MAX_FILES_PER_MESSAGE,
  type RoutingSettings,
  type WidgetSettings,
} from "../../../protocol/index.ts";
import { en } from "../../i18n/en.ts";
import { attempt, call } from "../api.ts";
import { reasonLabel } from "../labels.ts";
import { listOf, useResource } from "../use-resource.ts";
import { BusinessHoursFields, hoursFrom } from "./business-hours-fields.tsx";
import { LanguageFields, languagesFrom, type WidgetLanguage } from "./language-fields.tsx";

/**
 * Routing (reason to skill, the waiting alert), the widget (greeting, look, hours, sites) and
 * the files customers and agents may send.
 */
export function SettingsAdmin() {
  const { data, error, replace } = useResource<SettingsPage>("/api/admin/settings");
  // Each form shows what the server stored: after a save it is drawn again from the reply.
  return (
    <main class="admin">
      {error && <p class="form-error">{error}</p>}
      {data && (
        <RoutingForm routing={data.routing} onSaved={(routing) => replace({ ...data, routing })} />
      )}
      {data && (
        <WidgetForm
          widget={data.widget}
          languages={data.widgetLanguages}
          onSaved={(widget) => replace({ ...data, widget })}
        />
      )}
      {data && <FilesForm files={data.files} onSaved={(files) => replace({ ...data, files })} />}
    </main>
  );
}

/**
 * The fields hold what the admin types (`defaultValue`): a re-render of the inbox never puts
 * the stored value back over it. The form is drawn anew (its key) from what a save stored.
 */
function RoutingForm({
  routing,
  onSaved,
}: {
  routing: RoutingSettings;
  onSaved: (stored: RoutingSettings) => void;
}) {
  const [result, setResult] = useState<string | null>(null);
  return (
    <form
      key={JSON.stringify(routing)}
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
        void attempt(async () => onSaved(await saveSection("routing", body))).then((failed) =>
          setResult(failed ?? en.saved),
        );
      }}
    >
      <h2 id="routing-title">{en.routingTitle}</h2>
      <div class="grid">
        {HANDOFF_REASONS.map((reason) => (
          <label key={reason}>
            {format(en.reasonSkill, { reason: reasonLabel(reason) })}
            <input name={reason} required defaultValue={routing.reasonSkills[reason]} />
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
          defaultValue={String(routing.waitAlertSeconds)}
        />
      </label>
      <button type="submit">{en.save}</button>
      {result && <p role="status">{result}</p>}
    </form>
  );
}

function WidgetForm({
  widget,
  languages,
  onSaved,
}: {
  widget: WidgetSettings;
  languages: WidgetLanguage[];
  onSaved: (stored: WidgetSettings) => void;
}) {
  const [result, setResult] = useState<string | null>(null);
  return (
    <form
      key={JSON.stringify(widget)}
      class="stack card"
      aria-labelledby="widget-title"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const body: WidgetSettings = {
          ...languagesFrom(data, languages),
          color: String(data.get("color")),
          position: String(data.get("position")) === "left" ? "left" : "right",
          hours: hoursFrom(data),
          allowedOrigins: listOf(String(data.get("allowedOrigins")), /\n/),
          transcripts: data.get("transcripts") === "always" ? "always" : "on_request",
        };
        void attempt(async () => onSaved(await saveSection("widget", body))).then((failed) =>
          setResult(failed ?? en.saved),
        );
      }}
    >
      <h2 id="widget-title">{en.widgetTitle}</h2>
      <LanguageFields widget={widget} languages={languages} />
      <div class="row">
        <label>
          {en.color}
          <input name="color" type="color" defaultValue={widget.color} />
        </label>
        <label>
          {en.position}
          <select name="position">
            <option value="right" selected={widget.position === "right"}>
              {en.position_right}
            </option>
            <option value="left" selected={widget.position === "left"}>
              {en.position_left}
            </option>
          </select>
        </label>
      </div>
      <BusinessHoursFields hours={widget.hours} />
      <label>
        {en.allowedOrigins}
        <textarea name="allowedOrigins" rows={3} defaultValue={widget.allowedOrigins.join("\n")} />
      </label>
      <label>
        {en.transcripts}
        <select name="transcripts">
          <option value="on_request" selected={widget.transcripts === "on_request"}>
            {en.transcripts_on_request}
          </option>
          <option value="always" selected={widget.transcripts === "always"}>
            {en.transcripts_always}
          </option>
        </select>
      </label>
      <button type="submit">{en.save}</button>
      {result && <p role="status">{result}</p>}
    </form>
  );
}

const KIND_LABELS: Record<FileKind, string> = {
  image: en.fileKind_image,
  pdf: en.fileKind_pdf,
  text: en.fileKind_text,
  office: en.fileKind_office,
};

function FilesForm({
  files,
  onSaved,
}: {
  files: FileSettings;
  onSaved: (stored: FileSettings) => void;
}) {
  const [result, setResult] = useState<string | null>(null);
  return (
    <form
      key={JSON.stringify(files)}
      class="stack card"
      aria-labelledby="files-title"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const body: FileSettings = {
          kinds: FILE_KIND_NAMES.filter((kind) => data.get(`kind-${kind}`) === "on"),
          maxMegabytes: Number(data.get("maxMegabytes")),
          perMessage: Number(data.get("perMessage")),
        };
        void attempt(async () => onSaved(await saveSection("files", body))).then((failed) =>
          setResult(failed ?? en.saved),
        );
      }}
    >
      <h2 id="files-title">{en.filesTitle}</h2>
      <fieldset>
        <legend>{en.fileKinds}</legend>
        {FILE_KIND_NAMES.map((kind) => (
          <label key={kind} class="check">
            <input
              type="checkbox"
              name={`kind-${kind}`}
              defaultChecked={files.kinds.includes(kind)}
            />
            {KIND_LABELS[kind]}
          </label>
        ))}
      </fieldset>
      <div class="row">
        <label>
          {en.maxMegabytes}
          <input
            name="maxMegabytes"
            type="number"
            required
            min={1}
            max={MAX_FILE_MEGABYTES}
            defaultValue={String(files.maxMegabytes)}
          />
        </label>
        <label>
          {en.filesPerMessage}
          <input
            name="perMessage"
            type="number"
            required
            min={1}
            max={MAX_FILES_PER_MESSAGE}
            defaultValue={String(files.perMessage)}
          />
        </label>
      </div>
      <button type="submit">{en.save}</button>
      {result && <p role="status">{result}</p>}
    </form>
  );
}

interface Sections {
  routing: RoutingSettings;
  widget: WidgetSettings;
  files: FileSettings;
}

type SettingsPage = Sections & { widgetLanguages: WidgetLanguage[] };

/** Saves one section of the settings; the answer is what the server stored. */
async function saveSection<K extends keyof Sections>(section: K, body: Sections[K]) {
  const saved = await call<Pick<Sections, K>>("PUT", `/api/admin/settings/${section}`, body);
  return saved[section];
}
