//! The pack loader: any YAML either loads and validates (regexes compiled
//! within their size limits) or is an error, never a panic or a hang. A pack
//! that validates is also run over a small policy, so its checks and
//! patterns are exercised too.
#![no_main]

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use candor::clock::Date;
use candor::document::{Document, SourceKind};
use candor::model::PolicyModel;
use candor::packs::{Facts, Pack, PackInput, PackOrigin, RuleRun, check_pack};
use libfuzzer_sys::fuzz_target;

const POLICY: &str = "---\ntitle: Privacy\nlast_updated: 2024-01-31\n---\n\n# Privacy Policy\n\nAcme GmbH is the controller. We collect your email address to run the service and keep it until you delete your account, plus 30 days. You may access, correct or erase your data, object, and complain to the CNIL. Contact privacy@acme.example.\n\n## Cookies\n\n| Cookie | Purpose | Duration |\n| --- | --- | --- |\n| session | login | session |\n\n- We share data with Stripe (payments).\n- We never sell personal information.\n";

fn fixture() -> &'static (Vec<Document>, PolicyModel, Facts) {
    static F: OnceLock<(Vec<Document>, PolicyModel, Facts)> = OnceLock::new();
    F.get_or_init(|| {
        let docs = vec![Document::parse(
            "privacy.md",
            POLICY.to_string(),
            SourceKind::Markdown,
        )];
        let model = candor::extract::extract_set(&docs);
        let facts = Facts::new(None, &BTreeMap::new());
        (docs, model, facts)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(pack) = Pack::parse(
        "house.yaml",
        Arc::from(text),
        PackOrigin::File("house.yaml".into()),
    ) else {
        return;
    };
    if pack.validate().is_err() {
        return;
    }
    let (docs, model, facts) = fixture();
    let input = PackInput {
        docs,
        model,
        facts,
        jurisdictions: None,
        today: Date::new(2026, 11, 22).expect("valid date"),
    };
    let run = |r: &candor::packs::PackRule| {
        Some(RuleRun {
            level: r.level,
            max_age: None,
        })
    };
    let mut out = Vec::new();
    let _ = check_pack(&pack, &input, &run, &mut out);
    for f in &out {
        let loc = &f.location;
        assert!(loc.span.start <= loc.span.end && loc.span.end <= POLICY.len());
        assert!(POLICY.is_char_boundary(loc.span.start) && POLICY.is_char_boundary(loc.span.end));
    }
});
