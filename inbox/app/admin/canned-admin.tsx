import { useState } from "preact/hooks";
import { en } from "../../i18n/en.ts";
import { attempt, call } from "../api.ts";
import type { Canned } from "../canned.ts";
import { useResource } from "../use-resource.ts";

/** Ready replies for everyone; an agent inserts one by typing "/" and its shortcut. */
export function CannedAdmin() {
  const { data, error, reload } = useResource<{ responses: Canned[] }>("/api/admin/canned");
  const [failure, setFailure] = useState<string | null>(null);
  const changed = (failed: string | null) => {
    setFailure(failed);
    reload();
  };
  return (
    <section aria-labelledby="canned-title">
      <h2 id="canned-title">{en.cannedTitle}</h2>
      {(error || failure) && (
        <p class="form-error" role="alert">
          {error ?? failure}
        </p>
      )}
      <form
        class="row card"
        aria-label={en.cannedTitle}
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const data = new FormData(form);
          const body = { shortcut: String(data.get("shortcut")), text: String(data.get("text")) };
          void attempt(() => call("POST", "/api/admin/canned", body)).then((failed) => {
            if (!failed) form.reset();
            changed(failed);
          });
        }}
      >
        <label>
          {en.cannedShortcut}
          <input name="shortcut" required size={12} />
        </label>
        <label class="grow">
          {en.cannedText}
          <input name="text" required dir="auto" />
        </label>
        <button type="submit">{en.add}</button>
      </form>
      <ul class="canned-admin">
        {data?.responses.map((item) => (
          <li key={item.id}>
            <strong>/{item.shortcut}</strong> <span dir="auto">{item.text}</span>{" "}
            <button
              type="button"
              class="danger"
              aria-label={`${en.delete}: /${item.shortcut}`}
              onClick={() =>
                void attempt(() => call("DELETE", `/api/admin/canned/${item.id}`)).then(changed)
              }
            >
              {en.delete}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
