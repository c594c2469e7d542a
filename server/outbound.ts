// Requests the server makes to addresses others chose: webhook receivers, push services.
import { lookup } from "node:dns";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";

/** A receiver has this long to answer; then the attempt failed. */
const TIMEOUT_MS = 10_000;
/** The first bytes of a receiver's answer are kept for the log; the rest is not read. */
const KEPT_ANSWER = 300;

/** Loopback, private, link-local (cloud metadata), carrier-grade NAT and unique-local ranges. */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
] as const) {
  PRIVATE.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::1", 128],
  ["::", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["::ffff:0:0", 96],
] as const) {
  PRIVATE.addSubnet(network, prefix, "ipv6");
}

export class PrivateAddress extends Error {}

/**
 * Resolves the receiver's name as the connection is made (no second lookup an attacker's DNS
 * could answer differently) and refuses addresses inside the server's own networks, so an
 * address someone else chose cannot reach what only the server can (SSRF).
 */
const publicOnly: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "", 0);
    const blocked = addresses.find(({ address, family }) =>
      PRIVATE.check(address, family === 6 ? "ipv6" : "ipv4"),
    );
    if (blocked) {
      const why = `${hostname} is ${blocked.address}, a private address; set ALLOW_PRIVATE_ADDRESSES=1 to allow it.`;
      return callback(new PrivateAddress(why), "", 0);
    }
    const [chosen] = addresses;
    if (!chosen) return callback(new Error(`${hostname} has no address`), "", 0);
    if (options.all) return callback(null, addresses as never, 0);
    callback(null, chosen.address, chosen.family);
  });
};

export interface Answer {
  status: number;
  body: string;
}

/** POSTs a body; resolves with the receiver's status, rejects when it cannot be reached. */
export function post(
  target: string,
  request: { headers: Record<string, string>; body: string | Buffer },
  options: { allowPrivate: boolean },
): Promise<Answer> {
  const url = new URL(target);
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const literal = isIP(host);
  return new Promise((resolve, reject) => {
    if (literal && !options.allowPrivate && PRIVATE.check(host, literal === 6 ? "ipv6" : "ipv4")) {
      const why = `${host} is a private address; set ALLOW_PRIVATE_ADDRESSES=1 to allow it.`;
      reject(new PrivateAddress(why));
      return;
    }
    const call = send(
      url,
      {
        method: "POST",
        timeout: TIMEOUT_MS,
        ...(options.allowPrivate ? {} : { lookup: publicOnly }),
        headers: { "user-agent": "human-first-chat", ...request.headers },
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          if (body.length < KEPT_ANSWER) body += chunk;
        });
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, body: body.slice(0, KEPT_ANSWER) }),
        );
        response.on("error", reject);
      },
    );
    call.on("timeout", () => call.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    call.on("error", reject);
    call.end(request.body);
  });
}
