// The extractors' static patterns, compiled at build time into DFAs (see
// `crate::pattern`). `build.rs` reads this file with `include!`, so it holds
// only the table and the rewriting both sides apply: no inner attributes,
// no `use`. A pattern written here must determinize within build.rs's size
// limits (the build fails otherwise); one that does not stays at its call
// site and compiles at run time.

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

/// Numbers written in words, for the patterns built at run time from them
/// (`extract::duration`).
#[allow(dead_code)]
pub(crate) const NUM_WORDS: &str = num_words!();

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
}
