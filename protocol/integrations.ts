// Webhooks and the REST API: what an admin configures, shared by the server and the inbox.
import * as v from "valibot";

export const WEBHOOK_EVENTS = [
  "conversation.created",
  "conversation.handed_off",
  "conversation.assigned",
  "message.created",
  "conversation.resolved",
  "conversation.rated",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const webhookEndpointInput = v.object({
  url: v.pipe(
    v.string(),
    v.trim(),
    v.maxLength(2048),
    v.url("The address is a full URL, like https://crm.example.com/hooks/chat."),
    v.regex(/^https?:\/\//, "The address starts with https:// (or http://)."),
  ),
  description: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200)), ""),
  events: v.pipe(v.array(v.picklist(WEBHOOK_EVENTS)), v.minLength(1, "Choose at least one event.")),
  active: v.optional(v.boolean(), true),
});
export type WebhookEndpointInput = v.InferOutput<typeof webhookEndpointInput>;

export interface WebhookEndpoint {
  id: number;
  url: string;
  description: string;
  events: WebhookEvent[];
  active: boolean;
  /** Signs every delivery (Standard Webhooks: whsec_ and the key in base64). */
  secret: string;
  createdAt: number;
}

export interface WebhookDelivery {
  id: number;
  endpointId: number;
  eventId: string;
  type: WebhookEvent;
  attempts: number;
  /** The receiver's last HTTP status; absent when it could not be reached. */
  lastStatus?: number;
  lastError?: string;
  deliveredAt?: number;
  /** When it is tried again; absent once delivered or given up. */
  nextAttemptAt?: number;
  createdAt: number;
}

export const API_SCOPES = [
  "conversations:read",
  "conversations:reply",
  "conversations:note",
  "conversations:resolve",
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const apiTokenInput = v.object({
  name: v.pipe(v.string(), v.trim(), v.minLength(1, "Name the token."), v.maxLength(100)),
  scopes: v.pipe(v.array(v.picklist(API_SCOPES)), v.minLength(1, "Choose at least one scope.")),
  /** The agent replies and notes are written as; the admin who creates it when absent. */
  agentId: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});
export type ApiTokenInput = v.InferOutput<typeof apiTokenInput>;

export interface ApiToken {
  id: number;
  name: string;
  scopes: ApiScope[];
  agentId: number;
  agentName: string;
  createdAt: number;
  lastUsedAt?: number;
  revokedAt?: number;
}
