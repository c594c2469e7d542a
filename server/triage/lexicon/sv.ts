import { cue, gap, type Lexicon, stems, words } from "./types.ts";

const L = "\\p{L}*";
const PERSON = `(?:en\\s+|någon\\s+)?(?:riktig\\s+|levande\\s+|verklig\\s+)?(?:människa|människor|person|handläggare|kundtjänst|agent|anställd|personal|kundsupport|operatör|någon|rådgivare|chef)`;

export const sv: Lexicon = {
  spaced: true,
  script: /\p{Script=Latin}/u,
  negationInside: true,
  negation: /^(?:inte|ej|aldrig|utan|icke|inga?)$/iu,
  policy: stems("polic", "villkor", "regler", "returpolicy", "i\\s+vilka\\s+fall"),
  notHelped: words(
    "(?:det|detta)\\s+hjälpte\\s+inte",
    "(?:det|detta)\\s+hjälper\\s+inte",
    "inte\\s+(?:vad|det)\\s+jag\\s+(?:frågade|menade|undrade)",
    "du\\s+(?:förstår|svarade)\\s+inte",
    "^\\s*nej[\\s.!]*$",
  ),
  closing: words(
    "^\\s*(?:(?:tack(?:\\s+så\\s+mycket)?|toppen|perfekt|bra|okej|ok|jättebra|hej\\s+då|då\\s+vet\\s+jag)[\\s,.!]*)+$",
  ),
  cues: [
    cue(
      "human_request",
      words(
        `(?:prata|tala|chatta|snacka|koppla|få\\s+kontakt|komma\\s+i\\s+kontakt)${gap(3)}(?:med|till)\\s+${PERSON}`,
        `(?:vill|behöver)\\s+(?:ha\\s+)?(?:en\\s+)?(?:riktig|levande|verklig)\\s+(?:människa|person)`,
        `(?:riktig|levande|verklig)\\s+(?:människa|person|handläggare)`,
        `^[^\\p{L}\\p{N}]*(?:${PERSON})(?:\\s+tack)?[^\\p{L}\\p{N}]*$`,
      ),
    ),
    cue(
      "human_request",
      words(
        `(?:vill|ska)\\s+inte\\s+(?:prata|chatta)\\s+med\\s+(?:en\\s+)?(?:bot|robot|maskin)${L}`,
      ),
      {
        negatable: false,
        weight: 0.9,
      },
    ),
    cue(
      "financial",
      words(
        `(?:min|mina)\\s+(?:återbetalning${L}|pengar)`,
        `(?:vill\\s+ha|kräver|få|fått|fick)\\s+(?:\\p{L}+\\s+)?(?:tillbaka\\s+)?(?:pengar${L}|återbetalning${L})(?:\\s+tillbaka)?`,
        "pengarna\\s+tillbaka",
        `(?:debiter|drag|dragi|belast)${L}${gap(3)}(?:två\\s+gånger|dubbelt|för\\s+mycket|fel\\s+belopp|igen)`,
        `dubbel(?:debiter|dragn|betal)${L}`,
        `(?:betalning|transaktion|kort)${L}${gap(2)}(?:misslyck${L}|nekad${L}|avvisad${L})`,
        `(?:okänd|felaktig|oväntad)${L}\\s+(?:debitering|dragning|avgift|transaktion|belopp)${L}`,
        `(?:betalnings|kortbetalnings|transaktions)(?:problem|fel)${L}`,
        `hjälp\\s+med\\s+(?:min\\s+)?(?:betalning|debitering)${L}`,
        `(?:problem|fel)${L}\\s+(?:med|vid)\\s+(?:betalning|kortbetalning|transaktion|debitering)${L}`,
        `(?:föra\\s+över|överföra|skicka|flytta)\\s+(?:\\p{L}+\\s+)?(?:pengar|\\d+\\s*(?:kr|kronor|sek))`,
      ),
    ),
    cue(
      "financial",
      words(
        `(?:betalning|transaktion|kort)${L}${gap(2)}(?:gick\\s+inte\\s+igenom|fungerade\\s+inte)`,
      ),
      { negatable: false },
    ),
    cue("financial", stems("återbetalning", "pengar\\s+tillbaka"), { topic: true, weight: 0.7 }),
    cue(
      "sensitive",
      stems(
        "bedrägeri",
        "bedragare",
        "lurad",
        "stul",
        "stal",
        "hackad",
        "hackat",
        "kapad",
        "kapat",
        "intrång",
        "obehörig",
        "personuppgift",
        "gdpr",
        "advokat",
        "polis",
      ),
      { negatable: false },
    ),
    cue(
      "sensitive",
      words(
        `någon${gap(2)}(?:har\\s+)?(?:loggat\\s+in|använt|kommit\\s+in|tagit)`,
        `(?:radera|ta\\s+bort)${gap(2)}(?:mina\\s+)?(?:uppgifter|data|personuppgifter)`,
        `(?:tappat|förlorat|blivit\\s+av\\s+med)${gap(2)}(?:kort${L}|plånbok${L}|telefon${L})`,
        `spärra${L}${gap(1)}(?:kort${L}|konto${L})`,
        "stämma\\s+er",
      ),
      { negatable: false },
    ),
    cue(
      "emotional",
      stems(
        "oacceptab",
        "skandal",
        "förbannad",
        "irriterad",
        "besviken",
        "besvikna",
        "frustrerad",
        "upprörd",
        "värdelös",
        "hemsk",
        "urusel",
        "sämsta",
        "fruktansvärd",
        "löjlig",
        "klaga",
        "klagomål",
        "reklamation",
        "idiot",
        "jävla",
        "missnöjd",
      ),
    ),
    cue(
      "emotional",
      words(
        "arg",
        "arga",
        "aldrig\\s+mer",
        "(?:tredje|fjärde|femte|tionde)\\s+gången",
        "(?:i|på)\\s+(?:flera\\s+)?(?:veckor|månader)",
        "väntat\\s+i\\s+(?:\\p{L}+\\s+)?(?:dagar|veckor|månader|evigheter)",
        "byter\\s+till\\s+(?:en\\s+)?(?:konkurrent|annan)",
        "nu\\s+räcker\\s+det",
      ),
    ),
    cue("emotional", words("!{2,}", "[!?]{3,}"), { negatable: false, weight: 0.6 }),
    cue(
      "complex",
      words(
        "(?:fungerar|funkar|går)\\s+inte",
        `kan\\s+inte\\s+(?:logga\\s+in|registrera|öppna|ladda|komma\\s+åt|betala|ansluta)${L}`,
        `(?:konto|kort)${L}\\s+(?:är\\s+)?(?:låst|spärrat|blockerat)`,
        `problem\\s+med`,
        `fel\\s+på`,
      ),
      { negatable: false },
    ),
    cue("complex", stems("krasch", "felmeddelande", "trasig", "skadad", "buggar", "kraschar"), {
      weight: 0.8,
    }),
    cue(
      "special_request",
      words(
        `undantag${L}`,
        `särskild${L}\\s+(?:önskan|begäran|leverans|behandling)`,
        "som\\s+(?:en\\s+)?present",
        `presentinsla${L}`,
        `(?:leverera|skicka)${L}${gap(2)}(?:på\\s+söndag|till\\s+(?:mitt\\s+)?kontor|på\\s+natten)`,
        `förläng${L}\\s+(?:\\p{L}+\\s+)?(?:returrätt|ångerrätt|garanti|tid)${L}`,
      ),
    ),
  ],
};
