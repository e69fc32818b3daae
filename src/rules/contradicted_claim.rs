//! A claim in the policy ("we never sell", "no tracking cookies", "we do not use Google Analytics") contradicts the inventory.
//!
//! ## What it checks
//!
//! Each claim the policy makes (`claims` in the model) is held against the
//! facts in `inventory.yaml`:
//!
//! | claim | contradicted by |
//! | --- | --- |
//! | `no_sale` | `practices.sells_personal_data: true` |
//! | `no_sharing_for_advertising` | `practices.shares_for_cross_context_advertising: true` |
//! | `no_ai_training` | `practices.trains_ai_on_customer_data: true` |
//! | `no_cookies` | any cookie |
//! | `no_third_party_cookies` | a cookie with `party: third` |
//! | `no_tracking_cookies` | a cookie whose purpose says analytics, advertising, marketing or tracking, or whose provider is an analytics or advertising vendor |
//! | `no_third_party_analytics` | `practices.third_party_tracking: true`, or a subprocessor whose main category is analytics, product analytics, session replay or advertising |
//! | `no_cross_site_tracking` | `practices.third_party_tracking: true`, or a subprocessor whose main category is advertising (site analytics such as Google Analytics or Fathom measures one site; it is third-party analytics but not cross-site tracking) |
//!
//! and a vendor the policy names only to deny it ("we do not use Google
//! Analytics" — a negated third party) that `subprocessors` lists (the same
//! vendor by name, alias or catalog entry) contradicts the denial. A vendor
//! the policy also names without negation ("Payments go through Stripe; we
//! do not send card numbers to Stripe") is not denied.
//!
//! **Scope.** A claim limited to part of the service (`scope` in the model:
//! "on the marketing site — no cookies at all", "Umami does not use
//! cookies") is checked only against inventory entries inside that scope:
//!
//! - when the scope names a vendor or tool (a catalog vendor, a
//!   subprocessor or a `self_hosted` tool, also in parentheses: "our
//!   analytics solution (Umami)"), an entry is in scope when it is
//!   that vendor (a subprocessor) or is provided by it (a cookie's
//!   `provider`);
//! - otherwise an entry is in scope when its name, purpose and provider
//!   together contain every word of the scope (articles and prepositions
//!   ignored): a cookie with purpose "marketing site analytics" is inside
//!   "the marketing site", the app's session cookie is not;
//! - scoped claims are never held against `practices`, which describe the
//!   whole system.
//!
//! One finding per claim kind and scope, at the claim's first statement;
//! the related locations point at the contradicting inventory entries. The
//! subject is the claim kind (`no_sale`), or the vendor for a denied vendor.
//!
//! ## Why it matters
//!
//! An explicit promise that is false is the most serious kind of policy
//! error: it is a deceptive statement (FTC Act §5; the FTC's cases against
//! companies whose privacy promises were false), it defeats consent (GDPR
//! Art. 4(11), 7), and for "we do not sell" it decides whether CCPA opt-out
//! duties apply.
//!
//! ## Example
//!
//! ```yaml
//! # inventory.yaml
//! practices:
//!   sells_personal_data: true
//! ```
//!
//! with "We do not sell, rent, or share your personal information":
//!
//! ```text
//! error[claims/contradicted-claim]: the policy claims no sale of personal data, but inventory.yaml says otherwise: practices.sells_personal_data is true
//! ```
//!
//! ## How to fix
//!
//! Change the practice or change the claim — never leave both. If the
//! inventory entry is outside the part of the service the claim is about,
//! make the claim's scope explicit in the policy ("On the marketing site we
//! set no cookies").
//!
//! ## References
//!
//! FTC Act §5 (15 U.S.C. §45); GDPR Art. 5(1)(a), Art. 13; CCPA Cal. Civ.
//! Code §1798.120, §1798.135; ePrivacy Directive Art. 5(3).

use super::shared::{Disclosure, name_variants, primary_category, subprocessor_disclosures};
use super::{Context, Finding, Level, Location, Rule, RuleInfo, SourceFile};
use crate::inventory::{InvCookie, Inventory, Located, Subprocessor};
use crate::lexicon::vendors::catalog;
use crate::model::{Claim, Party};

pub struct ContradictedClaim;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "claims/contradicted-claim",
    default_level: Level::Error,
    source: include_str!("contradicted_claim.rs"),
    needs_inventory: true,
};

/// Words of a scope that say nothing about *which* part of the service.
const SCOPE_STOPWORDS: [&str; 16] = [
    "the", "our", "your", "a", "an", "on", "in", "of", "for", "at", "this", "that", "its", "their",
    "to", "within",
];

/// Main categories that make a subprocessor analytics or tracking.
const TRACKING_CATEGORIES: [&str; 4] = [
    "analytics",
    "product_analytics",
    "session_replay",
    "advertising",
];

