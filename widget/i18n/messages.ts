// The widget's texts: one plain JSON file per language in this folder, English the reference.
// A company adds a language by adding a file; the server lists what is there and serves
// each visitor the texts of theirs (server/widget-language.ts).
import type en from "./en.json";

export type Messages = typeof en;
