import type { WidgetSettings } from "../../../protocol/index.ts";
import { format } from "../../../protocol/index.ts";
import { en } from "../../i18n/en.ts";

type Hours = WidgetSettings["hours"];
/** Monday first, as in the companies we serve; 0 is Sunday, as in the settings. */
const WEEK = [1, 2, 3, 4, 5, 6, 0];
const DAY_NAMES = new Intl.DateTimeFormat("en", { weekday: "long", timeZone: "UTC" });
/** 4 January 1970 was a Sunday. */
const dayName = (day: number) => DAY_NAMES.format(Date.UTC(1970, 0, 4 + day));

/**
 * One opening span per weekday and the company's time zone: the widget tells customers when
 * the team is away and when it is back.
 */
export function BusinessHoursFields({ hours }: { hours: Hours }) {
  return (
    <fieldset class="hours">
      <legend>{en.hours}</legend>
      <p class="field-note">{en.hoursHint}</p>
      {/* A combobox to type into ("riga" finds Europe/Riga), not a list of 400 to scroll. */}
      <label>
        {en.timeZone}
        <input
          name="timeZone"
          list="time-zones"
          required
          autocomplete="off"
          spellcheck={false}
          defaultValue={hours.timeZone}
        />
      </label>
      <datalist id="time-zones">
        {Intl.supportedValuesOf("timeZone").map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      {WEEK.map((day) => {
        const span = hours.days.find((item) => item.day === day);
        const name = dayName(day);
        return (
          <div class="row day" key={day}>
            <label>
              <input type="checkbox" name={`open-${day}`} defaultChecked={span !== undefined} />{" "}
              {format(en.openOn, { day: name })}
            </label>
            <label>
              {format(en.opensAt, { day: name })}
              <input type="time" name={`from-${day}`} defaultValue={span?.open ?? "09:00"} />
            </label>
            <label>
              {format(en.closesAt, { day: name })}
              <input type="time" name={`to-${day}`} defaultValue={span?.close ?? "17:00"} />
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

/** The hours as the form holds them; no day ticked means always open. */
export function hoursFrom(data: FormData): Hours {
  return {
    timeZone: String(data.get("timeZone")).trim(),
    days: WEEK.filter((day) => data.get(`open-${day}`) !== null).map((day) => ({
      day,
      open: String(data.get(`from-${day}`)),
      close: String(data.get(`to-${day}`)),
    })),
  };
}
