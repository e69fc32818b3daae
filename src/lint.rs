//! One `candor check` run: config → policy sets → documents → models → rules
//! → findings. No printing here; the CLI hands the outcome to a reporter.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::baseline::{self, Baseline};
use crate::checks::{Checks, RuleFilter};
use crate::clock::Date;
use crate::config::{Config, PolicySetConfig};
use crate::document::Document;
use crate::error::{Error, Result};
use crate::extract;
use crate::inventory::Inventory;
use crate::model::PolicyModel;
use crate::rules::{self, Finding, Level};
use crate::source::{self, SourceFile, Warning};
use crate::summary::DocSummary;

/// What the user asked for.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `--config`.
    pub config: Option<PathBuf>,
    /// Paths on the command line.
    pub paths: Vec<PathBuf>,
    /// `--lossy`: lint invalid UTF-8 with replacement characters.
    pub lossy: bool,
    /// The working directory (config discovery starts here).
    pub cwd: PathBuf,
    /// `--select`: only these rules or groups (empty: all).
    pub select: Vec<String>,
    /// `--ignore`: not these rules or groups.
    pub ignore: Vec<String>,
    /// `--baseline FILE`: overrides `baseline:` of candor.yaml.
    pub baseline: Option<PathBuf>,
    /// Do not apply a baseline (`--write-baseline` records everything).
    pub no_baseline: bool,
    /// "Today" for freshness rules; `None` = the system date.
    pub today: Option<Date>,
    /// The reporter shows no snippets: do not keep the text of the files
    /// findings point into ([`Outcome::sources`] stays empty but for
    /// inventories), which on a large corpus is most of the corpus.
    pub no_sources: bool,
}

/// A policy set, read, modelled and summarised: the documents themselves
/// are gone (see [`crate::summary`]).
#[derive(Debug)]
pub struct LoadedSet {
    pub name: String,
    /// One summary per document read, in file order.
    pub docs: Vec<DocSummary>,
    /// The packs the summaries were made with ([`Checks::check_set`]
    /// refuses a set summarised for other packs or rules).
    pub packs: crate::summary::PackKey,
    pub inventory: Option<Inventory>,
    pub model: PolicyModel,
}

impl LoadedSet {
    /// A set of documents already in memory (benchmarks, tests), summarised
    /// for `checks` as [`load_set`] would.
    pub fn from_documents(
        name: &str,
        docs: &[Document],
        inventory: Option<Inventory>,
        checks: &Checks,
        config: Option<&Config>,
    ) -> Result<LoadedSet> {
        // Each document summarised with its own model, as `load_set` does
        // (the set's would be read once per document), then the models
        // merged as `extract::extract_set` merges them.
        let sum = checks.summarizer(config, inventory.as_ref())?;
        let packs = sum.pack_key();
        let mut model = PolicyModel::default();
        let mut summaries = Vec::with_capacity(docs.len());
        for d in docs {
            let m = extract::extract(d);
            summaries.push(sum.summarize(d, &m)?);
            model.merge(m);
        }
        model.sort();
        Ok(LoadedSet {
            name: name.to_string(),
            docs: summaries,
            packs,
            inventory,
            model,
        })
    }
}

/// The result of a run.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Sorted by path, line, column, rule.
    pub findings: Vec<Finding>,
    pub warnings: Vec<Warning>,
    /// One-off notes (e.g. "inventory rules need an inventory").
    pub notes: Vec<String>,
    /// Number of policy files checked.
    pub files: usize,
    /// Text of every file a finding may point into, by display path.
    pub sources: BTreeMap<String, Arc<str>>,
    /// What the baseline hid and what it no longer needs, when one was applied.
    pub baseline: Option<baseline::Applied>,
    /// Where `--write-baseline` writes (the configured or given baseline,
    /// else `candor-baseline.json` next to candor.yaml or in the working
    /// directory).
    pub baseline_path: PathBuf,
    /// Every file this run read as input (policies, inventories, the config
    /// and its pack files): `-o` and `--write-baseline` refuse to write over
    /// one of them.
    pub inputs: Vec<PathBuf>,
}

