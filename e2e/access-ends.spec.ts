import { addAgent, expect, signInAgent, test } from "./fixtures.ts";

test("an agent's open inbox is signed out the moment an admin ends their access", async ({
  newPerson,
  server,
}) => {
  const admin = await newPerson();
  await signInAgent(admin, server);
  const dana = await addAgent(admin, server, { name: "Dana", skills: ["general"] });
  const agent = await newPerson();
  await signInAgent(agent, server, dana);

  await admin.getByRole("button", { name: "Team" }).click();
  const danaCard = admin.getByRole("form", { name: "Dana" });
  await danaCard.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(admin.getByText("Dana was signed out everywhere. Sessions ended: 1.")).toBeVisible();
  await expect(agent.getByRole("status")).toHaveText(
    "An admin ended your sessions. Sign in again.",
  );
  await expect(agent.getByRole("button", { name: "Sign in" })).toBeVisible();

  await signInAgent(agent, server, dana);
  admin.once("dialog", (dialog) => void dialog.accept());
  await danaCard.getByRole("button", { name: "Deactivate" }).click();
  await expect(agent.getByRole("status")).toHaveText("Your account was deactivated.");
  await agent.getByRole("textbox", { name: "Email" }).fill(dana.email);
  await agent.getByLabel("Password").fill(dana.password);
  await agent.getByRole("button", { name: "Sign in" }).click();
  await expect(agent.getByRole("alert")).toHaveText("Wrong email or password.");
});
