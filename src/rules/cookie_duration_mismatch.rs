//! A cookie's lifetime in the policy differs from the inventory's.
//!
//! ## What it checks
//!
//! For every cookie the policy lists with a duration ("Session", "1 year",
//! "13 months") that matches an inventory cookie with a `duration`, the two
//! lifetimes must agree. The policy's text is read with a small parser
//! (numbers in digits or words up to twelve; seconds and minutes count as a
//! day, hours round up to days, a week is 7 days, a month 30, a year 365;
//! "session" or "when you close your browser" is the browser session); text
//! that states no lifetime ("persistent", "varies") is skipped. Periods
//! within 3 % or one day of each other are equal (twelve months ≈ one
//! year). The finding points at the policy's cookie, with the inventory's
//! duration as the related location; its subject is the cookie name.
//!
//! ## Why it matters
//!
//! Cookie lifetime is part of the information users consent to (EDPB
//! Guidelines 05/2020; CNIL recommends at most 13 months for audience
//! measurement cookies). A notice that says "session" for a cookie that
//! lives a year misinforms every visitor.
//!
//! ## Example
//!
//! ```yaml
//! # inventory.yaml
//! cookies:
//!   - { name: _ga, party: third, duration: 2y }
//! ```
//!
//! with a cookie table that says `_ga … 1 year`:
//!
//! ```text
//! warning[cookies/duration-mismatch]: the policy gives the cookie _ga a lifetime of 1 year, but inventory.yaml says 2 years
//! ```
//!
//! ## How to fix
//!
//! Correct the cookie notice, or the cookie's expiry (and `duration` in
//! `inventory.yaml`).
//!
//! ## References
//!
//! ePrivacy Directive 2002/58/EC Art. 5(3); EDPB Guidelines 05/2020 on
//! consent; CNIL délibération 2020-091 (13 months).

use std::collections::BTreeSet;

use super::cookie_match::{Lifetime, inventory_cookie, parse_lifetime};
use super::shared::locate_evidence;
use super::{Context, Finding, Level, Rule, RuleInfo, SourceFile};

pub struct CookieDurationMismatch;

static INFO: RuleInfo = RuleInfo {
    id: "cookies/duration-mismatch",
    default_level: Level::Warning,
    source: include_str!("cookie_duration_mismatch.rs"),
    needs_inventory: true,
};

impl Rule for CookieDurationMismatch {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(inv) = cx.inventory else { return };
        let mut reported = BTreeSet::new();
        for c in &cx.model.cookies {
            let Some(policy) = c.duration.as_deref().and_then(parse_lifetime) else {
                continue;
            };
            let Some(ic) = inventory_cookie(inv, &c.name) else {
                continue;
            };
            let Some(dur) = &ic.duration else { continue };
            let Some(system) = Lifetime::of_inventory(dur.value) else {
                continue;
            };
            if policy.same(system) || !reported.insert(c.name.to_lowercase()) {
                continue;
            }
            let Some(loc) = locate_evidence(cx, &c.evidence) else {
                continue;
            };
            let name = &c.name;
            out.push(
                Finding::new(
                    &INFO,
                    name,
                    loc,
                    format!(
                        "the policy gives the cookie {name} a lifetime of {}, but {} says {}",
                        policy.describe(),
                        inv.path,
                        system.describe()
                    ),
                )
                .label(format!("lifetime {}", c.duration.as_deref().unwrap_or("").trim()))
                .related(inv.locate(dur.span), format!("{} in the inventory", system.describe()))
                .help(format!(
                    "Correct the lifetime in the cookie notice, or the cookie's expiry and its `duration` in {}",
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
    use crate::model::Cookie;

    #[test]
    fn reports_different_lifetimes() {
        let d = doc(
            "# Cookies\n\n| Cookie | Duration |\n| --- | --- |\n| _ga | 1 year |\n| sid | Session |\n| pref | 12 months |\n| x | persistent |\n",
        );
        let mut m = model(std::slice::from_ref(&d));
        let cookie = |name: &str, dur: &str| Cookie {
            name: name.into(),
            party: None,
            provider: None,
            purpose: None,
            duration: Some(dur.into()),
            evidence: ev(&d, &format!("| {name} |")),
        };
        m.cookies = vec![
            cookie("_ga", "1 year"),
            cookie("sid", "Session"),
            cookie("pref", "12 months"),
            cookie("x", "persistent"),
        ];
        let i = inv(concat!(
            "version: 1\n",
            "cookies:\n",
            "  - { name: _ga, party: third, duration: 2y }\n",
            "  - { name: sid, duration: session }\n",
            "  - { name: pref, duration: 1y }\n",
            "  - { name: x, duration: 30d }\n",
        ));
        let got = run(&CookieDurationMismatch, &[d], &m, Some(&i));
        assert_eq!(brief(&got), [("_ga".into(), "policy.md".into(), 5, 1)]);
        assert_eq!(
            got[0].message,
            "the policy gives the cookie _ga a lifetime of 1 year, but inventory.yaml says 2 years"
        );
        assert_eq!(got[0].related[0].location.line, 3);
    }
}
