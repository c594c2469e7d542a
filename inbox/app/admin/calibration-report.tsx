import { useEffect } from "preact/hooks";
import { format } from "../../../protocol/index.ts";
import { en } from "../../i18n/en.ts";
import { useResource } from "../use-resource.ts";

interface LanguageCalibration {
  language: string;
  threshold: number;
  examples: number;
  answered: number;
  wrong: { text: string; faqId: number; answeredWith: number; confidence: number }[];
  collisions: { a: number; b: number; examples: number }[];
  negatives: number;
  negativesAnswered: number;
}

interface Report {
  trainedAt: number;
  pending: boolean;
  languages: LanguageCalibration[];
}

const PENDING_POLL_MS = 500;

/**
 * What calibration found per language: the threshold, how much of its own FAQ the bot would
 * answer, and the entries that say the same thing (the admin's cue to merge or reword them).
 */
export function CalibrationReport({
  titles,
  version,
}: {
  titles: Map<number, string>;
  version: number;
}) {
  const { data, error, reload } = useResource<Report>("/api/admin/faq/calibration");
  useEffect(reload, [version, reload]);
  useEffect(() => {
    if (!data?.pending) return;
    const timer = setTimeout(reload, PENDING_POLL_MS);
    return () => clearTimeout(timer);
  }, [data, reload]);
  const title = (id: number) => titles.get(id) ?? `#${id}`;
  return (
    <section aria-labelledby="calibration-title" class="card stack">
      <h3 id="calibration-title">{en.calibrationTitle}</h3>
      <p>{en.calibrationIntro}</p>
      {error && <p class="form-error">{error}</p>}
      {data?.pending && <p role="status">{en.calibrationPending}</p>}
      <table>
        <thead>
          <tr>
            <th>{en.calibrationLanguage}</th>
            <th>{en.calibrationThreshold}</th>
            <th>{en.calibrationAnswered}</th>
            <th>{en.calibrationWrong}</th>
            <th>{en.calibrationNegatives}</th>
          </tr>
        </thead>
        <tbody>
          {data?.languages.map((language) => (
            <tr key={language.language}>
              <td>{language.language}</td>
              <td>{language.threshold.toFixed(2)}</td>
              <td>{`${Math.round(language.answered * 100)}% of ${language.examples}`}</td>
              <td>{language.wrong.length}</td>
              <td>{`${language.negativesAnswered} of ${language.negatives}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data?.languages.map((language) => (
        <div key={language.language}>
          {language.collisions.length > 0 && (
            <details>
              <summary>{format(en.calibrationCollisions, { language: language.language })}</summary>
              <ul>
                {language.collisions.map((pair) => (
                  <li key={`${pair.a}:${pair.b}`} dir="auto">
                    {format(en.calibrationCollision, {
                      a: title(pair.a),
                      b: title(pair.b),
                      count: String(pair.examples),
                    })}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {language.wrong.length > 0 && (
            <details>
              <summary>{format(en.calibrationWrongList, { language: language.language })}</summary>
              <ul>
                {language.wrong.map((wrong) => (
                  <li key={`${wrong.faqId}:${wrong.text}`} dir="auto">
                    {format(en.calibrationWrongItem, {
                      text: wrong.text,
                      entry: title(wrong.faqId),
                      answer: title(wrong.answeredWith),
                    })}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      ))}
    </section>
  );
}
