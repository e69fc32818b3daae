//! An inventory cookie is not disclosed in the policy set.
//!
//! ## What it checks
//!
//! Every entry under `cookies:` in `inventory.yaml` must be disclosed
//! somewhere in the policy set:
//!
//! - by name: a cookie the policy lists (`cookies` in the model) with the
//!   same name — case-insensitive, and a placeholder (`_ga_*`,
//!   `_ga_<container-id>`, `_hjSession_XXXXXX`) matches every name that
//!   starts with its fixed part — or the name written anywhere in the text on
//!   word boundaries, not negated (so a cookie named `session` is disclosed
//!   by "we use a single session cookie", `lumen_session` is not);
//! - or, for a cookie with a `provider`, by a sentence that names the
//!   provider (its name or catalog aliases) together with the word
//!   "cookie" ("In billing — Stripe cookies per their Privacy Policy").
//!
//! The level is `warning`, raised to `error` for a third-party cookie
//! (`party: third`): those send data to another company.
//!
//! ## Why it matters
//!
//! ePrivacy Directive Art. 5(3) (and national laws such as the UK PECR
//! reg. 6) require "clear and comprehensive information" about cookies
//! before they are set, including third-party cookies and their purposes;
//! the CNIL and other authorities have fined undisclosed third-party
//! cookies heavily.
//!
//! ## Example
//!
//! ```yaml
//! # inventory.yaml
//! cookies:
//!   - { name: _ga, party: third, provider: Google Analytics, purpose: analytics }
//! ```
//!
//! with a cookie notice that lists only `session`:
//!
//! ```text
//! error[cookies/undisclosed-cookie]: the third-party cookie _ga (Google Analytics) is not disclosed in the policy set
//! ```
//!
//! ## How to fix
//!
//! Add the cookie to the cookie notice with its provider, purpose and
//! lifetime; or remove it from `inventory.yaml` if the system no longer
//! sets it.
//!
//! ## References
//!
//! ePrivacy Directive 2002/58/EC Art. 5(3); GDPR Art. 13; EDPB Guidelines
//! 05/2020 on consent; CNIL délibération 2020-091.

use super::cookie_match::{name_written, policy_cookies};
use super::shared::{find_mentions, surroundings};
use super::{Context, Finding, Level, Rule, RuleInfo, SourceFile};
use crate::document::Document;
use crate::inventory::InvCookie;
use crate::lexicon::NameMatcher;
use crate::lexicon::vendors::catalog;
use crate::model::Party;
use crate::summary::DocSummary;

pub struct UndisclosedCookie;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "cookies/undisclosed-cookie",
    default_level: Level::Warning,
    source: include_str!("undisclosed_cookie.rs"),
    needs_inventory: true,
};

/// The inventory cookies' providers, each once (several cookies share
/// one), with the indexes of their cookies.
fn provider_groups(cookies: &[InvCookie]) -> Vec<(String, Vec<usize>)> {
    let mut providers: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, c) in cookies.iter().enumerate() {
        let Some(provider) = c
            .provider
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
        else {
            continue;
        };
        match providers
            .iter_mut()
            .find(|(p, _)| p.eq_ignore_ascii_case(provider))
        {
            Some((_, ids)) => ids.push(i),
            None => providers.push((provider.to_string(), vec![i])),
        }
    }
    providers
}

/// The inventory cookies' providers (see [`provider_groups`]) and one automaton over every provider's names
/// (the name and its catalog aliases); ids are provider indexes.
pub(crate) struct Providers {
    providers: Vec<(String, Vec<usize>)>,
    matcher: NameMatcher,
}

impl Providers {
    pub(crate) fn new(cookies: &[InvCookie]) -> Providers {
        let cat = catalog();
        let providers = provider_groups(cookies);
        let mut patterns = Vec::new();
        for (g, (provider, _)) in providers.iter().enumerate() {
            patterns.push((provider.clone(), g, false));
            if let Some(v) = cat.lookup(provider) {
                patterns.push((v.name.to_string(), g, false));
                patterns.extend(
                    v.aliases
                        .iter()
                        .filter(|a| !a.starts_with('_'))
                        .map(|a| (a.to_string(), g, false)),
                );
            }
        }
        Providers {
            providers,
            matcher: NameMatcher::new(patterns),
        }
    }

