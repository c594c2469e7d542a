import nodemailer from "nodemailer";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/** Sends through the company's SMTP server (SMTP_URL); the outbox retries what fails. */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send({ to, subject, text }) {
      // An address object is one recipient as it stands: nodemailer never parses it as a list.
      await transport.sendMail({ from, to: { name: "", address: to }, subject, text });
    },
  };
}
