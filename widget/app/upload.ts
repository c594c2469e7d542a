// Loaded on the first attach, paste or drop: the rest of the widget never pays for it.
// Imports nothing the main chunk holds, so the build keeps it one file of its own.
import type { Attachment, FileLimits } from "../../protocol/files.ts";

/** Why a file cannot go, before spending the upload on it (the server checks again). */
export type Refusal = { text: "fileTooLarge"; max: number } | { text: "fileRefused" };

export function refusal(file: File, limits: FileLimits): Refusal | undefined {
  if (file.size > limits.maxBytes) {
    return { text: "fileTooLarge", max: Math.round(limits.maxBytes / 1024 / 1024) };
  }
  // The browser guesses from the name and often knows no type for text: the server decides.
  if (file.type && !file.type.startsWith("text/") && !limits.types.includes(file.type)) {
    return { text: "fileRefused" };
  }
  return undefined;
}

/**
 * Sends one file's bytes to the chat server, reporting progress (XMLHttpRequest: fetch cannot
 * report an upload's progress). Resolves with the stored file, or rejects with the server's
 * reason in the customer's words when it gave one.
 */
export function upload(
  target: { url: string; token?: string | undefined },
  file: File,
  name: string,
  onProgress: (fraction: number) => void,
): { done: Promise<Attachment>; abort: () => void } {
  const request = new XMLHttpRequest();
  const done = new Promise<Attachment>((resolve, reject) => {
    request.open("POST", `${target.url}?name=${encodeURIComponent(name)}`);
    if (target.token) request.setRequestHeader("Authorization", `Bearer ${target.token}`);
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const body = request.response as { file?: Attachment; error?: string } | null;
      if (request.status === 201 && body?.file) resolve(body.file);
      else reject(new Error(body?.error ?? `HTTP ${request.status}`));
    };
    request.onerror = () => reject(new Error("network"));
    request.onabort = () => reject(new Error("aborted"));
    request.send(file);
  });
  return { done, abort: () => request.abort() };
}
