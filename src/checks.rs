//! Everything a policy set is checked with beyond one rule at a time: which
//! rules exist (built-in Rust rules, built-in packs, pack files named in
//! candor.yaml), which of them run (levels, `--select`/`--ignore`, pack
//! selection), and the suppression pass over their findings.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use crate::clock::{Age, Date};
use crate::config::Config;
use crate::error::{Error, Result, did_you_mean};
use crate::inventory::Inventory;
use crate::lint::LoadedSet;
use crate::packs::select::{self, PackRef};
use crate::packs::{self, Check, Facts, Pack, PackOrigin, PackPlan, RuleRun, SetInput};
use crate::rules::{self, Context, Finding, Level};
use crate::summary::Summarizer;
use crate::suppress::{self, RuleNames};

/// `--select` / `--ignore`: rule ids or groups.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RuleFilter {
    pub select: Vec<String>,
    pub ignore: Vec<String>,
}

impl RuleFilter {
    /// Does the filter let rule `id` run?
    pub fn allows(&self, id: &str) -> bool {
        let group = id.split_once('/').map_or(id, |(g, _)| g);
        let hit = |list: &[String]| list.iter().any(|k| k == id || k == group);
        (self.select.is_empty() || hit(&self.select)) && !hit(&self.ignore)
    }
}

/// One rule, whatever it is made of (for `candor rules`, `explain`, validation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleMeta {
    pub id: String,
    pub group: String,
    pub default_level: Level,
    /// "built-in", or "pack gdpr (built-in)", "pack house (house.yaml)".
    pub source: String,
    pub summary: String,
    pub citation: Option<String>,
}

/// The level of `id` (in `group`) under `config`: exact id, then group,
/// then `default`; `None` = off.
pub fn configured_level(
    config: Option<&Config>,
    id: &str,
    group: &str,
    default: Level,
) -> Option<Level> {
    if let Some(cfg) = config {
        for key in [id, group] {
            if let Some(setting) = cfg.rules.get(key)
                && let Some(level) = setting.level
            {
                return level;
            }
        }
    }
    Some(default)
}

/// What the packs of a set found.
struct PackRun {
    findings: Vec<Finding>,
    /// Ids of the pack rules that ran.
    ran: BTreeSet<String>,
    /// Rule id → the rule ids whose findings on the same line it replaces.
    superseding: BTreeMap<String, Vec<String>>,
}

/// The rules and packs of a run.
#[derive(Debug)]
pub struct Checks {
    /// Pack files named in candor.yaml, in order.
    pub custom: Vec<Arc<Pack>>,
    /// `packs:` entries with the index of their pack file, when given.
    configured: Option<Configured>,
    /// Max ages configured for freshness rules.
    max_ages: BTreeMap<String, Age>,
    pub filter: RuleFilter,
    pub today: Date,
}

/// Every built-in pack, parsed (an error here is a bug in a pack file).
pub(crate) fn builtin_packs() -> Result<Vec<&'static Pack>> {
    packs::builtin_names()
        .map(|n| {
            packs::builtin(n).unwrap_or_else(|| {
                Err(Error::new(
                    "candor::pack",
                    format!("no built-in pack '{n}'"),
                ))
            })
        })
        .collect()
}

/// `packs:` entries of candor.yaml, each with the index of its pack file
/// (`None` for built-in packs).
pub type Configured = Vec<(String, Option<usize>)>;

