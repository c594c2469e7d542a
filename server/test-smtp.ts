import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string[];
  /** The raw message with quoted-printable decoded (enough to read a body as text). */
  raw: string;
}

/**
 * A real SMTP server on 127.0.0.1 that keeps what it receives, for a test to read; on a given
 * port to bring a stopped one back.
 */
export async function startSmtpInbox(port = 0): Promise<{
  url: string;
  received: ReceivedMail[];
  close(): Promise<void>;
}> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        // Quoted-printable: soft line breaks joined, =XX bytes decoded as UTF-8.
        const bytes = Buffer.concat(chunks)
          .toString("latin1")
          .replace(/=\r?\n/g, "")
          .replace(/=([0-9A-F]{2})/g, (_, hex: string) =>
            String.fromCharCode(Number.parseInt(hex, 16)),
          );
        const raw = Buffer.from(bytes, "latin1").toString("utf8");
        received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw });
        done();
      });
    },
  });
  await new Promise<void>((listening) => server.listen(port, "127.0.0.1", listening));
  const address = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    received,
    close: () => new Promise((closed) => server.close(() => closed())),
  };
}
