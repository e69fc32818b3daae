//! Contacts: e-mail addresses the policy gives for privacy matters.
//!
//! An address counts when its own name says so (`privacy@`, `dpo@`,
//! `gdpr@`, `dataprotection@`), or when the sentence it sits in, its list
//! item's label or its heading is about privacy, personal data, the
//! reader's rights or requests (access, deletion, consent, opting out,
//! unsubscribing), a data protection officer, or questions about this
//! policy. An address given only for customer support, sales, press or
//! jobs does not count, nor does a regulator's address given for
//! complaints ("Information Commissioner’s Office icocasework@ico.org.uk").
//! The role is `dpo` when the context names a data protection officer,
//! `privacy` otherwise.
//!
//! Addresses come from the text and from link destinations (`mailto:`
//! links and links whose destination is a bare address, even when the link
//! text shows a different one). Obfuscation remnants such as Cloudflare's
//! "[email protected]" contain no address and yield nothing; documentation
//! placeholders (`you@example.com`) are skipped.

use std::collections::HashSet;

use crate::pattern::table;

use super::context::Tokens;
use super::lexicons::Input;
use crate::document::{Block, Document};
use crate::model::{Contact, Evidence, PolicyModel};
use crate::span::Span;

/// Does the text just before the address (in its sentence) name a
/// regulator as its owner, without "us"/"our"/"we" in between? Then the
/// address is where to complain, not the organisation's contact.
fn regulators_address(block: &Block, start: usize) -> bool {
    let own = table::REGULATORS_ADDRESS_OWN.regex();
    let (sentence_start, _) = super::rights::local_sentence(block, start, start);
    let from = crate::span::ceil_char(&block.text, sentence_start.max(start.saturating_sub(160)));
    let before = block.text.get(from..start).unwrap_or("");
    let Some(last) = table::REGULATOR_RE.regex().find_iter(before).last() else {
        return false;
    };
    !own.is_match(&before[last.end()..])
}

/// A documentation placeholder ("you@example.com"), not a contact. An
/// address at a reserved domain with a role-like name
/// (`privacy@lumen.example`) is kept: sample policies use them.
fn placeholder(email: &str) -> bool {
    let (local, domain) = email.split_once('@').unwrap_or(("", email));
    let local = local.to_ascii_lowercase();
    let domain = domain.to_ascii_lowercase();
    let reserved = matches!(
        domain.as_str(),
        "example.com" | "example.org" | "example.net" | "domain.com" | "yourdomain.com"
    ) || domain.ends_with(".example")
        || domain.ends_with(".invalid")
        || domain.ends_with(".test");
    reserved
        && matches!(
            local.as_str(),
            "you"
                | "your"
                | "yourname"
                | "your.name"
                | "user"
                | "username"
                | "name"
                | "email"
                | "someone"
                | "somebody"
                | "john"
                | "jane"
                | "john.doe"
                | "jane.doe"
                | "johndoe"
                | "firstname.lastname"
                | "first.last"
                | "me"
                | "test"
                | "foo"
                | "bar"
        )
}

/// Role of an address found at `range` of `block`, or `None` when it is not
/// given for privacy matters.
fn role(
    doc: &Document,
    block: &Block,
    label: Option<&str>,
    start: usize,
    email: &str,
) -> Option<&'static str> {
    if regulators_address(block, start) {
        return None;
    }
    let (_, sentence) = super::rights::local_sentence(block, start, start + email.len());
    // Other addresses in the sentence say nothing about this one's role
    // ("contact privacy@x.com or DPO@x.com").
    let masked = table::EMAIL_RE
        .regex()
        .replace_all(&block.text[sentence], " ");
    let sent = masked.as_ref();
    let path = doc.section_path(block);
    let heading = path.last().copied().unwrap_or("");
    let local = email.split('@').next().unwrap_or("");
    let dpo = table::DPO_RE.regex().is_match(sent)
        || label.is_some_and(|l| {
            table::DPO_RE
                .regex()
                .is_match(&table::EMAIL_RE.regex().replace_all(l, " "))
        })
        || table::DPO_RE.regex().is_match(local);
    if dpo {
        return Some("dpo");
    }
    let privacy = table::PRIVACY_LOCAL_RE.regex().is_match(local)
        || table::PRIVACY_CONTEXT_RE.regex().is_match(sent)
        || label.is_some_and(|l| table::PRIVACY_CONTEXT_RE.regex().is_match(l))
        || (table::CONTACT_HEADING_RE.regex().is_match(heading)
            && !table::OTHER_PURPOSE_RE.regex().is_match(sent));
    let other = table::OTHER_PURPOSE_RE.regex().is_match(sent)
        && !table::PRIVACY_LOCAL_RE.regex().is_match(local);
    (privacy && !other).then_some("privacy")
}

