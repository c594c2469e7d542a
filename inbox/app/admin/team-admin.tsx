import { useState } from "preact/hooks";
import type { TeamMember } from "../../../protocol/index.ts";
import { format } from "../../../protocol/index.ts";
import { en } from "../../i18n/en.ts";
import { attempt, call } from "../api.ts";
import { listOf } from "../use-resource.ts";

/** Who is on the team, and what routing knows of them: skills, languages, capacity. */
export function TeamAdmin({ team }: { team: TeamMember[] }) {
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <main class="admin">
      <section aria-labelledby="team-title">
        <h2 id="team-title">{en.teamTitle}</h2>
        {message && (
          <p class="notice" role="status">
            {message}
          </p>
        )}
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <AddAgent
          onAdded={(name, inviteUrl) => {
            setError(null);
            setMessage(inviteUrl ? format(en.inviteLink, { name, url: inviteUrl }) : en.saved);
          }}
          onError={setError}
        />
        {team.map((member) => (
          <AgentRow
            key={JSON.stringify([
              member.id,
              member.name,
              member.role,
              member.skills,
              member.languages,
              member.capacity,
            ])}
            member={member}
            onMessage={setMessage}
            onError={setError}
          />
        ))}
      </section>
    </main>
  );
}

function AddAgent({
  onAdded,
  onError,
}: {
  onAdded: (name: string, inviteUrl: string | undefined) => void;
  onError: (error: string | null) => void;
}) {
  return (
    <form
      class="stack card"
      aria-label={en.addAgent}
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form);
        const password = String(data.get("password"));
        const body = {
          email: String(data.get("email")),
          ...profileOf(data),
          ...(password ? { password } : {}),
        };
        void attempt(async () => {
          const result = await call<{ inviteUrl?: string }>("POST", "/api/admin/agents", body);
          form.reset();
          onAdded(body.name, result.inviteUrl);
        }).then((failed) => failed && onError(failed));
      }}
    >
      <h3>{en.addAgent}</h3>
      <div class="row">
        <label>
          {en.email}
          <input name="email" type="email" required />
        </label>
        <ProfileFields />
      </div>
      <label>
        {en.initialPassword}
        <input name="password" type="password" autocomplete="new-password" minLength={12} />
      </label>
      <button type="submit">{en.addAgent}</button>
    </form>
  );
}

function AgentRow({
  member,
  onMessage,
  onError,
}: {
  member: TeamMember;
  onMessage: (message: string) => void;
  onError: (error: string | null) => void;
}) {
  const report = (failed: string | null, success: string) => {
    onError(failed);
    if (!failed) onMessage(success);
  };
  return (
    <form
      class="stack card"
      aria-label={member.name}
      onSubmit={(event) => {
        event.preventDefault();
        // Only what the admin changed: a save never puts back a field someone else changed.
        const body = changedFields(profileOf(new FormData(event.currentTarget)), member);
        void attempt(() => call("PATCH", `/api/admin/agents/${member.id}`, body)).then((failed) =>
          report(failed, en.saved),
        );
      }}
    >
      <h3>
        {member.name} · {member.email} · {en[`presence_${member.presence}`]} · {member.assigned}/
        {member.capacity}
      </h3>
      <div class="row">
        <ProfileFields member={member} />
      </div>
      <div class="row">
        <button type="submit">{en.save}</button>
        <button
          type="button"
          class="secondary"
          onClick={() =>
            void attempt(async () => {
              const { url } = await call<{ url: string }>(
                "POST",
                `/api/admin/agents/${member.id}/password-link`,
              );
              onMessage(format(en.resetLink, { name: member.name, url }));
            }).then((failed) => failed && onError(failed))
          }
        >
          {en.resetPassword}
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() =>
            void attempt(async () => {
              const { ended } = await call<{ ended: number }>(
                "DELETE",
                `/api/admin/agents/${member.id}/sessions`,
              );
              onMessage(format(en.sessionsEnded, { name: member.name, count: ended }));
            }).then((failed) => failed && onError(failed))
          }
        >
          {en.signOutEverywhere}
        </button>
        <button
          type="button"
          class="danger"
          onClick={() => {
            if (!confirm(format(en.confirmDeactivate, { name: member.name }))) return;
            void attempt(() => call("POST", `/api/admin/agents/${member.id}/deactivate`)).then(
              (failed) => report(failed, en.saved),
            );
          }}
        >
          {en.deactivate}
        </button>
      </div>
    </form>
  );
}

function ProfileFields({ member }: { member?: TeamMember }) {
  return (
    <>
      <label>
        {en.name}
        <input name="name" required defaultValue={member?.name ?? ""} />
      </label>
      <label>
        {en.role}
        <select name="role">
          <option value="agent" selected={member?.role !== "admin"}>
            {en.role_agent}
          </option>
          <option value="admin" selected={member?.role === "admin"}>
            {en.role_admin}
          </option>
        </select>
      </label>
      <label>
        {en.skills}
        <input name="skills" defaultValue={(member?.skills ?? ["general"]).join(", ")} />
      </label>
      <label>
        {en.languages}
        <input name="languages" defaultValue={(member?.languages ?? ["en"]).join(", ")} />
      </label>
      <label>
        {en.capacity}
        <input
          name="capacity"
          type="number"
          min={1}
          max={50}
          defaultValue={String(member?.capacity ?? 5)}
        />
      </label>
    </>
  );
}

function profileOf(data: FormData) {
  return {
    name: String(data.get("name")),
    role: String(data.get("role")) as "agent" | "admin",
    skills: listOf(String(data.get("skills"))).map((skill) => skill.toLowerCase()),
    languages: listOf(String(data.get("languages"))).map((code) => code.toLowerCase()),
    capacity: Number(data.get("capacity")),
  };
}

/** The fields of the form that differ from the member as the form showed them. */
function changedFields(profile: ReturnType<typeof profileOf>, member: TeamMember) {
  return Object.fromEntries(
    Object.entries(profile).filter(
      ([field, value]) =>
        JSON.stringify(value) !== JSON.stringify(member[field as keyof typeof profile]),
    ),
  );
}
