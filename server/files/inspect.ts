import { extname } from "node:path";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { FILE_KINDS, type FileKind, type FileLimits } from "../../protocol/index.ts";

/** Larger images are scaled down to fit: nobody needs more in a chat, and it bounds the bytes. */
const MAX_IMAGE_SIDE = 4096;
/** Refused before decoding: a small file that would unpack into gigabytes of pixels. */
const MAX_INPUT_PIXELS = 60_000_000;
const MAX_NAME_LENGTH = 120;

/** Why an upload was refused, with the HTTP status that says so. */
export interface Refused {
  error: string;
  status: 400 | 413 | 415 | 422 | 429;
}

export interface CheckedFile {
  bytes: Uint8Array;
  contentType: string;
  name: string;
  width?: number;
  height?: number;
}

/**
 * What an upload really is, by its content (its name and claimed type are not trusted), and
 * whether the admin's limits allow it. Images are decoded and encoded again: what is stored is
 * pixels the server made (no hidden payload, no camera metadata such as the place a photo was
 * taken), turned upright and at most MAX_IMAGE_SIDE wide and high.
 */
export async function checkUpload(
  bytes: Uint8Array,
  givenName: string,
  limits: FileLimits,
): Promise<CheckedFile | Refused> {
  if (bytes.length === 0) return { error: "The file is empty.", status: 400 };
  if (bytes.length > limits.maxBytes) return { error: tooLarge(limits.maxBytes), status: 413 };
  const contentType = (await fileTypeFromBuffer(bytes))?.mime ?? plainTextType(bytes, givenName);
  if (!contentType || !limits.types.includes(contentType)) {
    return { error: notAccepted(limits.types), status: 415 };
  }
  const name = safeName(givenName, contentType);
  if (!(FILE_KINDS.image as readonly string[]).includes(contentType)) {
    return { bytes, contentType, name };
  }
  try {
    const image = await reencoded(bytes, contentType);
    if (image.bytes.length > limits.maxBytes) {
      return { error: tooLarge(limits.maxBytes), status: 413 };
    }
    return { ...image, contentType, name };
  } catch {
    return { error: "This image could not be read; it may be damaged.", status: 422 };
  }
}

async function reencoded(bytes: Uint8Array, contentType: string) {
  const animated = contentType === "image/gif" || contentType === "image/webp";
  const pipeline = sharp(bytes, { animated, limitInputPixels: MAX_INPUT_PIXELS }).rotate().resize({
    width: MAX_IMAGE_SIDE,
    height: MAX_IMAGE_SIDE,
    fit: "inside",
    withoutEnlargement: true,
  });
  const encoded =
    contentType === "image/png"
      ? pipeline.png()
      : contentType === "image/gif"
        ? pipeline.gif()
        : contentType === "image/webp"
          ? pipeline.webp({ quality: 85 })
          : pipeline.jpeg({ quality: 85 });
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
  // Of an animation, one frame's height: what the page shows.
  const height = info.pageHeight ?? info.height;
  return { bytes: new Uint8Array(data), width: info.width, height };
}

/**
 * Text has no signature to find: a .txt or .csv name and valid UTF-8 without control bytes
 * (a NUL would mean a binary file in disguise).
 */
function plainTextType(bytes: Uint8Array, name: string): string | undefined {
  const extension = extname(name).toLowerCase();
  const type = extension === ".csv" ? "text/csv" : extension === ".txt" ? "text/plain" : undefined;
  if (!type) return undefined;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    // Tab, line feed and carriage return belong in text; any other C0 control does not.
    return /[^\P{Cc}\t\n\r\x7f-\x9f]/u.test(text) ? undefined : type;
  } catch {
    return undefined;
  }
}

const EXTENSIONS: Record<string, string> = {
  "image/png": ".png",
  "image/jpeg": ".jpg",
  "image/gif": ".gif",
  "image/webp": ".webp",
  "application/pdf": ".pdf",
  "text/plain": ".txt",
  "text/csv": ".csv",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": ".pptx",
  "application/vnd.oasis.opendocument.text": ".odt",
  "application/vnd.oasis.opendocument.spreadsheet": ".ods",
};

/**
 * The name as people will see it: no folders, no control or bidirectional-override characters
 * (which could make "photo‮gpj.exe" read as "photo.exe.jpg"), and an extension that says what
 * the content is.
 */
function safeName(given: string, contentType: string): string {
  const base = (given.split(/[\\/]/).pop() ?? "")
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .trim();
  const extension = EXTENSIONS[contentType] ?? "";
  const stem = base.slice(0, base.length - extname(base).length).trim() || "file";
  const kept = extname(base).toLowerCase();
  const matches = kept === extension || (extension === ".jpg" && kept === ".jpeg");
  return `${[...stem].slice(0, MAX_NAME_LENGTH).join("")}${matches ? kept : extension}`;
}

const KIND_NAMES: Record<FileKind, string> = {
  image: "images (PNG, JPEG, GIF, WebP)",
  pdf: "PDF",
  text: "text and CSV",
  office: "Word, Excel, PowerPoint and OpenDocument files",
};

function notAccepted(types: readonly string[]): string {
  const kinds = (Object.keys(FILE_KINDS) as FileKind[]).filter((kind) =>
    FILE_KINDS[kind].some((type) => types.includes(type)),
  );
  return kinds.length === 0
    ? "Files cannot be sent in this chat."
    : `This kind of file is not accepted here. You can send ${kinds.map((kind) => KIND_NAMES[kind]).join(", ")}.`;
}

export function tooLarge(maxBytes: number): string {
  return `The file is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB this chat accepts.`;
}
