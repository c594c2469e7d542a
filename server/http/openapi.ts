// The REST API and the webhooks described for people and tools: served at /api/v1/openapi.json.
// `api.test.ts` checks that every /api/v1 route is described here and that examples match.
import { API_SCOPES, HANDOFF_REASONS, type WEBHOOK_EVENTS } from "../../protocol/index.ts";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ "application/json": { schema } });
const error = (description: string) => ({ description, content: json(ref("Error")) });
const idParameter = {
  name: "id",
  in: "path",
  required: true,
  schema: { type: "integer", minimum: 1 },
  description: "The conversation's number.",
};
const refusals = {
  "401": error("No token, or a revoked one, or its agent was deactivated."),
  "403": error("The token lacks the scope, or its agent may not do this."),
  "404": error("No such conversation."),
  "429": error("Too many requests with this token (600 a minute); see Retry-After."),
};
const move = (summary: string, scope: string, description: string) => ({
  summary,
  description: `${description} Needs the ${scope} scope.`,
  security: [{ token: [scope] }],
  parameters: [idParameter],
  responses: {
    "200": {
      description: "Done.",
      content: json({ type: "object", properties: { conversation: ref("Conversation") } }),
    },
    "409": error("Not possible in the conversation's state (someone else may have acted first)."),
    ...refusals,
  },
});
const write = (summary: string, scope: string, description: string) => ({
  summary,
  description: `${description} Needs the ${scope} scope. Send an Idempotency-Key header to retry safely: the same key stores the message once.`,
  security: [{ token: [scope] }],
  parameters: [
    idParameter,
    {
      name: "Idempotency-Key",
      in: "header",
      required: false,
      schema: { type: "string", maxLength: 64 },
    },
  ],
  requestBody: {
    required: true,
    content: json({
      type: "object",
      required: ["text"],
      properties: { text: { type: "string", minLength: 1, maxLength: 4000 } },
    }),
  },
  responses: {
    "201": {
      description: "Stored; its sequence number in the conversation.",
      content: json({ type: "object", properties: { seq: { type: "integer" } } }),
    },
    "400": error("The text is empty or too long."),
    "409": error("Not possible in the conversation's state."),
    ...refusals,
  },
});

const webhook = (type: string, description: string, data: Record<string, unknown>) => ({
  post: {
    summary: type,
    description: `${description} Signed as Standard Webhooks describes (webhook-id, webhook-timestamp, webhook-signature: v1,base64 HMAC-SHA256 of "id.timestamp.body" keyed with the endpoint's secret after its whsec_ prefix). Answer 2xx within 10 s; anything else is retried with doubling waits, up to 12 attempts. The webhook-id stays the same across retries: use it to drop repeats.`,
    requestBody: {
      content: json({
        type: "object",
        required: ["id", "type", "createdAt", "data"],
        properties: {
          id: { type: "string", example: "evt_4f0c9a8e2b7d4c1e9a3f5b6d7c8e9f01" },
          type: { type: "string", const: type },
          createdAt: { type: "integer", description: "Milliseconds since 1970 (UTC)." },
          data: { type: "object", properties: data },
        },
      }),
    },
    responses: { "200": { description: "Received." } },
  },
});

const conversationId = { type: "integer" };

