// The learning thread's entry: tsx's loader does not follow the server into worker threads,
// so the thread registers it itself before loading its TypeScript.
import { register } from "tsx/esm/api";

register();
await import("./learning-thread.ts");
