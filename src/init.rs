//! `candor init [POLICY...]`: write a `candor.yaml` naming the policy files and
//! a draft `inventory.yaml` filled in from what the policy itself says — the
//! third parties it names (self-hosted tools apart), its cookies, retention
//! periods, rights, contacts, minimum age and explicit claims.
//!
//! The draft is a starting point, not a truth: every value is a guess read
//! from the policy and carries a `# TODO: confirm` comment naming where it
//! was read. An inventory that only repeats the policy finds nothing; its
//! value comes from correcting it to what the system really does. Right after
//! `init`, `candor check` reports no inventory finding by construction.
//!
//! Files are written atomically (`crate::atomic`); existing files are never
//! overwritten without `--force` (exit 2). The draft is loaded with the
//! inventory loader before it is written, so `init` never leaves an
//! inventory that `check` would reject.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::error::{Error, Result};
use crate::inventory::{self, Inventory, RetentionPeriod};
use crate::lexicon::fideslang;
use crate::model::{Evidence, Party, PolicyModel, RetentionEvent};
use crate::source::{self, Warning};

pub const CONFIG_FILE: &str = "candor.yaml";
pub const INVENTORY_FILE: &str = "inventory.yaml";

#[derive(clap::Args, Debug, Clone, Default)]
pub struct InitArgs {
    /// Policy files (default: the files in the current directory whose names
    /// say privacy, subprocessor, cookie, …)
    pub policies: Vec<PathBuf>,
    /// Overwrite an existing candor.yaml or inventory.yaml
    #[arg(long)]
    pub force: bool,
    /// Read files with invalid UTF-8 after replacing the bad bytes
    #[arg(long)]
    pub lossy: bool,
}

/// File names that look like policy documents, for `init` without paths.
fn looks_like_policy(display: &str) -> bool {
    let name = display
        .rsplit('/')
        .next()
        .unwrap_or(display)
        .to_ascii_lowercase();
    [
        "privacy",
        "subprocessor",
        "sub-processor",
        "cookie",
        "datenschutz",
        "data-protection",
        "data_protection",
        "gdpr",
        "ccpa",
    ]
    .iter()
    .any(|k| name.contains(k))
}

/// Escape glob metacharacters so a file name is matched literally when the
/// config's `policies` entries are expanded.
fn glob_literal(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            '*' | '?' | '[' | '{' => {
                out.push('[');
                out.push(c);
                out.push(']');
            }
            c => out.push(c),
        }
    }
    out
}

