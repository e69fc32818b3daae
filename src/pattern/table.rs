// The extractors' static patterns, compiled at build time into DFAs (see
// `crate::pattern`). `build.rs` reads this file with `include!`, so it holds
// only the table and the rewriting both sides apply: no inner attributes,
// no `use`. A pattern written here must determinize within build.rs's size
// limits (the build fails otherwise); one that does not stays at its call
// site and compiles at run time. Call sites read an entry as
// `table::X.regex()`, which loads its DFAs on first use.

/// Rewrite `\b`, `\d` and `\w` into their ASCII forms (see
/// `crate::pattern::compile`).
pub(crate) fn ascii_classes(pattern: &str) -> String {
    pattern
        .replace(r"\b", r"(?-u:\b)")
        .replace(r"\d", "[0-9]")
        .replace(r"\w", "[0-9A-Za-z_]")
}

// Pieces shared by several patterns (`concat!` needs literals, hence
// macros rather than consts).

// Month names and their abbreviations.
macro_rules! month {
    () => {
        r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    };
}

// Numbers written in words.
macro_rules! num_words {
    () => {
        "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety|hundred|thousand"
    };
}

// A number in digits ("1,000", "2.5") or in words ("twenty-four").
macro_rules! digits {
    () => {
        r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    };
}
macro_rules! words {
    () => {
        concat!(
            "(?:",
            num_words!(),
            r")(?:(?:\s*-\s*|\s+and\s+|\s+)(?:",
            num_words!(),
            "))*"
        )
    };
}

// A cookie name in prose, optionally quoted.
macro_rules! cookie_name {
    () => {
        r#"[`'"“‘]?[A-Za-z0-9_.\-{}<>%*$:]+[`'"”’]?"#
    };
}