/// Resolve the config: `--config`, else discovery from the working directory.
pub fn resolve_config(opts: &Options) -> Result<Option<Config>> {
    if let Some(p) = &opts.config {
        let p = if p.is_absolute() {
            p.clone()
        } else {
            opts.cwd.join(p)
        };
        if !p.is_file() {
            return Err(Error::new(
                "candor::config",
                format!("config file {} not found", p.display()),
            ));
        }
        return Config::load(&p).map(Some);
    }
    match Config::discover(&opts.cwd) {
        Some(p) => Config::load(&p).map(Some),
        None => Ok(None),
    }
}

/// The policy sets this run checks, with the base directory display paths
/// are relative to.
fn plan(
    opts: &Options,
    config: Option<&Config>,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<(PolicySetConfig, Vec<SourceFile>, PathBuf)>> {
    let Some(cfg) = config else {
        if opts.paths.is_empty() {
            return Err(
                Error::new("candor::usage", "no candor.yaml found and no paths given").with_help(
                    "run `candor check POLICY.md…`, or `candor init` to write a candor.yaml",
                ),
            );
        }
        let base = opts.cwd.clone();
        let entries: Vec<String> = opts
            .paths
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        let files = source::discover(&entries, &base, &source::build_globset(&[])?, warnings)?;
        let set = PolicySetConfig {
            name: "default".into(),
            files: entries,
            inventory: None,
        };
        return Ok(vec![(set, files, base)]);
    };
    let base = cfg.root.clone();
    let exclude = source::build_globset(&cfg.exclude)?;
    let mut sets = Vec::new();
    for set in &cfg.sets {
        let files = source::discover(&set.files, &base, &exclude, warnings)?;
        sets.push((set.clone(), files, base.clone()));
    }
    if opts.paths.is_empty() {
        return Ok(sets);
    }
    // Paths given with a config (e.g. by pre-commit): check every set that
    // contains one of them, whole, so inventory rules still see the full
    // set; lint paths that belong to no set on their own.
    let mut wanted = Vec::new();
    let mut loose = Vec::new();
    for p in &opts.paths {
        let abs = if p.is_absolute() {
            p.clone()
        } else {
            opts.cwd.join(p)
        };
        let abs = abs.canonicalize().unwrap_or(abs);
        let mut hit = false;
        for (i, (_, files, _)) in sets.iter().enumerate() {
            if files
                .iter()
                .any(|f| f.fs_path.canonicalize().is_ok_and(|c| c == abs))
            {
                hit = true;
                if !wanted.contains(&i) {
                    wanted.push(i);
                }
            }
        }
        let is_inventory = cfg
            .sets
            .iter()
            .filter_map(|s| s.inventory.as_ref())
            .any(|inv| {
                let ip = base.join(inv);
                ip.canonicalize().is_ok_and(|c| c == abs)
            });
        if is_inventory {
            for (i, (s, _, _)) in sets.iter().enumerate() {
                let same = s
                    .inventory
                    .as_ref()
                    .is_some_and(|inv| base.join(inv).canonicalize().is_ok_and(|c| c == abs));
                if same && !wanted.contains(&i) {
                    wanted.push(i);
                }
            }
            hit = true;
        }
        if !hit {
            loose.push(p.to_string_lossy().into_owned());
        }
    }
    wanted.sort_unstable();
    let mut out: Vec<_> = wanted.into_iter().map(|i| sets[i].clone()).collect();
    if !loose.is_empty() {
        let files = source::discover(&loose, &opts.cwd, &exclude, warnings)?;
        let files: Vec<SourceFile> = files
            .into_iter()
            .filter(|f| {
                source::DEFAULT_EXTENSIONS
                    .iter()
                    .any(|e| f.display.to_ascii_lowercase().ends_with(&format!(".{e}")))
                    || !f.explicit
            })
            .collect();
        if !files.is_empty() {
            out.push((
                PolicySetConfig {
                    name: "(command line)".into(),
                    files: loose,
                    inventory: None,
                },
                files,
                opts.cwd.clone(),
            ));
        }
    }
    Ok(out)
}

/// Read, parse and model the `i`-th file of a batch (see
/// [`extract::start_for`]), working out `beside` of the document while its
/// model is extracted (rayon tasks side by side), and keeping what `keep`
/// takes of the document, its model and that; `None` for a file skipped
/// with a warning.
fn read_and_extract<T, B: Send>(
    i: usize,
    file: &SourceFile,
    lossy: bool,
    beside: impl Fn(&Document) -> B + Sync,
    keep: impl Fn(Document, PolicyModel, B) -> T,
) -> (Result<Option<T>>, Vec<Warning>) {
    let mut w = Vec::new();
    let r = source::read(file, lossy, &mut w).map(|o| {
        o.map(|st| {
            let doc = Document::parse(st.file.display.clone(), st.text, st.kind);
            let (model, b) = rayon::join(
                || extract::extract_from(&doc, extract::start_for(i)),
                || beside(&doc),
            );
            keep(doc, model, b)
        })
    });
    (r, w)
}

/// Files read at a time per thread by [`stream`]: enough that a slow file
/// rarely leaves a core idle at the end of a batch.
const STREAM_BATCH_PER_THREAD: usize = 32;

/// Read, parse and model `files` a batch at a time, each file of a batch on
/// its own core (rayon), handing what `keep` takes of each document, its
/// model and `beside` of it (see [`read_and_extract`]) to `sink` in file
/// order (a file skipped with a warning gives nothing). Each document is
/// dropped as soon as `keep` returns, and a batch is handed on before the
/// next one is read, so memory holds the documents in flight and what the
/// sink keeps, never every document. Stops at the first error, in file
/// order.
fn stream<T: Send, B: Send>(
    files: &[SourceFile],
    lossy: bool,
    beside: impl Fn(&Document) -> B + Sync,
    keep: impl Fn(Document, PolicyModel, B) -> Result<T> + Sync,
    mut sink: impl FnMut(T),
    warnings: &mut Vec<Warning>,
) -> Result<()> {
    type Loaded<T> = (Result<Option<T>>, Vec<Warning>);
    let batch = rayon::current_num_threads().max(1) * STREAM_BATCH_PER_THREAD;
    for (n, chunk) in files.chunks(batch).enumerate() {
        // Largest files first: the first a worker takes is the one that
        // takes longest, so that it does not start last and leave the
        // other cores idle at the end of the batch (a three-document set
        // whose largest is 42 KB waited 1.4 ms that way). The results go
        // back into file order.
        let mut order: Vec<(u64, usize, &SourceFile)> = chunk
            .iter()
            .enumerate()
            .map(|(k, f)| (std::fs::metadata(&f.fs_path).map_or(0, |m| m.len()), k, f))
            .collect();
        order.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut results: Vec<(usize, Loaded<T>)> = order
            .par_iter()
            .map(|&(_, k, f)| {
                let (r, w) = read_and_extract(n * batch + k, f, lossy, &beside, &keep);
                (k, (r.and_then(Option::transpose), w))
            })
            .collect();
        results.sort_unstable_by_key(|(k, _)| *k);
        for (_, (r, w)) in results {
            warnings.extend(w);
            if let Some(t) = r? {
                sink(t);
            }
        }
    }
    Ok(())
}

/// Read, parse, model and summarise one set's files, streaming (see
/// [`stream`]): each document is dropped as soon as it is summarised.
/// Models are merged in file order, so the result is the same as
/// [`extract::extract_set`] over the documents in order.
pub fn load_set(
    set: &PolicySetConfig,
    files: &[SourceFile],
    base: &Path,
    lossy: bool,
    checks: &Checks,
    config: Option<&Config>,
    warnings: &mut Vec<Warning>,
) -> Result<LoadedSet> {
    // The inventory first: documents are summarised with its names. Its
    // error, if any, comes after the documents' (as when it was read last).
    let inventory = set
        .inventory
        .as_ref()
        .map(|p| load_inventory(&base.join(p), base));
    let inv = inventory.as_ref().and_then(|r| r.as_ref().ok());
    if !files.is_empty() {
        checks.warm_packs(config, inv);
    }
    let summarizer = checks.summarizer(config, inv)?;
    if !files.is_empty() {
        checks.warm_summaries(&summarizer);
    }
    let packs = summarizer.pack_key();
    let mut docs = Vec::with_capacity(files.len());
    let mut model = PolicyModel::default();
    stream(
        files,
        lossy,
        |doc| summarizer.pack_parts(doc),
        |doc, m, parts| summarizer.finish(&doc, &m, parts).map(|s| (s, m)),
        |(d, m)| {
            docs.push(d);
            model.merge(m);
        },
        warnings,
    )?;
    drop(summarizer);
    model.sort();
    let inventory = inventory.transpose()?;
    Ok(LoadedSet {
        name: set.name.clone(),
        docs,
        packs,
        inventory,
        model,
    })
}

/// Read, parse and model files for `candor extract`: each document is
/// dropped as soon as its model is extracted, so memory holds the models
/// (which the output is made of) and the documents in flight, never every
/// document at once. The result is the same as [`load_set`]'s model.
pub fn load_model(
    files: &[SourceFile],
    lossy: bool,
    warnings: &mut Vec<Warning>,
) -> Result<PolicyModel> {
    if !files.is_empty() {
        extract::warm_up();
    }
    let mut model = PolicyModel::default();
    stream(
        files,
        lossy,
        |_| (),
        |_, m, ()| Ok(m),
        |m| model.merge(m),
        warnings,
    )?;
    model.sort();
    Ok(model)
}

pub fn load_inventory(path: &Path, base: &Path) -> Result<Inventory> {
    let display = source::display_path(path, base);
    let text = crate::yaml::read_file(path, crate::yaml::MAX_YAML_BYTES).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            Error::new(
                "candor::inventory",
                format!("inventory {display} not found"),
            )
            .with_path(&display)
        } else {
            Error::io(&display, &e)
        }
    })?;
    Inventory::from_str(&display, Arc::from(text))
}

