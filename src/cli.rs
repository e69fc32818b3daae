//! The command line (clap derive). Exit codes: 0 no finding at or above
//! `--fail-on`, 1 findings, 2 usage, config, inventory or I/O error.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::checks;
use crate::error::{Error, ErrorDiagnostic};
use crate::lint::{self, Options};
use crate::report::{
    Reporter, github::Github, human::Human, json::Json, junit::Junit, sarif::Sarif,
};
use crate::rules::{self, Level};

pub const EXIT_OK: i32 = 0;
pub const EXIT_FINDINGS: i32 = 1;
pub const EXIT_ERROR: i32 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "candor",
    version,
    about = "Keep a privacy policy honest about the system it describes",
    long_about = "candor reads privacy policies (Markdown, MDX, plain text), extracts what they promise, and checks it against a system inventory (inventory.yaml) and regulation checklists.\n\nRunning `candor` with no command is `candor check`."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Lint policy files (the default command)
    Check(CheckArgs),
    /// Print the extracted policy model (candor/model/v1)
    Extract(ExtractArgs),
    /// Show a rule's documentation
    Explain {
        /// Rule id, e.g. inventory/undisclosed-subprocessor
        rule: String,
        /// Config file (its pack files and levels are included)
        #[arg(long, short = 'c')]
        config: Option<PathBuf>,
    },
    /// List every rule with its group, level and source
    Rules {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        /// Config file (its pack files and levels are included)
        #[arg(long, short = 'c')]
        config: Option<PathBuf>,
    },
    /// Write candor.yaml and a draft inventory.yaml from the policy
    Init(crate::init::InitArgs),
    /// Print the JSON Schemas (draft-07) of inventory.yaml and candor.yaml
    Schema(crate::schema::SchemaArgs),
}

#[derive(clap::Args, Debug)]
struct CheckArgs {
    /// Files or directories to lint (default: the policy sets of candor.yaml)
    paths: Vec<PathBuf>,
    /// Config file (default: nearest candor.yaml or .candor.yaml upwards)
    #[arg(long, short = 'c')]
    config: Option<PathBuf>,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Human, env = "CANDOR_FORMAT")]
    format: Format,
    /// Lowest level that makes the exit code 1
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    fail_on: FailOn,
    /// When to use colours
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// Lint files with invalid UTF-8 after replacing the bad bytes
    #[arg(long)]
    lossy: bool,
    /// Print only the summary line (human format)
    #[arg(long, short = 'q')]
    quiet: bool,
    /// Write the report to FILE (atomically) instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Run only these rules or groups (comma-separated, repeatable)
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    select: Vec<String>,
    /// Skip these rules or groups (comma-separated, repeatable)
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    ignore: Vec<String>,
    /// Baseline file (default: `baseline:` of candor.yaml)
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record the current findings in the baseline file and exit 0
    #[arg(long)]
    write_baseline: bool,
}