/// Load the pack files named in `packs:` of `config`.
pub fn load_custom_packs(config: Option<&Config>) -> Result<(Vec<Arc<Pack>>, Option<Configured>)> {
    let Some(cfg) = config else {
        return Ok((Vec::new(), None));
    };
    let Some(entries) = &cfg.packs else {
        return Ok((Vec::new(), None));
    };
    let mut custom: Vec<Arc<Pack>> = Vec::new();
    let mut configured = Vec::new();
    let builtin: Vec<&str> = packs::builtin_names().collect();
    for (i, entry) in entries.iter().enumerate() {
        let span = cfg.pack_spans.get(i).copied().unwrap_or_default();
        let entry = entry.trim();
        if !packs::is_pack_path(entry) {
            if !builtin.contains(&entry) {
                return Err(cfg
                    .error_at(span, format!("unknown pack '{entry}'"))
                    .with_label("pack")
                    .with_help(match did_you_mean(entry, builtin.iter().copied()) {
                        Some(s) => format!("did you mean '{s}'? Built-in packs: {}; a pack file is a path such as ./house-style.yaml", builtin.join(", ")),
                        None => format!("built-in packs: {}; a pack file is a path such as ./house-style.yaml", builtin.join(", ")),
                    }));
            }
            configured.push((entry.to_string(), None));
            continue;
        }
        let path = cfg.root.join(entry);
        let display = crate::source::display_path(&path, &cfg.root);
        let text = crate::yaml::read_file(&path, crate::yaml::MAX_YAML_BYTES).map_err(|e| {
            let msg = if e.kind() == std::io::ErrorKind::NotFound {
                format!("pack file {display} not found")
            } else {
                format!("cannot read pack file {display}: {e}")
            };
            cfg.error_at(span, msg).with_label("pack")
        })?;
        let pack = Pack::parse(&display, Arc::from(text), PackOrigin::File(display.clone()))?;
        pack.validate()?;
        configured.push((entry.to_string(), Some(custom.len())));
        custom.push(Arc::new(pack));
    }
    if custom.is_empty() {
        return Ok((custom, Some(configured)));
    }
    // Rule ids must be unique across everything.
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for r in rules::registry() {
        seen.insert(r.info().id.to_string(), "built-in rules".to_string());
    }
    for p in builtin_packs()? {
        for r in &p.rules {
            seen.insert(r.id.clone(), p.source());
        }
    }
    for p in &custom {
        for r in &p.rules {
            if let Some(other) = seen.get(&r.id) {
                return Err(Error::new(
                    "candor::pack",
                    format!("rule id '{}' is already defined by {other}", r.id),
                )
                .at(&p.path, p.text.clone(), r.span)
                .with_label("duplicate id")
                .with_help("give the rule an id of its own group, e.g. `house/…`"));
            }
            seen.insert(r.id.clone(), p.source());
        }
    }
    Ok((custom, Some(configured)))
}

/// Every rule: built-in Rust rules, built-in packs, then pack files.
pub fn catalog(custom: &[Arc<Pack>]) -> Result<Vec<RuleMeta>> {
    let mut out = Vec::new();
    for r in rules::registry() {
        let i = r.info();
        out.push(RuleMeta {
            id: i.id.to_string(),
            group: i.group().to_string(),
            default_level: i.default_level,
            source: "built-in".to_string(),
            summary: i.docs().summary,
            citation: None,
        });
    }
    let builtin = builtin_packs()?;
    let all: Vec<&Pack> = builtin
        .into_iter()
        .chain(custom.iter().map(|p| p.as_ref()))
        .collect();
    for p in all {
        for r in &p.rules {
            out.push(RuleMeta {
                id: r.id.clone(),
                group: r.group().to_string(),
                default_level: r.level,
                source: p.source(),
                summary: r.message.clone(),
                citation: r.citation.clone(),
            });
        }
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(out)
}

/// A pack rule by id, with its pack.
pub fn find_pack_rule<'a>(
    id: &str,
    custom: &'a [Arc<Pack>],
) -> Result<Option<(&'a Pack, &'a packs::PackRule)>> {
    for p in builtin_packs()? {
        if let Some(r) = p.rule(id) {
            return Ok(Some((p, r)));
        }
    }
    for p in custom {
        if let Some(r) = p.rule(id) {
            return Ok(Some((p.as_ref(), r)));
        }
    }
    Ok(None)
}

