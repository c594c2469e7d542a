import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";

/** Where uploaded bytes live; the database holds who may see them. Keys are random. */
export interface FileStore {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** Undefined when nothing is stored under the key. */
  get(key: string): Promise<ReadableStream<Uint8Array> | undefined>;
  /** Succeeds when the key is already gone, so a deletion can be retried. */
  delete(key: string): Promise<void>;
}

export function newStorageKey(): string {
  return randomBytes(18).toString("base64url");
}

/** Files under a folder (DATA_DIR/files), spread over subfolders by the key's first letters. */
export function diskStore(root: string): FileStore {
  const pathOf = (key: string) => join(root, key.slice(0, 2), key);
  return {
    async put(key, bytes) {
      const path = pathOf(key);
      await mkdir(join(path, ".."), { recursive: true });
      // Written aside, then renamed: a crash never leaves half a file under the real name.
      const partial = `${path}.partial`;
      await writeFile(partial, bytes, { flush: true });
      await rename(partial, path);
    },
    async get(key) {
      const path = pathOf(key);
      const exists = await stat(path).then(
        () => true,
        () => false,
      );
      if (!exists) return undefined;
      return Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}

export interface S3Options {
  bucket: string;
  /** For S3-compatible stores (MinIO, R2, Ceph...); unset for AWS itself. */
  endpoint: string | undefined;
  region: string;
  /** Unset: the AWS SDK's usual sources (AWS_ACCESS_KEY_ID, an instance role...). */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  /** Put before every key, so one bucket can hold several installations. */
  prefix: string;
}

/** Any S3-compatible object store, addressed by path (what MinIO and most others expect). */
export function s3Store(options: S3Options): FileStore {
  const client = new S3Client({
    region: options.region,
    forcePathStyle: true,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
  const Bucket = options.bucket;
  const Key = (key: string) => `${options.prefix}${key}`;
  return {
    async put(key, bytes, contentType) {
      await client.send(
        new PutObjectCommand({ Bucket, Key: Key(key), Body: bytes, ContentType: contentType }),
      );
    },
    async get(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: Key(key) }));
        return object.Body?.transformToWebStream();
      } catch (error) {
        if (error instanceof NoSuchKey) return undefined;
        throw error;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: Key(key) }));
    },
  };
}
