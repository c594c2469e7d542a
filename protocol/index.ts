export * from "./files.ts";
export { format } from "./format.ts";
export * from "./frames.ts";
export * from "./limits.ts";
export { describeIssue, MAX_JSON_DEPTH, type Parsed, parseFrame } from "./parse.ts";
export * from "./reports.ts";
export * from "./search.ts";
export * from "./settings.ts";
export { plainLetters, unaccented } from "./unaccented.ts";