/// `candor explain` text of a pack rule.
pub fn explain_pack_rule(pack: &Pack, r: &packs::PackRule, level: Option<Level>) -> String {
    let mut s = format!("# {}\n\n", r.id);
    let level = level.map_or("off".to_string(), |l| l.to_string());
    s.push_str(&format!(
        "Group: {}  ·  Default level: {}  ·  Level here: {level}  ·  Source: {}\n\n",
        r.group(),
        r.level,
        pack.source()
    ));
    s.push_str(&format!("{}\n", r.message));
    if let Some(d) = &r.description {
        s.push_str(&format!("\n{d}\n"));
    }
    if let Some(c) = &r.citation {
        s.push_str(&format!("\n## References\n\n{c}\n"));
    }
    if let Some(h) = &r.help {
        s.push_str(&format!("\n## How to fix\n\n{h}\n"));
    }
    s.push_str(&format!(
        "\n## What it checks\n\nA `{}` check",
        r.check.kind()
    ));
    let pats = |items: &[packs::Item]| -> Vec<String> {
        items
            .iter()
            .map(|i| match i {
                packs::Item::One(a) => pack.pattern(*a).to_string(),
                packs::Item::All(v) => format!(
                    "all in one sentence: {}",
                    v.iter()
                        .map(|a| pack.pattern(*a))
                        .collect::<Vec<_>>()
                        .join("  +  ")
                ),
            })
            .collect()
    };
    let list = |title: &str, v: Vec<String>| -> String {
        if v.is_empty() {
            return String::new();
        }
        let mut t = format!("\n{title}:\n\n```text\n");
        for p in v {
            t.push_str(&p);
            t.push('\n');
        }
        t.push_str("```\n");
        t
    };
    match &r.check {
        Check::Presence { evidence, section, model, per_document } => {
            s.push_str(if *per_document {
                ": the finding fires for each document of the policy set in which none of the evidence below appears"
            } else {
                ": the finding fires when none of the evidence below appears in the policy set"
            });
            if let Some(sec) = section {
                s.push_str(&format!(" under a heading matching `{}`", pack.pattern(*sec)));
            }
            if model.is_some() {
                s.push_str(" and the extracted model has no matching fact");
            }
            s.push_str(".\n");
            s.push_str(&list("Evidence", pats(evidence)));
        }
        Check::Specificity { evidence, details, vague, required, .. } => {
            s.push_str(": where the evidence appears, a concrete detail must appear in the same section");
            if *required {
                s.push_str("; a policy with no evidence at all is a finding too");
            }
            s.push_str(".\n");
            s.push_str(&list("Evidence", pats(evidence)));
            s.push_str(&list("Details", pats(details)));
            s.push_str(&list(
                "Vague wording (reported as the reason)",
                vague.iter().map(|a| pack.pattern(*a).to_string()).collect(),
            ));
        }
        Check::AntiPattern { forbidden, unless, context, .. } => {
            s.push_str(": each match of a forbidden pattern is a finding.\n");
            s.push_str(&list(
                "Forbidden",
                forbidden.iter().map(|a| pack.pattern(*a).to_string()).collect(),
            ));
            s.push_str(&list("Unless the block also matches", pats(unless)));
            s.push_str(&list("Only in blocks matching", pats(context)));
        }
        Check::Freshness { max_age } => s.push_str(&format!(
            ": each document's last-updated date must be within {max_age} of today (configurable: `rules: {{ {}: {{ max_age: 12mo }} }}`).\n",
            r.id
        )),
        Check::Model { query, expect } => {
            let mut q = format!("`{}`", query.list);
            for (k, v) in &query.where_ {
                q.push_str(&format!(" where {k} = {v}"));
            }
            for k in &query.has {
                q.push_str(&format!(" with a {k}"));
            }
            s.push_str(&format!(
                " over the extracted model (candor/model/v1): {q} must be {}.\n",
                match expect {
                    packs::Expect::Present => "present",
                    packs::Expect::Absent => "absent (each match is a finding)",
                    packs::Expect::Every => "true of every entry (each other entry is a finding)",
                }
            ));
        }
    }
    let a = &r.applies;
    if !a.jurisdictions.is_empty() || !a.facts.is_empty() || !a.mentions.is_empty() {
        s.push_str("\n## Applies when\n\n");
        if !a.jurisdictions.is_empty() {
            s.push_str(&format!(
                "- jurisdictions: {}\n",
                a.jurisdictions.join(", ")
            ));
        }
        if !a.facts.is_empty() {
            let f: Vec<String> = a
                .facts
                .iter()
                .map(|(n, neg)| if *neg { format!("not {n}") } else { n.clone() })
                .collect();
            s.push_str(&format!("- facts: {}\n", f.join(" and ")));
        }
        if !a.mentions.is_empty() {
            s.push_str(&format!(
                "- {}the policy mentions: {}\n",
                if a.facts.is_empty() { "" } else { "or " },
                pats(&a.mentions).join(" | ")
            ));
        }
    }
    s
}

