import type { Availability, ConversationStatus, Place } from "../../protocol/index.ts";

/** What the customer is told now: one answer for the header, the notices and the button. */
export interface CustomerView {
  /** The header's line under the title (a key of the texts). */
  status:
    | "offline"
    | "reconnecting"
    | "withBot"
    | "withBotAway"
    | "queued"
    | "queuedAway"
    | "assigned"
    | "resolved";
  /** "offer": Talk to a person; "coming": said, not pressable; "none": not shown. */
  person: "offer" | "coming" | "none";
  /** Nobody can answer now: why, when the team is back, and a place for an email. */
  away: { closed: boolean; opensAt?: number } | undefined;
  /** The place in line, only while a person can actually come. */
  place: Place | undefined;
}

/**
 * The one place that decides what the widget says, from the connection, the conversation and
 * the team's availability, so that no two parts of the panel contradict each other. A person
 * already in the conversation outranks the business hours (they are answering now); the
 * place in line and its wait are shown only while someone is online to take it.
 */
export function customerView(input: {
  /** The browser has no network. */
  offline: boolean;
  /** The chat's socket is up. */
  online: boolean;
  status: ConversationStatus | undefined;
  availability: Availability | undefined;
  place: Place | undefined;
}): CustomerView {
  const { offline, online, status, availability } = input;
  const teamAway = availability !== undefined && (!availability.open || !availability.agentsOnline);
  const away =
    teamAway && status !== "assigned"
      ? {
          closed: !availability.open,
          ...(availability.opensAt === undefined ? {} : { opensAt: availability.opensAt }),
        }
      : undefined;
  const view = (
    status: Exclude<CustomerView["status"], "offline" | "reconnecting">,
    person: CustomerView["person"],
    place?: Place,
  ): CustomerView => ({
    status: offline ? "offline" : online ? status : "reconnecting",
    person,
    away,
    place,
  });
  switch (status) {
    case undefined:
    case "bot":
      return view(away ? "withBotAway" : "withBot", "offer");
    case "queued":
      return away ? view("queuedAway", "none") : view("queued", "coming", input.place);
    case "assigned":
      return view("assigned", "none");
    case "resolved":
      return view("resolved", "offer");
    default: {
      const unknown: never = status;
      return unknown;
    }
  }
}