table! {

    // src/extract/children.rs

    CHILD_CONTEXT_RE = r"(?i)\bchild|\bminors?\b|\bkids?\b|\bteens?\b|\bteenagers?\b|\bnot\s+(?:intended|directed|designed|meant|aimed)\b|\bdirected\s+(?:to|at|towards)\b|\bknowingly\b|\bmust\s+be\b|\bparental\b|\bparents?\b|\bguardian|\bcoppa\b|\bage\b|\byears\s+(?:of\s+age|old)\b";
    // Sentences about minors' data being sold or shared, or consent to it.
    NOT_MINIMUM_RE = r"(?i)\bsell\b|\bsells\b|\bsold\b|\bsale\b|\bselling\b|\bopt[- ]?in\b|\bcross-context\b";
    CHILDREN_HEADING_RE = r"(?i)\bchild|\bminors?\b|\bkids?\b|\bage\b|\bcoppa\b";

    // src/extract/claims.rs

    NEGATION_RE = r"(?i)\bnot\b|n[’']t\b|\bnever\b|\bno\b|\bwithout\b|\bneither\b|\bnor\b|\bcannot\b|\bnone\b";
    // Words that start a subordinate clause between a negation and its phrase.
    GAP_BLOCKER_RE = r"(?i)\b(?:that|which|who|whom|whose|if|when|whenever|unless|because|although|though|until|where|after|before|since|once|than)\b|[.;:!?]";
    // Before the negation: the reader or a condition is the subject, or the
    // organisation only hedges about others.
    PRE_NEGATION_REJECT_RE = r"(?i)\b(?:if|unless|when|whenever|whether|you|you[’']re|you[’']ll|guarantee|ensure|responsible|control|may|might|could)\b";
    // After the phrase: the promise is taken back.
    EXCEPTION_RE = r"(?i)\b(?:except|other\s+than|apart\s+from|save\s+for)\b";
    COOKIE_EXCEPTION_RE = r"(?i)\b(?:except|other\s+than|apart\s+from|besides|unless|until|before\s+you|without\s+(?:your\s+|prior\s+|explicit\s+)?(?:consent|permission|agreement))\b";
    // Words allowed between a negation and a cookie phrase.
    COOKIE_GAP_RE = r"(?i)^(?:[\s,/]|\b(?:use|uses|using|set|sets|setting|place|places|placing|store|stores|storing|drop|drops|dropping|serve|serves|rely|relies|on|employ|employs|need|needs|require|requires|have|has|contain|contains|include|includes|deploy|deploys|read|reads|any|other|of|such|the|or|and|also|ever|at|all|kind|kinds|type|types|do|does|will|we|it|is|are|be|been|persistent|non-essential|optional|first-party|first|party|[\w-]+\s+cookies?)\b)*$";
    // Verbs a negated advertising purpose needs: use or share.
    PURPOSE_VERB_RE = r"(?i)\b(?:share|shares|shared|sharing|sell|sells|sold|selling|rent|rents|rented|disclose|discloses|disclosed|use|uses|used|using|provide|provides|provided|transfer|transfers|transferred|give|gives|given|make\s+available|process|processed|license|licenses)\b";
    AD_TERM_RE = r"(?i)advert|\bads?\b|advertis";
    // Verbs that hand data to others.
    SHARE_VERB_RE = r"(?i)\b(?:share|shares|shared|sharing|sell|sells|sold|selling|rent|rents|rented|disclose|discloses|disclosed|provide|provides|provided|transfer|transfers|transferred|give|gives|given|make\s+available|license|licenses|trade|trades)\b";
    // "… without your consent": a consent statement, not a promise.
    CONSENT_CONDITION_RE = r"(?i)\bwithout\s+(?:your\s+|prior\s+|explicit\s+|express\s+)*(?:consent|permission|agreement|opt-in)\b";
    // "Do Not Sell My Personal Information": a link to a right, not a claim.
    MY_AFTER_RE = r"(?i)^\s*(?:,?\s*(?:or|and|/)\s*(?:share|sharing)\s*)?\s*my\b";
    // Objects that make "we don't sell X" a statement about products.
    PRODUCT_OBJECT_RE = r"(?i)^\s+(?:you\s+)?(?:any\s+|our\s+|the\s+)?(?:ads?|advertis\w*|products?|services?|subscriptions?|software|licen[sc]es?|goods|merchandise|tickets?|plans?|tokens?|domains?|hardware|devices?|secrets?)\b";
    // A purpose right after "cookies" that names tracking: "cookies for advertising".
    TRACKING_PURPOSE_RE = r"(?i)^\s*(?:for|to)\s+(?:track|tracking|advertis|marketing|target|profil|follow)";
    // Subjects that stand for the whole organisation or service.
    UNIVERSAL_SUBJECT_RE = r"(?i)^(?:we|we[’']ll|we[’']re|us|i|and\s+we|(?:(?:our|the|this)\s+(?:company|organi[sz]ation|team|services?|platform|products?|website|web\s+site|site|apps?|application|policy)))$";
    // Subjects that are a tool or a part of the service.
    TOOL_SUBJECT_RE = r"(?i)\b(?:analytics|tool|tools|solution|plugin|plug-in|widget|widgets|script|scripts|pixel|sdk|extension|site|blog|forum|newsletter|dashboard|cabinet|marketing|docs|documentation|status\s+page|landing\s+page|cdn|tracker|counter)\b";
    // The copula after the subject of `head` (`claims::antecedent`:
    // "Umami is privacy-focused" → "Umami").
    ANTECEDENT_COPULA = r"(?i)\s(?:is|are|was|were|does|do|has|have)\b";
    // A use verb before its object (`claims::antecedent`: "We only
    // use Plausible Analytics").
    ANTECEDENT_USE = r"(?i)\b(?:use|uses|using|run|runs|via|with|through|rely\s+on|relies\s+on|chose|choose|deploy|deploys)\s+";

    // src/extract/contacts.rs

    EMAIL_RE = r"(?i)\b[a-z0-9][a-z0-9._%+\-]*@[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?)*\.[a-z]{2,24}\b";
    PRIVACY_LOCAL_RE = r"(?i)privacy|^dpo\b|^dpo[._-]|gdpr|ccpa|data[._-]?protection|dataprotection|^dsar|^dsr[._-]?|datenschutz";
    DPO_RE = r"(?i)\bDPO\b|\bdata\s+protection\s+officer\b|^dpo\b";
    // Context that gives an address another purpose.
    OTHER_PURPOSE_RE = r"(?i)\b(?:customer\s+support|support\s+team|technical\s+support|sales|press\s+inquir|media\s+inquir|careers?|jobs?|billing\s+(?:questions|inquiries)|abuse\s+reports?)\b";
    // The organisation itself, between a regulator's name and an address
    // (`contacts::regulators_address`: then it is not the regulator's).
    REGULATORS_ADDRESS_OWN = r"(?i)\b(?:us|our|we)\b";
    CONTACT_HEADING_RE = r"(?i)\bcontact|\bquestions\b|\bdata\s+protection\s+officer\b|\bDPO\b|\bprivacy\b|\brights?\b|\bchoices\b";

    // src/extract/context.rs

    // Where a clause starts (`context::clause_start`): `;`, `:`, a dash,
    // "but", "however", "while", "whereas", "except", "instead".
    CLAUSE_START = r"(?i)[;:]\s|\s[—–]\s|\s-\s|\bbut\b|\bhowever\b|\bwhile\b|\bwhereas\b|\bexcept\b|\binstead\b";
    // The mention is described as self-hosted / run on own servers.
    SELF_HOSTED_NEAR = r"(?i)\bself[- ]?hosted\b|\bhost(?:ed)?\s+(?:it\s+)?(?:ourselves|ourself|in-house)\b|\bon\s+our\s+own\s+(?:servers|infrastructure|hardware)\b|\bon-premises\b";
    // A place preposition right before a vendor's name ("on GitHub"): with a
    // link to that vendor's site and no data verb, the name is where a link
    // points, not a recipient (`context::names_link_location`).
    NAMES_LINK_LOCATION = r"(?i)\b(?:on|at|via|in|from)\s+(?:the\s+)?$";

    // src/extract/cookies.rs

    // Header cell naming the cookie-name column.
    NAME_HEADER_NOT = r"(?i)categor|type|purpose|provider|description|domain|host|info";
    COLUMN_RE_PROVIDER = r"(?i)\b(?:provider|set\s+by|placed\s+by|vendor|company|owner|source|service)\b";
    COLUMN_RE_PARTY = r"(?i)\b(?:party|first\s*/\s*third|1st\s*/\s*3rd)\b";
    COLUMN_RE_PURPOSE = r"(?i)\b(?:purposes?|description|descriptions|used\s+for|why|function|what\s+(?:it|they)\s+does?)\b";
    COLUMN_RE_DURATION = r"(?i)\b(?:expir\w*|expires|duration|lifetime|life\s*span|lifespan|retention|max[- ]age|storage\s+(?:period|duration))\b";
    PARTY_FROM_TEXT = r"(?i)\b(first|1st|third|3rd)[\s-]+part(?:y|ies)\b";
    // Separators between the names of a cookie-name cell: commas,
    // semicolons, slashes, "and", "or", "such as", "e.g.", "including".
    SPLIT_NAMES_SEP = r"(?i)\s*(?:,|;|/)\s*|\s+(?:and|or|such\s+as|e\.g\.,?|i\.e\.,?|including)\s+";

    // "_ga, _gid and _gat cookies"
    COOKIE_NAMES_BEFORE = concat!(
        r"(?i)(?P<names>", cookie_name!(), r"(?:\s*(?:,|and|or|/)\s*", cookie_name!(), r")*)\s+cookies?\b"
    );
    // "cookies named _ga, _gid", "cookies such as `session`"
    COOKIE_NAMES_AFTER = concat!(
        r"(?i)\bcookies?\s*(?:\(s\)\s*)?(?:(?:is|are)\s+)?(?:named|called|such\s+as|like|including|includes?|e\.g\.,?|i\.e\.,?|:|\()\s*(?P<names>",
        cookie_name!(), r"(?:\s*(?:,|and|or|/)\s*", cookie_name!(), r")*)"
    );

    // src/extract/data.rs

    LISTING_VERB = r"(?i)\b(?:includ\w*|such\s+as|for\s+example|e\.g\.|contains?|consist\w*)\b";
    DATA_TABLE_HEADER = r"(?i)\b(?:cookies?|categor\w*|personal|data|information|examples?)\b";

    // src/extract/dates.rs

    // What may stand between a cue and its date: ":", "on", "as of", "is", "*".
    GAP_RE = r"(?i)^(?:[\s:*_\-–—,]|\b(?:on|as\s+of|of|from|since|is|was|date|at|the)\b)*";
    // A sentence about this document (for effective dates in running text).
    ABOUT_POLICY_RE = r"(?i)\b(?:this|these|our)\s+(?:[\w-]+\s+)?(?:policy|notice|statement|terms|document|version)\b|\bpolicy\b";
    CHANGELOG_HEADING_RE = r"(?i)\bchange\s*logs?\b|\bchanges?\s+log\b|\b(?:change|revision|version|update|amendment|document)s?\s+history\b|\bhistory\s+of\s+(?:changes|revisions|updates)\b|\brevisions?\b";

    // A date in any of the forms policies write.
    DATE = concat!(
        r"(?i)",
        // 2026-05-15, 2026/05/15, 2026.05.15 (the end is checked in code)
        r"\b(?P<iy>\d{4})(?P<is1>[-/.])(?P<im>\d{1,2})(?P<is2>[-/.])(?P<id>\d{1,2})",
        // May 15, 2026 · Feb. 1, 2026 · May 15th 2026
        r"|\b(?P<am>", month!(), r")\b\.?\s+(?P<ad>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<ay>\d{4})\b",
        // 15 May 2026 · 15th of May, 2026
        r"|\b(?P<bd>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<bm>", month!(), r")\b\.?,?\s+(?P<by>\d{4})\b",
        // February 2026
        r"|\b(?P<cm>", month!(), r")\b\.?,?\s+(?P<cy>\d{4})\b",
        // 15/05/2026, 05/15/2026, 15.05.2026
        r"|\b(?P<n1>\d{1,2})(?P<ns1>[/.])(?P<n2>\d{1,2})(?P<ns2>[/.])(?P<ny>\d{4})\b",
    );

    // src/extract/defined.rs

    // The opening of a quoted parenthetical, anywhere.
    OPENING_RE = r#"\(\s*(?:(?:the|hereinafter|together|collectively|jointly)[,:]?\s+)?["“”'‘’]"#;

    // src/extract/duration.rs

    // A number alone, in digits or words.
    BARE_NUMBER = concat!(
        r"(?i)\b(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|(?:", num_words!(), r")(?:(?:\s*-\s*|\s+)(?:", num_words!(), r"))*)\b"
    );

    // src/extract/retention.rs

    // Words that make a sentence about keeping or deleting data.
    RETENTION_CUE = r"(?i)\b(?:retain\w*|retention|keep|keeps|kept|keeping|stores?|stored|storing|delet\w*|purg\w*|eras(?:e|ed|es|ing|ure)|remov\w*|destroy\w*|anonymi[sz]\w*|hold|holds|held|preserv\w*|maintain\w*|remain\w*|archiv\w*|ages?\s+out|aged\s+out|rotat\w*|expunge\w*|discard\w*|dispos\w*|overwrit\w*|pruned?|log\s+files?|logs)\b";
    RETENTION_HEADING = r"(?i)\b(?:retention|retain\w*|how\s+long|storage\s+(?:period|duration|limitation)|keep\s+(?:your\s+)?(?:data|information|personal)|delet\w*|kept|erasure)\b";
    COOKIE_WORD = r"(?i)\bcookies?\b";
    RIGHTS_HEADING = r"(?i)\b(?:your\s+(?:\w+\s+)?rights|rights\s+(?:and|&)\s+choices|data\s+subject\s+rights|privacy\s+rights)\b";
    // A period that is not about keeping data: an age, a look-back.
    AGE_AFTER = r"(?i)^\s*(?:of\s+age|old\b|or\s+(?:older|younger|over|under)|and\s+(?:older|over|up)|of\s+experience)";
    // "in the past 12 months" looks back; "nothing is stored past 30 days" is
    // a limit (see `at_least_before`).
    LOOKBACK_BEFORE = r"(?i)\b(?:(?:the|in|during|over|within)\s+past|preceding|prior|previous|last|ago|aged|age\s+of|under|over)\s*$";
    // Bounds, read from the words right before a period.
    AT_MOST_BEFORE = r"(?i)\b(?:within|in\s+under|in\s+less\s+than|less\s+than|up\s+to|no\s+longer\s+than|not\s+longer\s+than|no\s+more\s+than|not\s+more\s+than|not\s+exceeding|at\s+most|a\s+maximum\s+of|maximum\s+of|maximum|max\.?|before|by|under|no\s+later\s+than|at\s+the\s+latest)\s*$";
    AT_LEAST_BEFORE = r"(?i)\b(?:at\s+least|a\s+minimum\s+of|minimum\s+of|minimum|no\s+less\s+than|not\s+less\s+than|more\s+than|longer\s+than|over|beyond|past)\s*$";
    EXACTLY_BEFORE = r"(?i)(?:\b(?:for|after|of|kept|retained|stored|held|deleted|purged|removed|maintained|preserved)|\+|—|–|\s-|:)\s*$";
    APPROX_BEFORE = r"(?i)\s*\b(?:another|an\s+additional|additional|a\s+further|further|about|approximately|approx\.?|around|roughly|some|a\s+period\s+of|period\s+of|the)\s*$";
    CHAIN_BEFORE = r"(?i)\b(?:another|additional|further)\s*$";
    BOUND_AFTER = r"(?i)^\s*(?:\)\s*)?(?:(?P<most>or\s+(?:less|fewer|sooner|shorter)|at\s+(?:the\s+)?most|maximum|max)|(?P<least>or\s+(?:more|longer)|at\s+(?:a\s+)?minimum|minimum))\b";
    COLLECTION_RE = r"(?i)\b(?:(?:from|after|of)\s+(?:the\s+(?:date|time)\s+of\s+)?(?:collection|creation|receipt)|(?:after|from\s+when)\s+(?:we|it\s+(?:is|was))\s+(?:collect|creat|receiv)\w*)\b";
    BACKUP_RE = r"(?i)\bback-?ups?\b";
    // An account, in a sentence with an indefinite period: "… indefinitely
    // while your account is active" ends at the account's deletion
    // (`retention::indefinite_end`).
    INDEFINITE_END_ACCOUNT = r"(?i)\b(?:accounts?|profiles?|workspaces?|registration)\b";
    // A period that names no end (`retention::indefinite_end`).
    INDEFINITE_END_FOREVER = r"(?i)\b(?:indefinitely|forever|in\s+perpetuity|permanently)\b";
    NEGATION = r"(?i)\b(?:not|never|no|nothing|none)\b|n't\b";
    // Does a negation close the text ("not stored permanently", "we do not
    // retain … for more than")?
    NEGATED_BEFORE = r"(?i)\b(?:not|never|no|n't|cannot)\b(?:\s+\S+){0,4}\s*$";
    // A verb that clearly says data is kept (not merely deleted or stored).
    STRONG_CUE = r"(?i)\b(?:retain\w*|retention|kept|keep|keeps|held|preserved|maintained|stored)\b";
    // Is the period `d` of sentence `s` a retention period?
    IS_RETENTION_PERIOD = r"(?i)\b(?:the|these|those|this|that)\s*$";
    // Is the period `d` of sentence `s` a retention period?
    IS_RETENTION_PERIOD_2 = r"(?i)^\s+(?:are|is|have|has)\s+(?:up|passed|over|elapsed|expired|gone\s+by)\b";
    // The clause around `start..end` (absolute block offsets) in `sentence`.
    CLAUSE_RANGE = r"(?i),\s+(?:and|or|while|whereas|with)\s+";
    VERBISH = r"(?i)\b(?:is|are|was|were|be|been|being|depends?|will|may|might|can|could|should|would|shall|has|have|had|goes|go|gets?|do|does|did)\b|^(?:onto|into|with|of|at|by|from|about|up|out)\b|^\w+ly$";
    // A row of a retention table: first cell the subject, the retention
    // column the period.
    TABLE_ROW_HEAD = r"(?i)\b(?:retention|retained|retain|how\s+long|kept|storage\s+(?:period|duration)|deletion|deleted|period)\b";

    // src/extract/rights.rs

    // Headings about the reader's data in general: enough for distinctive phrases.
    WEAK_HEADING_RE = r"(?i)\byour\s+(?:data|information|personal\s+(?:data|information)|privacy)\b|\bgdpr\b|\bccpa\b|\bcpra\b|\bcalifornia\b|\beuropean\b|\beea\b";
    // Does `cue` (the text up to the cue's end) let `word` stand without an
    // object? "the right to erasure", "request deletion" — but not "request
    // access to certain functions".
    TIGHT_CUE_RIGHT = r"(?i)\bright\s+(?:to|of)(?:\s+request)?\s*$";
    // Does `cue` (the text up to the cue's end) let `word` stand without an
    // object? "the right to erasure", "request deletion" — but not "request
    // access to certain functions".
    TIGHT_CUE_REQUEST = r"(?i)\brequest(?:s|ed|ing)?\s*$";
    // Is the grant word the verb of a that-clause after a request cue, with
    // the data as its subject: "request that your personal data is erased",
    // "ask that the processing of your personal data is restricted", and,
    // under "You have the right to request:", the item "that anything
    // inaccurate in your personal data is corrected immediately"? `cue` is
    // the cue's text (empty for a lead-in list's item start), `gap` the text
    // from its end to the word.
    THAT_CLAUSE_THAT = r"(?i)\bthat\s*$";
    // Is the grant word the verb of a that-clause after a request cue, with
    // the data as its subject: "request that your personal data is erased",
    // "ask that the processing of your personal data is restricted", and,
    // under "You have the right to request:", the item "that anything
    // inaccurate in your personal data is corrected immediately"? `cue` is
    // the cue's text (empty for a lead-in list's item start), `gap` the text
    // from its end to the word.
    THAT_CLAUSE_PASSIVE = r"(?i)\b(?:is|are|be|been|gets?)\s+$";
    // Does the object window name the reader's data (not cookies, not a
    // settings page: "update your data collection settings" is no
    // rectification)?
    ABOUT_DATA_SETTINGS = r"(?i)\b(?:settings|preferences|choices|options)\b";
    // Does the object window name the reader's data (not cookies, not a
    // settings page: "update your data collection settings" is no
    // rectification)?
    ABOUT_DATA_STRONG = r"(?i)\b(?:information|account|content|records?|details|profile|personal\s+data)\b";
    // Text before a "right to" cue that makes it the organisation's right
    // ("GitHub reserves the right to object", "we have the right to delete").
    ORGANISATION_RIGHT_RE = r"(?i)(?:\b(?:we|we[’']ve|us)\s+(?:also\s+)?(?:have|hold|retain|reserve)|\breserves?|\bretains?|\breserving)\s+(?:the|a|all|any)?\s*$";
    // "right to" / "right of" right before a `named` match.
    RIGHT_TO_RE = r"(?i)\bright\s+(?:to|of)\s+(?:not\s+)?$";
    // The clause names the data a grant is about.
    DATA_NOUN_RE = r"(?i)\b(?:data|information|info|account|accounts|content|contents|records?|details|copy|profile|submissions?|messages?)\b";
    // The clause denies the grant.
    DENIAL_RE = r"(?i)\b(?:cannot|can[’']t|can\s+not|may\s+not|unable|not\s+able|do\s+not\s+have|don[’']t\s+have|no\s+right|not\s+entitled|will\s+not\s+be\s+able)\b";
    // Clause boundaries inside a sentence.
    BOUNDARY_RE = r"(?i)[;:]\s|\s[—–]\s|\s-\s|\(|\)|\bbut\b|\bhowever\b|\bwhile\b|\bwhereas\b|\bexcept\b";
    // Separators allowed between coordinated grant words.
    CHAIN_GAP_RE = r"(?i)^(?:[\s,/]|\b(?:and|or|and/or|to|as\s+well\s+as|also|request|ask\s+us\s+to|us\s+to)\b)*$";
    RESPOND_WORD_RE = r"(?i)\b(?:respond|responds|responding|response|reply|replies|answer|get\s+back\s+to\s+you|fulfil|fulfill|fulfilled|act\s+on|handle|process|complete)\b";
    // Words between the response verb and the period that make it a retention
    // or acknowledgement statement instead.
    NOT_RESPONSE_RE = r"(?i)\b(?:delete|deleted|deletes|erase|erased|remove|removed|purge|purged|retain|retained|keep|kept|store|stored|acknowledge|acknowledged|acknowledgement|acknowledgment|confirm\s+receipt|extend|extension|additional|further)\b";
    // A request-context word somewhere in the sentence or block.
    REQUEST_CONTEXT_RE = r"(?i)\b(?:requests?|rights?|ask|inquir(?:y|ies)|enquir(?:y|ies)|contact\s+us|exercise)\b";
    RESPOND_IS_EXPLICIT = r"(?i)\b(?:respond|response|reply)\b";

    // src/extract/third_parties.rs

    HEADER_RE = r"(?i)\b(?:sub-?processors?|processors?|vendors?|providers?|third[- ]part(?:y|ies)|recipients?|company|companies|entity|entities|service|services|partners?|name)\b";
    PURPOSE_RE = r"(?i)\b(?:purpose|purposes|function|description|activity|activities|nature|use|usage|processing|what they do|service provided|services provided)\b";
    LOCATION_RE = r"(?i)\b(?:locations?|countr(?:y|ies)|region|regions|where|hosting location|data location|processing location)\b";
    RECIPIENTS_HEADING_RE = r"(?i)\b(?:sub-?processors?|third[- ]party (?:services|providers|processors|vendors)|service providers|vendors|processors we use|who we share)\b";
    // A column that describes cookies: a table with one is no list of
    // recipients (a cookie table's "Name" column holds cookie names).
    RECIPIENT_TABLE_COOKIE = r"(?i)\b(?:cookies?|expir\w*|expiry|lifetime|lifespan|duration|retention|domain|storage|type)\b";
    // Separators between the items of an enumeration ("DonorBox, The Giving
    // Block, Stripe, and PayPal"): items listed with known vendors are
    // vendors too (`third_parties::enumerated_siblings`).
    ENUMERATED_SIBLINGS_SEP = r"\s*(?:,\s*(?:and|or)\s+|,|;|\s+and\s+|\s+or\s+|\s*&\s*|\s*/\s*)\s*";

    // src/extract/data.rs (continued)

    COLLECT_HEADING = r"(?i)\b(?:collect(?:s|ed|ing)?|gather(?:s|ed|ing)?|obtain\w*|receiv\w*|information\s+(?:we|you|that)|data\s+(?:we|you|that)|(?:what|which)\s+(?:personal\s+)?(?:data|information)|types?\s+of\s+(?:personal\s+)?(?:data|information)|categor(?:y|ies)\s+of\s+(?:personal\s+)?(?:data|information)|personal\s+(?:data|information)|information\s+about\s+you|data\s+about\s+you|(?:usage|device|account|log|location|geolocation|technical|payment|billing|contact|profile|analytics)\s+(?:data|information))\b";
    TOPIC_HEADING = r"(?i)\b(?:use|uses|using|share|shares|sharing|shared|disclos\w*|transfer\w*|retain\w*|retention|protect\w*|secur\w*|sell|sale|rights?|choices|delet\w*|contact|children|child|changes|updates?|cookies?|third[- ]part\w*|sub-?processors?|processors|legal\s+bas\w*|lawful|purposes?|how\s+we|why\s+we|storage|location\s+of|international|questions)\b";
    SKIP_HEADING = r"(?i)\b(?:your\s+(?:\w+\s+)?rights|rights\s+(?:and|&)|data\s+subject|choices|contact(?:ing)?\s+us|how\s+to\s+contact|changes\s+to|updates\s+to|children|child)\b";
    CONTINUATION = r"(?i)^\W*(?:(?:this|that|such|these|those|the)\s+(?:\w+\s+)?(?:may\s+|can\s+|will\s+)?(?:also\s+)?includ\w*|(?:this|these)\s+(?:information|data)\s+(?:is|are|consists?|contains?))";
    NEGATED_PREFIX = r"(?i)(?:\b(?:not|never)\s+(?:\w+\s+){0,2}?|n't\s+(?:\w+\s+){0,2}?)(?:collect|gather|use|track|ask|request|require|record|log|access|obtain|receive|set|place|sell)\w*\b[^.;:]*$|\b(?:no|without)\s+(?:[\w-]+\s+){0,2}$";
    DATA_LABEL = r"(?i)^\W*(?:[\w/&-]+\s+){0,3}(?:data|information|info|details|identifiers|logs|records)\W*$";

    // src/extract/retention.rs (continued)

    // Verbs that govern a period that is not a retention period.
    OTHER_PERIOD_CUE = r"(?i)\b(?:respond\w*|response|repl(?:y|ies|ied)|answer\w*|acknowledg\w*|notif\w*|notice|inform(?:s|ed)?\s+(?:you|users|them|the)|extend\w*|extension|fulfil\w*|honou?r\w*|verif\w*|confirm\w*|refund\w*|trial|renew\w*|take\s+effect|takes\s+effect|effective|appeal\w*|complet\w*|process\s+(?:your|the|a|any)\s+request|wait\w*|receiv\w*\s+(?:your|the|a)\s+request)\b";
    // A sentence that continues the previous one's situation.
    BACK_REFERENCE = r"(?i)^\W*(?:in\s+(?:this|that|such|which|either)\s+cases?|then|after\s+(?:that|this)|thereafter|afterwards?|at\s+(?:that|this)\s+(?:point|time)|(?:once|when|after)\s+(?:this|that)\s+(?:happens|is\s+done)|following\s+(?:this|that)|subsequently)\b";
    RIGHTS_SENTENCE = r"(?i)\b(?:right\s+to|you\s+(?:may|can|could)\s+(?:also\s+)?(?:request|ask)|^\W*request\s+(?:the\s+)?(?:erasure|deletion|correction|access))\b";
    // Anchors.
    CLOSURE_RE = r"(?i)\b(?:(?:close|closes|closed|closing|cancel|cancels|cancell?ed|cancell?ing|terminate|terminates|terminated|terminating|deactivate|deactivates|deactivated|deactivating)\s+(?:your|the|an|my|their|his|her|its)\s+(?:\w+\s+)?accounts?|(?:closure|cancell?ation|termination|deactivation)\s+of\s+(?:your|the|an|their)\s+(?:\w+\s+)?accounts?|accounts?\s+(?:is\s+|are\s+|has\s+been\s+|have\s+been\s+|was\s+|were\s+|gets\s+|get\s+)?(?:closed|closure|cancell?ed|cancell?ation|terminated|termination|deactivated|deactivation)|(?:auto-?)?cancell?ed\s+accounts?|account\s+closure)\b";
    DELETION_RE = r"(?i)\b(?:delet\w*|eras\w*|remov\w*)\s+(?:your|the|an|my|their|his|her|its)\s+(?:\w+\s+)?(?:accounts?|workspaces?|organi[sz]ations?|profiles?|teams?)\b|\b(?:deletion|erasure|removal)\s+of\s+(?:your|the|an|their)\s+(?:\w+\s+)?(?:accounts?|workspaces?|organi[sz]ations?|profiles?)\b|\b(?:accounts?|workspaces?|organi[sz]ations?|profiles?)\s+(?:is\s+|are\s+|has\s+been\s+|have\s+been\s+|was\s+|were\s+|gets\s+|get\s+)?(?:deleted|deletion|erased|removed)\b";
    DELETION_REQUEST_RE = r"(?i)\b(?:(?:request\w*|ask\w*)\s+(?:us\s+)?(?:for\s+|to\s+)?(?:the\s+)?(?:delet\w*|eras\w*|remov\w*)|(?:deletion|erasure|removal)\s+requests?|you\s+(?:\w+\s+)?(?:delete|trash|remove|erase)|trash(?:ed)?|deleted\s+(?:content|items?|files?|data|posts?|messages?|information)|(?:of|after|from)\s+(?:your|the|receiving\s+(?:your|the)|receipt\s+of\s+(?:your|the))\s+request)\b";
    CONTRACT_END_RE = r"(?i)\b(?:(?:end|expir\w*|terminat\w*|cancell?ation|conclusion)\s+of\s+(?:the|your|our|this|any)\s+(?:\w+\s+)?(?:contract|agreement|subscription|engagement|relationship|services?|plan|term)|(?:contract|agreement|subscription|engagement)\s+(?:ends|ended|terminates|terminated|expires|expired|is\s+terminated|has\s+ended|has\s+expired)|after\s+(?:the\s+)?termination)\b";
    LAST_ACTIVITY_RE = r"(?i)\b(?:inactiv\w*|dormant|last\s+(?:log-?in|sign-?in|activity|use|access|interaction|contact|visit|login)|(?:not|n't|never)\s+(?:been\s+)?(?:signed|logged)\s+in|gone\s+unused|unused\s+for|not\s+(?:been\s+)?used\s+for)\b";
    EVENT_RE = r"(?i)\b(?:(?:after|of|from|following)\s+(?:the\s+)?(?:date\s+of\s+)?(?:the\s+|that\s+|an?\s+|each\s+|your\s+)?(?:last\s+|final\s+|relevant\s+)?(?:event|transaction|purchase|payment|order|interview|donation|incident)|after\s+the\s+end\s+of\s+the\s+(?:tax|fiscal|financial|calendar)\s+year)\b";
    VAGUE_RE = r"(?i)\b(?:as\s+long\s+as\s+(?:(?:is|are|it\s+is|they\s+are)\s+)?(?:reasonably\s+|strictly\s+)?(?:necessary|needed|required|appropriate|permitted|allowed|useful|relevant)|as\s+long\s+as\s+(?:we|it|they)\s+(?:\w+\s+){0,2}?(?:need|needs|require|requires|have\s+a\s+(?:legitimate|valid|business|legal))|for\s+(?:the|a|such)\s+(?:time|period|duration|length\s+of\s+time)\s+(?:(?:that\s+is|as)\s+)?(?:reasonably\s+|strictly\s+)?(?:necessary|needed|required)|(?:as|where|when|if)\s+(?:reasonably\s+|strictly\s+)?(?:necessary|needed|required)\s+(?:to|for|by)|for\s+(?:some\s+time|a\s+period\s+of\s+time|an?\s+(?:certain|limited|reasonable|longer|extended|additional)\s+(?:time|period)(?:\s+of\s+time)?|longer\s+periods?)|no\s+longer\s+(?:necessary|needed|required|relevant|useful)|(?:when|once|after|until)\s+we\s+(?:are|'re)\s+(?:done|finished)|until\s+(?:we|it)\s+(?:is\s+)?no\s+longer|(?:depends?|depending|vary|varies)\s+on\s+the\s+purposes?|retain\w*\s+(?:\w+\s+){0,4}?for\s+(?:use\s+in|the\s+purposes?\s+of|purposes\s+of))";
    CRITERION_RE = r"(?i)\b(?:(?:according\s+to|based\s+on|determined\s+by|depend\w*\s+on|per|subject\s+to|governed\s+by|in\s+line\s+with|in\s+accordance\s+with)\s+(?:your|the|our|its)\s+(?:\w+\s+){0,2}?(?:plan|plans|subscription|settings|configuration|retention\s+(?:settings?|policy|schedule)|tier|limits?)|configurable|you\s+(?:can\s+|may\s+)?(?:choose|configure|set|select)\s+(?:the|your|a)\s+(?:\w+\s+)?retention)\b";
    // Keeping a right, a provider or a copyright is not keeping data.
    NOT_DATA_RE = r"(?i)\b(?:retain|reserve|keep)s?\s+(?:the\s+)?(?:right|rights|services?\s+of|counsel|ownership|copyright|control|title)\b|\bkeep\s+(?:you|your\s+\w+\s+(?:safe|secure)|track|in\s+mind|up\s+to\s+date)\b";

    // src/extract/children.rs (continued)

    AGE_RE = r"(?ix)
              \b(?:under|below|younger\s+than|less\s+than)\s+(?:the\s+age\s+of\s+|age\s+|the\s+age\s+)?(?P<a>\d{1,2})\b
                (?:\s*(?:years?|yrs?)(?:\s+(?:of\s+age|old|of\s+age\s+or\s+younger))?)?
            | \bat\s+least\s+(?:the\s+age\s+of\s+)?(?P<b>\d{1,2})\b(?:\s*(?:years?|yrs?)(?:\s+(?:of\s+age|old))?)?
            | \b(?:aged?\s+)?(?P<c>\d{1,2})\s*(?:years?\s+(?:of\s+age\s+|old\s+)?|\+\s*)?(?:or|and)\s+(?:older|over|above)\b
            | \bminimum\s+age\s+(?:is\s+|of\s+|requirement\s+is\s+)?(?P<d>\d{1,2})\b
            | \b(?P<e>\d{1,2})\s+years?\s+(?:of\s+age|old)\s+or\s+(?:older|over|above)\b
            ";

    // src/extract/claims.rs (continued)

    /// Generic objects that leave a claim unscoped.
    UNSCOPED_OBJECT_RE = r"(?i)^(?:(?:your|any|the|all|our\s+users[’']?|users[’']?|customers[’']?|such|this|that)\s+)?(?:(?:potentially|personally|identifiable|identifying|personally-identifying|personally-identifiable|non-public|personal|private|user|customer|sensitive|other)[\s,]+(?:(?:and|or)\s+)?)*(?:data|information|info|details|personal\s+data)(?:\s+(?:or|and)\s+(?:information|data|personal\s+data))?(?:\s+about\s+(?:you|them))?$|^(?:it|them|anything|any\s+of\s+it)$";
    /// Discourse openers that are not scopes ("In short, …").
    DISCOURSE_RE = r"(?i)^(?:short|summary|brief|addition|general|particular|other\s+words|instance|example|practice|clarity|any\s+case|fact|turn|contrast|accordance\s+with.*|line\s+with.*|compliance\s+with.*|order\s+to.*|most\s+cases|some\s+cases|this\s+(?:policy|notice|section|statement)|this\s+case|that\s+case|the\s+meantime|sum|particular|detail|details|more\s+detail|context|the\s+past|the\s+future|now|today|example\s+.*|all\s+cases|(?:the\s+)?purposes?\s+of.*|(?:the\s+)?preceding.*|(?:the\s+)?past.*|(?:the\s+)?last.*|(?:the\s+)?meaning\s+of.*|(?:the\s+)?sense\s+of.*|(?:the\s+)?context\s+of.*|accordance.*|respect\s+to.*|regard\s+to.*)$";
    OBJECT_SCOPE_RE = r#"(?ix)
        \b(?:sell|sells|rent|rents|share|shares|use|uses|disclose|discloses|provide|provides|transfer|transfers|give|gives|process|processes|trade|trades|license|licenses)\b[”"’]?
        (?:[\s,/“”"]*(?:or|and)?[\s“”"]*(?:sell|sells|rent|rents|share|shares|use|uses|disclose|discloses|provide|provides|transfer|transfers|give|gives|trade|trades|license|licenses)\b[”"’]?)*
        \s+(?P<o>.+?)
        \s*(?:\b(?:with|to|for|about|from|in|on|unless|except|without|when|if|as|within|by|through|via|at|because|so|since|that|which|who|under\s+(?:any|no|the|applicable|this|these|our|such|certain)|and\s+(?:have|has|had|will|we|do|does|never|are|is|was))\b|[,.;:—–(]|$)"#;

    // src/extract/contacts.rs (continued)

    /// Context that makes an address one for privacy matters.
    PRIVACY_CONTEXT_RE = r"(?ix)
            \bprivacy\b | \bpersonal\s+(?:data|information)\b | \bdata\s+protection\b | \bDPO\b
            | \byour\s+(?:data|information|personal|rights?)\b | \brights?\b
            | \brequests?\b | \bwithdraw | \bconsent\b | \bopt(?:ing)?[- ]?out\b | \bunsubscribe\b
            | \b(?:delet|eras|access|correct|rectif)\w*\b
            | \bgdpr\b | \bccpa\b | \bcomplain
            | \bthis\s+(?:privacy\s+)?(?:policy|notice|statement)\b
            ";
    /// A data protection authority or other regulator named as the address's
    /// owner ("Information Commissioner’s Office icocasework@ico.org.uk").
    REGULATOR_RE = r"(?i)\b(?:information\s+commissioner|ICO|supervisory\s+authorit\w*|data\s+protection\s+(?:authorit\w*|commission(?:er)?)|regulator|CNIL|EDPB|federal\s+trade\s+commission|FTC|attorney\s+general)\b";

    // src/extract/context.rs (continued)

    FLOW_VERB_RE = r"(?i)\b(?:shar(?:e|es|ed|ing)|disclos\w*|transfer\w*|send\w*|sent|sell\w*|sold|process\w*|collect\w*|receiv\w*|stor(?:e|es|ed|ing|age)|host\w*|provid\w*|analy[sz]\w*|track\w*|use|uses|used|using|utili[sz]\w*|power(?:s|ed)?|handl\w*|transmit\w*|obtain\w*|gather\w*|deliver\w*|communicat\w*|pa(?:y|ys|id|ying|yments?)|donat\w*|purchas\w*|sign(?:s|ed)?\s+in|log(?:s|ged)?\s+in|authenticat\w*|personal\s+(?:data|information)|your\s+(?:data|information))\b";

    // src/extract/cookies.rs (continued)

    COOKIE_NAME_HEADER = r"(?i)^\W*(?:cookie(?:s|\s*names?|\s*ids?|\s*identifiers?)?|names?(?:\s+of\s+(?:the\s+)?cookies?)?|cookie\s*/\s*name|identifier|key)\W*$";

    // src/extract/dates.rs (continued)

    DATE_STATEMENT_RE = r"(?ix)
            (?P<upd>
                \blast\s+(?:updated|modified|revised|reviewed|changed|amended|edited)
              | \b(?:date\s+of\s+)?last\s+(?:update|revision|modification|change)
              | \b(?:updated|revised|modified|amended)
              | \b(?:revision|version|update)\s+date
              | \bdate\s+of\s+(?:last\s+)?revision
            )
            | (?P<eff>
                \beffective(?:\s+date)?
              | \bin\s+effect
              | \bvalid\s+(?:from|as\s+of|since)
              | \bcomes?\s+into\s+(?:force|effect)
              | \b(?:took|takes|take|taking)\s+effect
            )
            | (?P<dated>\bdated?\b)";
    TEMPLATE_DATE_ARG = r#"(?i)["']?\b(?:(?P<upd>last[\s_-]*(?:updated|modified|revised)|updated(?:[\s_-]*(?:at|on))?|revised)|(?P<eff>effective(?:[\s_-]*(?:date|from))?))["']?\s*[:=,]\s*["'](?P<value>[^"'\n]{4,40})["']"#;

    // src/extract/rights.rs (continued)

    /// Grant cues: "you have the right to", "you can (ask to)", "request".
    RIGHTS_CUE_RE = r"(?ix)
        \brights?\s+(?:to|of)(?:\s+(?:request|ask\s+(?:us\s+)?to|obtain|not\s+be\s+subject\s+to|be\s+subject\s+to))?\b
        | \b(?:you|users?|individuals?|consumers?|residents?|data\s+subjects?|customers?|visitors?)
          \s+(?:also\s+|always\s+)?
          (?:can|may|could|are\s+able\s+to|are\s+entitled\s+to|have\s+the\s+(?:option|ability)\s+to)
          (?:\s+(?:also|always|at\s+any\s+time))?
          (?:\s+(?:ask|request|choose|contact\s+us|instruct\s+us|email\s+us)(?:\s+(?:us|that\s+we))?(?:\s+to)?)?\b
        | \brequest(?:s|ed|ing)?(?:\s+(?:that\s+we|that|us\s+to|to))?\b
        | \bask\s+(?:us\s+)?(?:to|that)\b
        | \bentitled\s+to\b
        ";
    /// A cue after which a noun phrase names what the reader may have: "the
    /// right to (request)", "request", "obtain", "ask (us) for", "entitled to".
    REQUEST_CUE_RE = r"(?i)(?:\bright\s+(?:to|of)(?:\s+(?:request|obtain|receive))?|\brequest(?:s|ed|ing)?|\bobtain|\breceive|\bask\s+(?:us\s+)?for|\bentitled\s+to)\s*$";
    RESPONSE_RE = r"(?i)\b(?:within|in|no\s+later\s+than|not\s+later\s+than|up\s+to)\s+(?P<dur>(?:\d{1,3}|[a-z]+(?:[- ][a-z]+)?)(?:\s*\(\d{1,3}\))?\s+(?:business\s+|calendar\s+|working\s+)?(?:days?|weeks?|months?))\b";

    // src/extract/third_parties.rs (continued)

    QUOTED_WE_RE = r#"^[^)]{0,80}?["“”'‘’]\s*(?:we|us|our)\s*[,"“”'‘’]"#;

    // src/extract/duration.rs

    // A duration: a number (digits, words, "a"/"an"), an optional number in
    // parentheses ("thirty (30)"), and a unit.
    DURATION = concat!(
        r"(?i)\b(?P<num>", digits!(), "|", words!(), r"|an?)\b",
        r"(?:\s*\(\s*(?P<paren>", digits!(), "|", words!(), r")\s*\))?",
        r"(?:\s*[-‐‑]\s*|\s+)(?:(?:business|calendar|working)\s+)?",
        r"(?P<unit>seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?|years?|yrs?)\b"
    );
}