/// Purpose words that make a cookie a tracking cookie.
const TRACKING_WORDS: [&str; 12] = [
    "analytics",
    "advertising",
    "ads",
    "ad",
    "marketing",
    "tracking",
    "retargeting",
    "statistics",
    "measurement",
    "targeting",
    "remarketing",
    "conversion",
];

/// A claim's scope, resolved.
enum Scope {
    All,
    /// A vendor or tool, by the name the policy used.
    Vendor(String),
    /// Part of the service, as content words.
    Words(Vec<String>),
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn resolve_scope(scope: Option<&str>, inv: &Inventory) -> Scope {
    let Some(s) = scope.map(str::trim).filter(|s| !s.is_empty()) else {
        return Scope::All;
    };
    let cat = catalog();
    // "analytics solution (Umami)" names Umami: try the parts too.
    let names_vendor = name_variants(s).iter().any(|v| {
        cat.resolve(v).is_some()
            || inv
                .subprocessors
                .iter()
                .any(|sp| sp.names().any(|n| cat.same_vendor(n, v)))
            || inv.self_hosted.iter().any(|t| cat.same_vendor(&t.value, v))
    });
    if names_vendor {
        let vendor = name_variants(s)
            .into_iter()
            .find(|v| cat.resolve(v).is_some())
            .unwrap_or_else(|| s.to_string());
        return Scope::Vendor(vendor);
    }
    let w: Vec<String> = words(s)
        .into_iter()
        .filter(|w| !SCOPE_STOPWORDS.contains(&w.as_str()))
        .collect();
    if w.is_empty() {
        Scope::All
    } else {
        Scope::Words(w)
    }
}

impl Scope {
    fn is_all(&self) -> bool {
        matches!(self, Scope::All)
    }

    fn has_cookie(&self, c: &InvCookie) -> bool {
        match self {
            Scope::All => true,
            Scope::Vendor(v) => c
                .provider
                .as_deref()
                .is_some_and(|p| catalog().same_vendor(p, v)),
            Scope::Words(ws) => {
                let text = words(&format!(
                    "{} {} {}",
                    c.name.value,
                    c.purpose.as_deref().unwrap_or(""),
                    c.provider.as_deref().unwrap_or("")
                ));
                ws.iter().all(|w| text.contains(w))
            }
        }
    }