impl Checks {
    /// Load pack files, validate config keys, `--select`/`--ignore` and
    /// `max_age` settings.
    pub fn new(config: Option<&Config>, filter: RuleFilter, today: Date) -> Result<Checks> {
        let (custom, configured) = load_custom_packs(config)?;
        let mut checks = Checks {
            custom,
            configured,
            max_ages: BTreeMap::new(),
            filter,
            today,
        };
        // Validate names without parsing every pack: only the pack of each
        // name's group is read; the full list only to suggest a fix.
        if let Some(cfg) = config
            && cfg.rules.keys().any(|k| !checks.is_known(k))
        {
            let all = checks.all_known()?;
            let refs: Vec<&str> = all.iter().map(String::as_str).collect();
            cfg.check_rule_keys(&refs)?;
        }
        for (flag, list) in [
            ("--select", &checks.filter.select),
            ("--ignore", &checks.filter.ignore),
        ] {
            for k in list {
                if !checks.is_known(k) {
                    let all = checks.all_known()?;
                    return Err(Error::new(
                        "candor::usage",
                        format!("{flag}: unknown rule or group '{k}'"),
                    )
                    .with_help(
                        match did_you_mean(k, all.iter().map(String::as_str)) {
                            Some(s) => {
                                format!("did you mean '{s}'? `candor rules` lists every rule")
                            }
                            None => "`candor rules` lists every rule and group".to_string(),
                        },
                    ));
                }
            }
        }
        if let Some(cfg) = config {
            for (key, setting) in &cfg.rules {
                let Some(raw) = &setting.max_age else {
                    continue;
                };
                let freshness = find_pack_rule(key, &checks.custom)?
                    .is_some_and(|(_, r)| matches!(r.check, Check::Freshness { .. }));
                if !freshness {
                    return Err(cfg
                        .error_at(setting.span, format!("'{key}' takes no max_age"))
                        .with_help("max_age applies to freshness rules such as hygiene/stale-last-updated and ccpa/stale-last-updated"));
                }
                let age = Age::parse(raw).ok_or_else(|| {
                    cfg.error_at(setting.span, format!("max_age '{raw}' is not an age"))
                        .with_help("write e.g. 12mo, 18mo, 1y, 90d or 2w")
                })?;
                checks.max_ages.insert(key.clone(), age);
            }
        }
        Ok(checks)
    }

    /// Is `key` a rule id or a group? Reads at most the built-in pack named
    /// by its group.
    pub fn is_known(&self, key: &str) -> bool {
        let (group, is_group) = match key.split_once('/') {
            Some((g, _)) => (g, false),
            None => (key, true),
        };
        let in_registry = rules::registry()
            .iter()
            .any(|r| r.info().id == key || (is_group && r.info().group() == key));
        in_registry
            || packs::builtin(group)
                .and_then(|p| p.ok())
                .is_some_and(|p| is_group || p.rule(key).is_some())
            || self.custom.iter().any(|p| {
                p.rules
                    .iter()
                    .any(|r| r.id == key || (is_group && r.group() == key))
            })
    }