/// Run `candor init` in `cwd`. Messages for the user go to `out`, warnings
/// to `err`.
pub fn run(args: &InitArgs, cwd: &Path, out: &mut dyn Write, err: &mut dyn Write) -> Result<i32> {
    let config_path = cwd.join(CONFIG_FILE);
    let inventory_path = cwd.join(INVENTORY_FILE);
    if !args.force {
        let existing: Vec<&str> = [CONFIG_FILE, ".candor.yaml", INVENTORY_FILE]
            .into_iter()
            .filter(|n| cwd.join(n).exists())
            .collect();
        if !existing.is_empty() {
            return Err(refuse(&existing));
        }
    }

    let mut warnings = Vec::new();
    let no_excludes = source::build_globset(&[])?;
    let files = if args.policies.is_empty() {
        // Policy-looking files in this directory (not below it: a repository
        // root holds many unrelated Markdown files in subdirectories).
        let mut names: Vec<String> = std::fs::read_dir(cwd)
            .map(|rd| {
                rd.flatten()
                    .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                    .filter_map(|e| e.file_name().to_str().map(str::to_string))
                    .filter(|n| {
                        let lower = n.to_ascii_lowercase();
                        source::DEFAULT_EXTENSIONS
                            .iter()
                            .any(|ext| lower.ends_with(&format!(".{ext}")))
                            && !n.starts_with('.')
                            && looks_like_policy(n)
                    })
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        let entries: Vec<String> = names.iter().map(|n| glob_literal(n)).collect();
        let found = if entries.is_empty() {
            Vec::new()
        } else {
            source::discover(&entries, cwd, &no_excludes, &mut warnings)?
        };
        if found.is_empty() {
            return Err(Error::new(
                "candor::usage",
                "no policy files named on the command line, and none found here by name",
            )
            .with_help("name them: `candor init privacy.md subprocessors.md`"));
        }
        found
    } else {
        let entries: Vec<String> = args
            .policies
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        source::discover(&entries, cwd, &no_excludes, &mut warnings)?
    };
    let entries: Vec<String> = files.iter().map(|f| f.display.clone()).collect();
    let model = crate::lint::load_model(&files, args.lossy, &mut warnings)?;
    write_warnings(&warnings, err)?;

    let inventory_text = draft_inventory(&model, &entries);
    // Never write an inventory `check` would reject.
    Inventory::from_str(INVENTORY_FILE, Arc::from(inventory_text.as_str())).map_err(|e| {
        Error::new(
            "candor::internal",
            format!("the draft inventory does not load (a bug in candor init): {e}"),
        )
    })?;
    let config_text = config(&entries);

    write(&inventory_path, &inventory_text, args.force)?;
    write(&config_path, &config_text, args.force)?;

    let m = &model;
    let subprocessors = subprocessors(m).len();
    let todo = inventory_text.matches("# TODO").count();
    let mut line = |s: String| -> Result<()> {
        writeln!(out, "{s}").map_err(|e| Error::new("candor::io", format!("cannot write: {e}")))
    };
    line(format!(
        "wrote {CONFIG_FILE} ({} policy file{})",
        entries.len(),
        if entries.len() == 1 { "" } else { "s" }
    ))?;
    line(format!(
        "wrote {INVENTORY_FILE}: a draft read from the policy ({subprocessors} subprocessor{}, {} cookie{}, {} retention statement{})",
        plural(subprocessors),
        m.cookies.len(),
        plural(m.cookies.len()),
        m.retention.len(),
        plural(m.retention.len()),
    ))?;
    line(format!(
        "next: correct the {todo} value{} marked TODO to what the system really does, then run `candor check`",
        plural(todo)
    ))?;
    Ok(crate::cli::EXIT_OK)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn refuse(existing: &[&str]) -> Error {
    Error::new(
        "candor::usage",
        format!(
            "{} already exist{}; candor init does not overwrite",
            existing.join(" and "),
            if existing.len() == 1 { "s" } else { "" }
        ),
    )
    .with_help(if existing.len() == 1 {
        "use --force to replace it, or edit the existing file"
    } else {
        "use --force to replace them, or edit the existing files"
    })
}

fn write(path: &Path, text: &str, force: bool) -> Result<()> {
    crate::atomic::write_atomic(path, force, |w| w.write_all(text.as_bytes())).map_err(|e| {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            refuse(&[name.as_str()])
        } else {
            Error::new("candor::io", format!("cannot write {name}: {e}")).with_path(name)
        }
    })
}

fn write_warnings(warnings: &[Warning], err: &mut dyn Write) -> Result<()> {
    for w in warnings {
        writeln!(
            err,
            "warning: {}: {}",
            crate::report::human::sanitize(&w.path),
            crate::report::human::sanitize(&w.message)
        )
        .map_err(|e| Error::new("candor::io", format!("cannot write: {e}")))?;
    }
    Ok(())
}

/// The `candor.yaml` text.
pub fn config(entries: &[String]) -> String {
    let mut s = String::new();
    s.push_str(
        "# candor configuration, written by `candor init`. Paths are relative to this file.\n",
    );
    s.push_str(&format!("inventory: {INVENTORY_FILE}\n"));
    s.push_str("policies:\n");
    for e in entries {
        let _ = writeln!(s, "  - {}", scalar(&glob_literal(e)));
    }
    s
}

/// A YAML scalar: plain when that is unambiguous, else double-quoted (a JSON
/// string is a valid YAML double-quoted scalar).
pub fn scalar(s: &str) -> String {
    const RESERVED: [&str; 12] = [
        "true", "false", "yes", "no", "on", "off", "null", "y", "n", "~", "none", "nan",
    ];
    let mut chars = s.chars();
    // A leading digit is fine when the value has a space: no YAML number,
    // date or time does ("14 days"); "30d" or "2024-01-01" get quotes.
    let plain = chars.next().is_some_and(|c| {
        c.is_ascii_alphabetic() || c == '_' || (c.is_ascii_digit() && s.contains(' '))
    }) && chars.all(|c| c.is_ascii_alphanumeric() || " ._/()+@-".contains(c))
        && !s.ends_with(' ')
        && !RESERVED.contains(&s.to_ascii_lowercase().as_str());
    if plain {
        s.to_string()
    } else {
        serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
    }
}

fn flow_list(items: &[String]) -> String {
    format!(
        "[{}]",
        items
            .iter()
            .map(|i| scalar(i))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// `privacy.md:12`
fn at(e: &Evidence) -> String {
    format!("{}:{}", e.path, e.line)
}

fn todo(e: &Evidence) -> String {
    format!("# TODO: confirm ({})", at(e))
}

/// Third parties to list as subprocessors: named and not negated, not
/// self-hosted; the first mention of each name (case-insensitive).
fn subprocessors(m: &PolicyModel) -> Vec<&crate::model::ThirdParty> {
    let hosted = self_hosted(m);
    let mut seen = BTreeSet::new();
    m.third_parties
        .iter()
        .filter(|t| !t.negated && !t.self_hosted)
        .filter(|t| !hosted.contains(&t.name.to_lowercase()))
        .filter(|t| seen.insert(t.name.to_lowercase()))
        .collect()
}

fn self_hosted(m: &PolicyModel) -> BTreeSet<String> {
    m.third_parties
        .iter()
        .filter(|t| t.self_hosted && !t.negated)
        .map(|t| t.name.to_lowercase())
        .collect()
}

/// A data item of the draft.
struct Item {
    id: String,
    name: String,
    aliases: Vec<String>,
    categories: Vec<String>,
    retention: Option<(String, Evidence)>,
    evidence: Option<Evidence>,
}

impl Item {
    fn covers(&self, subject: &str) -> bool {
        let s = subject.to_lowercase();
        std::iter::once(&self.name)
            .chain(&self.aliases)
            .map(|p| p.to_lowercase())
            .any(|p| !p.is_empty() && (s.contains(&p) || p.contains(&s)))
    }
}

/// `"Account data!"` → `account_data`.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    let out = out.trim_end_matches('_');
    let out: String = out.chars().take(40).collect();
    if out.is_empty() {
        "data".to_string()
    } else {
        out
    }
}

fn unique_id(base: String, taken: &mut BTreeSet<String>) -> String {
    let mut id = base.clone();
    let mut n = 2;
    while !taken.insert(id.clone()) {
        id = format!("{base}_{n}");
        n += 1;
    }
    id
}

/// A model retention statement in the inventory's grammar; `None` when the
/// policy states no period ("as long as necessary").
fn retention_text(r: &crate::model::Retention) -> Option<String> {
    if r.indefinite {
        return Some("indefinite".to_string());
    }
    let after = r.after.unwrap_or(RetentionEvent::Collection);
    let period = match (r.days, after) {
        (Some(days), after) => RetentionPeriod::Days { days, after },
        (None, RetentionEvent::Collection) => return None,
        (None, after) => RetentionPeriod::Days { days: 0, after },
    };
    let text = period.to_string();
    // The display form always parses back; check anyway rather than write
    // something the loader rejects.
    inventory::retention::parse(&text).ok().map(|_| text)
}

fn data_items(m: &PolicyModel) -> (Vec<Item>, Vec<String>) {
    let mut items: Vec<Item> = Vec::new();
    let mut taken = BTreeSet::new();
    // Collected categories, grouped by their second fideslang level.
    let mut groups: BTreeMap<String, Vec<&crate::model::DataCollected>> = BTreeMap::new();
    let mut order = Vec::new();
    for d in &m.data_collected {
        if !fideslang::is_known(d.category) {
            continue;
        }
        let g = fideslang::second_level(fideslang::canonical(d.category)).to_string();
        if !groups.contains_key(&g) {
            order.push(g.clone());
        }
        groups.entry(g).or_default().push(d);
    }
    for g in order {
        let facts = &groups[&g];
        let base = g.rsplit('.').next().unwrap_or(&g).to_string();
        let name = fideslang::get(&g)
            .map(|c| c.name.to_string())
            .unwrap_or_else(|| base.replace('_', " "));
        let mut aliases: Vec<String> = Vec::new();
        let mut categories: Vec<String> = Vec::new();
        for f in facts {
            if !aliases.iter().any(|a| a.eq_ignore_ascii_case(&f.phrase))
                && !f.phrase.trim().is_empty()
                && !f.phrase.eq_ignore_ascii_case(&name)
            {
                aliases.push(f.phrase.trim().to_string());
            }
            if !categories.iter().any(|c| c == f.category) {
                categories.push(f.category.to_string());
            }
        }
        categories.sort();
        items.push(Item {
            id: unique_id(slug(&base), &mut taken),
            name,
            aliases,
            categories,
            retention: None,
            evidence: facts.first().map(|f| f.evidence.clone()),
        });
    }
    // Retention statements: onto the item they name, else a new item.
    let mut notes = Vec::new();
    for r in &m.retention {
        let Some(text) = retention_text(r) else {
            notes.push(format!(
                "# TODO: the policy keeps {} without a period ({}); add the real retention to the data it concerns",
                r.subject.as_deref().unwrap_or("data"),
                at(&r.evidence)
            ));
            continue;
        };
        let Some(subject) = r.subject.as_deref().filter(|s| !s.trim().is_empty()) else {
            notes.push(format!(
                "# TODO: the policy states a retention of {text} without saying for what ({}); add it to the data it concerns",
                at(&r.evidence)
            ));
            continue;
        };
        if let Some(item) = items.iter_mut().find(|i| i.covers(subject)) {
            if item.retention.is_none() {
                item.retention = Some((text, r.evidence.clone()));
            } else {
                notes.push(format!(
                    "# TODO: the policy also states {text} for {subject} ({}); check which applies",
                    at(&r.evidence)
                ));
            }
            continue;
        }
        items.push(Item {
            id: unique_id(slug(subject), &mut taken),
            name: subject.trim().to_string(),
            aliases: Vec::new(),
            categories: Vec::new(),
            retention: Some((text, r.evidence.clone())),
            evidence: Some(r.evidence.clone()),
        });
    }
    (items, notes)
}

/// The draft `inventory.yaml` for a model read from `sources`.
pub fn draft_inventory(m: &PolicyModel, sources: &[String]) -> String {
    let mut s = String::new();
    let w = &mut s;
    let _ = writeln!(
        w,
        "# Draft inventory written by `candor init` from {}.",
        sources.join(", ")
    );
    w.push_str(
        "# Every value below was read from the policy, not from the system: correct\n\
         # each line marked \"TODO: confirm\" to what the system really does, then\n\
         # remove the marker. An inventory that only repeats the policy finds nothing.\n",
    );
    w.push_str("version: 1\n");

    // Organization: contacts only; the name and jurisdictions are not in the model.
    w.push_str("organization:\n");
    w.push_str("  # name: Example Inc.  # TODO: the name the policy uses for you\n");
    w.push_str(
        "  # jurisdictions: [eu, us-ca]  # TODO: the laws that apply (they select the regulation packs)\n",
    );
    let mut privacy = None;
    let mut dpo = None;
    let mut other_contacts = Vec::new();
    for c in &m.contacts {
        let slot = match c.role.as_str() {
            "privacy" => &mut privacy,
            "dpo" => &mut dpo,
            _ => {
                other_contacts.push(c);
                continue;
            }
        };
        if slot.is_none() {
            *slot = Some(c);
        } else {
            other_contacts.push(c);
        }
    }
    if privacy.is_some() || dpo.is_some() {
        w.push_str("  contacts:\n");
        for (key, c) in [("privacy", privacy), ("dpo", dpo)] {
            if let Some(c) = c {
                let _ = writeln!(w, "    {key}: {}  {}", scalar(&c.email), todo(&c.evidence));
            }
        }
    }
    for c in other_contacts {
        let _ = writeln!(
            w,
            "  # the policy also gives {} ({} contact, {})",
            c.email,
            c.role,
            at(&c.evidence)
        );
    }

    // Data.
    let (items, notes) = data_items(m);
    if items.is_empty() {
        w.push_str(
            "data: []  # TODO: what the system collects (id, name, categories, retention)\n",
        );
    } else {
        w.push_str("data:\n");
    }
    for n in &notes {
        let _ = writeln!(w, "  {n}");
    }
    for i in &items {
        let _ = write!(w, "  - id: {}", scalar(&i.id));
        match &i.evidence {
            Some(e) => {
                let _ = writeln!(w, "  {}", todo(e));
            }
            None => w.push('\n'),
        }
        let _ = writeln!(w, "    name: {}", scalar(&i.name));
        if !i.aliases.is_empty() {
            let _ = writeln!(w, "    aliases: {}", flow_list(&i.aliases));
        }
        if !i.categories.is_empty() {
            let _ = writeln!(w, "    categories: {}", flow_list(&i.categories));
        }
        if let Some((text, e)) = &i.retention {
            let _ = writeln!(w, "    retention: {}  {}", scalar(text), todo(e));
        } else {
            w.push_str("    # retention: 30d  # TODO: how long the system keeps it\n");
        }
    }

    // Subprocessors and self-hosted tools.
    let subs = subprocessors(m);
    if subs.is_empty() {
        w.push_str("subprocessors: []  # TODO: every third party that receives personal data\n");
    } else {
        w.push_str("subprocessors:\n");
    }
    for t in &subs {
        let _ = writeln!(w, "  - name: {}  {}", scalar(&t.name), todo(&t.evidence));
        if let Some(p) = t.purpose.as_deref().filter(|p| !p.trim().is_empty()) {
            let _ = writeln!(w, "    purpose: {}", scalar(p.trim()));
        }
        w.push_str("    data: []  # TODO: ids of the data entries it receives\n");
        if !t.locations.is_empty() {
            let _ = writeln!(w, "    locations: {}", flow_list(&t.locations));
        }
    }
    let mut hosted: Vec<&str> = Vec::new();
    for t in m
        .third_parties
        .iter()
        .filter(|t| t.self_hosted && !t.negated)
    {
        if !hosted.iter().any(|h| h.eq_ignore_ascii_case(&t.name)) {
            hosted.push(&t.name);
        }
    }
    if !hosted.is_empty() {
        let names: Vec<String> = hosted.iter().map(|h| h.to_string()).collect();
        let _ = writeln!(
            w,
            "self_hosted: {}  # TODO: confirm these run on your own servers",
            flow_list(&names)
        );
    }

    // Cookies.
    let mut seen = BTreeSet::new();
    let cookies: Vec<_> = m
        .cookies
        .iter()
        .filter(|c| seen.insert(c.name.clone()))
        .collect();
    if !cookies.is_empty() {
        w.push_str("cookies:\n");
    }
    for c in cookies {
        let _ = writeln!(w, "  - name: {}  {}", scalar(&c.name), todo(&c.evidence));
        match c.party {
            Some(Party::First) => w.push_str("    party: first\n"),
            Some(Party::Third) => w.push_str("    party: third\n"),
            None => {}
        }
        if let Some(p) = c.provider.as_deref().filter(|p| !p.trim().is_empty()) {
            let _ = writeln!(w, "    provider: {}", scalar(p.trim()));
        }
        if let Some(p) = c.purpose.as_deref().filter(|p| !p.trim().is_empty()) {
            let _ = writeln!(w, "    purpose: {}", scalar(p.trim()));
        }
        if let Some(d) = c.duration.as_deref().filter(|d| !d.trim().is_empty()) {
            if inventory::retention::parse(d).is_ok() {
                let _ = writeln!(w, "    duration: {}", scalar(d.trim()));
            } else {
                let _ = writeln!(
                    w,
                    "    # duration: {}  # TODO: write as session, 30d, 1y, …",
                    scalar(d.trim())
                );
            }
        }
    }

    // Practices, from explicit unscoped claims.
    let mut practices: BTreeMap<&str, &Evidence> = BTreeMap::new();
    for c in m.claims.iter().filter(|c| c.scope.is_none()) {
        let key = match c.claim.as_str() {
            "no_sale" => "sells_personal_data",
            "no_sharing_for_advertising" => "shares_for_cross_context_advertising",
            "no_ai_training" => "trains_ai_on_customer_data",
            "no_tracking_cookies" | "no_cross_site_tracking" => "third_party_tracking",
            _ => continue,
        };
        practices.entry(key).or_insert(&c.evidence);
    }
    if !practices.is_empty() {
        w.push_str("practices:\n");
        for (k, e) in practices {
            let _ = writeln!(w, "  {k}: false  {}", todo(e));
        }
    }

    // Rights.
    let mut rights: BTreeMap<&str, &Evidence> = BTreeMap::new();
    for r in &m.rights {
        if let Some(name) = inventory::RIGHTS.iter().find(|n| **n == r.right) {
            rights.entry(name).or_insert(&r.evidence);
        }
    }
    if !rights.is_empty() || m.response_days.is_some() {
        w.push_str("rights:  # self-service | on-request | unsupported\n");
        // In the order of the inventory format.
        for name in inventory::RIGHTS {
            if let Some(e) = rights.get(name) {
                let _ = writeln!(w, "  {name}: on-request  {}", todo(e));
            }
        }
        if let Some(d) = m.response_days {
            let _ = writeln!(w, "  response_days: {d}  # TODO: confirm");
        }
    }

    // Children.
    if let Some(c) = &m.children {
        let _ = writeln!(
            w,
            "children: {{ minimum_age: {} }}  {}",
            c.minimum_age,
            todo(&c.evidence)
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Bound, Children, Claim, Contact, Cookie, DataCollected, MentionSource, Retention,
        RightFact, ThirdParty,
    };

    fn ev(line: usize) -> Evidence {
        Evidence {
            path: "privacy.md".into(),
            line,
            column: 1,
            start: 0,
            end: 1,
        }
    }

    fn tp(name: &str, line: usize, self_hosted: bool, negated: bool) -> ThirdParty {
        ThirdParty {
            name: name.into(),
            purpose: None,
            locations: Vec::new(),
            self_hosted,
            negated,
            evidence: ev(line),
            source: MentionSource::Catalog,
        }
    }

    #[test]
    fn scalars_are_plain_only_when_unambiguous() {
        assert_eq!(scalar("Stripe"), "Stripe");
        assert_eq!(scalar("privacy@x.example"), "privacy@x.example");
        assert_eq!(
            scalar("Amazon Web Services (AWS)"),
            "Amazon Web Services (AWS)"
        );
        assert_eq!(scalar("no"), "\"no\"");
        assert_eq!(scalar("Off"), "\"Off\"");
        assert_eq!(scalar("2024"), "\"2024\"");
        assert_eq!(scalar("30d"), "\"30d\"");
        assert_eq!(scalar("1e3"), "\"1e3\"");
        assert_eq!(scalar("14 days"), "14 days");
        assert_eq!(scalar("Acme: the best"), "\"Acme: the best\"");
        assert_eq!(scalar("a # b"), "\"a # b\"");
        assert_eq!(scalar("*star"), "\"*star\"");
        assert_eq!(scalar("Müller GmbH"), "\"Müller GmbH\"");
        assert_eq!(scalar("say \"hi\"\n"), "\"say \\\"hi\\\"\\n\"");
        assert_eq!(scalar(""), "\"\"");
    }

    #[test]
    fn glob_metacharacters_are_escaped() {
        assert_eq!(glob_literal("docs/privacy[v2].md"), "docs/privacy[[]v2].md");
        assert_eq!(glob_literal("a*b?.md"), "a[*]b[?].md");
    }

    #[test]
    fn empty_model_gives_a_loadable_skeleton() {
        let text = draft_inventory(&PolicyModel::default(), &["privacy.md".into()]);
        let expected = "# Draft inventory written by `candor init` from privacy.md.
# Every value below was read from the policy, not from the system: correct
# each line marked \"TODO: confirm\" to what the system really does, then
# remove the marker. An inventory that only repeats the policy finds nothing.
version: 1
organization:
  # name: Example Inc.  # TODO: the name the policy uses for you
  # jurisdictions: [eu, us-ca]  # TODO: the laws that apply (they select the regulation packs)
data: []  # TODO: what the system collects (id, name, categories, retention)
subprocessors: []  # TODO: every third party that receives personal data
";
        assert_eq!(text, expected);
        Inventory::from_str("inventory.yaml", Arc::from(text.as_str())).unwrap();
    }

    #[test]
    fn full_model_becomes_a_draft_with_todos() {
        let mut m = PolicyModel {
            third_parties: vec![
                tp("Stripe", 10, false, false),
                tp("Google Analytics", 11, false, true),
                tp("Umami", 12, true, false),
                tp("stripe", 13, false, false),
            ],
            ..PolicyModel::default()
        };
        m.third_parties[0].purpose = Some("payments".into());
        m.third_parties[0].locations = vec!["US".into()];
        m.data_collected = vec![
            DataCollected {
                category: "user.contact.email",
                phrase: "email address".into(),
                evidence: ev(3),
            },
            DataCollected {
                category: "user.contact.phone_number",
                phrase: "phone number".into(),
                evidence: ev(4),
            },
            DataCollected {
                category: "user.not.a.category",
                phrase: "x".into(),
                evidence: ev(5),
            },
        ];
        m.retention = vec![
            Retention {
                subject: Some("phone number".into()),
                days: Some(30),
                after: Some(RetentionEvent::AccountDeletion),
                bound: Bound::AtMost,
                indefinite: false,
                until: None,
                vague: false,
                evidence: ev(20),
            },
            Retention {
                subject: Some("server logs".into()),
                days: Some(14),
                after: None,
                bound: Bound::Exactly,
                indefinite: false,
                until: None,
                vague: false,
                evidence: ev(21),
            },
            Retention {
                subject: None,
                days: None,
                after: None,
                bound: Bound::Unspecified,
                indefinite: false,
                until: None,
                vague: true,
                evidence: ev(22),
            },
        ];
        m.cookies = vec![
            Cookie {
                name: "_ga".into(),
                party: Some(Party::Third),
                provider: Some("Google".into()),
                purpose: Some("analytics".into()),
                duration: Some("2 years".into()),
                evidence: ev(30),
            },
            Cookie {
                name: "sid".into(),
                party: Some(Party::First),
                provider: None,
                purpose: None,
                duration: Some("until you log out".into()),
                evidence: ev(31),
            },
        ];
        m.rights = vec![
            RightFact {
                right: "erasure".into(),
                evidence: ev(40),
            },
            RightFact {
                right: "access".into(),
                evidence: ev(41),
            },
        ];
        m.response_days = Some(30);
        m.contacts = vec![Contact {
            role: "privacy".into(),
            email: "privacy@x.example".into(),
            evidence: ev(50),
        }];
        m.claims = vec![
            Claim {
                claim: "no_sale".into(),
                scope: None,
                evidence: ev(60),
            },
            Claim {
                claim: "no_cookies".into(),
                scope: Some("marketing site".into()),
                evidence: ev(61),
            },
        ];
        m.children = Some(Children {
            minimum_age: 16,
            evidence: ev(70),
        });
        let text = draft_inventory(&m, &["privacy.md".into()]);
        let expected = "# Draft inventory written by `candor init` from privacy.md.
# Every value below was read from the policy, not from the system: correct
# each line marked \"TODO: confirm\" to what the system really does, then
# remove the marker. An inventory that only repeats the policy finds nothing.
version: 1
organization:
  # name: Example Inc.  # TODO: the name the policy uses for you
  # jurisdictions: [eu, us-ca]  # TODO: the laws that apply (they select the regulation packs)
  contacts:
    privacy: privacy@x.example  # TODO: confirm (privacy.md:50)
data:
  # TODO: the policy keeps data without a period (privacy.md:22); add the real retention to the data it concerns
  - id: contact  # TODO: confirm (privacy.md:3)
    name: Contact Data
    aliases: [email address, phone number]
    categories: [user.contact.email, user.contact.phone_number]
    retention: until account_deletion + 30 days  # TODO: confirm (privacy.md:20)
  - id: server_logs  # TODO: confirm (privacy.md:21)
    name: server logs
    retention: 14 days  # TODO: confirm (privacy.md:21)
subprocessors:
  - name: Stripe  # TODO: confirm (privacy.md:10)
    purpose: payments
    data: []  # TODO: ids of the data entries it receives
    locations: [US]
self_hosted: [Umami]  # TODO: confirm these run on your own servers
cookies:
  - name: _ga  # TODO: confirm (privacy.md:30)
    party: third
    provider: Google
    purpose: analytics
    duration: 2 years
  - name: sid  # TODO: confirm (privacy.md:31)
    party: first
    # duration: until you log out  # TODO: write as session, 30d, 1y, …
practices:
  sells_personal_data: false  # TODO: confirm (privacy.md:60)
rights:  # self-service | on-request | unsupported
  access: on-request  # TODO: confirm (privacy.md:41)
  erasure: on-request  # TODO: confirm (privacy.md:40)
  response_days: 30  # TODO: confirm
children: { minimum_age: 16 }  # TODO: confirm (privacy.md:70)
";
        assert_eq!(text, expected);
        let inv = Inventory::from_str("inventory.yaml", Arc::from(text.as_str())).unwrap();
        assert_eq!(inv.subprocessors.len(), 1);
        assert_eq!(inv.data.len(), 2);
        assert_eq!(
            inv.data[0].retention.as_ref().map(|r| r.value),
            Some(RetentionPeriod::Days {
                days: 30,
                after: RetentionEvent::AccountDeletion
            })
        );
        assert!(inv.is_self_hosted("umami"));
        assert_eq!(inv.children_min_age.as_ref().map(|c| c.value), Some(16));
        assert_eq!(
            inv.organization
                .privacy_contact
                .as_ref()
                .map(|c| c.value.as_str()),
            Some("privacy@x.example")
        );
    }
}