/// Add every privacy contact address of `doc` to `model`, once per address
/// and role (the first occurrence is the evidence).
pub fn extract(input: &Input, model: &mut PolicyModel) {
    let doc = input.doc;
    let mut seen: HashSet<(String, &'static str)> = HashSet::new();
    let mut push = |email: &str, role: &'static str, span: Span, model: &mut PolicyModel| {
        let key = (email.to_ascii_lowercase(), role);
        if !seen.insert(key) {
            return;
        }
        model.contacts.push(Contact {
            role: role.to_string(),
            email: email.to_string(),
            evidence: Evidence::new(doc, span),
        });
    };
    for block in &doc.blocks {
        let has_at = block.text.contains('@');
        if block.links.is_empty() && !has_at {
            continue;
        }
        // The label is only read for an address found; `email_re` needs
        // an '@', in the text or in a link's destination.
        let label_cell = std::cell::OnceCell::new();
        let label = || {
            *label_cell
                .get_or_init(|| super::rights::block_label(block).and_then(|r| block.text.get(r)))
        };
        let mut tokens = Tokens::new(&block.text);
        let hits = has_at.then(|| table::EMAIL_RE.regex().find_iter(&block.text));
        for m in hits.into_iter().flatten() {
            let email = m.as_str().trim_end_matches('.');
            if placeholder(email) || inside_url(&mut tokens, m.start()) {
                continue;
            }
            if let Some(r) = role(doc, block, label(), m.start(), email) {
                push(
                    email,
                    r,
                    block.span_of(m.start()..m.start() + email.len()),
                    model,
                );
            }
        }
        for link in &block.links {
            let dest = link.dest.trim();
            // The address is part of the destination.
            if !dest.contains('@') {
                continue;
            }
            let addr = dest
                .get(..7)
                .filter(|p| p.eq_ignore_ascii_case("mailto:"))
                .map(|_| &dest[7..])
                .unwrap_or(dest);
            let addr = addr.split(['?', '#']).next().unwrap_or("");
            let Some(m) = table::EMAIL_RE.regex().find(addr) else {
                continue;
            };
            if m.start() != 0 || m.end() != addr.len() || placeholder(m.as_str()) {
                continue;
            }
            let email = m.as_str();
            // Same address as the link text: already found in the text.
            let shown = block.text.get(link.text.clone()).unwrap_or("");
            if shown.eq_ignore_ascii_case(email) {
                continue;
            }
            let Some(r) = role(doc, block, label(), link.text.start, email) else {
                continue;
            };
            // Point at the destination in the original text when it is there.
            let outer = block.span_of(link.text.clone());
            let search_end = block
                .span
                .end
                .max(outer.end)
                .min(outer.end + 512 + email.len());
            let span = doc
                .text
                .get(outer.start..search_end)
                .and_then(|t| t.find(email))
                .map(|i| Span::new(outer.start + i, outer.start + i + email.len()))
                .unwrap_or(outer);
            push(email, r, span, model);
        }
    }
}

/// Is the address part of a URL (`https://user@host/…`)? `tokens` reads
/// the address's block; addresses come in order of position.
fn inside_url(tokens: &mut Tokens, start: usize) -> bool {
    let token_start = tokens.start(start);
    tokens.has_scheme(token_start..start)
}