#[derive(clap::Args, Debug)]
struct ExtractArgs {
    /// Policy files
    #[arg(required = true)]
    files: Vec<PathBuf>,
    #[arg(long, short = 'f', value_enum, default_value_t = ModelFormat::Json)]
    format: ModelFormat,
    /// Lint files with invalid UTF-8 after replacing the bad bytes
    #[arg(long)]
    lossy: bool,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    /// Diagnostics for people, the offending text underlined
    Human,
    /// candor/findings/v1
    Json,
    /// SARIF 2.1.0 (GitHub code scanning)
    Sarif,
    /// GitHub Actions workflow commands (annotations)
    Github,
    /// JUnit XML
    Junit,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ModelFormat {
    Json,
    Yaml,
    Text,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ListFormat {
    Text,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum FailOn {
    Error,
    Warning,
    Info,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Color {
    Auto,
    Always,
    Never,
}

const SUBCOMMANDS: [&str; 7] = [
    "check", "extract", "explain", "rules", "init", "schema", "help",
];

/// `candor [ARGS]` without a subcommand means `candor check [ARGS]`.
fn with_default_command(args: Vec<String>) -> Vec<String> {
    let first = args
        .iter()
        .skip(1)
        .find(|a| !a.starts_with('-') || *a == "-");
    let wants_top_level = args
        .iter()
        .skip(1)
        .any(|a| matches!(a.as_str(), "-h" | "--help" | "-V" | "--version"));
    match first {
        Some(a) if SUBCOMMANDS.contains(&a.as_str()) => args,
        None if wants_top_level => args,
        _ => {
            let mut v = args;
            v.insert(1.min(v.len()), "check".to_string());
            v
        }
    }
}

/// Entry point: parse arguments, run, print, return the exit code.
pub fn main() -> i32 {
    let args = with_default_command(std::env::args().collect());
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_ERROR } else { EXIT_OK };
            let _ = e.print();
            return code;
        }
    };
    let stdout = io::stdout();
    let stderr = io::stderr();
    let color_err = stderr.is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let result = match cli.command {
        Command::Check(args) => check(args, &mut stdout.lock(), &mut stderr.lock()),
        Command::Extract(args) => extract(args, &mut stdout.lock(), &mut stderr.lock()),
        Command::Explain { rule, config } => explain(&rule, config, &mut stdout.lock()),
        Command::Rules { format, config } => list_rules(format, config, &mut stdout.lock()),
        Command::Init(args) => init(&args, &mut stdout.lock(), &mut stderr.lock()),
        Command::Schema(args) => crate::schema::run(&args, &mut stdout.lock()),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            if e.code != BROKEN_PIPE {
                print_error(&e, color_err);
            }
            EXIT_ERROR
        }
    }
}

fn print_error(e: &Error, color: bool) {
    let theme = if color {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    };
    let handler = miette::GraphicalReportHandler::new_themed(theme);
    let mut s = String::new();
    let d = ErrorDiagnostic::new(e);
    if handler.render_report(&mut s, &d).is_ok() && e.source_text.is_some() {
        eprintln!("{}\n{s}", crate::report::human::sanitize(&e.to_string()));
    } else {
        eprintln!("error: {}", crate::report::human::sanitize(&e.to_string()));
        if let Some(h) = &e.help {
            eprintln!("  help: {}", crate::report::human::sanitize(h));
        }
    }
}

/// Code of the error raised when the reader of our output went away
/// (`candor check | head`): exit quietly, like other Unix tools.
const BROKEN_PIPE: &str = "candor::broken-pipe";

fn io_err(e: io::Error) -> Error {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return Error::new(BROKEN_PIPE, "broken pipe");
    }
    Error::new("candor::io", format!("cannot write output: {e}"))
}

