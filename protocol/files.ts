// Files in the chat: the kinds an admin may allow, the limits, and a file as messages carry it.
import * as v from "valibot";

/** What an admin can allow, each a family of types recognised by their content, not their name. */
export const FILE_KINDS = {
  image: ["image/png", "image/jpeg", "image/gif", "image/webp"],
  pdf: ["application/pdf"],
  text: ["text/plain", "text/csv"],
  office: [
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
  ],
} as const satisfies Record<string, readonly string[]>;
export type FileKind = keyof typeof FILE_KINDS;
export const FILE_KIND_NAMES = Object.keys(FILE_KINDS) as FileKind[];

/** Shown inline in the chat; every other kind is only downloaded. */
export const INLINE_IMAGE_TYPES: readonly string[] = FILE_KINDS.image;

/** No admin setting goes past these: the server reads a whole file into memory to check it. */
export const MAX_FILE_MEGABYTES = 25;
export const MAX_FILES_PER_MESSAGE = 10;

export const fileSettings = v.object({
  /** Empty: customers and agents cannot attach anything. */
  kinds: v.pipe(v.array(v.picklist(FILE_KIND_NAMES)), v.maxLength(FILE_KIND_NAMES.length)),
  maxMegabytes: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(1, "A file may be at least 1 MB."),
    v.maxValue(MAX_FILE_MEGABYTES, `A file may be at most ${MAX_FILE_MEGABYTES} MB.`),
  ),
  perMessage: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(1),
    v.maxValue(MAX_FILES_PER_MESSAGE, `At most ${MAX_FILES_PER_MESSAGE} files per message.`),
  ),
});
export type FileSettings = v.InferOutput<typeof fileSettings>;

export const DEFAULT_FILES: FileSettings = {
  kinds: ["image", "pdf", "text", "office"],
  maxMegabytes: 10,
  perMessage: 5,
};

/** What a client needs to check a file before it uploads it. */
export interface FileLimits {
  /** Content types accepted; empty when attaching is off. */
  types: string[];
  maxBytes: number;
  perMessage: number;
}

export function fileLimits(settings: FileSettings): FileLimits {
  return {
    types: settings.kinds.flatMap((kind) => FILE_KINDS[kind]),
    maxBytes: settings.maxMegabytes * 1024 * 1024,
    perMessage: settings.perMessage,
  };
}

export const attachmentSchema = v.object({
  id: v.number(),
  name: v.string(),
  /** The type the server found in the content (never the one the uploader claimed). */
  type: v.string(),
  size: v.number(),
  /** Of images, after the server re-encoded them. */
  width: v.optional(v.number()),
  height: v.optional(v.number()),
  /** A signed link to the bytes, relative to the chat server, valid for a short while. */
  url: v.optional(v.string()),
});
export type Attachment = v.InferOutput<typeof attachmentSchema>;
