import {
  type Db,
  deletionsDone,
  dropUnsentUploads,
  fileToServe,
  pendingDeletions,
  type StoredAttachment,
  storeUpload,
  unsentUploads,
} from "../../db/index.ts";
import { fileLimits, INLINE_IMAGE_TYPES } from "../../protocol/index.ts";
import type { Settings } from "../settings-store.ts";
import { checkUpload, type Refused } from "./inspect.ts";
import type { FileLinks } from "./links.ts";
import { type FileStore, newStorageKey } from "./store.ts";

/** An upload no message took within this long is dropped. */
const UNSENT_TTL_MS = 24 * 60 * 60_000;
/** Uploads one side of a conversation may hold unsent within an hour. */
const MAX_UNSENT_PER_HOUR = 30;
const SWEEP_MS = 10 * 60_000;
const DELETIONS_PER_SWEEP = 200;

export type UploadResult = { ok: true; file: StoredAttachment } | ({ ok: false } & Refused);

/**
 * Files in conversations: an upload is checked (checkUpload), its bytes stored, then its row
 * written; a message claims it when sent. Bytes whose rows were erased are removed by `sweep`,
 * which also drops uploads never sent.
 */
export function createFiles(deps: {
  db: Db;
  store: FileStore;
  settings: Settings;
  links: FileLinks;
  now: () => number;
}) {
  const { db, store, now } = deps;
  const limits = () => fileLimits(deps.settings.files());
  let sweeping: Promise<void> = Promise.resolve();

  async function sweepNow(): Promise<void> {
    await dropUnsentUploads(db, now() - UNSENT_TTL_MS, now());
    for (let keys = await pendingDeletions(db, DELETIONS_PER_SWEEP); keys.length > 0; ) {
      const done: string[] = [];
      for (const key of keys) {
        try {
          await store.delete(key);
          done.push(key);
        } catch (error) {
          console.error("a file was not deleted; tried again later", { key }, error);
        }
      }
      await deletionsDone(db, done);
      if (done.length < keys.length) return;
      keys = await pendingDeletions(db, DELETIONS_PER_SWEEP);
    }
  }

  function sweep(): Promise<void> {
    sweeping = sweeping.then(sweepNow).catch((error: unknown) => {
      console.error("sweeping files failed", error);
    });
    return sweeping;
  }

  const timer = setInterval(sweep, SWEEP_MS);
  timer.unref();

  return {
    links: deps.links,

    limits,

    async upload(input: {
      bytes: Uint8Array;
      name: string;
      visitorId: number;
      agentId?: number;
    }): Promise<UploadResult> {
      const unsent = await unsentUploads(db, input.visitorId, input.agentId, now() - 60 * 60_000);
      if (unsent >= MAX_UNSENT_PER_HOUR) {
        const error = "Too many files waiting to be sent; send them first.";
        return { ok: false, error, status: 429 };
      }
      const checked = await checkUpload(input.bytes, input.name, limits());
      if ("error" in checked) return { ok: false, ...checked };
      const storageKey = newStorageKey();
      await store.put(storageKey, checked.bytes, checked.contentType);
      const { bytes, contentType, ...rest } = checked;
      const file = await storeUpload(
        db,
        {
          visitorId: input.visitorId,
          ...(input.agentId !== undefined ? { agentId: input.agentId } : {}),
          storageKey,
          contentType,
          size: bytes.length,
          ...rest,
        },
        now(),
      );
      return { ok: true, file };
    },

    /** The bytes behind a link that checked out, with headers that keep them inert. */
    async download(id: number): Promise<Response | undefined> {
      const file = await fileToServe(db, id);
      const body = file && (await store.get(file.storageKey));
      if (!file || !body) return undefined;
      const inline = INLINE_IMAGE_TYPES.includes(file.contentType);
      const name = encodeURIComponent(file.name);
      return new Response(body, {
        headers: {
          "Content-Type": file.contentType.startsWith("text/")
            ? `${file.contentType}; charset=utf-8`
            : file.contentType,
          "Content-Length": String(file.size),
          "Content-Disposition": `${inline ? "inline" : "attachment"}; filename*=UTF-8''${name}`,
          "X-Content-Type-Options": "nosniff",
          // Even opened on its own, a file can run nothing and reach nothing.
          "Content-Security-Policy": "default-src 'none'; sandbox",
          "Cache-Control": "private, max-age=3600",
          "Cross-Origin-Resource-Policy": "cross-origin",
        },
      });
    },

    sweep,

    async stop(): Promise<void> {
      clearInterval(timer);
      await sweeping;
    },
  };
}

export type Files = ReturnType<typeof createFiles>;