    fn has_subprocessor(&self, s: &Subprocessor) -> bool {
        match self {
            Scope::All => true,
            Scope::Vendor(v) => s.names().any(|n| catalog().same_vendor(n, v)),
            Scope::Words(ws) => {
                let mut all = s.names().collect::<Vec<_>>().join(" ");
                all.push(' ');
                all.push_str(s.purpose.as_deref().unwrap_or(""));
                let text = words(&all);
                ws.iter().all(|w| text.contains(w))
            }
        }
    }
}

fn is_tracking_cookie(c: &InvCookie) -> bool {
    // "marketing site" names a place, not a purpose.
    let purpose = c
        .purpose
        .as_deref()
        .unwrap_or("")
        .to_lowercase()
        .replace("marketing site", "site")
        .replace("marketing website", "site")
        .replace("marketing pages", "pages");
    let purpose = words(&purpose);
    if purpose.iter().any(|w| TRACKING_WORDS.contains(&w.as_str())) {
        return true;
    }
    let cat = catalog();
    c.provider
        .as_deref()
        .and_then(|p| cat.lookup(p))
        .or_else(|| cat.lookup(&c.name.value))
        .and_then(|v| v.categories.first())
        .is_some_and(|k| TRACKING_CATEGORIES.contains(k))
}

fn is_tracking_subprocessor(s: &Subprocessor) -> bool {
    primary_category(s).is_some_and(|k| TRACKING_CATEGORIES.contains(&k.as_str()))
}

/// The inventory facts that contradict one claim: (location, what it is).
fn contradictions(claim: &Claim, inv: &Inventory) -> Vec<(Location, String)> {
    let scope = resolve_scope(claim.scope.as_deref(), inv);
    let p = &inv.practices;
    let practice = |flag: &Option<Located<bool>>, key: &str| -> Vec<(Location, String)> {
        match flag {
            Some(v) if v.value && scope.is_all() => {
                vec![(inv.locate(v.span), format!("practices.{key} is true"))]
            }
            _ => Vec::new(),
        }
    };
    let cookies = |want: &dyn Fn(&InvCookie) -> bool, what: &str| -> Vec<(Location, String)> {
        inv.cookies
            .iter()
            .filter(|c| scope.has_cookie(c) && want(c))
            .map(|c| {
                (
                    inv.locate(c.name.span),
                    format!("{what} {} is set", c.name.value),
                )
            })
            .collect()
    };
    match claim.claim.as_str() {
        "no_sale" => practice(&p.sells_personal_data, "sells_personal_data"),
        "no_sharing_for_advertising" => practice(
            &p.shares_for_cross_context_advertising,
            "shares_for_cross_context_advertising",
        ),
        "no_ai_training" => practice(&p.trains_ai_on_customer_data, "trains_ai_on_customer_data"),
        "no_cookies" => cookies(&|_| true, "cookie"),
        "no_third_party_cookies" => cookies(&|c| c.party == Party::Third, "third-party cookie"),
        "no_tracking_cookies" => cookies(&is_tracking_cookie, "tracking cookie"),
        "no_third_party_analytics" | "no_cross_site_tracking" => {
            let cross_site = claim.claim == "no_cross_site_tracking";
            let mut v = practice(&p.third_party_tracking, "third_party_tracking");
            v.extend(
                inv.subprocessors
                    .iter()
                    .filter(|s| {
                        scope.has_subprocessor(s)
                            && if cross_site {
                                primary_category(s).as_deref() == Some("advertising")
                            } else {
                                is_tracking_subprocessor(s)
                            }
                    })
                    .map(|s| {
                        (
                            inv.locate(s.name.span),
                            format!(
                                "{} ({}) is a subprocessor",
                                s.name.value,
                                primary_category(s).unwrap_or_default().replace('_', " ")
                            ),
                        )
                    }),
            );
            v
        }
        _ => Vec::new(),
    }
}

/// The claim in words, for messages.
fn claim_words(kind: &str) -> &str {
    match kind {
        "no_sale" => "no sale of personal data",
        "no_sharing_for_advertising" => "no sharing of personal data for advertising",
        "no_ai_training" => "no AI training on customer data",
        "no_cookies" => "no cookies",
        "no_third_party_cookies" => "no third-party cookies",
        "no_tracking_cookies" => "no tracking cookies",
        "no_third_party_analytics" => "no third-party analytics",
        "no_cross_site_tracking" => "no cross-site tracking",
        other => other,
    }
}

impl Rule for ContradictedClaim {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(inv) = cx.inventory else { return };
        let mut seen: Vec<(&str, Option<&str>)> = Vec::new();
        for claim in &cx.model.claims {
            let key = (claim.claim.as_str(), claim.scope.as_deref());
            if seen.contains(&key) {
                continue;
            }
            let found = contradictions(claim, inv);
            let Some((_, first_what)) = found.first() else {
                continue;
            };
            let Some(loc) = cx
                .doc(&claim.evidence.path)
                .and_then(|d| d.locate(claim.evidence.span()))
            else {
                continue;
            };
            seen.push(key);
            let scoped = match claim.scope.as_deref() {
                Some(s) => format!(" ({s})"),
                None => String::new(),
            };
            let what = claim_words(&claim.claim);
            let mut f = Finding::new(
                &INFO,
                &claim.claim,
                loc,
                format!(
                    "the policy claims {what}{scoped}, but {} says otherwise: {first_what}",
                    inv.path
                ),
            )
            .label(format!("claims {what}{scoped}"))
            .help(format!(
                "Change the practice or the claim; if the contradicting entry lies outside what the claim is about, say so in the policy (a scoped claim), or correct {}",
                inv.path
            ));
            for (loc, what) in found {
                f = f.related(loc, what);
            }
            out.push(f);
        }
        for (s, d) in inv.subprocessors.iter().zip(subprocessor_disclosures(cx)) {
            let Disclosure::Negated { location } = d else {
                continue;
            };
            let name = &s.name.value;
            out.push(
                Finding::new(
                    &INFO,
                    name,
                    location.clone(),
                    format!(
                        "the policy says {name} is not used, but {} lists it as a subprocessor",
                        inv.path
                    ),
                )
                .label(format!("denies using {name}"))
                .related(inv.locate(s.name.span), "declared as a subprocessor here")
                .help(format!(
                    "Remove the denial and name {name} in the subprocessor list, or stop sending it data and remove it from {}",
                    inv.path
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::shared::testing::*;
    use super::*;

    fn claim(d: &crate::document::Document, kind: &str, scope: Option<&str>, at: &str) -> Claim {
        Claim {
            claim: kind.into(),
            scope: scope.map(str::to_string),
            evidence: ev(d, at),
        }
    }

    #[test]
    fn practices_contradict_unscoped_claims() {
        let d = doc("# Privacy\n\nWe never sell your data. We do not train AI on it.\n");
        let mut m = model(std::slice::from_ref(&d));
        m.claims = vec![
            claim(&d, "no_sale", None, "We never sell"),
            claim(&d, "no_ai_training", None, "We do not train"),
            claim(&d, "no_sale", Some("marketing site"), "your data"),
        ];
        let i = inv(
            "version: 1\npractices:\n  sells_personal_data: true\n  trains_ai_on_customer_data: false\n",
        );
        let got = run(&ContradictedClaim, &[d], &m, Some(&i));
        assert_eq!(brief(&got), [("no_sale".into(), "policy.md".into(), 3, 1)]);
        assert_eq!(
            got[0].message,
            "the policy claims no sale of personal data, but inventory.yaml says otherwise: practices.sells_personal_data is true"
        );
        // "  sells_personal_data: " is 23 characters: the value is at column 24.
        assert_eq!(got[0].related[0].location.line, 3);
        assert_eq!(got[0].related[0].location.column, 24);
    }

    const COOKIES: &str = concat!(
        "version: 1\n",
        "cookies:\n",
        "  - { name: app_session, party: first, purpose: authentication }\n",
        "  - { name: _ga, party: third, provider: Google Analytics, purpose: site statistics }\n",
        "  - { name: mkt_pref, party: first, purpose: marketing site language }\n",
    );

    #[test]
    fn cookie_claims_respect_scope() {
        let d = doc(
            "# Cookies\n\nOn the marketing site no cookies at all. No third-party cookies. Umami uses no cookies. No tracking cookies.\n",
        );
        let mut m = model(std::slice::from_ref(&d));
        m.claims = vec![
            claim(
                &d,
                "no_cookies",
                Some("marketing site"),
                "no cookies at all",
            ),
            claim(&d, "no_third_party_cookies", None, "No third-party"),
            claim(&d, "no_cookies", Some("Umami"), "Umami uses"),
            claim(&d, "no_tracking_cookies", None, "No tracking"),
        ];
        let i = inv(COOKIES);
        let got = run(&ContradictedClaim, &[d], &m, Some(&i));
        let subjects: Vec<&str> = got.iter().map(|f| f.subject.as_str()).collect();
        // The marketing-site claim meets mkt_pref (its purpose names the
        // marketing site), not the app's session cookie; _ga is third-party
        // and tracking; nothing is provided by Umami.
        assert_eq!(
            subjects,
            [
                "no_cookies",
                "no_third_party_cookies",
                "no_tracking_cookies"
            ]
        );
        assert_eq!(got[0].related.len(), 1);
        assert_eq!(got[0].related[0].location.line, 5);
        assert!(
            got[1].message.ends_with("third-party cookie _ga is set"),
            "{}",
            got[1].message
        );
        let i = inv(
            "version: 1\ncookies:\n  - { name: app_session, party: first, purpose: authentication }\n",
        );
        let d = doc("# Cookies\n\nOn the marketing site no cookies at all.\n");
        let mut m = model(std::slice::from_ref(&d));
        m.claims = vec![claim(
            &d,
            "no_cookies",
            Some("marketing site"),
            "no cookies",
        )];
        assert!(run(&ContradictedClaim, &[d], &m, Some(&i)).is_empty());
    }

    #[test]
    fn analytics_claims_meet_analytics_subprocessors() {
        let d = doc("# Privacy\n\nWe use no third-party analytics.\n");
        let mut m = model(std::slice::from_ref(&d));
        m.claims = vec![claim(
            &d,
            "no_third_party_analytics",
            None,
            "no third-party",
        )];
        let i = inv(
            "version: 1\nsubprocessors:\n  - name: Sentry\n  - name: Mixpanel\n  - name: Google\n    purpose: sign-in\n",
        );
        let got = run(&ContradictedClaim, &[d], &m, Some(&i));
        // Mixpanel is product analytics; Sentry's main category is error
        // monitoring and Google here does sign-in.
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].related.len(), 1);
        assert_eq!(
            got[0].related[0].message,
            "Mixpanel (product analytics) is a subprocessor"
        );
    }

    #[test]
    fn a_denied_vendor_in_the_inventory() {
        let d = doc("# Privacy\n\nWe do not use Google Analytics.\n");
        let docs = [d];
        let m = model(&docs);
        let i = inv("version: 1\nsubprocessors:\n  - name: Google Analytics 4\n");
        let got = run(&ContradictedClaim, &docs, &m, Some(&i));
        assert_eq!(
            brief(&got),
            [("Google Analytics 4".into(), "policy.md".into(), 3, 15)]
        );
        assert_eq!(got[0].related[0].location.line, 3);
        // Named elsewhere without negation: not a denial.
        let d = doc(
            "# Privacy\n\nWe use Google Analytics. We do not send card data to Google Analytics.\n",
        );
        let docs = [d];
        let m = model(&docs);
        assert!(run(&ContradictedClaim, &docs, &m, Some(&i)).is_empty());
    }
}
