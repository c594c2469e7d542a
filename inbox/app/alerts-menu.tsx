import { useEffect, useState } from "preact/hooks";
import { format } from "../../protocol/index.ts";
import { en } from "../i18n/en.ts";
import { attempt, call } from "./api.ts";
import { type DeviceAlerts, deviceAlerts, turnOff, turnOn } from "./device-alerts.ts";
import { useResource } from "./use-resource.ts";

interface AlertSettings {
  publicKey: string;
  email: boolean;
  /** The agent's own address, where email alerts go. */
  address: string;
  emailAvailable: boolean;
}

/**
 * "Alerts": whether this device shows an alert when a conversation is given to the agent or
 * waits too long, even with the inbox closed (Web Push), and whether email does too.
 */
export function AlertsMenu() {
  const settings = useResource<AlertSettings>("/api/desk/alerts");
  const [device, setDevice] = useState<DeviceAlerts | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    void deviceAlerts().then(setDevice);
  }, []);
  const data = settings.data;
  const change = (work: () => Promise<DeviceAlerts>) =>
    void attempt(async () => setDevice(await work())).then(setFailure);
  return (
    <details class="alerts-menu">
      <summary>{en.alerts}</summary>
      <div class="alerts-panel stack">
        <p>{en[`device_${device ?? "off"}`]}</p>
        {data && device === "off" && (
          <button type="button" onClick={() => change(() => turnOn(data.publicKey))}>
            {en.alertsTurnOn}
          </button>
        )}
        {device === "on" && (
          <button type="button" class="secondary" onClick={() => change(turnOff)}>
            {en.alertsTurnOff}
          </button>
        )}
        {data && (
          <label class="check">
            <input
              type="checkbox"
              checked={data.email}
              disabled={!data.emailAvailable}
              onChange={(event) => {
                const on = event.currentTarget.checked;
                void attempt(async () => {
                  await call("PUT", "/api/desk/alerts/email", { on });
                  settings.replace({ ...data, email: on });
                }).then(setFailure);
              }}
            />
            {data.emailAvailable
              ? format(en.alertsEmail, { email: data.address })
              : en.alertsNoEmail}
          </label>
        )}
        {(failure || settings.error) && (
          <p class="form-error" role="alert">
            {failure ?? settings.error}
          </p>
        )}
      </div>
    </details>
  );
}
