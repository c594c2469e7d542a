// The inbox's service worker: shows the alerts the server pushes (server/alerts/index.ts) when
// no inbox is looking, and opens the conversation when one is clicked.
const worker = globalThis as unknown as ServiceWorkerGlobalScope;

interface PushAlert {
  title: string;
  body: string;
  url: string;
  tag: string;
}

worker.addEventListener("push", (event) => {
  const alert = event.data?.json() as PushAlert | undefined;
  if (!alert) return;
  event.waitUntil(
    worker.registration.showNotification(alert.title, {
      body: alert.body,
      tag: alert.tag,
      data: { url: alert.url },
      icon: "/inbox/icon-192.png",
      badge: "/inbox/icon-192.png",
    }),
  );
});

worker.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = (event.notification.data as { url?: string } | null)?.url ?? "/inbox";
  event.waitUntil(
    (async () => {
      const open = await worker.clients.matchAll({ type: "window", includeUncontrolled: true });
      const inbox = open.find((client) => new URL(client.url).pathname === "/inbox");
      if (!inbox) {
        await worker.clients.openWindow(url);
        return;
      }
      await inbox.focus();
      // The open inbox goes to the conversation without reloading.
      inbox.postMessage({ open: new URL(url, worker.location.origin).hash });
    })(),
  );
});

export {};
