// What an upload costs the server: a phone photo checked and encoded again (server/files/
// inspect.ts), next to storing the same bytes unchanged, in the same run.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { DEFAULT_FILES, fileLimits } from "../protocol/index.ts";
import { checkUpload } from "../server/files/inspect.ts";
import { diskStore, newStorageKey } from "../server/files/store.ts";
import { median } from "./stats.ts";

const RUNS = 7;

/** A 12-megapixel photo: gradients with a little grain, so it compresses like a real one. */
async function phonePhoto(): Promise<Buffer> {
  const width = 4000;
  const height = 3000;
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) {
    const pixel = Math.floor(i / 3);
    const grain = ((i * 2654435761) >>> 28) - 8;
    pixels[i] = (((pixel % width) >> 4) + ((pixel / width) >> 4) * (i % 3) + grain) & 255;
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .withExif({ IFD0: { Make: "PhoneMaker" } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

export async function fileFigures() {
  const photo = await phonePhoto();
  const limits = { ...fileLimits(DEFAULT_FILES), maxBytes: 25 * 1024 * 1024 };
  const folder = await mkdtemp(join(tmpdir(), "hfc-file-bench-"));
  const store = diskStore(folder);
  const checkMs: number[] = [];
  const storeMs: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      let start = performance.now();
      const checked = await checkUpload(photo, "IMG_0042.jpg", limits);
      checkMs.push(performance.now() - start);
      if ("error" in checked) throw new Error(checked.error);
      start = performance.now();
      await store.put(newStorageKey(), photo, "image/jpeg");
      storeMs.push(performance.now() - start);
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  return { photoBytes: photo.length, checkMs: median(checkMs), storeMs: median(storeMs) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await fileFigures());
}
