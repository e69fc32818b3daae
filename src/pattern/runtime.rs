// The static patterns that stay compiled at run time: those build.rs
// cannot determinize within its limits (bounded repetitions of wide
// classes such as `[^,.;:()]{1,60}?` before a verb, long alternations of
// `(?:\w+\s+){0,3}?` gaps). Each is compiled on first use, once per
// process; `extract::warm_up` starts every one of them on the thread pool
// when a run has files. Call sites read an entry as `runtime::X.regex()`.
//
// `Full` entries get the meta engine's lazy DFAs; `NfaOnly` ones only its
// NFA engines, a third to half of the compile, for patterns searched only
// where another has matched or only on short texts (see
// `crate::pattern::Engines`).

runtime! {
    // src/extract/retention.rs

    /// A bound read from the words right before a period: "until … +".
    UNTIL_PLUS_BEFORE = NfaOnly(r"(?i)\buntil\b(?P<ev>[^.;]{0,60}?)\+\s*$");
    /// A period without a number ("as long as your account is active",
    /// "indefinitely").
    INDEFINITE_RE = Full(r"(?i)\b(?:as\s+long\s+as\s+(?:your|the|an?|you|our)\s+(?:\w+\s+){0,3}?(?:accounts?|subscriptions?|profiles?|memberships?|workspaces?|relationship|services?|registration)\s+(?:is|are|remains?|stays?)\s+(?:active|open|in\s+use|live|in\s+place|ongoing|valid)|while\s+(?:your|the)\s+(?:\w+\s+){0,3}?(?:accounts?|subscriptions?|profiles?|memberships?|workspaces?)\s+(?:is|are|remains?)\s+(?:active|open|in\s+use)|until\s+(?:your|the)\s+(?:\w+\s+){0,2}?accounts?\s+(?:is|are)\s+(?:no\s+longer\s+active|closed|deleted|terminated|cancell?ed|deactivated)|until\s+you\s+(?:delete|close|cancel|deactivate)\s+(?:your|the)\s+(?:\w+\s+)?account|for\s+the\s+(?:life|lifetime|duration)\s+of\s+(?:your|the)\s+(?:\w+\s+)?(?:accounts?|subscriptions?|relationship|services?)|as\s+long\s+as\s+(?:you|we)\s+(?:continue\s+to\s+)?(?:use|utili[sz]e|maintain|remain|are\s+(?:a|an)\s+\w+|have\s+an?\s+(?:[\w.]+\s+){0,3}?account|keep\s+(?:your|the|an)\s+account)|indefinitely|forever|in\s+perpetuity|(?:keep|retain|store|maintain|hold)\w*\s+(?:\w+\s+){0,4}?permanently)\b");
    /// What a retention statement is about: the object of its verb ("we
    /// keep your logs for …"), the subject of its passive ("logs are
    /// deleted after …") or of "ages out".
    ACTIVE_SUBJECT_RE = Full(r"(?i)\b(?:retain|retains|keep|keeps|store|stores|hold|holds|maintain|maintains|preserve|preserves|delete|deletes|purge|purges|erase|erases|remove|removes)\s+(?P<np>(?:(?:your|the|this|that|these|those|such|all|any|our|its|their)\s+)?[^,.;:()]{1,60}?)\s+(?:for|until|while|as\s+long|within|after|in\s|on\s|according|only|up\s+to|no\s+longer|at\s+least|indefinitely|permanently|beyond|through|when|if|unless|so\s|to\s|from|per\s|once|either|and\s+(?:use|delete))");
    PASSIVE_SUBJECT_RE = Full(r"(?i)(?P<np>[^,.;:()—–]{2,80}?)\s+(?:is|are|will\s+be|may\s+be|should\s+be|can\s+be|would\s+be|shall\s+be|get|gets|is\s+being|are\s+being)\s+(?:\w+\s+){0,2}?(?:retained|kept|stored|held|deleted|purged|removed|erased|maintained|preserved|anonymi[sz]ed|destroyed)\b");
    AGES_OUT_SUBJECT_RE = Full(r"(?i)(?P<np>[^,.;:()—–]{2,60}?)\s+ages?\s+out\b");

    // src/extract/data.rs

    /// A verb that makes a sentence about collecting data.
    COLLECTION_VERB = Full(r"(?i)\b(?:collect\w*|gather\w*|receiv\w*|obtain\w*|stor(?:e|es|ed|ing)|process(?:es|ed)?|record(?:s|ed|ing)?|log(?:s|ged|ging)?|track(?:s|ed|ing)?|captur\w*|ask(?:s|ed)?\s+(?:you\s+)?for|request(?:s|ed)?\s+(?:your|that\s+you)|provid\w*\s+(?:it\s+)?(?:to\s+)?us|provided\s+(?:to\s+us|by\s+you)|submit\w*|enter(?:s|ed)?|giv(?:e|es|en)\s+us|share\s+with\s+us|upload\w*|infer\w*|(?:we|may|can|will|to)\s+(?:\w+\s+)?access|accessed|retain\w*|keep|keeps|kept|hold|holds|maintain\w*|sav(?:e|es|ed)|remember\w*|identif(?:y|ies)|measur\w*|monitor\w*|(?:we|our\s+\w+(?:\s+\w+)?|they|partners)\s+(?:\w+\s+){0,2}?(?:use|uses|set|sets|place|places|deploy)\s+(?:[\w-]+\s+){0,3}?(?:cookies?|pixels?|web\s+beacons?|local\s+storage|tags|trackers?|tracking))\b");

    // src/extract/claims.rs

    /// Sentence-initial "On the marketing site —" / "In the app:".
    LOCATIVE_RE = NfaOnly(r"(?i)^\s*(?:on|in|for|within|inside|across|at)\s+(?:the\s+|our\s+|this\s+|its\s+|your\s+)?(?P<s>[^—–:;,.()]{2,60}?)\s*(?:[—–:,]|\s-\s)");

    // src/extract/rights.rs

    /// Headings that make a section about the reader's rights.
    STRONG_HEADING_RE = NfaOnly(r"(?i)\brights?\b|\bchoices?\b|\byour\s+(?:privacy\s+)?controls?\b|\bcontrol\s+(?:over\s+)?your\b|\bopt(?:ing)?[- ]?outs?\b|\bdata\s+subjects?\b|\bexercis|\b(?:access|accessing|correct|correcting|updat\w*|delet\w*|export\w*|manag\w*)\b[^.]{0,30}\byour\s+(?:data|information|account|personal)");

    // src/extract/context.rs

    /// The clause before a mention negates its use ("we do not use", "we
    /// never share data with", "no", "neither … nor", "without").
    NEGATED_BEFORE_RE = NfaOnly(concat!(
        r"(?i)(?:",
        // "we do not use …", "we never share … with …"
        r"(?:\b(?:do|does|did|will|shall|would|can|could|may)\s+not|\b(?:don't|doesn't|didn't|won't|never|cannot|can't))\s+(?:\w+\s+){0,2}?",
        r"(?:use|uses|using|employ|embed|embeds|load|loads|include|includes|integrate|integrates|rely|relies|work|works|share|shares|sharing|send|sends|sell|sells|selling|run|runs|install|installs|set|sets|place|places|partner|partners|transfer|transfers|disclose|discloses|engage|engages)\b.*",
        // "is not shared with …"
        r"|\bnot\s+(?:be\s+|been\s+)?(?:used|shared|sent|sold|disclosed|transferred|provided|passed|given)\s+(?:\w+\s+){0,2}?(?:with|to)\b.*",
        // "no Google Analytics", "without Stripe", "neither A nor B"
        r"|\b(?:no|without|neither|nor)\s+(?:\w+[,\s]+){0,2}",
        r")$"
    ));

    // src/extract/defined.rs

    /// `("Short")`, `(“Short”)`, `(the "Short")`, `(hereinafter "Short")` at
    /// the start of the text, after legal suffixes (", Inc.", " Ltd.").
    DEFINITION_RE = NfaOnly(concat!(
        r#"^(?:,?\s*(?:Inc|LLC|L\.L\.C|Ltd|Limited|GmbH|Corp|Corporation|Co|plc|PLC|PBC|SA|S\.A|SAS|BV|B\.V|NV|N\.V|AG|AB|Oy|Pty|Pte|SARL|SRL|S\.r\.l|SpA|S\.p\.A)\b\.?)*"#,
        r#"\s*\(\s*(?:(?:the|hereinafter|together|collectively|jointly)[,:]?\s+)?"#,
        r#"["“”'‘’]\s*(?P<short>[^"“”'‘’()]{1,40}?)\s*["“”'‘’]\s*\)"#,
    ));
}
