/**
 * When a failed attempt (the first is 1) is tried again: `retryMs` after it, then twice that,
 * and so on; undefined once `maxAttempts` were made (given up). The email outbox and the
 * webhook deliveries keep to it.
 */
export function nextAttemptAt(
  attempt: number,
  schedule: { retryMs: number; maxAttempts: number },
  now: number,
): number | undefined {
  return attempt >= schedule.maxAttempts ? undefined : now + schedule.retryMs * 2 ** (attempt - 1);
}
