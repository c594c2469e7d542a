import { cue, gap, type Lexicon, stems, words } from "./types.ts";

const PERSON =
  "(?:a\\s+|an\\s+|the\\s+|your\\s+|some\\s+|one\\s+of\\s+your\\s+)?(?:real\\s+|live\\s+|actual\\s+|human\\s+)?" +
  "(?:human|humans|person|people|agent|agents|operator|representative|rep|someone|somebody|" +
  "anyone|anybody|staff|employee|manager|supervisor|customer\\s+(?:service|support|care)|support\\s+team)";
const NOT =
  "(?:do\\s*n[o'’]?t|does\\s*n[o'’]?t|did\\s*n[o'’]?t|wo\\s*n[o'’]?t|ca\\s*n[o'’]?t|cannot|can\\s+not|could\\s*n[o'’]?t|is\\s*n[o'’]?t|not|unable\\s+to|failed\\s+to|fails\\s+to|keeps?\\s+failing\\s+to)";
const MONEY =
  "(?:money|funds|cash|payment|\\$\\s?\\d[\\d,.]*|\\d[\\d,.]*\\s*(?:dollars|euros?|pounds|usd|eur))";

export const en: Lexicon = {
  spaced: true,
  script: /\p{Script=Latin}/u,
  negationInside: false,
  negation:
    /^(?:not|no|never|without|nor|don'?t|dont|doesn'?t|didn'?t|won'?t|wouldn'?t|shouldn'?t|isn'?t|aren'?t|wasn'?t|neither)$/iu,
  policy: words(
    "polic(?:y|ies)",
    "guarantee",
    "terms(?:\\s+and\\s+conditions)?",
    "conditions",
    "rules",
    "in\\s+(?:which|what)\\s+(?:cases|situations|circumstances)",
    "(?:am|are)\\s+(?:i|we)\\s+(?:entitled|eligible)",
    "how\\s+(?:long|many\\s+days)\\s+(?:does|do|will)\\s+(?:a|the)\\s+refunds?",
  ),
  notHelped: words(
    "(?:that|this|it)\\s+(?:did\\s*n[o'’]?t|does\\s*n[o'’]?t|do\\s*n[o'’]?t)\\s+(?:help|answer|work)",
    "(?:not|no)\\s+(?:helpful|what\\s+i\\s+(?:asked|meant|need|wanted))",
    "(?:useless|wrong)\\s+answer",
    "you\\s+(?:did\\s*n[o'’]?t|do\\s*n[o'’]?t)\\s+(?:understand|answer)",
    "^\\s*(?:no|nope|nah)[\\s.!]*$",
  ),
  closing: words(
    "^\\s*(?:(?:ok(?:ay)?|great|perfect|cool|awesome|got\\s+it|thanks?(?:\\s+you)?(?:\\s+(?:so|very)\\s+much)?|thx|ty|bye|goodbye|cheers|that\\s+helps|that\\s+helped)[\\s,.!]*)+$",
  ),
  cues: [
    // Asking for a person, in any words.
    cue(
      "human_request",
      words(
        `(?:talk|speak|chat|communicate|connect|transfer|put|get|reach|contact)(?:ing)?${gap(3)}(?:to|with|through\\s+to)\\s+${PERSON}`,
        `(?:need|want|would\\s+like|get|give)\\s+(?:me\\s+)?${PERSON}(?:\\s+(?:please|now|to\\s+help))`,
        "(?:real|live|actual)\\s+(?:human|person|people|agent|assistant)",
        "human\\s+(?:being|agent|support|help|assistance|please)",
        "(?:an?|the|your|live|human|support|service)\\s+(?:agent|representative|operator)s?",
        `is\\s+there\\s+${PERSON}\\s+(?:there|i\\s+can|available|to\\s+talk)`,
        "^[^\\p{L}\\p{N}]*(?:an?\\s+)?(?:human|person|agent|operator|representative)(?:\\s+(?:please|pls|now))?[^\\p{L}\\p{N}]*$",
      ),
    ),
    cue(
      "human_request",
      words(
        `(?:do\\s*n[o'’]?t|not)\\s+(?:want|need|like)\\s+(?:to\\s+(?:talk|speak|chat)\\s+(?:to|with)\\s+)?(?:a\\s+|the\\s+|your\\s+|this\\s+)?(?:bot|robot|machine|ai|automated\\s+\\w+)`,
        "stop\\s+(?:the\\s+)?bot",
        "(?:are|r)\\s+(?:you|u)\\s+(?:a\\s+)?(?:bot|robot|human|real)",
      ),
      { negatable: false, weight: 0.9 },
    ),

    // Money at stake for this customer.
    cue(
      "financial",
      words(
        "(?:my|the|our|a|full)\\s+(?:refund|reimbursement|money\\s+back)",
        "(?:get|want|need|request|claim|demand|receive|issue|process)(?:ing)?\\s+(?:me\\s+)?(?:a\\s+|my\\s+|the\\s+)?(?:refund|reimbursement|money\\s+back)",
        "refund\\s+(?:me|my|it|this|the\\s+(?:money|order|payment|charge))",
        "reimburse\\s+me",
        `(?:charged|billed|debited)\\s+(?:me\\s+)?(?:\\w+\\s+)?(?:twice|two\\s+times|double|again|more|too\\s+much|wrong\\w*|incorrect\\w*|extra)`,
        "(?:double|over)[-\\s]?(?:charged|charge|billed|billing)",
        "(?:wrong|incorrect|unexpected|extra|duplicate|unknown|strange)\\s+(?:charge|amount|fee|payment|transaction|debit)s?",
        "charge\\s*backs?",
        "dispute\\w*\\s+(?:a\\s+|the\\s+|this\\s+|my\\s+)?(?:charge|payment|transaction|fee|bill)",
        `(?:payment|charge|transaction|card|transfer)${gap(3)}(?:fail\\w*|declin\\w*|reject\\w*|refused|bounced)`,
        `(?:declin\\w*|reject\\w*|failed)\\s+(?:credit\\s+|debit\\s+)?(?:card|payment|transaction)`,
        `(?:problem|issue|trouble|error|difficult\\w*)s?${gap(3)}(?:pay|paying|payment|payments|billing|charge|checkout|transaction)`,
        "(?:payment|billing|checkout|transaction)s?\\s+(?:problem|issue|trouble|error|failure)s?",
        "help\\s+(?:with|regarding|on|about)\\s+(?:a\\s+|my\\s+|the\\s+)?(?:payment|billing|charge|invoice\\s+amount)s?",
        `(?:transfer|send|move|wire)\\s+(?:\\w+\\s+)?${MONEY}`,
        `(?:transfer|send|move|wire)\\s+\\S+\\s+(?:from|to|into|between)\\s+(?:my\\s+)?(?:\\w+\\s+)?(?:account|checking|savings)`,
        "pay\\s+(?:off\\s+)?(?:my|the|a|this|our)\\s+(?:\\w+\\s+){0,2}?(?:bill|bills|invoice|balance|debt|loan)",
        "make\\s+(?:a\\s+)?payments?\\s+(?:on|to|towards|for)",
        `why\\s+(?:was|were|did|am|have)\\s+(?:i|we|you)${gap(2)}(?:charged|billed|debited)`,
        "compensat\\w+",
      ),
    ),
    cue(
      "financial",
      words(
        `(?:payment|charge|transaction|card|transfer)${gap(3)}(?:did\\s*n[o'’]?t\\s+go\\s+through|was\\s*n[o'’]?t\\s+accepted)`,
        `${NOT}\\s+(?:make\\s+(?:a\\s+|the\\s+|my\\s+)?)?(?:pay|payment)`,
      ),
      { negatable: false },
    ),
    cue("financial", words("refunds?", "reimburse\\w*", "money\\s+back"), {
      topic: true,
      weight: 0.7,
    }),

    // Security, fraud, privacy, legal.
    cue(
      "sensitive",
      stems(
        "fraud",
        "scam",
        "phish",
        "identity\\s+theft",
        "hack",
        "compromis",
        "unauthori[sz]",
        "stolen",
        "steal",
        "stole",
        "breach",
        "gdpr",
        "lawyer",
        "attorney",
        "lawsuit",
        "legal\\s+action",
      ),
    ),
    cue(
      "sensitive",
      words(
        `someone${gap(2)}(?:logged|accessed|used|using|got\\s+into|hacked|charged|changed)`,
        `(?:lost|misplaced|ca\\s*n[o'’]?t\\s+find|cannot\\s+find)\\s+(?:my\\s+)?(?:\\w+\\s+)?(?:card|wallet|purse|phone|passport|id)`,
        "(?:freeze|froze|lock|block|suspend|deactivate|disable)\\s+(?:my\\s+|the\\s+|our\\s+|all\\s+)?(?:\\w+\\s+)?(?:card|cards|account|accounts)",
        `(?:do\\s*n[o'’]?t|did\\s*n[o'’]?t|never)\\s+(?:recogni[sz]e|authori[sz]e|make|made)\\s+(?:this|these|that|the)\\s+(?:charge|payment|transaction|purchase)`,
        "(?:delete|erase|remove|wipe)\\s+(?:all\\s+)?(?:of\\s+)?my\\s+(?:personal\\s+)?(?:data|information|info|details|records)",
        "(?:personal|private)\\s+(?:data|information)",
        "privacy",
        "data\\s+protection",
        "sue\\s+(?:you|your)",
        "police",
      ),
      { negatable: false },
    ),

    // Upset: feelings, insults, threats to leave, waiting too long.
    cue(
      "emotional",
      stems(
        "unacceptab",
        "ridiculous",
        "outrag",
        "furious",
        "angry",
        "angri",
        "annoy",
        "irritat",
        "upset",
        "disgust",
        "terribl",
        "horribl",
        "awful",
        "worst",
        "useless",
        "pathetic",
        "incompeten",
        "frustrat",
        "disappoint",
        "dissatisf",
        "unhappy",
        "complain",
        "complaint",
        "rip-?off",
        "disgrace",
        "shameful",
        "appall",
        "worried",
        "scared",
        "desperate",
        "devastat",
        "idiot",
        "stupid",
        "moron",
        "fuck",
        "shit",
        "crap",
        "damn",
        "sucks",
      ),
    ),
    cue(
      "emotional",
      words(
        "not\\s+(?:happy|satisfied|ok(?:ay)?\\s+with)",
        "(?:fed\\s+up|sick\\s+of|tired\\s+of|had\\s+enough)",
        "(?:file|make|lodge|submit|raise|open)\\s+(?:a\\s+|an\\s+)?(?:formal\\s+)?(?:claim|grievance)",
        `(?:never|wo\\s*n[o'’]?t|will\\s+not)${gap(2)}(?:buy|order|shop|use|come\\s+back|recommend)`,
        "(?:take|taking)\\s+my\\s+business\\s+elsewhere",
        "(?:go|going|switch\\w*|move|moving)\\s+to\\s+(?:a\\s+|your\\s+)?(?:competitor|another\\s+(?:shop|store|company|bank))",
        "(?:leave|leaving|write|writing)\\s+(?:a\\s+)?(?:bad|negative|terrible|1-star|one-star)\\s+review",
        "(?:third|fourth|fifth|tenth|\\d+(?:st|nd|rd|th))\\s+time",
        "(?:several|many|multiple|so\\s+many|countless)\\s+times",
        "again\\s+and\\s+again",
        `(?:it'?s|it\\s+has|has|have|i'?ve|we'?ve)\\s+been${gap(2)}(?:days|weeks|months|ages|forever)`,
        `(?:waiting|waited)\\s+(?:for\\s+)?(?:\\w+\\s+){0,2}?(?:days|weeks|months|ages|forever)`,
        "still\\s+(?:no|nothing|not|have\\s*n[o'’]?t|waiting)",
      ),
    ),
    cue("emotional", words("!{2,}", "[!?]{3,}", "\\?!", "!\\?"), { negatable: false, weight: 0.6 }),

    // Something broken for this customer: needs a person who can look into it.
    cue(
      "complex",
      words(
        `${NOT}${gap(2)}(?:work|working|load|open|log\\s*in|login|sign\\s*(?:in|up)|register|start|install|update|download|upload|access|verify|finish|complete|submit|activate|swipe|scan|read)`,
        "(?:stopped|stops|quit)\\s+working",
        "(?:account|card|profile)\\s+(?:is|was|got|has\\s+been|have\\s+been|been)\\s+(?:\\w+\\s+)?(?:locked|blocked|frozen|suspended|disabled|closed|restricted)",
        `(?:problem|issue|trouble|error|difficult\\w*)s?\\s+(?:with|when|while|signing|registering|logging|creating|opening)`,
        "error\\s+(?:message|code|page)",
      ),
      { negatable: false },
    ),
    cue(
      "complex",
      stems(
        "crash",
        "glitch",
        "bug",
        "broken",
        "broke",
        "damaged",
        "cracked",
        "bent",
        "defective",
        "faulty",
        "malfunction",
        "ripped",
        "snapped",
        "chipped",
        "melted",
      ),
      { weight: 0.8 },
    ),

    // Outside the rules, or arranged personally.
    cue(
      "special_request",
      words(
        "(?:make|making)\\s+an\\s+exception",
        "as\\s+an\\s+exception",
        "just\\s+this\\s+once",
        "special\\s+(?:request|arrangement|favou?r|delivery|case|treatment)",
        "(?:deliver|delivery|ship)\\w*\\s+(?:it\\s+)?(?:to\\s+my\\s+(?:office|work|neighbou?r)|on\\s+(?:a\\s+)?(?:sunday|holiday)|at\\s+night|after\\s+hours)",
        "gift[-\\s]?wrap\\w*",
        "(?:hold|keep|reserve)\\s+(?:it|my\\s+order|the\\s+(?:item|package|parcel))\\s+(?:for|until)",
        "custom(?:ized|ised)?\\s+(?:order|size|engraving|request)",
        "engrav\\w+",
        "extend\\s+(?:the\\s+|my\\s+)?(?:deadline|return\\s+(?:window|period)|warranty|trial)",
        "waive\\s+(?:the\\s+)?(?:fee|charge|cost)",
        "(?:personal|special)\\s+discount",
        "price\\s+match",
        "outside\\s+(?:of\\s+)?(?:your\\s+)?(?:policy|opening\\s+hours|business\\s+hours)",
        "after\\s+the\\s+(?:return\\s+)?deadline",
      ),
    ),
  ],
};
