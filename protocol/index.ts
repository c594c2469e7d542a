export * from "./frames.ts";
export { type Parsed, parseFrame } from "./parse.ts";
