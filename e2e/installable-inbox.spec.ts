import { expect, openChat, sendMessage, signInAgent, test } from "./fixtures.ts";

test("the inbox installs as an app, and its worker shows a pushed alert that opens the conversation", async ({
  newPerson,
  server,
}) => {
  const agent = await newPerson();
  await agent.context().grantPermissions(["notifications"], { origin: server.url });
  await signInAgent(agent, server);

  // What a phone needs to put the inbox on its home screen.
  const manifestUrl = await agent.locator('link[rel="manifest"]').getAttribute("href");
  const manifest = (await (await agent.request.get(`${server.url}${manifestUrl}`)).json()) as {
    start_url: string;
    display: string;
    icons: { src: string; sizes: string; purpose?: string }[];
  };
  expect(manifest.start_url).toBe("/inbox");
  expect(manifest.display).toBe("standalone");
  for (const icon of manifest.icons) {
    const image = await agent.request.get(`${server.url}${icon.src}`);
    expect(image.headers()["content-type"]).toBe("image/png");
  }
  const scope = await agent.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(`${server.url}/inbox`);

  // A customer's conversation, then an alert about it pushed to this browser's worker, the way
  // a push service delivers one (Chromium's DevTools protocol stands in for the network).
  const customer = await newPerson();
  await openChat(customer, server);
  await sendMessage(customer, "My invoice shows the wrong address");
  await expect(customer.getByText("Your conversation was passed to our team.")).toBeVisible();
  const devtools = await agent.context().newCDPSession(agent);
  const registered = new Promise<string>((resolve) => {
    devtools.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
      const ours = registrations.find((r) => r.scopeURL === `${server.url}/inbox`);
      if (ours) resolve(ours.registrationId);
    });
  });
  await devtools.send("ServiceWorker.enable");
  const alert = {
    title: "Conversation #1 is yours",
    body: "My invoice shows the wrong address",
    url: `${server.url}/inbox#conversation=1`,
    tag: "conversation-1",
  };
  await devtools.send("ServiceWorker.deliverPushMessage", {
    origin: server.url,
    registrationId: await registered,
    data: JSON.stringify(alert),
  });
  await expect
    .poll(() =>
      agent.evaluate(async () =>
        (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => [
          n.title,
          n.body,
        ]),
      ),
    )
    .toEqual([[alert.title, alert.body]]);

  // The alert's link opens the conversation in the inbox.
  await agent.goto(alert.url);
  await expect(agent.getByRole("heading", { name: "Conversation 1" })).toBeVisible();
  await expect(agent.getByRole("log", { name: "Transcript" })).toContainText(
    "My invoice shows the wrong address",
  );

  // The alerts menu says what this device does, and offers email when the server has SMTP.
  await agent.getByText("Alerts", { exact: true }).click();
  await expect(agent.getByText("Email alerts need SMTP set up on the server.")).toBeVisible();
});
