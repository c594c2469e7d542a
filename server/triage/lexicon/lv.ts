import { cue, gap, type Lexicon, stems, words } from "./types.ts";

const L = "\\p{L}*";
const PERSON = `(?:(?:īst|dzīv)${L}\\s+)?(?:cilvēk${L}|operator${L}|konsultant${L}|darbiniek${L}|speciālist${L}|aģent${L}|klientu\\s+apkalpošan${L}|kād${L}\\s+no\\s+(?:jums|jūsu\\s+darbiniekiem))`;

export const lv: Lexicon = {
  spaced: true,
  script: /\p{Script=Latin}/u,
  negationInside: false,
  // Latvian negates the verb with the prefix ne-: "negribu", "nesavienojiet".
  negation:
    /^(?:ne|nav|nekad|bez|negribu|nevēlos|nevajag|nevajadzētu|nesavieno\p{L}*|nepārslēdz\p{L}*|nerunāšu)$/iu,
  policy: stems("noteikum", "politik", "kārtīb", "kādos\\s+gadījumos"),
  notHelped: words(
    "(?:tas\\s+)?nepalīdzēja",
    "(?:tas\\s+)?nepalīdz",
    "ne\\s+to\\s+es\\s+(?:jautāju|prasīju|domāju)",
    "tā\\s+nav\\s+atbilde",
    "^\\s*nē[\\s.!]*$",
  ),
  closing: words(
    "^\\s*(?:(?:paldies|labi|super|lieliski|skaidrs|sapratu|ok|uz\\s+redzēšanos|atā)[\\s,.!]*)+$",
  ),
  cues: [
    cue(
      "human_request",
      words(
        `(?:runāt|parunāt|sarunāties|sazināties|savienot${L}|pārslēgt${L}|savieno${L})${gap(2)}(?:ar\\s+)?${PERSON}`,
        `(?:gribu|vēlos|vajag|lūdzu)\\s+(?:ar\\s+)?${PERSON}`,
        `(?:īst|dzīv)${L}\\s+cilvēk${L}`,
        `^[^\\p{L}\\p{N}]*${PERSON}(?:\\s+lūdzu)?[^\\p{L}\\p{N}]*$`,
      ),
    ),
    cue("human_request", words(`(?:negribu|nevēlos)${gap(2)}(?:ar\\s+)?(?:bot|robot|mašīn)${L}`), {
      negatable: false,
      weight: 0.9,
    }),
    cue(
      "financial",
      words(
        `(?:manu|mana|mans|savu)\\s+(?:naud${L}|atmaks${L}|maksājum${L})`,
        `(?:gribu|vēlos|pieprasu|neesmu\\s+saņēm${L})${gap(2)}(?:atpakaļ\\s+)?(?:naud${L}|atmaks${L})`,
        "naudu\\s+atpakaļ",
        `atgriez${L}${gap(2)}naud${L}`,
        `(?:divreiz|divas\\s+reizes|dubulti|par\\s+daudz)${gap(2)}(?:noņ|iekas|norakst|samaks|maks)${L}`,
        `(?:noņ|iekas|norakst|samaks)${L}${gap(2)}(?:divreiz|divas\\s+reizes|dubulti|par\\s+daudz)`,
        `maksājum${L}${gap(2)}(?:neizdevās|noraidīt${L}|neizgāja|netika\\s+apstrādāt${L})`,
        `(?:nepareiz|nezinām|nesankcionēt)${L}\\s+(?:summ|maksājum|darījum|norakstījum)${L}`,
        `(?:problēm|kļūd|ķibel)${L}\\s+ar\\s+(?:maksājum|darījum|apmaks)${L}`,
        `palīdz${L}\\s+ar\\s+(?:manu\\s+)?(?:maksājum|apmaks)${L}`,
        `(?:maksājum|darījum|apmaks)${L}\\s+(?:problēm|kļūd)${L}`,
        `(?:pārskaitīt|pārskaiti|nosūtīt)\\s+(?:\\p{L}+\\s+)?(?:naud${L}|\\d+)`,
      ),
    ),
    cue("financial", stems("atmaks", "naudas\\s+atmaks"), { topic: true, weight: 0.7 }),
    cue(
      "sensitive",
      stems(
        "krāpšan",
        "krāpniek",
        "zādzīb",
        "nozag",
        "nozadz",
        "uzlauz",
        "neatļaut",
        "personas\\s+dat",
        "VDAR",
        "GDPR",
        "advokāt",
        "policij",
      ),
      { negatable: false },
    ),
    cue(
      "sensitive",
      words(
        `kāds${gap(2)}(?:pieslēdzās|izmantoja|ielauzās|piekļuva)${L}`,
        `(?:dzēst|izdzēst|dzēsiet|izdzēsiet)${gap(2)}(?:manus\\s+)?dat${L}`,
        `(?:pazaudēj|nozaudēj)${L}${gap(1)}(?:kart${L}|maciņ${L}|telefon${L})`,
        `(?:bloķēt|nobloķēt|bloķējiet|nobloķējiet)${gap(1)}(?:kart${L}|kont${L})`,
        `iesūdzēt${L}\\s+tiesā`,
      ),
      { negatable: false },
    ),
    cue(
      "emotional",
      stems(
        "nepieņemam",
        "skandal",
        "dusmīg",
        "nikn",
        "sašut",
        "vīlies",
        "vīlusies",
        "neapmierināt",
        "briesmīg",
        "šausmīg",
        "bezjēdzīg",
        "sūdzīb",
        "sūdzēt",
        "idiot",
        "muļķ",
        "apnicis",
        "apnikusi",
      ),
    ),
    cue(
      "emotional",
      words(
        "vairs\\s+nekad",
        "(?:trešo|ceturto|piekto|desmito)\\s+reizi",
        "(?:jau\\s+(?:vairākas\\s+)?|vairākas\\s+)(?:nedēļas|mēnešus)",
        `gaidu\\s+jau`,
        "pietiek",
      ),
    ),
    cue("emotional", words("!{2,}", "[!?]{3,}"), { negatable: false, weight: 0.6 }),
    cue(
      "complex",
      words(
        "nestrādā",
        "nedarbojas",
        `nevaru\\s+(?:pieslēgties|reģistrēties|atvērt|ielogoties|ielādēt|samaksāt|piekļūt)${L}`,
        `(?:konts|karte)\\s+(?:ir\\s+)?(?:bloķēt|nobloķēt|slēgt)${L}`,
        `problēm${L}\\s+ar`,
      ),
      { negatable: false },
    ),
    cue("complex", stems("kļūd", "avārij", "salūz", "bojāt", "sabojāj"), { weight: 0.8 }),
    cue(
      "special_request",
      words(
        `izņēmum${L}`,
        `īpaš${L}\\s+(?:lūgum|pieprasījum|piegād|vēlēšan)${L}`,
        `dāvan${L}\\s+iesaiņ${L}`,
        `(?:piegādā|atved|nosūt)${L}${gap(2)}(?:svētdien|uz\\s+(?:manu\\s+)?biroju|naktī)${L}`,
        `pagarin${L}\\s+(?:\\p{L}+\\s+)?(?:termiņ|garantij)${L}`,
      ),
    ),
  ],
};