    /// Every rule id and group (reads every pack; for suggestions).
    pub fn all_known(&self) -> Result<Vec<String>> {
        let mut known: BTreeSet<String> = BTreeSet::new();
        for r in catalog(&self.custom)? {
            known.insert(r.group);
            known.insert(r.id);
        }
        Ok(known.into_iter().collect())
    }

    /// The closest known rule id or group to `key`.
    pub fn suggest(&self, key: &str) -> Option<String> {
        let all = self.all_known().ok()?;
        did_you_mean(key, all.iter().map(String::as_str)).map(str::to_string)
    }

    fn level(
        &self,
        config: Option<&Config>,
        id: &str,
        group: &str,
        default: Level,
    ) -> Option<Level> {
        if !self.filter.allows(id) {
            return None;
        }
        configured_level(config, id, group, default)
    }

    fn pack(&self, p: &PackRef) -> Result<Option<&Pack>> {
        match p {
            PackRef::Builtin(n) => match packs::builtin(n) {
                Some(r) => r.map(Some),
                None => Ok(None),
            },
            PackRef::File(i) => Ok(self.custom.get(*i).map(|p| p.as_ref())),
        }
    }

    /// The packs a set (with `inventory`) is checked with.
    pub fn packs_for(
        &self,
        config: Option<&Config>,
        inventory: Option<&Inventory>,
    ) -> Vec<PackRef> {
        let js = self.jurisdictions(config, inventory);
        select::select(
            self.configured.as_deref(),
            js.as_deref(),
            &self.filter.select,
        )
    }

    fn jurisdictions(
        &self,
        config: Option<&Config>,
        inventory: Option<&Inventory>,
    ) -> Option<Vec<String>> {
        if let Some(js) = config.and_then(|c| c.jurisdictions.clone()) {
            return Some(js);
        }
        inventory.map(|inv| {
            inv.organization
                .jurisdictions
                .iter()
                .map(|j| j.value.clone())
                .collect()
        })
    }

