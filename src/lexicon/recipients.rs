//! Recipient categories (`rules/lexicons/recipient_categories.tsv`): the
//! phrases a policy uses for a *kind* of recipient ("our payment provider",
//! "email delivery services"), keyed by the vendor catalog's category keys,
//! and the purpose cues that put a subprocessor in a category.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::NameMatcher;

const TSV: &str = include_str!("../../rules/lexicons/recipient_categories.tsv");

/// One phrase of the automaton and the category keys it stands for.
#[derive(Debug, Clone)]
pub struct Phrase {
    pub text: String,
    pub keys: Vec<&'static str>,
}

pub struct RecipientCategories {
    /// Phrase index → phrase; ids of [`Self::phrases`] matches.
    pub phrases: Vec<Phrase>,
    matcher: NameMatcher,
    /// (cue, keys) for purposes.
    cues: Vec<(String, Vec<&'static str>)>,
    cue_matcher: NameMatcher,
}

impl RecipientCategories {
    fn parse(tsv: &'static str) -> RecipientCategories {
        let mut nouns: Vec<&str> = Vec::new();
        // Phrase text (lowercased) → index into `phrases`.
        let mut index: FxHashMap<String, usize> = Default::default();
        let mut phrases: Vec<Phrase> = Vec::new();
        let mut cues: Vec<(String, Vec<&'static str>)> = Vec::new();
        let mut cue_index: FxHashMap<String, usize> = Default::default();
        let mut add = |text: String, keys: &[&'static str]| {
            let norm = text.to_lowercase();
            let i = *index.entry(norm).or_insert_with(|| {
                phrases.push(Phrase {
                    text,
                    keys: Vec::new(),
                });
                phrases.len() - 1
            });
            for k in keys {
                if !phrases[i].keys.contains(k) {
                    phrases[i].keys.push(k);
                }
            }
        };
        for line in tsv.lines() {
            if let Some(rest) = line.strip_prefix("#nouns\t") {
                nouns = rest
                    .split('|')
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                    .collect();
                continue;
            }
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let keys: Vec<&'static str> = cols
                .next()
                .unwrap_or("")
                .split(',')
                .map(str::trim)
                .filter(|k| !k.is_empty())
                .collect();
            if keys.is_empty() {
                continue;
            }
            let heads = cols.next().unwrap_or("");
            let whole = cols.next().unwrap_or("");
            let purpose = cols.next().unwrap_or("");
            for head in heads.split('|').map(str::trim).filter(|h| !h.is_empty()) {
                for noun in &nouns {
                    add([head, noun].join(" "), &keys);
                }
            }
            for p in whole.split('|').map(str::trim).filter(|p| !p.is_empty()) {
                add(p.to_string(), &keys);
            }
            for c in purpose.split('|').map(str::trim).filter(|c| !c.is_empty()) {
                let norm = c.to_lowercase();
                let i = *cue_index.entry(norm.clone()).or_insert_with(|| {
                    cues.push((norm, Vec::new()));
                    cues.len() - 1
                });
                for k in &keys {
                    if !cues[i].1.contains(k) {
                        cues[i].1.push(k);
                    }
                }
            }
        }
        let patterns: Vec<(&str, usize, bool)> = phrases
            .iter()
            .enumerate()
            .map(|(i, p)| (p.text.as_str(), i, false))
            .collect();
        let matcher = NameMatcher::grouped(&[&patterns]);
        let patterns: Vec<(&str, usize, bool)> = cues
            .iter()
            .enumerate()
            .map(|(i, (c, _))| (c.as_str(), i, false))
            .collect();
        let cue_matcher = NameMatcher::grouped(&[&patterns]);
        RecipientCategories {
            phrases,
            matcher,
            cues,
            cue_matcher,
        }
    }

    /// The automaton over every category phrase; ids index [`Self::phrases`].
    pub fn matcher(&self) -> &NameMatcher {
        &self.matcher
    }

    pub fn phrase(&self, id: usize) -> Option<&Phrase> {
        self.phrases.get(id)
    }

    /// Category keys a subprocessor's purpose text puts it in, in the order
    /// the cues occur in the text.
    pub fn categories_of_purpose(&self, purpose: &str) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::new();
        for m in self.cue_matcher.find(purpose) {
            if let Some((_, keys)) = self.cues.get(m.id) {
                for k in keys {
                    if !out.contains(k) {
                        out.push(k);
                    }
                }
            }
        }
        out
    }

    /// Every category key the lexicon knows.
    pub fn keys(&self) -> BTreeSet<&'static str> {
        self.phrases
            .iter()
            .flat_map(|p| p.keys.iter().copied())
            .collect()
    }
}

/// The lexicon, parsed and compiled on first use.
pub fn recipient_categories() -> &'static RecipientCategories {
    static R: OnceLock<RecipientCategories> = OnceLock::new();
    R.get_or_init(|| RecipientCategories::parse(TSV))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::vendors::catalog;

    fn keys_in(text: &str) -> Vec<&'static str> {
        let r = recipient_categories();
        let mut v: Vec<&'static str> = r
            .matcher()
            .find(text)
            .iter()
            .filter_map(|m| r.phrase(m.id))
            .flat_map(|p| p.keys.iter().copied())
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    #[test]
    fn finds_category_phrases_from_heads_and_nouns() {
        assert_eq!(
            keys_in("Billing data is processed by our payment provider."),
            ["billing_subscriptions", "payments"]
        );
        assert_eq!(
            keys_in("We rely on email delivery services and cloud hosting providers."),
            ["email_marketing", "email_transactional", "hosting"]
        );
        assert_eq!(
            keys_in("We share data with analytics providers."),
            ["analytics", "product_analytics"]
        );
        assert!(keys_in("We collect anonymised usage analytics via Umami.").is_empty());
        assert!(keys_in("You can make a payment.").is_empty());
    }

    #[test]
    fn purpose_cues_put_a_subprocessor_in_a_category() {
        let r = recipient_categories();
        assert_eq!(
            r.categories_of_purpose("transactional email"),
            ["email_transactional", "email_marketing"]
        );
        assert_eq!(
            r.categories_of_purpose("payments"),
            ["payments", "billing_subscriptions"]
        );
        assert!(r.categories_of_purpose("").is_empty());
    }

    #[test]
    fn every_key_is_a_catalog_category() {
        let known: BTreeSet<&str> = catalog().categories.iter().map(|(k, _)| *k).collect();
        for k in recipient_categories().keys() {
            assert!(known.contains(k), "unknown category key {k}");
        }
    }
}
