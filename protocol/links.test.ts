import assert from "node:assert/strict";
import { test } from "node:test";
import { linkParts } from "./links.ts";

test("http and https addresses become links; the sentence around them stays text", () => {
  assert.deepEqual(linkParts("Track it at https://shop.example/track?id=7. Thanks!"), [
    { text: "Track it at " },
    { text: "https://shop.example/track?id=7", href: "https://shop.example/track?id=7" },
    { text: ". Thanks!" },
  ]);
  assert.deepEqual(linkParts("(see http://a.example/x)"), [
    { text: "(see " },
    { text: "http://a.example/x", href: "http://a.example/x" },
    { text: ")" },
  ]);
  assert.deepEqual(linkParts("https://en.wikipedia.org/wiki/Mug_(cup), ok"), [
    {
      text: "https://en.wikipedia.org/wiki/Mug_(cup)",
      href: "https://en.wikipedia.org/wiki/Mug_(cup)",
    },
    { text: ", ok" },
  ]);
});

test("nothing else becomes a link: other schemes, bare domains and markup stay text", () => {
  for (const text of [
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "www.shop.example and shop.example",
    '<a href="https://evil.example">x</a>',
    "mailto:ada@example.com",
    "https://",
    "see https://. or https://-",
  ]) {
    const parts = linkParts(text);
    for (const part of parts) {
      if (part.href) assert.match(part.href, /^https?:\/\/[^"<>]+$/, text);
    }
    assert.equal(parts.map((part) => part.text).join(""), text, "no character is lost");
  }
  assert.deepEqual(linkParts("javascript:alert(1)"), [{ text: "javascript:alert(1)" }]);
  assert.deepEqual(linkParts("text without any address"), [{ text: "text without any address" }]);
  assert.deepEqual(linkParts(""), []);
});
