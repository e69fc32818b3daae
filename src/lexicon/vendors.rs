//! The vendor catalog (`rules/lexicons/vendors.tsv`): canonical names,
//! aliases and legal-entity names of common subprocessors, matched in one
//! Aho-Corasick pass over a block's text: the automaton it shares with the
//! extractors' other lexicons, [`crate::extract::lexicons`], where
//! `vendors_in(text)` gives a text's vendor mentions (the `NameMatch::id`
//! is the vendor index).

use std::sync::OnceLock;

const TSV: &str = include_str!("../../rules/lexicons/vendors.tsv");

#[derive(Debug, Clone)]
pub struct Vendor {
    pub name: &'static str,
    pub country: &'static str,
    pub categories: Vec<&'static str>,
    pub aliases: Vec<&'static str>,
    /// The catalog name of the company whose legal entity provides this
    /// product ("Google" for Google Analytics), when the catalog says.
    pub parent: Option<&'static str>,
}

pub struct Catalog {
    pub vendors: Vec<Vendor>,
    /// Category key → description.
    pub categories: Vec<(&'static str, &'static str)>,
    /// Every name and alias: (text, vendor index, ambiguous).
    patterns: Vec<(String, usize, bool)>,
    /// Normalized name or alias → vendor index (first vendor wins).
    by_name: std::collections::HashMap<String, usize>,
}

impl Catalog {
    fn parse(tsv: &'static str) -> Catalog {
        let mut vendors = Vec::new();
        let mut categories = Vec::new();
        let mut patterns: Vec<(String, usize, bool)> = Vec::new();
        for line in tsv.lines() {
            if let Some(rest) = line.strip_prefix("#category\t") {
                if let Some((k, d)) = rest.split_once('\t') {
                    categories.push((k, d));
                }
                continue;
            }
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let Some(raw_name) = cols.next() else {
                continue;
            };
            let country = cols.next().unwrap_or("");
            let cats = cols.next().unwrap_or("");
            let aliases = cols.next().unwrap_or("");
            let parent = cols.next().map(str::trim).filter(|p| !p.is_empty());
            let idx = vendors.len();
            let add =
                |raw: &'static str, patterns: &mut Vec<(String, usize, bool)>| -> &'static str {
                    let (ambiguous, text) = match raw.strip_prefix('~') {
                        Some(t) => (true, t),
                        None => (false, raw),
                    };
                    let text = text.trim();
                    if !text.is_empty() {
                        patterns.push((text.to_string(), idx, ambiguous));
                    }
                    text
                };
            let name = add(raw_name, &mut patterns);
            let mut alias_list = Vec::new();
            for a in aliases.split('|').filter(|a| !a.trim().is_empty()) {
                alias_list.push(add(a, &mut patterns));
            }
            vendors.push(Vendor {
                name,
                country,
                categories: cats.split(',').filter(|c| !c.is_empty()).collect(),
                aliases: alias_list,
                parent,
            });
        }
        let mut by_name = std::collections::HashMap::new();
        for (i, v) in vendors.iter().enumerate() {
            for n in std::iter::once(&v.name).chain(v.aliases.iter()) {
                by_name.entry(normalize(n)).or_insert(i);
            }
        }
        Catalog {
            vendors,
            categories,
            patterns,
            by_name,
        }
    }

    /// Every name and alias, for the automaton: (text, vendor index,
    /// ambiguous).
    pub fn patterns(&self) -> &[(String, usize, bool)] {
        &self.patterns
    }

    pub fn vendor(&self, idx: usize) -> Option<&Vendor> {
        self.vendors.get(idx)
    }

    /// The vendor whose name or alias equals `name` (legal suffixes ignored).
    pub fn lookup(&self, name: &str) -> Option<&Vendor> {
        self.resolve(name).and_then(|i| self.vendors.get(i))
    }
}

/// Legal-entity suffixes, lower case, without punctuation.
const SUFFIXES: [&str; 21] = [
    "inc",
    "llc",
    "ltd",
    "limited",
    "gmbh",
    "corp",
    "corporation",
    "co",
    "plc",
    "sa",
    "sas",
    "bv",
    "nv",
    "ag",
    "ab",
    "oy",
    "pbc",
    "pty",
    "pte",
    "srl",
    "spa",
];

/// Is `word` (any case, no punctuation) a legal-entity suffix ("Inc",
/// "GmbH")?
pub fn is_legal_suffix(word: &str) -> bool {
    SUFFIXES.iter().any(|s| s.eq_ignore_ascii_case(word))
}

/// `name` without legal-entity suffixes and punctuation, lowercased:
/// "Stripe, Inc." → "stripe".
pub fn normalize(name: &str) -> String {
    let lower = name.to_lowercase();
    let mut words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    while words.len() > 1 && words.last().is_some_and(|w| SUFFIXES.contains(w)) {
        words.pop();
    }
    words.join(" ")
}

/// Is `name` a legal entity's name ("Google LLC", "Google, Inc.", "Google
/// Ireland Limited") rather than a brand or product name?
pub fn is_legal_entity_name(name: &str) -> bool {
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.len() > 1 && words.last().is_some_and(|w| SUFFIXES.contains(w))
}

