/** A JSON call to the server; the server's error message becomes the thrown error's message. */
export async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!response.ok) {
    const failure = (await response.json().catch(() => ({}))) as { error?: string };
    throw new Error(failure.error ?? response.statusText);
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** Runs a change; its error (the server's message) is returned for the form to show. */
export async function attempt(change: () => Promise<unknown>): Promise<string | null> {
  try {
    await change();
    return null;
  } catch (failure) {
    return failure instanceof Error ? failure.message : String(failure);
  }
}
