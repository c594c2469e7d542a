import assert from "node:assert/strict";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import S3rver from "s3rver";
import sharp from "sharp";
import {
  ADMIN,
  agentSocket,
  api,
  type Frame,
  type Harness,
  sessionCookie,
  signIn,
  startHarness,
  type TestSocket,
  visitor,
} from "../test-harness.ts";
import { LINK_TTL_MS } from "./links.ts";

interface Uploaded {
  id: number;
  name: string;
  type: string;
  size: number;
  width?: number;
  height?: number;
  url?: string;
}

/** A photo as a phone takes it: with the camera's metadata, the place included. */
async function photo(width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#c04020" } })
    .withExif({ IFD0: { Make: "PhoneMaker", Model: "Camera 1" }, IFD3: { GPSLatitude: "56/1" } })
    .jpeg()
    .toBuffer();
}

async function upload(
  url: string,
  token: string,
  bytes: Uint8Array,
  name: string,
): Promise<Response> {
  return fetch(`${url}/api/widget/files?name=${encodeURIComponent(name)}`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${token}`,
      origin: url,
      "content-type": "application/octet-stream",
    },
    body: bytes,
  });
}

/**
 * An upload past the limit, refused on its Content-Length before the server reads it: the
 * server may close the connection while the body is still being written (fetch would fail).
 */
function oversized(url: string, token: string, length: number) {
  return new Promise<{ status: number; error: string }>((resolve, reject) => {
    const request = httpRequest(`${url}/api/widget/files?name=big.png`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, origin: url, "content-length": length },
    });
    request.on("response", async (response) => {
      let body = "";
      for await (const chunk of response) body += chunk;
      resolve({
        status: response.statusCode ?? 0,
        error: (JSON.parse(body) as { error: string }).error,
      });
    });
    request.on("error", () => {}); // the unread rest of the body: the answer came first
    request.end(Buffer.alloc(length, 1));
    setTimeout(() => reject(new Error("no answer to an oversized upload")), 5000).unref();
  });
}

async function uploaded(response: Response): Promise<Uploaded> {
  assert.equal(response.status, 201, await response.clone().text());
  return ((await response.json()) as { file: Uploaded }).file;
}

async function errorOf(response: Response): Promise<string> {
  return ((await response.json()) as { error: string }).error;
}

function filesOf(frame: Frame): Uploaded[] {
  return ((frame.message as { attachments?: Uploaded[] }).attachments ?? []) as Uploaded[];
}

/** The first file link in a welcome's transcript. */
function linkIn(welcome: Frame): string | undefined {
  const messages = welcome.messages as { attachments?: Uploaded[] }[];
  return messages.find((message) => message.attachments)?.attachments?.[0]?.url;
}

async function sent(socket: TestSocket, clientId: string, frame: Record<string, unknown>) {
  socket.send({ type: "send", clientId, ...frame });
  return socket.next((f) => (f.type === "ack" || f.type === "error") && f.clientId === clientId);
}

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

describe("files in the chat: uploads, limits, links, erasure", () => {
  let server: Harness;
  let admin: string;
  let clock = Date.now();
  before(async () => {
    server = await startHarness({ now: () => clock });
    admin = sessionCookie(await signIn(server.url, ADMIN.email, ADMIN.password));
  });
  after(() => server.close());

  test("a customer's photo is re-encoded without its metadata and reaches the agent, who answers with a PDF", async () => {
    const agent = await agentSocket(server.url, admin);
    const customer = await visitor(server.url);
    const original = await photo(5000, 100);
    const file = await uploaded(
      await upload(server.url, customer.token, original, "../../mug.JPEG"),
    );
    assert.equal(file.type, "image/jpeg");
    assert.equal(file.name, "mug.jpeg", "no folders in a name");
    // Scaled to fit 4096 wide, and no camera or location metadata left.
    assert.deepEqual([file.width, file.height], [4096, 82]);
    assert.equal(file.url, undefined, "an unsent upload has no link");

    const ack = await sent(customer.socket, "c1", {
      text: "My mug arrived cracked",
      attachments: [file.id],
    });
    assert.equal(ack.type, "ack");
    // The bot reads no pictures: a person gets the conversation, and the photo in it.
    const assigned = await agent.socket.next(
      (f) =>
        f.type === "conversation" && (f.conversation as { status: string }).status === "assigned",
    );
    const conversationId = (assigned.conversation as { id: number }).id;
    agent.socket.send({ type: "open", conversationId });
    const transcript = await agent.socket.next((f) => f.type === "transcript");
    const [seen] = (transcript.messages as { attachments?: Uploaded[] }[])[0]?.attachments ?? [];
    assert.ok(seen?.url, "the agent's copy has a link");
    const fetched = await fetch(`${server.url}${seen.url}`);
    assert.equal(fetched.status, 200);
    assert.equal(fetched.headers.get("content-type"), "image/jpeg");
    assert.equal(fetched.headers.get("x-content-type-options"), "nosniff");
    assert.match(fetched.headers.get("content-security-policy") ?? "", /sandbox/);
    assert.match(fetched.headers.get("content-disposition") ?? "", /^inline/);
    const meta = await sharp(Buffer.from(await fetched.arrayBuffer())).metadata();
    assert.equal(meta.width, 4096);
    assert.equal(meta.exif, undefined, "the camera's metadata is gone");

    const pdf = await fetch(
      `${server.url}/api/desk/conversations/${conversationId}/files?name=${encodeURIComponent("Rückgabe label.pdf")}`,
      { method: "POST", headers: { cookie: admin, origin: server.url }, body: PDF },
    );
    const label = await uploaded(pdf);
    assert.equal(label.type, "application/pdf");
    agent.socket.send({
      type: "reply",
      conversationId,
      clientId: "r1",
      text: "",
      attachments: [label.id],
    });
    const reply = await customer.socket.next(
      (f) =>
        f.type === "message" &&
        filesOf(f).length > 0 &&
        (f.message as { author: string }).author === "agent",
    );
    const [received] = filesOf(reply);
    assert.equal(received?.name, "Rückgabe label.pdf");
    const download = await fetch(`${server.url}${received?.url}`);
    assert.equal(download.headers.get("content-type"), "application/pdf");
    assert.match(
      download.headers.get("content-disposition") ?? "",
      /^attachment; filename\*=UTF-8''R%C3%BCckgabe/,
    );
    assert.deepEqual(Buffer.from(await download.arrayBuffer()), PDF);
    agent.socket.close();
    customer.socket.close();
  });

  test("limits and types are the admin's, each refusal says why, and nothing pretends to be what it is not", async () => {
    const customer = await visitor(server.url);
    const saved = await api(server.url, "PUT", "/api/admin/settings/files", {
      cookie: admin,
      body: { kinds: ["image"], maxMegabytes: 1, perMessage: 2 },
    });
    assert.equal(saved.status, 200);
    const settings = await (await fetch(`${server.url}/api/widget/settings`)).json();
    assert.deepEqual((settings as { files: unknown }).files, {
      types: ["image/png", "image/jpeg", "image/gif", "image/webp"],
      maxBytes: 1024 * 1024,
      perMessage: 2,
    });
    try {
      const big = await oversized(server.url, customer.token, 1024 * 1024 + 1);
      assert.equal(big.status, 413);
      assert.equal(big.error, "The file is larger than the 1 MB this chat accepts.");
      const pdf = await upload(server.url, customer.token, PDF, "invoice.pdf");
      assert.equal(pdf.status, 415);
      assert.equal(
        await errorOf(pdf),
        "This kind of file is not accepted here. You can send images (PNG, JPEG, GIF, WebP).",
      );
      for (const [name, bytes] of [
        ["page.png", "<html><script>alert(1)</script></html>"],
        ["logo.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
        ["empty.png", ""],
      ] as const) {
        const refused = await upload(server.url, customer.token, Buffer.from(bytes), name);
        assert.ok([400, 415].includes(refused.status), `${name}: ${refused.status}`);
      }
      const broken = Buffer.concat([(await photo()).subarray(0, 200)]);
      assert.equal((await upload(server.url, customer.token, broken, "cut.jpg")).status, 422);
      const unsigned = await upload(server.url, "1.99999999999999.forged", await photo(), "a.jpg");
      assert.equal(unsigned.status, 401);
      const elsewhere = await fetch(`${server.url}/api/widget/files?name=a.jpg`, {
        method: "POST",
        headers: { authorization: `Bearer ${customer.token}`, origin: "https://evil.example" },
        body: await photo(),
      });
      assert.equal(elsewhere.status, 403);
      // Three files where two are allowed: the frame is refused before anything is stored.
      const ids = [];
      for (const n of [1, 2, 3])
        ids.push(
          (await uploaded(await upload(server.url, customer.token, await photo(), `${n}.jpg`))).id,
        );
      const three = await sent(customer.socket, "three", { attachments: ids });
      assert.equal(three.type, "error");
    } finally {
      await api(server.url, "PUT", "/api/admin/settings/files", {
        cookie: admin,
        body: { kinds: ["image", "pdf", "text", "office"], maxMegabytes: 10, perMessage: 5 },
      });
      customer.socket.close();
    }
  });

  test("only the uploader can send a file; a link works for its holder until it expires, then says so", async () => {
    const owner = await visitor(server.url);
    const stranger = await visitor(server.url);
    const file = await uploaded(
      await upload(server.url, owner.token, await photo(), "receipt.jpg"),
    );
    const stolen = await sent(stranger.socket, "s1", { text: "look", attachments: [file.id] });
    assert.equal(stolen.type, "error");
    assert.equal(stolen.code, "not_found");
    assert.equal(stolen.message, "A file of this message was not found; upload it again.");
    const ack = await sent(owner.socket, "o1", { text: "here", attachments: [file.id] });
    assert.equal(ack.type, "ack");
    const twice = await sent(owner.socket, "o2", { text: "again", attachments: [file.id] });
    assert.equal(twice.type, "error", "a file goes with one message");

    const again = await visitor(server.url, owner.token);
    const link = linkIn(again.welcome);
    assert.ok(link);
    assert.equal((await fetch(`${server.url}${link}`)).status, 200);
    const other = link.replace(`/files/${file.id}/`, `/files/${file.id + 1}/`);
    assert.equal((await fetch(`${server.url}${other}`)).status, 403, "a signature is for one file");
    const noSignature = link.replace(/&sig=.*/, "");
    assert.equal((await fetch(`${server.url}${noSignature}`)).status, 403);

    clock += LINK_TTL_MS + 10 * 60_000;
    const expired = await fetch(`${server.url}${link}`);
    assert.equal(expired.status, 410);
    assert.equal(
      await errorOf(expired),
      "This link has expired. Reload the chat to get a new one.",
    );
    // Coming back gives fresh links.
    const later = await visitor(server.url, owner.token);
    const fresh = linkIn(later.welcome);
    assert.ok(fresh && fresh !== link);
    assert.equal((await fetch(`${server.url}${fresh}`)).status, 200);
    for (const socket of [owner.socket, stranger.socket, again.socket, later.socket])
      socket.close();
  });

  test("erasing a visitor removes their files' bytes; the export lists them first", async () => {
    const customer = await visitor(server.url);
    const visitorId = Number(customer.token.split(".")[0]);
    const file = await uploaded(
      await upload(server.url, customer.token, await photo(), "id-card.jpg"),
    );
    await sent(customer.socket, "e1", { text: "my id card", attachments: [file.id] });
    const unsent = await uploaded(
      await upload(server.url, customer.token, await photo(), "second.jpg"),
    );
    const exported = await api(server.url, "GET", `/api/admin/visitors/${visitorId}/export`, {
      cookie: admin,
    });
    const data = (await exported.json()) as {
      files: { id: number; name: string }[];
      conversations: { messages: { attachments?: Uploaded[] }[] }[];
    };
    assert.deepEqual(
      data.files.map((f) => f.name),
      ["id-card.jpg", "second.jpg"],
    );
    assert.deepEqual(
      data.files.map((f) => f.id),
      [file.id, unsent.id],
      "the one never sent too",
    );
    const link = data.conversations[0]?.messages.find((m) => m.attachments)?.attachments?.[0]?.url;
    assert.ok(link);
    const stored = async () =>
      (await readdir(join(server.dataDir, "files"), { recursive: true })).filter((path) =>
        path.includes("/"),
      );
    const before = (await stored()).length;
    const erased = await api(server.url, "DELETE", `/api/admin/visitors/${visitorId}`, {
      cookie: admin,
    });
    assert.equal(erased.status, 204);
    assert.equal((await stored()).length, before - 2, "both files' bytes are gone");
    assert.equal((await fetch(`${server.url}${link}`)).status, 404);
    customer.socket.close();
  });
});

describe("files in an S3-compatible store", () => {
  let s3: S3rver;
  let directory: string;
  let server: Harness;
  before(async () => {
    directory = await mkdtemp(join(tmpdir(), "hfc-s3-"));
    s3 = new S3rver({
      address: "127.0.0.1",
      port: 0,
      silent: true,
      directory,
      configureBuckets: [{ name: "chat-files" }],
    });
    const { port } = await s3.run();
    server = await startHarness({
      env: {
        S3_BUCKET: "chat-files",
        S3_ENDPOINT: `http://127.0.0.1:${port}`,
        S3_ACCESS_KEY_ID: "S3RVER",
        S3_SECRET_ACCESS_KEY: "S3RVER",
        S3_PREFIX: "test/",
      },
    });
  });
  after(async () => {
    await server.close();
    await s3.close();
    await rm(directory, { recursive: true, force: true });
  });

  test("the bytes go to the bucket, come back through a link, and leave with the visitor", async () => {
    const admin = sessionCookie(await signIn(server.url, ADMIN.email, ADMIN.password));
    const customer = await visitor(server.url);
    const file = await uploaded(await upload(server.url, customer.token, await photo(), "mug.jpg"));
    const ack = await sent(customer.socket, "s3", { attachments: [file.id] });
    assert.equal(ack.type, "ack");
    // s3rver keeps an object as <key>._S3rver_object, and removes the folder once it is empty.
    const objects = async () =>
      (await readdir(join(directory, "chat-files", "test")).catch(() => [])).filter((name) =>
        name.endsWith("._S3rver_object"),
      );
    assert.equal((await objects()).length, 1);
    const back = await visitor(server.url, customer.token);
    const link = linkIn(back.welcome);
    const fetched = await fetch(`${server.url}${link}`);
    assert.equal(fetched.status, 200);
    assert.equal((await fetched.arrayBuffer()).byteLength, file.size);
    const visitorId = Number(customer.token.split(".")[0]);
    assert.equal(
      (await api(server.url, "DELETE", `/api/admin/visitors/${visitorId}`, { cookie: admin }))
        .status,
      204,
    );
    assert.equal((await objects()).length, 0);
    customer.socket.close();
    back.socket.close();
  });
});
