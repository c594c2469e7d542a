import assert from "node:assert/strict";
import { test } from "node:test";
import type { Availability, ConversationStatus, Place } from "../../protocol/index.ts";
import { customerView } from "./customer-view.ts";

const STATUSES: (ConversationStatus | undefined)[] = [
  undefined,
  "bot",
  "queued",
  "assigned",
  "resolved",
];
const OPENS_AT = Date.UTC(2026, 11, 3, 8);
const TEAM: Record<string, Availability | undefined> = {
  "not known yet": undefined,
  "open, someone online": { open: true, agentsOnline: true },
  "open, nobody online": { open: true, agentsOnline: false },
  "closed, nobody online": { open: false, agentsOnline: false, opensAt: OPENS_AT },
  "closed, someone online": { open: false, agentsOnline: true, opensAt: OPENS_AT },
};
const PLACES: (Place | undefined)[] = [undefined, { position: 17, waitMinutes: 4 }];

function* everyCombination() {
  for (const status of STATUSES) {
    for (const [team, availability] of Object.entries(TEAM)) {
      for (const place of PLACES) {
        for (const [online, offline] of [
          [true, false],
          [false, false],
          [false, true],
        ] as const) {
          yield {
            label: `${status ?? "no conversation"}, ${team}, socket up ${online}, network ${!offline}`,
            input: { offline, online, status, availability, place },
          };
        }
      }
    }
  }
}

test("no two parts of the panel contradict each other, in any combination", () => {
  let checked = 0;
  for (const { label, input } of everyCombination()) {
    const view = customerView(input);
    const teamAway =
      input.availability !== undefined &&
      (!input.availability.open || !input.availability.agentsOnline);
    if (input.offline) assert.equal(view.status, "offline", label);
    else if (!input.online) assert.equal(view.status, "reconnecting", label);
    // With a person: never "closed", never "on the way", whatever the hours say.
    if (input.status === "assigned") {
      assert.equal(view.away, undefined, label);
      assert.equal(view.person, "none", label);
      assert.notEqual(view.status, "withBot", label);
    }
    // Nobody can come: no "a person is one click away", no "on the way", no wait in line.
    if (view.away) {
      assert.notEqual(view.status, "withBot", label);
      assert.notEqual(view.status, "queued", label);
      assert.notEqual(view.person, "coming", label);
      assert.equal(view.place, undefined, label);
    }
    assert.equal(view.away !== undefined, teamAway && input.status !== "assigned", label);
    // A place in line only while queued and someone can take it.
    if (view.place) assert.ok(input.status === "queued" && !teamAway, label);
    if (input.status === "queued" && !teamAway) assert.equal(view.place, input.place, label);
    // Asking for a person is offered exactly when no person is involved yet or any more.
    assert.equal(
      view.person === "offer",
      input.status === undefined || input.status === "bot" || input.status === "resolved",
      label,
    );
    checked++;
  }
  assert.equal(checked, STATUSES.length * Object.keys(TEAM).length * PLACES.length * 3);
});

test("what the customer reads in the cases people meet most", () => {
  const closed = TEAM["closed, nobody online"];
  const nobody = TEAM["open, nobody online"];
  const open = TEAM["open, someone online"];
  const place = { position: 17 };
  assert.deepEqual(
    customerView({ offline: false, online: true, status: "bot", availability: closed, place }),
    {
      status: "withBotAway",
      person: "offer",
      away: { closed: true, opensAt: OPENS_AT },
      place: undefined,
    },
  );
  assert.deepEqual(
    customerView({ offline: false, online: true, status: "queued", availability: nobody, place }),
    {
      status: "queuedAway",
      person: "none",
      away: { closed: false },
      place: undefined,
    },
  );
  assert.deepEqual(
    customerView({ offline: false, online: true, status: "queued", availability: open, place }),
    {
      status: "queued",
      person: "coming",
      away: undefined,
      place,
    },
  );
  // An admin answering after hours: the customer is with them, not "closed".
  assert.deepEqual(
    customerView({
      offline: false,
      online: true,
      status: "assigned",
      availability: closed,
      place: undefined,
    }),
    { status: "assigned", person: "none", away: undefined, place: undefined },
  );
});