/// The effective level of `rule` under `config`: exact id, then group, then default.
pub fn effective_level(config: Option<&Config>, info: &rules::RuleInfo) -> Option<Level> {
    crate::checks::configured_level(config, info.id, info.group(), info.default_level)
}

/// Run every applicable rule (built-in rules and the set's packs) over one
/// loaded set, and apply suppressions.
pub fn check_set(
    set: &LoadedSet,
    config: Option<&Config>,
    checks: &Checks,
) -> Result<Vec<Finding>> {
    checks.check_set(set, config)
}

/// The whole `check` run.
pub fn run(opts: &Options) -> Result<Outcome> {
    let config = resolve_config(opts)?;
    let filter = RuleFilter {
        select: opts.select.clone(),
        ignore: opts.ignore.clone(),
    };
    let today = opts.today.unwrap_or_else(Date::system_today);
    let checks = Checks::new(config.as_ref(), filter, today)?;
    let mut outcome = Outcome::default();
    let sets = plan(opts, config.as_ref(), &mut outcome.warnings)?;
    if sets.iter().any(|(_, files, _)| !files.is_empty()) {
        extract::warm_up();
    }
    let mut any_inventory = false;
    if let Some(cfg) = &config {
        outcome.inputs.extend(cfg.path.iter().cloned());
        for p in cfg.packs.iter().flatten() {
            if crate::packs::is_pack_path(p.trim()) {
                outcome.inputs.push(cfg.root.join(p.trim()));
            }
        }
    }
    for (set, files, base) in &sets {
        outcome
            .inputs
            .extend(files.iter().map(|f| f.fs_path.clone()));
        outcome
            .inputs
            .extend(set.inventory.iter().map(|p| base.join(p)));
        let loaded = load_set(
            set,
            files,
            base,
            opts.lossy,
            &checks,
            config.as_ref(),
            &mut outcome.warnings,
        )?;
        outcome.files += loaded.docs.len();
        any_inventory |= loaded.inventory.is_some();
        let findings = check_set(&loaded, config.as_ref(), &checks)?;
        let LoadedSet {
            docs, inventory, ..
        } = loaded;
        // The text of the files findings point into (for snippets), read
        // again: the documents are gone, and most files of a corpus are
        // never quoted.
        if !opts.no_sources {
            let cited: std::collections::BTreeSet<&str> = findings
                .iter()
                .flat_map(|f| {
                    std::iter::once(f.location.path.as_str())
                        .chain(f.related.iter().map(|r| r.location.path.as_str()))
                })
                .collect();
            let read: std::collections::BTreeSet<&str> =
                docs.iter().map(|d| d.path.as_str()).collect();
            for f in files {
                let path = f.display.as_str();
                if !cited.contains(path)
                    || !read.contains(path)
                    || outcome.sources.contains_key(path)
                {
                    continue;
                }
                if let Ok(Some(st)) = source::read(f, opts.lossy, &mut Vec::new()) {
                    outcome
                        .sources
                        .insert(f.display.clone(), Arc::from(st.text));
                }
            }
        }
        if let Some(inv) = &inventory {
            outcome.sources.insert(inv.path.clone(), inv.text.clone());
        }
        outcome.findings.extend(findings);
    }
    if !any_inventory {
        let mut groups: Vec<&str> = rules::registry()
            .iter()
            .filter(|r| r.info().needs_inventory)
            .map(|r| r.info().group())
            .collect();
        groups.dedup();
        let groups: Vec<String> = groups.iter().map(|g| format!("{g}/*")).collect();
        outcome.notes.push(format!(
            "no inventory: inventory rules ({}) were skipped; name one in candor.yaml (`inventory: inventory.yaml`)",
            groups.join(", ")
        ));
    }
    outcome
        .findings
        .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    outcome.findings.dedup();
    outcome.warnings.sort();
    outcome.warnings.dedup();
    apply_baseline(opts, config.as_ref(), &mut outcome)?;
    Ok(outcome)
}

