import { expect, signInAgent, test } from "./fixtures.ts";

test("an admin finds an FAQ entry among 126 by language and words, accents or not", async ({
  newPerson,
  server,
}) => {
  const admin = await newPerson();
  await signInAgent(admin, server);
  await admin.getByRole("button", { name: "Knowledge base" }).click();
  const find = admin.getByRole("search", { name: "Find entries" });
  await expect(find.getByRole("status")).toHaveText(/^126 of 126 entries$/);

  await find.getByLabel("Language").selectOption("pl");
  await expect(find.getByRole("status")).toHaveText("21 of 126 entries");
  await find.getByLabel("Search entries").fill("platnosc");
  await expect(find.getByRole("status")).toHaveText(/^[1-9]\d* of 126 entries$/);
  const entries = admin.getByRole("table", { name: "FAQ entries" });
  await expect(
    entries
      .getByRole("row")
      .filter({ hasText: /[Pp]łatno/ })
      .first(),
  ).toBeVisible();
  await expect(entries.getByRole("cell", { name: "en", exact: true })).toHaveCount(0);
});
