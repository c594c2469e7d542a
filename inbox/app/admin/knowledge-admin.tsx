import { useState } from "preact/hooks";
import { format, plainLetters } from "../../../protocol/index.ts";
import { en } from "../../i18n/en.ts";
import { attempt, call } from "../api.ts";
import { reasonLabel } from "../labels.ts";
import { listOf, useResource } from "../use-resource.ts";
import { CalibrationReport } from "./calibration-report.tsx";
import { MarksAdmin } from "./marks-admin.tsx";

interface FaqEntry {
  id: number;
  lang: string;
  title: string;
  answer: string;
  questions: string[];
}

const BLANK = { lang: "en", title: "", answer: "", questions: [] as string[] };

/** FAQ entries per language, the "try it" box, what the bot learnt and the agents' marks. */
export function KnowledgeAdmin() {
  const { data, error, reload } = useResource<{ entries: FaqEntry[] }>("/api/admin/faq");
  const [editing, setEditing] = useState<FaqEntry | typeof BLANK | null>(null);
  const [version, setVersion] = useState(0);
  const [language, setLanguage] = useState("");
  const [query, setQuery] = useState("");
  const titles = new Map(data?.entries.map((entry) => [entry.id, entry.title]));
  const languages = [...new Set(data?.entries.map((entry) => entry.lang))].sort();
  const shown = (data?.entries ?? []).filter(
    (entry) => (!language || entry.lang === language) && mentions(entry, query),
  );
  return (
    <main class="admin">
      <section aria-labelledby="faq-title">
        <h2 id="faq-title">{en.faqTitle}</h2>
        {error && <p class="form-error">{error}</p>}
        <TryIt languages={languages} />
        <button type="button" onClick={() => setEditing(BLANK)}>
          {en.faqNew}
        </button>
        {editing && (
          <FaqForm
            key={"id" in editing ? editing.id : "new"}
            entry={editing}
            onDone={() => {
              setEditing(null);
              reload();
              setVersion((v) => v + 1);
            }}
          />
        )}
        <CalibrationReport titles={titles} version={version} />
        <MarksAdmin
          titles={titles}
          onLearned={() => {
            reload();
            setVersion((v) => v + 1);
          }}
        />
        <search class="row" aria-label={en.faqFilter}>
          <label>
            {en.faqLang}
            <select value={language} onChange={(event) => setLanguage(event.currentTarget.value)}>
              <option value="">{en.faqAllLanguages}</option>
              {languages.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          </label>
          <label>
            {en.faqSearch}
            <input
              type="search"
              value={query}
              onInput={(event) => setQuery(event.currentTarget.value)}
            />
          </label>
          <p role="status" class="hint">
            {format(en.faqShown, { shown: shown.length, total: data?.entries.length ?? 0 })}
          </p>
        </search>
        <table aria-label={en.faqEntries}>
          <thead>
            <tr>
              <th>{en.faqLang}</th>
              <th>{en.faqQuestionTitle}</th>
              <th>{en.faqAnswer}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {shown.map((entry) => (
              <tr key={entry.id}>
                <td>{entry.lang}</td>
                <td dir="auto">{entry.title}</td>
                <td dir="auto" class="clip">
                  {entry.answer}
                </td>
                <td>
                  <button
                    type="button"
                    class="secondary"
                    aria-label={`${en.edit}: ${entry.title}`}
                    onClick={() => setEditing(entry)}
                  >
                    {en.edit}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  );
}

function FaqForm({ entry, onDone }: { entry: FaqEntry | typeof BLANK; onDone: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const id = "id" in entry ? entry.id : undefined;
  async function save(form: HTMLFormElement): Promise<void> {
    const data = new FormData(form);
    const body = {
      lang: String(data.get("lang")),
      title: String(data.get("title")),
      answer: String(data.get("answer")),
      questions: listOf(String(data.get("questions")), /\n/),
    };
    const failed = await attempt(() =>
      id === undefined
        ? call("POST", "/api/admin/faq", body)
        : call("PUT", `/api/admin/faq/${id}`, body),
    );
    if (failed) setError(failed);
    else onDone();
  }
  async function remove(): Promise<void> {
    const failed = await attempt(() => call("DELETE", `/api/admin/faq/${id}`));
    if (failed) setError(failed);
    else onDone();
  }
  return (
    <form
      class="stack card"
      aria-label={entry.title || en.faqNew}
      onSubmit={(event) => {
        event.preventDefault();
        void save(event.currentTarget);
      }}
    >
      <label>
        {en.faqLang}
        <input name="lang" value={entry.lang} required pattern="[a-z]{2}" size={3} />
      </label>
      <label>
        {en.faqQuestionTitle}
        <input name="title" value={entry.title} required dir="auto" />
      </label>
      <label>
        {en.faqQuestions}
        <textarea name="questions" rows={4} required dir="auto">
          {entry.questions.join("\n")}
        </textarea>
      </label>
      <label>
        {en.faqAnswer}
        <textarea name="answer" rows={4} required dir="auto">
          {entry.answer}
        </textarea>
      </label>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div class="row">
        <button type="submit">{en.save}</button>
        {id !== undefined && (
          <button type="button" class="danger" onClick={() => void remove()}>
            {en.delete}
          </button>
        )}
        <button type="button" class="secondary" onClick={onDone}>
          {en.cancel}
        </button>
      </div>
    </form>
  );
}

type Decision =
  | {
      kind: "answer";
      confidence: number;
      language: string;
      faq?: { title: string; answer: string };
    }
  | {
      kind: "handoff";
      language: string;
      priority: number;
      text: string;
      reasons: {
        reason: Parameters<typeof reasonLabel>[0];
        evidence: { start: number; end: number }[];
      }[];
    }
  | { kind: "wait" }
  | { kind: "settled" };

const LANGUAGE_NAMES = new Intl.DisplayNames(["en"], { type: "language" });
const languageName = (code: string) =>
  code === "und" ? en.languageUnknown : (LANGUAGE_NAMES.of(code) ?? code);

/**
 * What the bot would do with any text, with the FAQ as it is now; in a conversation already
 * known to be in a language, when one is chosen.
 */
function TryIt({ languages }: { languages: string[] }) {
  const [text, setText] = useState("");
  const [language, setLanguage] = useState("");
  const [decision, setDecision] = useState<Decision | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      class="stack card"
      aria-label={en.tryIt}
      onSubmit={(event) => {
        event.preventDefault();
        void attempt(async () => {
          const result = await call<{ decision: Decision }>("POST", "/api/admin/faq/try", {
            text,
            ...(language ? { language } : {}),
          });
          setDecision(result.decision);
        }).then(setError);
      }}
    >
      <label>
        {en.tryItLabel}
        <input value={text} dir="auto" onInput={(event) => setText(event.currentTarget.value)} />
      </label>
      <label>
        {en.tryItLanguage}
        <select value={language} onChange={(event) => setLanguage(event.currentTarget.value)}>
          <option value="">{en.tryItDetect}</option>
          {languages.map((code) => (
            <option key={code} value={code}>
              {languageName(code)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">{en.tryIt}</button>
      {error && <p class="form-error">{error}</p>}
      {decision && (
        <output aria-live="polite">
          <Outcome decision={decision} />
        </output>
      )}
    </form>
  );
}

function Outcome({ decision }: { decision: Decision }) {
  switch (decision.kind) {
    case "answer":
      return (
        <div>
          <p>{format(en.tryReadAs, { language: languageName(decision.language) })}</p>
          <p>
            {format(en.tryAnswer, {
              title: decision.faq?.title ?? "",
              confidence: decision.confidence.toFixed(2),
            })}
          </p>
          <blockquote dir="auto">{decision.faq?.answer}</blockquote>
        </div>
      );
    case "handoff":
      return (
        <div>
          <p>{format(en.tryReadAs, { language: languageName(decision.language) })}</p>
          <p>{format(en.tryHandoff, { priority: String(decision.priority) })}</p>
          <ul>
            {decision.reasons.map((reason) => (
              <li key={reason.reason}>
                <strong>{reasonLabel(reason.reason)}</strong>
                {reason.evidence.map((span) => (
                  <mark key={span.start} dir="auto">
                    {decision.text.slice(span.start, span.end)}
                  </mark>
                ))}
              </li>
            ))}
          </ul>
        </div>
      );
    case "wait":
      return <p>{en.tryWait}</p>;
    case "settled":
      return <p>{en.trySettled}</p>;
    default: {
      const unknown: never = decision;
      return unknown;
    }
  }
}

/** An entry whose title, answer or example questions hold the words, accents or not. */
function mentions(entry: FaqEntry, query: string): boolean {
  const wanted = plainLetters(query.trim());
  if (!wanted) return true;
  return [entry.title, entry.answer, ...entry.questions].some((text) =>
    plainLetters(text).includes(wanted),
  );
}