/// Resolve the baseline path and, unless told not to, hide the findings it
/// records. A configured baseline that does not exist yet is a note; one
/// named with `--baseline` must exist.
fn apply_baseline(opts: &Options, config: Option<&Config>, outcome: &mut Outcome) -> Result<()> {
    let root = config.map_or_else(|| opts.cwd.clone(), |c| c.root.clone());
    let (path, explicit) = match (&opts.baseline, config.and_then(|c| c.baseline.as_ref())) {
        (Some(p), _) => (opts.cwd.join(p), true),
        (None, Some(p)) => (root.join(p), false),
        (None, None) => (root.join(baseline::DEFAULT_BASELINE), false),
    };
    let configured = opts.baseline.is_some() || config.is_some_and(|c| c.baseline.is_some());
    let display = source::display_path(&path, &opts.cwd);
    outcome.baseline_path = path.clone();
    if opts.no_baseline || !configured {
        return Ok(());
    }
    match Baseline::read(&path, &display)? {
        Some(b) => {
            let applied = b.apply(&mut outcome.findings, &display);
            if !applied.prunable.is_empty() {
                let n: usize = applied.prunable.iter().map(|p| p.count).sum();
                outcome.notes.push(format!(
                    "baseline {display}: {n} recorded finding{} no longer occur{} (fixed); run `candor check --write-baseline` to prune {}",
                    if n == 1 { "" } else { "s" },
                    if n == 1 { "s" } else { "" },
                    if n == 1 { "it" } else { "them" },
                ));
            }
            outcome.baseline = Some(applied);
        }
        None if explicit => {
            return Err(
                Error::new("candor::baseline", format!("baseline {display} not found"))
                    .with_path(&display)
                    .with_help("create it with `candor check --write-baseline --baseline FILE`"),
            );
        }
        None => outcome.notes.push(format!(
            "baseline {display} does not exist yet; create it with `candor check --write-baseline`"
        )),
    }
    Ok(())
}
