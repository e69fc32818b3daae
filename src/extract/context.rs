//! Context around a mention: the sentence it sits in, whether the clause
//! negates it ("we do not use X"), whether it is self-hosted.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use crate::document::Block;

/// The sentence range of `block` containing `offset` (falls back to the whole text).
///
/// Sentences are sorted, disjoint and never empty (a test of `document`
/// holds every parser to that): the last one starting at or before
/// `offset` is found by binary search (a run-on paragraph has thousands).
pub fn sentence_at(block: &Block, offset: usize) -> Range<usize> {
    let contains = |r: &Range<usize>| r.start <= offset && offset < r.end.max(r.start + 1);
    let i = block.sentences.partition_point(|r| r.start <= offset);
    i.checked_sub(1)
        .and_then(|i| block.sentences.get(i))
        .filter(|r| contains(r))
        .cloned()
        .unwrap_or(0..block.text.len())
}

/// Start of the clause containing `offset` within `sentence` of `text`:
/// after the last `;`, `:`, ` but `, ` however`, ` while `, ` whereas ` or
/// dash before it.
pub fn clause_start(text: &str, sentence: &Range<usize>, offset: usize) -> usize {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        super::rights::compile(r"(?i)[;:]\s|\s[—–]\s|\s-\s|\bbut\b|\bhowever\b|\bwhile\b|\bwhereas\b|\bexcept\b|\binstead\b")
    });
    let start = sentence.start.min(offset);
    let prefix = &text[start..offset];
    re.find_iter(prefix)
        .last()
        .map(|m| start + m.end())
        .unwrap_or(start)
}

/// Does the clause before a mention negate its use ("we do not use",
/// "we never share data with", "no", "neither … nor", "without")?
pub fn negated_before(clause_prefix: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        let verbs = r"(?:use|uses|using|employ|embed|embeds|load|loads|include|includes|integrate|integrates|rely|relies|work|works|share|shares|sharing|send|sends|sell|sells|selling|run|runs|install|installs|set|sets|place|places|partner|partners|transfer|transfers|disclose|discloses|engage|engages)";
        let participles = r"(?:used|shared|sent|sold|disclosed|transferred|provided|passed|given)";
        super::rights::compile(&format!(
            concat!(
                r"(?i)(?:",
                // "we do not use …", "we never share … with …"
                r"(?:\b(?:do|does|did|will|shall|would|can|could|may)\s+not|\b(?:don't|doesn't|didn't|won't|never|cannot|can't))\s+(?:\w+\s+){{0,2}}?{verbs}\b.*",
                // "is not shared with …"
                r"|\bnot\s+(?:be\s+|been\s+)?{participles}\s+(?:\w+\s+){{0,2}}?(?:with|to)\b.*",
                // "no Google Analytics", "without Stripe", "neither A nor B"
                r"|\b(?:no|without|neither|nor)\s+(?:\w+[,\s]+){{0,2}}",
                r")$"
            ),
            verbs = verbs,
            participles = participles
        ))
    });
    re.is_match(clause_prefix)
}

/// Is the mention described as self-hosted / run on own servers?
pub fn self_hosted_near(clause: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        super::rights::compile(r"(?i)\bself[- ]?hosted\b|\bhost(?:ed)?\s+(?:it\s+)?(?:ourselves|ourself|in-house)\b|\bon\s+our\s+own\s+(?:servers|infrastructure|hardware)\b|\bon-premises\b")
    });
    re.is_match(clause)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negation_cues() {
        assert!(negated_before("We do not use "));
        assert!(negated_before("We do not use Google Analytics, "));
        assert!(negated_before("We don't embed "));
        assert!(negated_before("no "));
        assert!(!negated_before("We use "));
        assert!(!negated_before("Payments are processed by "));
        assert!(!negated_before(
            "Cookies that are not essential are set by "
        ));
        assert!(negated_before("Your data is not shared with "));
        assert!(negated_before("neither "));
    }

    #[test]
    fn self_hosted_cues() {
        assert!(self_hosted_near("via self-hosted Umami analytics"));
        assert!(self_hosted_near(
            "Self-hosted analytics (Plausible-compatible)"
        ));
        assert!(!self_hosted_near("hosted by Hetzner"));
    }
}
