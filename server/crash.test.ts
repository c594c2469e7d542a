import assert from "node:assert/strict";
import { test } from "node:test";
import { crashDrill } from "./crash-drill.ts";
import { startServerProcess } from "./server-process.ts";
import { TestSocket } from "./test-harness.ts";

test("SIGKILL at random moments, 20 rounds: every acknowledged message survives", async () => {
  const report = await crashDrill({ rounds: 20, customers: 6 });
  console.log(
    `crash drill: ${report.rounds} rounds, ${report.customers} customers, ` +
      `${report.acknowledged} acknowledged, ${report.lost.length} lost`,
  );
  assert.ok(report.acknowledged > 50, "the drill acknowledged a real stream of messages");
  assert.deepEqual(report.lost, []);
  assert.deepEqual(report.duplicated, []);
  assert.deepEqual(report.moved, []);
});

test("SIGTERM drains: sockets close with 1001, exit 0, every acknowledged message kept", async () => {
  const server = await startServerProcess();
  try {
    const socket = await TestSocket.open(`${server.url}/ws/visitor`);
    socket.send({ type: "hello", v: 1 });
    const welcome = await socket.next((frame) => frame.type === "welcome");
    const acked: string[] = [];
    socket.ws.on("message", (data) => {
      const frame = JSON.parse(String(data)) as { type: string; clientId?: string };
      if (frame.type === "ack" && frame.clientId) acked.push(frame.clientId);
    });
    for (let i = 0; i < 15; i++) socket.send({ type: "send", clientId: `t-${i}`, text: `m ${i}` });
    const exitCode = await server.halt();
    await socket.next(() => false, 3000).catch(() => undefined);
    assert.equal(exitCode, 0);
    assert.equal(socket.closed?.code, 1001);

    await server.restart();
    const back = await TestSocket.open(`${server.url}/ws/visitor`);
    back.send({ type: "hello", v: 1, token: welcome.token });
    const resumed = await back.next((frame) => frame.type === "welcome");
    const shown = (resumed.messages as { clientId?: string }[]).map((m) => m.clientId);
    for (const clientId of acked) assert.ok(shown.includes(clientId), `${clientId} kept`);
    back.close();
  } finally {
    await server.stop();
  }
});