export const OPENAPI = {
  openapi: "3.1.0",
  info: {
    title: "Human-first chat API",
    version: "1",
    description:
      "Read conversations and messages, reply as an agent, add notes and resolve, from your CRM, ticketing or Slack bot. An admin issues tokens in the inbox (Settings → Integrations); each has scopes, acts as one agent, and can be revoked at once. Every write is in the audit log with its token.",
  },
  servers: [{ url: "/api/v1" }],
  components: {
    securitySchemes: {
      token: {
        type: "http",
        scheme: "bearer",
        description: `An API token (hfc_…). Scopes: ${API_SCOPES.join(", ")}.`,
      },
    },
    schemas: {
      Error: { type: "object", properties: { error: { type: "string" } } },
      Attachment: {
        type: "object",
        required: ["id", "name", "type", "size"],
        properties: {
          id: { type: "integer" },
          name: { type: "string" },
          type: { type: "string", description: "The type found in the content." },
          size: { type: "integer" },
          width: { type: "integer" },
          height: { type: "integer" },
          url: {
            type: "string",
            description: "A signed link, relative to the server, valid for an hour.",
          },
        },
      },
      Message: {
        type: "object",
        required: ["seq", "author", "text", "at"],
        properties: {
          seq: { type: "integer", description: "Its place in the conversation, from 1." },
          author: { enum: ["customer", "bot", "agent", "system"] },
          text: { type: "string" },
          at: { type: "integer" },
          authorName: { type: "string" },
          internal: {
            type: "boolean",
            description: "An agents' note; never shown to the customer.",
          },
          attachments: { type: "array", items: ref("Attachment") },
        },
      },
      Conversation: {
        type: "object",
        required: ["id", "visitorId", "status", "priority", "lastSeq", "createdAt", "updatedAt"],
        properties: {
          id: { type: "integer" },
          visitorId: { type: "integer" },
          status: { enum: ["bot", "queued", "assigned", "resolved"] },
          priority: { type: "integer" },
          skill: { type: "string" },
          language: { type: "string" },
          assigneeId: { type: "integer" },
          assigneeName: { type: "string" },
          handoff: {
            type: "object",
            description: "Why the conversation went to a person.",
            properties: {
              summary: { type: "string" },
              reasons: {
                type: "array",
                items: { type: "object", properties: { reason: { enum: [...HANDOFF_REASONS] } } },
              },
            },
          },
          customer: {
            type: "object",
            description: "Known when the company's page verified who they are.",
          },
          rating: {
            type: "object",
            properties: { score: { type: "integer" }, comment: { type: "string" } },
          },
          lastMessage: ref("Message"),
          lastSeq: { type: "integer" },
          createdAt: { type: "integer" },
          updatedAt: { type: "integer" },
        },
      },
    },
  },
  security: [{ token: [] }],
  paths: {
    "/conversations": {
      get: {
        summary: "List conversations",
        description:
          "Open ones (queued for a person or assigned), or resolved ones newest first, 50 a page. Needs conversations:read.",
        security: [{ token: ["conversations:read"] }],
        parameters: [
          { name: "status", in: "query", schema: { enum: ["open", "resolved"], default: "open" } },
          {
            name: "before",
            in: "query",
            schema: { type: "integer" },
            description: "Resolved only: the page older than this conversation.",
          },
        ],
        responses: {
          "200": {
            description: "The conversations.",
            content: json({
              type: "object",
              properties: { conversations: { type: "array", items: ref("Conversation") } },
            }),
          },
          "400": error("An unknown status."),
          "401": refusals["401"],
          "403": refusals["403"],
          "429": refusals["429"],
        },
      },
    },
    "/conversations/{id}": {
      get: {
        summary: "Read a conversation",
        description: "Needs conversations:read.",
        security: [{ token: ["conversations:read"] }],
        parameters: [idParameter],
        responses: {
          "200": {
            description: "The conversation.",
            content: json({ type: "object", properties: { conversation: ref("Conversation") } }),
          },
          ...refusals,
        },
      },
    },
    "/conversations/{id}/messages": {
      get: {
        summary: "Read its messages",
        description:
          "In order, agents' notes included; after a sequence number to read only what is new. Needs conversations:read.",
        security: [{ token: ["conversations:read"] }],
        parameters: [
          idParameter,
          { name: "after", in: "query", schema: { type: "integer", minimum: 0, default: 0 } },
        ],
        responses: {
          "200": {
            description: "The messages.",
            content: json({
              type: "object",
              properties: { messages: { type: "array", items: ref("Message") } },
            }),
          },
          "400": error("after is not a sequence number."),
          ...refusals,
        },
      },
      post: write(
        "Reply to the customer",
        "conversations:reply",
        "As the token's agent, who must be the assignee (claim it first when it waits in the queue).",
      ),
    },
    "/conversations/{id}/notes": {
      post: write(
        "Add an internal note",
        "conversations:note",
        "A note for the team; the customer never sees it.",
      ),
    },
    "/conversations/{id}/claim": {
      post: move(
        "Take it from the queue",
        "conversations:reply",
        "Assigns a queued conversation to the token's agent, within their capacity.",
      ),
    },
    "/conversations/{id}/resolve": {
      post: move(
        "Resolve it",
        "conversations:resolve",
        "The token's agent must be the assignee; the customer may then rate it.",
      ),
    },
  },
  webhooks: {
    "conversation.created": webhook("conversation.created", "A customer started a conversation.", {
      conversationId,
      visitorId: { type: "integer" },
    }),
    "conversation.handed_off": webhook(
      "conversation.handed_off",
      "The bot or the customer handed the conversation to a person, with the reasons.",
      {
        conversationId,
        by: { enum: ["bot", "customer"] },
        reasons: { type: "array", items: { enum: [...HANDOFF_REASONS] } },
        language: { type: "string" },
        priority: { type: "integer" },
        skill: { type: "string" },
        summary: { type: "string" },
      },
    ),
    "conversation.assigned": webhook(
      "conversation.assigned",
      "A person has the conversation now.",
      {
        conversationId,
        agentId: { type: "integer" },
        by: { enum: ["router", "agent"] },
      },
    ),
    "message.created": webhook(
      "message.created",
      "Any message but the system's notices, notes included (internal: true).",
      {
        conversationId,
        message: ref("Message"),
      },
    ),
    "conversation.resolved": webhook(
      "conversation.resolved",
      "An agent resolved it, or the bot after the customer thanked it.",
      {
        conversationId,
        by: { enum: ["agent", "bot"] },
        agentId: { type: "integer" },
      },
    ),
    "conversation.rated": webhook(
      "conversation.rated",
      "The customer rated a resolved conversation (1 to 5).",
      {
        conversationId,
        rating: {
          type: "object",
          properties: { score: { type: "integer" }, comment: { type: "string" } },
        },
      },
    ),
  } satisfies Record<(typeof WEBHOOK_EVENTS)[number], unknown>,
};
