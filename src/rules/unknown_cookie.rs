//! The policy names a cookie that the inventory does not list.
//!
//! ## What it checks
//!
//! Every cookie the policy set lists by name (`cookies` in the model, e.g. a
//! row of a cookie table) must match an entry under `cookies:` in
//! `inventory.yaml` — case-insensitively, with placeholders (`_ga_*`,
//! `_ga_<container-id>`) matching every name that starts with their fixed
//! part. Each unknown name is reported once, at its first mention.
//!
//! ## Why it matters
//!
//! Either the cookie notice is stale (the cookie is gone, and the notice
//! asks consent for something that does not exist) or the inventory is
//! incomplete (and `cookies/undisclosed-cookie` and the cookie claims are
//! checked against a partial truth). Neither is urgent, hence `info`.
//!
//! ## Example
//!
//! ```markdown
//! | Cookie | Purpose | Duration |
//! | --- | --- | --- |
//! | _hjSessionUser | Hotjar session | 1 year |
//! ```
//!
//! with no such cookie in `inventory.yaml`:
//!
//! ```text
//! info[cookies/unknown-cookie]: the policy names the cookie _hjSessionUser, which inventory.yaml does not list
//! ```
//!
//! ## How to fix
//!
//! Add the cookie to `cookies:` in `inventory.yaml` if the system sets it;
//! otherwise remove it from the cookie notice.
//!
//! ## References
//!
//! ePrivacy Directive 2002/58/EC Art. 5(3); GDPR Art. 5(1)(a).

use std::collections::BTreeSet;

use super::cookie_match::inventory_cookie;
use super::shared::locate_evidence;
use super::{Context, Finding, Level, Rule, RuleInfo};

pub struct UnknownCookie;

static INFO: RuleInfo = RuleInfo {
    id: "cookies/unknown-cookie",
    default_level: Level::Info,
    source: include_str!("unknown_cookie.rs"),
    needs_inventory: true,
};

impl Rule for UnknownCookie {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(inv) = cx.inventory else { return };
        let mut reported = BTreeSet::new();
        for c in &cx.model.cookies {
            let name = c.name.trim();
            if name.is_empty()
                || inventory_cookie(inv, name).is_some()
                || !reported.insert(name.to_lowercase())
            {
                continue;
            }
            let Some(loc) = locate_evidence(cx, &c.evidence) else {
                continue;
            };
            out.push(
                Finding::new(
                    &INFO,
                    name,
                    loc,
                    format!(
                        "the policy names the cookie {name}, which {} does not list",
                        inv.path
                    ),
                )
                .label("named here")
                .help(format!(
                    "Add {name} to `cookies` in {} if the system sets it; otherwise remove it from the policy",
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
    fn reports_unlisted_cookies_once() {
        let d = doc("# Cookies\n\n- _hjSessionUser\n- _ga_XYZ\n- _hjSessionUser again\n");
        let mut m = model(std::slice::from_ref(&d));
        let cookie = |name: &str, at: &str| Cookie {
            name: name.into(),
            party: None,
            provider: None,
            purpose: None,
            duration: None,
            evidence: ev(&d, at),
        };
        m.cookies = vec![
            cookie("_hjSessionUser", "_hjSessionUser"),
            cookie("_ga_XYZ", "_ga_XYZ"),
            cookie("_hjSessionUser", "_hjSessionUser again"),
        ];
        let i = inv("version: 1\ncookies:\n  - { name: \"_ga_*\", party: third }\n");
        let got = run(&UnknownCookie, &[d], &m, Some(&i));
        assert_eq!(
            brief(&got),
            [("_hjSessionUser".into(), "policy.md".into(), 3, 3)]
        );
    }
}
