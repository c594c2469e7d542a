import webpush from "web-push";
import {
  alertTargets,
  claimLongWaits,
  type Db,
  deletePushSubscription,
  vapidKeys,
} from "../../db/index.ts";
import { type ConversationSummary, DEFAULT_SKILL, type TeamMember } from "../../protocol/index.ts";
import type { MailOutbox } from "../mail/outbox.ts";
import { post } from "../outbound.ts";
import type { Settings } from "../settings-store.ts";

/** How often queued conversations are checked against the wait target (an indexed query). */
const WAIT_CHECK_MS = 2_000;
/** A push service keeps an alert this long for a device that is off, then drops it. */
const PUSH_TTL_SECONDS = 60 * 60;

/** What the service worker shows (inbox/sw.ts reads the same shape). */
export interface PushAlert {
  title: string;
  body: string;
  /** Opened when the notification is clicked. */
  url: string;
  /** One notification per conversation: a newer alert replaces the older. */
  tag: string;
}

/**
 * Alerts that reach agents who are not looking at the inbox: Web Push to every device they
 * allowed (VAPID keys made on first start, shared by all nodes), and an email through the
 * outbox to those who asked for it. Sent when a conversation is given to an agent, and when
 * one waits in a skill's queue longer than the target (once per wait, by one node).
 */
export async function createAlerts(deps: {
  db: Db;
  settings: Settings;
  mail: MailOutbox | undefined;
  /** The inbox's address as agents open it (PUBLIC_URL, or this server's). */
  inboxUrl: () => string;
  /** Who to tell of a long wait: active agents with the skill. */
  team: () => Promise<TeamMember[]>;
  /** VAPID's contact: mailto: the admin, or the public https address. */
  subject: string;
  allowPrivate: boolean;
  now: () => number;
}) {
  const { db, now } = deps;
  const keys = await vapidKeys(db, () => webpush.generateVAPIDKeys(), now());

  async function push(
    device: { endpoint: string; keys: { p256dh: string; auth: string } },
    alert: PushAlert,
  ) {
    const request = webpush.generateRequestDetails(device, JSON.stringify(alert), {
      vapidDetails: { subject: deps.subject, ...keys },
      TTL: PUSH_TTL_SECONDS,
      urgency: "high",
    });
    const body = Buffer.from(request.body ?? "");
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [name, String(value)]),
    );
    try {
      const answer = await post(request.endpoint, { headers, body }, deps);
      // The browser unsubscribed, or the subscription expired: forget the device.
      if (answer.status === 404 || answer.status === 410) {
        await deletePushSubscription(db, device.endpoint);
      } else if (answer.status >= 300) {
        console.error("push refused", { status: answer.status, body: answer.body });
      }
    } catch (error) {
      console.error("push not sent", error);
    }
  }

  /** To every device of these agents, and to the email of those who asked for it. */
  async function tell(
    agentIds: number[],
    conversationId: number,
    words: Omit<PushAlert, "url" | "tag">,
  ) {
    const url = `${deps.inboxUrl()}#conversation=${conversationId}`;
    const alert: PushAlert = { ...words, url, tag: `conversation-${conversationId}` };
    const { devices, emails } = await alertTargets(db, agentIds);
    await Promise.all(devices.map((device) => push(device, alert)));
    for (const { email } of deps.mail ? emails : []) {
      const text = `${words.body}\n\nOpen it in the inbox: ${url}\n\n(You asked for these alerts by email; turn them off in the inbox.)`;
      await deps.mail?.send({ conversationId, to: email, subject: words.title, text });
    }
  }

  async function checkWaiting(): Promise<void> {
    const target = deps.settings.routing().waitAlertSeconds * 1000;
    const waits = await claimLongWaits(db, now() - target);
    if (waits.length === 0) return;
    const team = await deps.team();
    for (const wait of waits) {
      const skill = wait.skill ?? DEFAULT_SKILL;
      const agents = team.filter((member) => member.skills.includes(skill)).map((m) => m.id);
      const minutes = Math.max(1, Math.round((now() - (wait.queuedAt ?? now())) / 60_000));
      await tell(agents, wait.id, {
        title: `Conversation #${wait.id} has waited ${minutes} min`,
        body: wait.summary ?? `Waiting for the ${skill} team.`,
      });
    }
  }

  let checking: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    checking = checking
      .then(checkWaiting)
      .catch((error: unknown) => console.error("checking long waits failed", error));
  }, WAIT_CHECK_MS);
  timer.unref();
  const sending = new Set<Promise<void>>();

  return {
    publicKey: keys.publicKey,

    /** Given to an agent: they hear of it on every device, and by email if they asked. */
    assigned(conversation: ConversationSummary): void {
      const agentId = conversation.assigneeId;
      if (agentId === undefined) return;
      const body =
        conversation.handoff?.summary ?? conversation.lastMessage?.text ?? "A customer is waiting.";
      const sent = tell([agentId], conversation.id, {
        title: `Conversation #${conversation.id} is yours`,
        body,
      })
        .catch((error: unknown) => console.error("alert failed", error))
        .finally(() => sending.delete(sent));
      sending.add(sent);
    },

    async stop(): Promise<void> {
      clearInterval(timer);
      await Promise.all([checking.catch(() => {}), ...sending]);
    },
  };
}

export type Alerts = Awaited<ReturnType<typeof createAlerts>>;
