import * as v from "valibot";
import {
  bindVisitorToUser,
  createVisitor,
  type Db,
  findVisitor,
  findVisitorByUserId,
  updateVisitorProfile,
  type Visitor,
} from "../../db/index.ts";
import { emailAddress } from "../../protocol/index.ts";
import { issueVisitorToken, verifyUserHash, verifyVisitorToken } from "./visitor-token.ts";

export interface IdentitySecrets {
  /** Signs our visitor tokens. */
  secret: string;
  /** The company's identity-verification secret, when they use it. */
  identitySecret: string | undefined;
}

export interface Identified {
  visitor: Visitor;
  /** A fresh token (its expiry restarts with every hello). */
  token: string;
  /** The hello named a user whose signature did not verify: the visitor is anonymous. */
  userRejected: boolean;
}

/**
 * Who is saying hello. A valid token proves a visitor; a verified user id proves a person
 * across devices. A visitor tied to a user needs that proof on every hello, so a signed-out
 * browser never shows the signed-in person's conversation.
 */
export async function identifyVisitor(
  db: Db,
  secrets: IdentitySecrets,
  hello: {
    token?: string | undefined;
    user?:
      | { id: string; hash: string; name?: string | undefined; email?: string | undefined }
      | undefined;
  },
  now: number,
  /** Asked before a new visitor is made: undefined to go ahead, else ms until allowed. */
  mayCreate: () => Promise<number | undefined>,
): Promise<Identified | { retryAfterMs: number }> {
  const claimedId = hello.token ? verifyVisitorToken(secrets.secret, hello.token, now) : undefined;
  const claimed = claimedId === undefined ? undefined : await findVisitor(db, claimedId);
  const verified =
    hello.user && secrets.identitySecret && verifyUserHash(secrets.identitySecret, hello.user)
      ? hello.user.id
      : undefined;
  const userRejected = hello.user !== undefined && verified === undefined;

  let visitor: Visitor | undefined;
  if (verified !== undefined) {
    visitor = await findVisitorByUserId(db, verified);
    if (!visitor && claimed && (await bindVisitorToUser(db, claimed.id, verified))) {
      visitor = { ...claimed, userId: verified };
    }
  } else if (claimed && claimed.userId === null) {
    visitor = claimed;
  }
  if (!visitor) {
    const retryAfterMs = await mayCreate();
    if (retryAfterMs !== undefined) return { retryAfterMs };
    visitor = await createVisitor(db, verified === undefined ? {} : { userId: verified }, now);
  }
  if (verified !== undefined) await updateVisitorProfile(db, visitor.id, pageProfile(hello.user));
  const token = issueVisitorToken(secrets.secret, visitor.id, now);
  return { visitor, token, userRejected };
}

/**
 * The name and email the company's page passes beside a verified user id. The signature
 * covers the id only, so they are what the page says, no more: the email is kept only as one
 * plain mailbox (never a list or a line that could add a mail header), the name without
 * control characters.
 */
function pageProfile(user: { name?: string | undefined; email?: string | undefined } = {}) {
  const name = user.name?.replace(/\p{Cc}/gu, " ").trim();
  const email = v.safeParse(emailAddress, user.email);
  return {
    ...(name ? { name } : {}),
    ...(email.success ? { email: email.output } : {}),
  };
}