impl Catalog {
    /// The index of the parent company of vendor `idx`, when the catalog
    /// names one that it also lists.
    pub fn parent(&self, idx: usize) -> Option<usize> {
        let p = self.vendors.get(idx)?.parent?;
        self.resolve(p).filter(|&i| i != idx)
    }

    /// Index of the vendor known by `name` (name or alias, legal suffixes ignored).
    pub fn resolve(&self, name: &str) -> Option<usize> {
        self.by_name.get(&normalize(name)).copied()
    }

    /// Do two names denote the same vendor (same normalized name, or the
    /// same catalog entry)?
    pub fn same_vendor(&self, a: &str, b: &str) -> bool {
        let (na, nb) = (normalize(a), normalize(b));
        if !na.is_empty() && na == nb {
            return true;
        }
        matches!((self.resolve(a), self.resolve(b)), (Some(x), Some(y)) if x == y)
    }
}

/// The catalog, parsed and compiled on first use.
pub fn catalog() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(|| Catalog::parse(TSV))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexicons::vendors_in as find;

    #[test]
    fn catalog_has_over_300_vendors() {
        assert!(
            catalog().vendors.len() >= 300,
            "{}",
            catalog().vendors.len()
        );
    }

    #[test]
    fn finds_vendors_on_word_boundaries_longest_first() {
        let c = catalog();
        let text = "We use Google Analytics and Amazon Web Services, Inc. but not Stripey.";
        let names: Vec<&str> = find(text)
            .iter()
            .map(|m| c.vendor(m.id).unwrap().name)
            .collect();
        assert_eq!(names, ["Google Analytics", "Amazon Web Services"]);
    }

    #[test]
    fn legal_entity_names_resolve_to_the_parent_of_the_products() {
        let c = catalog();
        let google = c.resolve("Google").unwrap();
        for name in ["Google LLC", "Google, Inc.", "Google, Inc", "Google Inc."] {
            assert_eq!(c.resolve(name), Some(google), "{name}");
        }
        // The automaton agrees: "Google, Inc." in running text is Google.
        let m = find("a service provided by Google, Inc. (“Google”)");
        assert_eq!(m[0].id, google);
        for product in [
            "Google Cloud Platform",
            "Google Analytics",
            "Google Workspace",
        ] {
            let i = c.resolve(product).unwrap();
            assert_eq!(c.parent(i), Some(google), "{product}");
        }
        assert_eq!(c.parent(google), None);
        assert!(is_legal_entity_name("Google Ireland Limited"));
        assert!(is_legal_entity_name("Google, Inc."));
        assert!(!is_legal_entity_name("Google"));
        assert!(!is_legal_entity_name("Google Analytics"));
        // The same for the other companies whose products the catalog
        // lists separately: the legal entity is the company, not the one
        // product it used to be filed under. github/subprocessors.md lists
        // "Microsoft (Azure)", a plain "Microsoft" (technical services) and
        // "Oracle America, Inc." as rows of their own.
        for (entity, company, products) in [
            (
                "Microsoft Corporation",
                "Microsoft",
                &["Microsoft Azure", "Microsoft 365", "Microsoft Clarity"][..],
            ),
            (
                "Oracle America, Inc.",
                "Oracle",
                &["Oracle Cloud", "Oracle Eloqua", "NetSuite"][..],
            ),
            ("Oracle Corporation", "Oracle", &["Oracle Cloud"][..]),
            ("Intuit Inc.", "Intuit", &["QuickBooks"][..]),
            (
                "Amazon Web Services, Inc.",
                "Amazon Web Services",
                &["Amazon SES", "Amazon Cognito"][..],
            ),
            ("Twilio Inc.", "Twilio", &["Twilio SendGrid", "Segment"][..]),
        ] {
            let parent = c.resolve(company).unwrap();
            assert_eq!(c.vendor(parent).unwrap().name, company);
            assert_eq!(c.resolve(entity), Some(parent), "{entity}");
            for product in products {
                let i = c.resolve(product).unwrap();
                assert_ne!(i, parent, "{product}");
                assert_eq!(c.parent(i), Some(parent), "{product}");
            }
        }
        let row = |text: &str| {
            let m = find(text);
            assert_eq!(m.len(), 1, "{text}");
            c.vendor(m[0].id).unwrap().name
        };
        assert_eq!(row("Microsoft (Azure)"), "Microsoft Azure");
        assert_eq!(row("Microsoft"), "Microsoft");
        assert_eq!(row("Oracle America, Inc."), "Oracle");
        // Every parent the catalog names is a vendor of the catalog.
        for (i, v) in c.vendors.iter().enumerate() {
            if v.parent.is_some() {
                assert!(c.parent(i).is_some(), "{}: unknown parent", v.name);
            }
        }
    }

    #[test]
    fn marks_ambiguous_aliases() {
        let m = find("Files are stored in Box.");
        assert_eq!(m.len(), 1);
        assert!(m[0].ambiguous);
    }
}
