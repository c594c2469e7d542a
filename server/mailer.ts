import nodemailer from "nodemailer";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

const ATTEMPTS = 3;
const RETRY_MS = 2_000;

/** Sends through the company's SMTP server (SMTP_URL), trying again a few times on failure. */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(mail) {
      for (let attempt = 1; ; attempt += 1) {
        try {
          await transport.sendMail({ from, ...mail });
          return;
        } catch (error) {
          if (attempt >= ATTEMPTS) throw error;
          await new Promise((done) => setTimeout(done, RETRY_MS * attempt));
        }
      }
    },
  };
}
