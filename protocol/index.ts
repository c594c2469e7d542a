export * from "./frames.ts";
export { MAX_JSON_DEPTH, type Parsed, parseFrame } from "./parse.ts";
