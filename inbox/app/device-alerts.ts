import { call } from "./api.ts";

/** Whether this browser alerts the agent when the inbox is not in front of them. */
export type DeviceAlerts = "unsupported" | "blocked" | "off" | "on";

const WORKER = "/inbox/sw.js";
/** The page is /inbox itself, which a worker's default scope (/inbox/) would not cover. */
const SCOPE = "/inbox";

function supported(): boolean {
  return "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
}

/** The worker is registered on every load: pushed alerts show, and the inbox can be installed. */
export async function registerWorker(): Promise<void> {
  if (!("serviceWorker" in navigator)) return;
  await navigator.serviceWorker.register(WORKER, { scope: SCOPE });
}

export async function deviceAlerts(): Promise<DeviceAlerts> {
  if (!supported()) return "unsupported";
  if (Notification.permission === "denied") return "blocked";
  const registration = await navigator.serviceWorker.getRegistration(SCOPE);
  const subscription = await registration?.pushManager.getSubscription();
  return subscription ? "on" : "off";
}

/** Asks the browser, subscribes with the server's key, and tells the server where to push. */
export async function turnOn(publicKey: string): Promise<DeviceAlerts> {
  if (!supported()) return "unsupported";
  if ((await Notification.requestPermission()) !== "granted") return deviceAlerts();
  await registerWorker();
  const registration = await navigator.serviceWorker.ready;
  const subscription =
    (await registration.pushManager.getSubscription()) ??
    (await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: fromBase64Url(publicKey),
    }));
  await call("POST", "/api/desk/alerts/devices", subscription.toJSON());
  return "on";
}

export async function turnOff(): Promise<DeviceAlerts> {
  const registration = await navigator.serviceWorker.getRegistration(SCOPE);
  const subscription = await registration?.pushManager.getSubscription();
  if (subscription) {
    await call("DELETE", "/api/desk/alerts/devices", { endpoint: subscription.endpoint });
    await subscription.unsubscribe();
  }
  return deviceAlerts();
}

/** A clicked alert names its conversation in the address (#conversation=12): opened here. */
export function onAlertOpened(open: (conversationId: number) => void): () => void {
  const fromHash = () => {
    const id = /^#conversation=(\d+)$/.exec(location.hash)?.[1];
    if (id) open(Number(id));
  };
  const fromWorker = (event: MessageEvent) => {
    const hash = (event.data as { open?: string } | null)?.open;
    if (hash) location.hash = hash;
  };
  fromHash();
  window.addEventListener("hashchange", fromHash);
  navigator.serviceWorker?.addEventListener("message", fromWorker);
  return () => {
    window.removeEventListener("hashchange", fromHash);
    navigator.serviceWorker?.removeEventListener("message", fromWorker);
  };
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
