import { useState } from "preact/hooks";
import {
  API_SCOPES,
  type ApiToken,
  format,
  type TeamMember,
  WEBHOOK_EVENTS,
  type WebhookDelivery,
  type WebhookEndpoint,
  type WebhookEndpointInput,
} from "../../../protocol/index.ts";
import { en } from "../../i18n/en.ts";
import { attempt, call } from "../api.ts";
import { useResource } from "../use-resource.ts";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "short", timeStyle: "medium" });

/** Webhooks (where events go, and how each delivery went) and the REST API's tokens. */
export function IntegrationsAdmin() {
  return (
    <main class="admin">
      <Webhooks />
      <ApiTokens />
    </main>
  );
}

function Webhooks() {
  const endpoints = useResource<{ endpoints: WebhookEndpoint[] }>("/api/admin/webhooks");
  const log = useResource<{ deliveries: WebhookDelivery[] }>("/api/admin/webhook-deliveries");
  const [failure, setFailure] = useState<string | null>(null);
  const changed = (failed: string | null) => {
    setFailure(failed);
    endpoints.reload();
    log.reload();
  };
  const save = (endpoint: WebhookEndpoint, patch: Partial<WebhookEndpointInput>) => {
    const { url, description, events, active } = endpoint;
    const body = { url, description, events, active, ...patch };
    void attempt(() => call("PUT", `/api/admin/webhooks/${endpoint.id}`, body)).then(changed);
  };
  const urlOf = new Map(endpoints.data?.endpoints.map((endpoint) => [endpoint.id, endpoint.url]));
  return (
    <section class="stack card" aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">{en.webhooksTitle}</h2>
      <p class="hint">{en.webhooksHint}</p>
      {(endpoints.error || failure) && (
        <p class="form-error" role="alert">
          {endpoints.error ?? failure}
        </p>
      )}
      <ul class="endpoints">
        {endpoints.data?.endpoints.map((endpoint) => (
          <li key={endpoint.id} class="card">
            <p>
              <strong>{endpoint.url}</strong> {endpoint.description && `· ${endpoint.description}`}{" "}
              <span class="badge">{endpoint.active ? en.webhookActive : en.webhookPaused}</span>
            </p>
            <p class="hint">{endpoint.events.join(", ")}</p>
            <details>
              <summary>{en.webhookSecret}</summary>
              <code>{endpoint.secret}</code>
            </details>
            <div class="row">
              <button
                type="button"
                class="secondary"
                onClick={() => save(endpoint, { active: !endpoint.active })}
              >
                {endpoint.active ? en.webhookPause : en.webhookResume}
              </button>
              <button
                type="button"
                class="danger"
                aria-label={`${en.delete}: ${endpoint.url}`}
                onClick={() =>
                  void attempt(() => call("DELETE", `/api/admin/webhooks/${endpoint.id}`)).then(
                    changed,
                  )
                }
              >
                {en.delete}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <form
        class="stack"
        aria-label={en.webhookAdd}
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const data = new FormData(form);
          const body = {
            url: String(data.get("url")),
            description: String(data.get("description")),
            events: WEBHOOK_EVENTS.filter((name) => data.get(name) === "on"),
          };
          void attempt(() => call("POST", "/api/admin/webhooks", body)).then((failed) => {
            if (!failed) form.reset();
            changed(failed);
          });
        }}
      >
        <div class="row">
          <label class="grow">
            {en.webhookUrl}
            <input
              name="url"
              type="url"
              required
              placeholder="https://crm.example.com/hooks/chat"
            />
          </label>
          <label>
            {en.webhookDescription}
            <input name="description" maxLength={200} />
          </label>
        </div>
        <fieldset>
          <legend>{en.webhookEvents}</legend>
          {WEBHOOK_EVENTS.map((name) => (
            <label key={name} class="check">
              <input type="checkbox" name={name} defaultChecked />
              <code>{name}</code>
            </label>
          ))}
        </fieldset>
        <button type="submit">{en.webhookAdd}</button>
      </form>
      <h3>{en.webhookLog}</h3>
      {log.data?.deliveries.length === 0 && <p class="hint">{en.webhookLogEmpty}</p>}
      {(log.data?.deliveries.length ?? 0) > 0 && (
        <table>
          <caption class="visually-hidden">{en.webhookLog}</caption>
          <thead>
            <tr>
              <th scope="col">{en.webhookWhen}</th>
              <th scope="col">{en.webhookEvent}</th>
              <th scope="col">{en.webhookUrl}</th>
              <th scope="col">{en.webhookAttempts}</th>
              <th scope="col">{en.webhookOutcome}</th>
            </tr>
          </thead>
          <tbody>
            {log.data?.deliveries.map((delivery) => (
              <tr key={delivery.id}>
                <td>{when.format(delivery.createdAt)}</td>
                <td>
                  <code>{delivery.type}</code>
                </td>
                <td>{urlOf.get(delivery.endpointId)}</td>
                <td>{delivery.attempts}</td>
                <td>
                  {outcome(delivery)}
                  {delivery.deliveredAt === undefined && (
                    <>
                      {" "}
                      <button
                        type="button"
                        class="secondary"
                        onClick={() =>
                          void attempt(() =>
                            call("POST", `/api/admin/webhook-deliveries/${delivery.id}/retry`),
                          ).then(changed)
                        }
                      >
                        {en.webhookRetry}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" class="secondary" onClick={log.reload}>
        {en.refresh}
      </button>
    </section>
  );
}

function outcome(delivery: WebhookDelivery): string {
  if (delivery.deliveredAt !== undefined) {
    return format(en.webhookDelivered, { status: delivery.lastStatus ?? "" });
  }
  const reason = (delivery.lastError ?? en.webhookWaiting).replace(/\.$/, "");
  return delivery.nextAttemptAt === undefined
    ? format(en.webhookGaveUp, { reason })
    : format(en.webhookFailing, { reason, at: when.format(delivery.nextAttemptAt) });
}

function ApiTokens() {
  const tokens = useResource<{ tokens: ApiToken[] }>("/api/admin/api-tokens");
  const team = useResource<{ agents: TeamMember[] }>("/api/admin/agents");
  const [failure, setFailure] = useState<string | null>(null);
  const [issued, setIssued] = useState<string | null>(null);
  return (
    <section class="stack card" aria-labelledby="tokens-title">
      <h2 id="tokens-title">{en.apiTitle}</h2>
      <p class="hint">
        {en.apiHint} <a href="/api/v1/openapi.json">{en.apiDocument}</a>
      </p>
      {(tokens.error || failure) && (
        <p class="form-error" role="alert">
          {tokens.error ?? failure}
        </p>
      )}
      {issued && (
        <div class="notice" role="status">
          <p>{en.apiIssued}</p>
          <code class="token">{issued}</code>
        </div>
      )}
      <form
        class="stack"
        aria-label={en.apiCreate}
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const data = new FormData(form);
          const agent = Number(data.get("agentId"));
          const body = {
            name: String(data.get("name")),
            scopes: API_SCOPES.filter((scope) => data.get(scope) === "on"),
            ...(agent ? { agentId: agent } : {}),
          };
          void attempt(async () => {
            const created = await call<{ token: string }>("POST", "/api/admin/api-tokens", body);
            setIssued(created.token);
            form.reset();
          }).then((failed) => {
            setFailure(failed);
            tokens.reload();
          });
        }}
      >
        <div class="row">
          <label class="grow">
            {en.apiName}
            <input name="name" required maxLength={100} placeholder="CRM" />
          </label>
          <label>
            {en.apiActsAs}
            <select name="agentId">
              <option value="">{en.apiActsAsMe}</option>
              {team.data?.agents.map((agent) => (
                <option key={agent.id} value={agent.id}>
                  {agent.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        <fieldset>
          <legend>{en.apiScopes}</legend>
          {API_SCOPES.map((scope) => (
            <label key={scope} class="check">
              <input type="checkbox" name={scope} defaultChecked={scope === "conversations:read"} />
              <code>{scope}</code>
            </label>
          ))}
        </fieldset>
        <button type="submit">{en.apiCreate}</button>
      </form>
      {(tokens.data?.tokens.length ?? 0) > 0 && (
        <table>
          <caption class="visually-hidden">{en.apiTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{en.apiName}</th>
              <th scope="col">{en.apiScopes}</th>
              <th scope="col">{en.apiActsAs}</th>
              <th scope="col">{en.apiLastUsed}</th>
              <th scope="col">{en.apiState}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.data?.tokens.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>{token.scopes.join(", ")}</td>
                <td>{token.agentName}</td>
                <td>{token.lastUsedAt ? when.format(token.lastUsedAt) : en.apiNeverUsed}</td>
                <td>
                  {token.revokedAt ? (
                    format(en.apiRevokedAt, { at: when.format(token.revokedAt) })
                  ) : (
                    <button
                      type="button"
                      class="danger"
                      aria-label={`${en.apiRevoke}: ${token.name}`}
                      onClick={() =>
                        void attempt(() =>
                          call("DELETE", `/api/admin/api-tokens/${token.id}`),
                        ).then((failed) => {
                          setFailure(failed);
                          tokens.reload();
                        })
                      }
                    >
                      {en.apiRevoke}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