    /// The providers (by index) a sentence of `doc` names, not negated,
    /// together with "cookie".
    pub(crate) fn disclosed_in(&self, doc: &Document) -> Vec<usize> {
        let mut disclosed = vec![false; self.providers.len()];
        let mut out = Vec::new();
        for m in find_mentions(doc, &self.matcher) {
            if m.negated || disclosed.get(m.id).copied().unwrap_or(true) {
                continue;
            }
            let says_cookie = surroundings(doc, m.span)
                .is_some_and(|s| s.sentence.to_lowercase().contains("cookie"));
            if says_cookie && let Some(slot) = disclosed.get_mut(m.id) {
                *slot = true;
                out.push(m.id);
            }
        }
        out
    }
}

/// For each inventory cookie: does a sentence of the set name its provider
/// together with "cookie"? Each document's providers are in its summary
/// ([`Providers::disclosed_in`]).
fn provider_discloses(docs: &[DocSummary], cookies: &[InvCookie]) -> Vec<bool> {
    let groups = provider_groups(cookies);
    let mut disclosed = vec![false; groups.len()];
    for doc in docs {
        for &g in &doc.inventory.providers {
            if let Some(slot) = disclosed.get_mut(g) {
                *slot = true;
            }
        }
    }
    let mut out = vec![false; cookies.len()];
    for ((_, ids), yes) in groups.iter().zip(disclosed) {
        for &i in ids {
            if let Some(slot) = out.get_mut(i) {
                *slot = yes;
            }
        }
    }
    out
}

impl Rule for UndisclosedCookie {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(inv) = cx.inventory else { return };
        let written = name_written(cx.docs, inv);
        let by_provider = provider_discloses(cx.docs, &inv.cookies);
        for (i, c) in inv.cookies.iter().enumerate() {
            let listed = policy_cookies(&cx.model.cookies, c).next().is_some();
            if listed
                || written.get(i).copied().unwrap_or(false)
                || by_provider.get(i).copied().unwrap_or(false)
            {
                continue;
            }
            let name = &c.name.value;
            let third = c.party == Party::Third;
            let who = match (&c.provider, third) {
                (Some(p), _) => format!(
                    "the {}cookie {name} ({p})",
                    if third { "third-party " } else { "" }
                ),
                (None, true) => format!("the third-party cookie {name}"),
                (None, false) => format!("the cookie {name}"),
            };
            let mut f = Finding::new(
                &INFO,
                name,
                inv.locate(c.name.span),
                format!("{who} is not disclosed in the policy set"),
            )
            .label("set by the system according to the inventory")
            .help(format!(
                "Add {name} to the cookie notice (provider, purpose, lifetime), or remove it from {} if it is no longer set",
                inv.path
            ));
            if third {
                f.level = Level::Error;
            }
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::shared::testing::*;
    use super::*;
    use crate::model::Cookie;

    const INV: &str = concat!(
        "version: 1\n",
        "cookies:\n",
        "  - { name: session, party: first }\n",
        "  - { name: lumen_session, party: first }\n",
        "  - { name: _ga_ABC123, party: third, provider: Google Analytics }\n",
        "  - { name: __stripe_mid, party: third, provider: Stripe }\n",
        "  - { name: _fbp, party: third, provider: Meta }\n",
        "  - { name: _gid, party: third, provider: Google Analytics }\n",
        "  - { name: _gat, party: third, provider: Google Analytics }\n",
    );

    #[test]
    fn disclosed_by_name_placeholder_or_provider() {
        let d = doc(concat!(
            "# Cookies\n\n",
            "We use a single session cookie. In billing — Stripe cookies per their policy.\n\n",
            "Google Analytics sets cookies to count visits.\n\n",
            "| Cookie | Duration |\n| --- | --- |\n| _ga_* | 2 years |\n",
        ));
        let mut m = model(std::slice::from_ref(&d));
        m.cookies = vec![Cookie {
            name: "_ga_*".into(),
            party: Some(Party::Third),
            provider: None,
            purpose: None,
            duration: Some("2 years".into()),
            evidence: ev(&d, "_ga_*"),
        }];
        let i = inv(INV);
        let got = run(&UndisclosedCookie, &[d], &m, Some(&i));
        assert_eq!(
            brief(&got),
            [
                ("lumen_session".into(), "inventory.yaml".into(), 4, 13),
                ("_fbp".into(), "inventory.yaml".into(), 7, 13),
            ]
        );
        assert_eq!(got[0].level, Level::Warning);
        assert_eq!(got[1].level, Level::Error);
        assert_eq!(
            got[1].message,
            "the third-party cookie _fbp (Meta) is not disclosed in the policy set"
        );
    }
}