fn check(args: CheckArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<i32, Error> {
    let cwd = std::env::current_dir().map_err(|e| {
        Error::new(
            "candor::io",
            format!("cannot read the working directory: {e}"),
        )
    })?;
    let today = crate::clock::Date::today_from_env()?;
    let trim = |v: Vec<String>| -> Vec<String> {
        v.into_iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    };
    let opts = Options {
        config: args.config,
        paths: args.paths,
        lossy: args.lossy,
        cwd,
        select: trim(args.select),
        ignore: trim(args.ignore),
        baseline: args.baseline,
        no_baseline: args.write_baseline,
        today: Some(today),
        // Only the human reporter quotes the text findings point into.
        no_sources: args.write_baseline || args.format != Format::Human,
    };
    let outcome = lint::run(&opts)?;
    if args.write_baseline {
        let b = crate::baseline::Baseline::of(&outcome.findings);
        let display = crate::source::display_path(&outcome.baseline_path, &opts.cwd);
        refuse_input(&outcome.baseline_path, &display, &outcome.inputs)?;
        b.write(&outcome.baseline_path, &display)?;
        crate::report::write_warnings(&outcome, err).map_err(io_err)?;
        writeln!(
            err,
            "wrote {} finding{} to baseline {display}",
            b.total(),
            if b.total() == 1 { "" } else { "s" }
        )
        .map_err(io_err)?;
        return Ok(EXIT_OK);
    }
    let threshold = match args.fail_on {
        FailOn::Error => Level::Error,
        FailOn::Warning => Level::Warning,
        FailOn::Info => Level::Info,
    };
    // Colours and terminal width only when the report goes to a terminal.
    let to_terminal = args.output.is_none() && io::stdout().is_terminal();
    let no_color = std::env::var_os("NO_COLOR");
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => crate::report::human::auto_color(to_terminal, no_color.as_deref()),
    };
    let reporter: Box<dyn Reporter> = match args.format {
        Format::Human => Box::new(Human {
            color,
            width: Some(if to_terminal {
                crate::report::human::terminal_width()
            } else {
                crate::report::human::FILE_WIDTH
            }),
            quiet: args.quiet,
        }),
        Format::Json => Box::new(Json),
        Format::Sarif => Box::new(Sarif),
        Format::Github => Box::new(Github),
        Format::Junit => Box::new(Junit { fail_on: threshold }),
    };
    match &args.output {
        None => reporter.report(&outcome, out, err).map_err(io_err)?,
        Some(path) => {
            refuse_input(path, &path.display().to_string(), &outcome.inputs)?;
            crate::atomic::write_atomic(path, true, |w| reporter.report(&outcome, w, err)).map_err(
                |e| {
                    Error::new(
                        "candor::io",
                        format!("cannot write {}: {e}", path.display()),
                    )
                    .with_help("the previous content of the file, if any, is unchanged")
                },
            )?
        }
    }
    Ok(if outcome.findings.iter().any(|f| f.level >= threshold) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}

/// candor never writes over its own input: `-o privacy.md`, or a
/// `baseline:` in candor.yaml that names the inventory, is an error.
fn refuse_input(target: &std::path::Path, display: &str, inputs: &[PathBuf]) -> Result<(), Error> {
    let Ok(target) = target.canonicalize() else {
        return Ok(()); // does not exist yet: not an input
    };
    if inputs
        .iter()
        .any(|p| p.canonicalize().is_ok_and(|p| p == target))
    {
        return Err(Error::new(
            "candor::usage",
            format!("refusing to write {display}: it is an input of this run (a policy, inventory, config or pack file)"),
        )
        .with_help("write the report or baseline to another file"));
    }
    Ok(())
}

fn init(
    args: &crate::init::InitArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, Error> {
    let cwd = std::env::current_dir().map_err(|e| {
        Error::new(
            "candor::io",
            format!("cannot read the working directory: {e}"),
        )
    })?;
    crate::init::run(args, &cwd, out, err)
}

fn extract(args: ExtractArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<i32, Error> {
    let cwd = std::env::current_dir().map_err(|e| {
        Error::new(
            "candor::io",
            format!("cannot read the working directory: {e}"),
        )
    })?;
    let mut warnings = Vec::new();
    let entries: Vec<String> = args
        .files
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let files = crate::source::discover(
        &entries,
        &cwd,
        &crate::source::build_globset(&[])?,
        &mut warnings,
    )?;
    let model = lint::load_model(&files, args.lossy, &mut warnings)?;
    for w in &warnings {
        writeln!(err, "warning: {}: {}", w.path, w.message).map_err(io_err)?;
    }
    match args.format {
        ModelFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &model)
                .map_err(|e| io_err(io::Error::other(e)))?;
            writeln!(out).map_err(io_err)?;
        }
        ModelFormat::Yaml => {
            let y = serde_saphyr::to_string(&model)
                .map_err(|e| io_err(io::Error::other(e.to_string())))?;
            out.write_all(y.as_bytes()).map_err(io_err)?;
        }
        ModelFormat::Text => {
            let t = crate::extract::summary::render(&model);
            out.write_all(t.as_bytes()).map_err(io_err)?;
        }
    }
    Ok(EXIT_OK)
}

/// The config for `rules`/`explain`: `--config`, else discovery (none is fine).
fn config_for_listing(config: Option<PathBuf>) -> Result<Option<crate::config::Config>, Error> {
    let cwd = std::env::current_dir().map_err(|e| {
        Error::new(
            "candor::io",
            format!("cannot read the working directory: {e}"),
        )
    })?;
    lint::resolve_config(&Options {
        config,
        cwd,
        ..Options::default()
    })
}

fn explain(rule: &str, config: Option<PathBuf>, out: &mut dyn Write) -> Result<i32, Error> {
    let cfg = config_for_listing(config)?;
    let (custom, _) = checks::load_custom_packs(cfg.as_ref())?;
    if let Some(r) = rules::find(rule) {
        let info = r.info();
        let docs = info.docs();
        writeln!(out, "# {}\n", info.id).map_err(io_err)?;
        let here =
            lint::effective_level(cfg.as_ref(), info).map_or("off".to_string(), |l| l.to_string());
        writeln!(
            out,
            "Group: {}  ·  Default level: {}  ·  Level here: {here}  ·  Source: built-in\n",
            info.group(),
            info.default_level
        )
        .map_err(io_err)?;
        writeln!(out, "{}", docs.full()).map_err(io_err)?;
        return Ok(EXIT_OK);
    }
    if let Some((pack, r)) = checks::find_pack_rule(rule, &custom)? {
        let level = checks::configured_level(cfg.as_ref(), &r.id, r.group(), r.level);
        write!(out, "{}", checks::explain_pack_rule(pack, r, level)).map_err(io_err)?;
        return Ok(EXIT_OK);
    }
    let all = checks::catalog(&custom)?;
    let ids: Vec<&str> = all.iter().map(|r| r.id.as_str()).collect();
    Err(
        Error::new("candor::usage", format!("unknown rule '{rule}'")).with_help(
            match crate::error::did_you_mean(rule, ids.iter().copied()) {
                Some(s) => format!("did you mean '{s}'? `candor rules` lists every rule"),
                None => "`candor rules` lists every rule".to_string(),
            },
        ),
    )
}

fn list_rules(
    format: ListFormat,
    config: Option<PathBuf>,
    out: &mut dyn Write,
) -> Result<i32, Error> {
    let cfg = config_for_listing(config)?;
    let (custom, _) = checks::load_custom_packs(cfg.as_ref())?;
    let all = checks::catalog(&custom)?;
    let level = |r: &checks::RuleMeta| {
        checks::configured_level(cfg.as_ref(), &r.id, &r.group, r.default_level)
            .map_or("off".to_string(), |l| l.to_string())
    };
    match format {
        ListFormat::Text => {
            for r in &all {
                writeln!(
                    out,
                    "{:<52} {:<8} {:<24} {}",
                    r.id,
                    level(r),
                    r.source,
                    r.summary
                )
                .map_err(io_err)?;
            }
        }
        ListFormat::Json => {
            let v: Vec<serde_json::Value> = all
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "id": r.id,
                        "group": r.group,
                        "level": level(r),
                        "default_level": r.default_level,
                        "source": r.source,
                        "summary": r.summary,
                        "citation": r.citation,
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &v).map_err(|e| io_err(io::Error::other(e)))?;
            writeln!(out).map_err(io_err)?;
        }
    }
    Ok(EXIT_OK)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn check_is_the_default_command() {
        assert_eq!(
            with_default_command(v(&["candor"])),
            v(&["candor", "check"])
        );
        assert_eq!(
            with_default_command(v(&["candor", "p.md"])),
            v(&["candor", "check", "p.md"])
        );
        assert_eq!(
            with_default_command(v(&["candor", "--format", "json"])),
            v(&["candor", "check", "--format", "json"])
        );
        assert_eq!(
            with_default_command(v(&["candor", "rules"])),
            v(&["candor", "rules"])
        );
        assert_eq!(
            with_default_command(v(&["candor", "--help"])),
            v(&["candor", "--help"])
        );
    }
}
