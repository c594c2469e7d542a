import type { WidgetSettings } from "../../../protocol/index.ts";
import { format } from "../../../protocol/index.ts";
import { en } from "../../i18n/en.ts";

/** A language the widget has texts for, with its own built-in greeting. */
export interface WidgetLanguage {
  code: string;
  greeting: string;
}

const NAMES = new Intl.DisplayNames(["en"], { type: "language" });
const nameOf = (code: string) => NAMES.of(code) ?? code;

/**
 * Which languages the widget offers (the main one first) and the greeting in each; a greeting
 * left empty is the widget's own translated one, shown as the placeholder.
 */
export function LanguageFields({
  widget,
  languages,
}: {
  widget: WidgetSettings;
  languages: WidgetLanguage[];
}) {
  const offered = widget.languages.length ? widget.languages : languages.map(({ code }) => code);
  const main = offered[0] ?? "en";
  return (
    <fieldset class="languages">
      <legend>{en.languagesTitle}</legend>
      <p class="field-note">{en.languagesHint}</p>
      <label>
        {en.mainLanguage}
        <select name="mainLanguage">
          {languages.map(({ code }) => (
            <option key={code} value={code} selected={code === main}>
              {nameOf(code)}
            </option>
          ))}
        </select>
      </label>
      {languages.map(({ code, greeting }) => (
        <div class="language" key={code}>
          <label class="check">
            <input type="checkbox" name={`offer-${code}`} defaultChecked={offered.includes(code)} />{" "}
            {format(en.offerLanguage, { language: nameOf(code) })}
          </label>
          <label>
            {format(en.greetingIn, { language: nameOf(code) })}
            <textarea
              name={`greeting-${code}`}
              rows={2}
              lang={code}
              dir="auto"
              placeholder={greeting}
              defaultValue={widget.greetings[code] ?? ""}
            />
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/** The languages and greetings as the form holds them; the main language is always offered. */
export function languagesFrom(
  data: FormData,
  languages: WidgetLanguage[],
): Pick<WidgetSettings, "languages" | "greetings"> {
  const main = String(data.get("mainLanguage"));
  const others = languages
    .map(({ code }) => code)
    .filter((code) => code !== main && data.get(`offer-${code}`) !== null);
  return {
    languages: [main, ...others],
    greetings: Object.fromEntries(
      languages.map(({ code }) => [code, String(data.get(`greeting-${code}`) ?? "").trim()]),
    ),
  };
}