    /// The packs a set is checked with, each with the rules of it that run,
    /// in order.
    pub fn pack_plans(
        &self,
        config: Option<&Config>,
        inventory: Option<&Inventory>,
    ) -> Result<Vec<PackPlan<'_>>> {
        let mut plans = Vec::new();
        for pref in self.packs_for(config, inventory) {
            let Some(pack) = self.pack(&pref)? else {
                continue;
            };
            let run = |r: &packs::PackRule| -> Option<RuleRun> {
                let level = self.level(config, &r.id, r.group(), r.level)?;
                Some(RuleRun {
                    level,
                    max_age: self.max_ages.get(&r.id).copied(),
                })
            };
            plans.push(PackPlan::new(pack, &run));
        }
        Ok(plans)
    }

    /// Start parsing, on the thread pool, the built-in packs a set (with
    /// `inventory`) is checked with, so that they are parsed side by side
    /// rather than one after another by [`Checks::summarizer`], which takes
    /// each as it is ready (or parses it itself if no thread has begun).
    pub fn warm_packs(&self, config: Option<&Config>, inventory: Option<&Inventory>) {
        for p in self.packs_for(config, inventory) {
            if let PackRef::Builtin(name) = p {
                rayon::spawn(move || {
                    let _ = packs::builtin(name);
                });
            }
        }
    }

    /// Start building, on the thread pool, what summarising the first
    /// documents with `summarizer` would otherwise build on first use, one
    /// thread waiting for another: the automata of the pack files that read
    /// the text (the built-in packs' come compiled, see
    /// `crate::packs::matcher`), and the recipient-category lexicon when
    /// the inventory rules read it. Errors are left for the summary that
    /// meets them.
    pub fn warm_summaries(&self, summarizer: &Summarizer<'_>) {
        if summarizer.reads_recipients() {
            rayon::spawn(|| {
                crate::lexicon::recipients::recipient_categories();
            });
        }
        for plan in summarizer.text_packs() {
            if let Some(pack) = self
                .custom
                .iter()
                .find(|c| std::ptr::eq(c.as_ref(), plan.pack))
                .cloned()
            {
                rayon::spawn(move || {
                    let _ = pack.matcher();
                });
            }
        }
    }

    /// What each document of a set (with `inventory`) is summarised with.
    pub fn summarizer<'a>(
        &'a self,
        config: Option<&Config>,
        inventory: Option<&'a Inventory>,
    ) -> Result<Summarizer<'a>> {
        let runs = rules::Runs::of(|info| {
            self.level(config, info.id, info.group(), info.default_level)
                .is_some()
        });
        Ok(Summarizer::new(
            inventory,
            runs,
            self.pack_plans(config, inventory)?,
        ))
    }

    /// The built-in rules' findings over one set, and the ids of the rules
    /// that ran.
    fn run_rules(
        &self,
        set: &LoadedSet,
        config: Option<&Config>,
    ) -> (Vec<Finding>, BTreeSet<String>) {
        let cx = Context::new(&set.docs, &set.model, set.inventory.as_ref());
        let mut findings = Vec::new();
        let mut ran: BTreeSet<String> = BTreeSet::new();
        for rule in rules::registry() {
            let info = rule.info();
            let Some(level) = self.level(config, info.id, info.group(), info.default_level) else {
                continue;
            };
            if info.needs_inventory && cx.inventory.is_none() {
                continue;
            }
            ran.insert(info.id.to_string());
            let start = findings.len();
            rule.check(&cx, &mut findings);
            for f in &mut findings[start..] {
                f.level = match (f.level, info.default_level) {
                    // A rule may raise or lower single findings relative to its
                    // default (e.g. third-party cookies); keep that offset.
                    (l, d) if l != d => l,
                    _ => level,
                };
            }
        }
        (findings, ran)
    }

    /// The packs' findings over one set.
    fn run_packs(&self, set: &LoadedSet, config: Option<&Config>) -> Result<PackRun> {
        let mut findings = Vec::new();
        let mut ran: BTreeSet<String> = BTreeSet::new();
        let facts = Facts::new(
            set.inventory.as_ref(),
            &config.map(Config::fact_values).unwrap_or_default(),
        );
        let js = self
            .jurisdictions(config, set.inventory.as_ref())
            .filter(|v| !v.is_empty());
        let input = SetInput {
            docs: &set.docs,
            model: &set.model,
            facts: &facts,
            jurisdictions: js.as_deref(),
            today: self.today,
        };
        let mut superseding: BTreeMap<String, Vec<String>> = BTreeMap::new();
        // The documents' pack parts are indexed by plan and by active rule:
        // they must have been made with these very plans.
        let plans = self.pack_plans(config, set.inventory.as_ref())?;
        if crate::summary::key_of(&plans) != set.packs {
            return Err(crate::error::Error::new(
                "candor::internal",
                format!(
                    "policy set '{}' was summarised for other packs or rules than it is checked with",
                    set.name
                ),
            ));
        }
        for (i, plan) in plans.iter().enumerate() {
            for (r, _) in &plan.active {
                ran.insert(r.id.clone());
            }
            packs::check_pack_set(plan, i, &input, &mut findings);
            for r in plan.pack.rules.iter().filter(|r| !r.supersedes.is_empty()) {
                superseding.insert(r.id.clone(), r.supersedes.clone());
            }
        }
        Ok(PackRun {
            findings,
            ran,
            superseding,
        })
    }

    /// Run every rule that applies over one loaded set; apply suppressions.
    ///
    /// The built-in rules and the packs only read the set: they run side by
    /// side (rayon), and their findings are put together in the same order
    /// as if they had run one after the other.
    pub fn check_set(&self, set: &LoadedSet, config: Option<&Config>) -> Result<Vec<Finding>> {
        let ((mut findings, mut ran), packs) = rayon::join(
            || self.run_rules(set, config),
            || self.run_packs(set, config),
        );
        let PackRun {
            findings: pack_findings,
            ran: pack_ran,
            superseding,
        } = packs?;
        findings.extend(pack_findings);
        ran.extend(pack_ran);
        // A finding of a superseding rule replaces the superseded rule's
        // finding on the same line (one stale date, one finding).
        let replaced: BTreeSet<(String, usize, String)> = findings
            .iter()
            .filter_map(|f| Some((f, superseding.get(&f.rule)?)))
            .flat_map(|(f, ids)| {
                ids.iter()
                    .map(|id| (f.location.path.clone(), f.location.line, id.clone()))
            })
            .collect();
        if !replaced.is_empty() {
            findings.retain(|f| {
                !replaced.contains(&(f.location.path.clone(), f.location.line, f.rule.clone()))
            });
        }

        // Suppressions.
        let active = |r: &str| {
            ran.contains(r)
                || ran
                    .iter()
                    .any(|id| id.split_once('/').is_some_and(|(g, _)| g == r))
        };
        let is_known = |k: &str| self.is_known(k);
        let suggest = |k: &str| self.suggest(k);
        let names = RuleNames {
            is_known: &is_known,
            suggest: &suggest,
            active: &active,
        };
        let mut meta = suppress::apply_inline(&set.docs, &mut findings, &names);
        if let Some(inv) = &set.inventory {
            meta.extend(suppress::apply_inventory(inv, &mut findings, &names));
        }
        for mut f in meta {
            let (group, default) = match rules::find(&f.rule) {
                Some(r) => (r.info().group(), r.info().default_level),
                None => continue,
            };
            if let Some(level) = self.level(config, &f.rule, group, default) {
                f.level = level;
                findings.push(f);
            }
        }
        Ok(findings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter() {
        let f = RuleFilter {
            select: vec!["gdpr".into(), "hygiene/vague-retention".into()],
            ignore: vec!["gdpr/missing-dpo-contact".into()],
        };
        assert!(f.allows("gdpr/missing-legal-basis"));
        assert!(!f.allows("gdpr/missing-dpo-contact"));
        assert!(f.allows("hygiene/vague-retention"));
        assert!(!f.allows("hygiene/stale-last-updated"));
        assert!(RuleFilter::default().allows("anything/x"));
    }

    /// A set summarised for one selection of rules and checked with
    /// another is refused: its documents' pack parts are indexed by the
    /// rules they were made for.
    #[test]
    fn a_set_summarised_for_other_pack_rules_is_refused() {
        let today = crate::clock::Date::new(2026, 11, 22).expect("valid date");
        let all = Checks::new(None, RuleFilter::default(), today).unwrap();
        let fewer = RuleFilter {
            select: Vec::new(),
            ignore: vec!["gdpr/missing-dpo-contact".into()],
        };
        let fewer = Checks::new(None, fewer, today).unwrap();
        let doc = crate::document::Document::parse(
            "privacy.md",
            "# Privacy\n\nWe collect your email address.\n".to_string(),
            crate::document::SourceKind::Markdown,
        );
        let set = crate::lint::LoadedSet::from_documents("s", &[doc], None, &all, None).unwrap();
        assert!(all.check_set(&set, None).is_ok());
        let err = fewer.check_set(&set, None).unwrap_err();
        assert!(
            err.to_string()
                .contains("summarised for other packs or rules"),
            "{err}"
        );
    }

    #[test]
    fn catalog_has_unique_ids_and_every_pack_rule_is_documented() {
        let cat = catalog(&[]).unwrap();
        let mut ids: Vec<&str> = cat.iter().map(|r| r.id.as_str()).collect();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n, "duplicate rule ids");
        for r in &cat {
            assert!(!r.summary.is_empty(), "{} has no summary", r.id);
        }
    }
}
