import assert from "node:assert/strict";
import { afterEach, beforeEach, test } from "node:test";
import { ADMIN, api, type Harness, sessionCookie, signIn, startHarness } from "./test-harness.ts";

let server: Harness;
let admin: string;

beforeEach(async () => {
  server = await startHarness();
  admin = sessionCookie(await signIn(server.url, ADMIN.email, ADMIN.password));
});
afterEach(() => server.close());

interface Report {
  trainedAt: number;
  pending: boolean;
  languages: { language: string; threshold: number; examples: number }[];
}

async function report(): Promise<Report> {
  const response = await api(server.url, "GET", "/api/admin/faq/calibration", { cookie: admin });
  return (await response.json()) as Report;
}

test("an FAQ edit is learnt in a worker thread, and the report shows the result", async () => {
  const logged: unknown[][] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => {
    logged.push(args);
  };
  try {
    const before = await report();
    const english = before.languages.find((language) => language.language === "en");
    assert.ok(english, "the demo FAQ is calibrated at start");

    const created = await api(server.url, "POST", "/api/admin/faq", {
      cookie: admin,
      body: {
        lang: "en",
        title: "Furniture assembly",
        answer: "We assemble sofas, beds and wardrobes at home for €39 in Riga and Stockholm.",
        questions: [
          "Do you assemble furniture?",
          "Can someone put the wardrobe together for me?",
          "How much is assembly of a bed?",
          "Do you offer an assembly service?",
        ],
      },
    });
    assert.equal(created.status, 201);
    assert.equal((await report()).pending, true, "relearning is under way");

    let after = await report();
    for (let tries = 0; after.pending && tries < 200; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      after = await report();
    }
    assert.equal(after.pending, false, "relearnt within 10 s");
    assert.ok(after.trainedAt > before.trainedAt);
    const relearnt = after.languages.find((language) => language.language === "en");
    assert.equal(relearnt?.examples, english.examples + 5, "the title and four questions");
    assert.deepEqual(logged, [], "the worker thread did the work (nothing fell back)");
  } finally {
    console.error = original;
  }
});
