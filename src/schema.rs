//! `candor schema`: draft-07 JSON Schemas of `inventory.yaml` and
//! `candor.yaml`, generated with schemars from the same `Raw*` types that
//! deserialise them — so the schema cannot drift from what candor accepts.
//! Doc comments on the `Raw*` fields become the schema's descriptions (the
//! hover text in an editor). A field of type `Spanned<T>` needs
//! `#[schemars(with = "T")]`.
//!
//! The committed copies under `schemas/` are checked by a test; regenerate
//! them with `cargo run -- schema --write schemas`. Editors pick them up
//! through a first line such as
//! `# yaml-language-server: $schema=schemas/inventory.schema.json`.
//!
//! Where the loader checks more than serde (fideslang categories, the
//! retention grammar, cookie parties, right modes, levels), the schema says
//! the same with `enum`s and a `pattern` built from the same tables, so an
//! editor flags what `candor check` would reject.

use std::borrow::Cow;
use std::path::Path;

use schemars::{JsonSchema, Schema, SchemaGenerator, generate::SchemaSettings, json_schema};

use crate::lexicon::fideslang;
use crate::model::RetentionEvent;

/// Which file's schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Which {
    /// inventory.yaml
    Inventory,
    /// candor.yaml
    Config,
}

impl Which {
    /// The file name the schema is committed under in `schemas/`.
    pub fn file_name(self) -> &'static str {
        match self {
            Which::Inventory => "inventory.schema.json",
            Which::Config => "candor.schema.json",
        }
    }

    fn title(self) -> &'static str {
        match self {
            Which::Inventory => "candor inventory (inventory.yaml)",
            Which::Config => "candor configuration (candor.yaml)",
        }
    }

    /// The schema as a JSON value.
    pub fn schema(self) -> serde_json::Value {
        let mut v = match self {
            Which::Inventory => crate::inventory::json_schema(),
            Which::Config => crate::config::json_schema(),
        };
        if let Some(o) = v.as_object_mut() {
            o.insert("title".into(), self.title().into());
        }
        v
    }

    /// The schema as pretty JSON text with a final newline: exactly what
    /// `candor schema --which …` prints and `schemas/` holds.
    pub fn render(self) -> String {
        let mut s = serde_json::to_string_pretty(&self.schema()).unwrap_or_default();
        s.push('\n');
        s
    }
}

pub const ALL: [Which; 2] = [Which::Inventory, Which::Config];

#[derive(clap::Args, Debug)]
pub struct SchemaArgs {
    /// Print only this schema (default: both, as one JSON object keyed by file name)
    #[arg(long, value_enum)]
    pub which: Option<Which>,
    /// Write inventory.schema.json and candor.schema.json into DIR instead of printing
    #[arg(long, value_name = "DIR", conflicts_with = "which")]
    pub write: Option<std::path::PathBuf>,
}

/// `candor schema`.
pub fn run(args: &SchemaArgs, out: &mut dyn std::io::Write) -> crate::error::Result<i32> {
    let io =
        |e: std::io::Error| crate::error::Error::new("candor::io", format!("cannot write: {e}"));
    if let Some(dir) = &args.write {
        for p in write_all(dir).map_err(|e| {
            crate::error::Error::new(
                "candor::io",
                format!("cannot write schemas into {}: {e}", dir.display()),
            )
        })? {
            writeln!(out, "wrote {}", p.display()).map_err(io)?;
        }
        return Ok(crate::cli::EXIT_OK);
    }
    let text = match args.which {
        Some(w) => w.render(),
        None => {
            let mut all = serde_json::Map::new();
            for w in ALL {
                all.insert(w.file_name().to_string(), w.schema());
            }
            let mut s =
                serde_json::to_string_pretty(&serde_json::Value::Object(all)).unwrap_or_default();
            s.push('\n');
            s
        }
    };
    out.write_all(text.as_bytes()).map_err(io)?;
    Ok(crate::cli::EXIT_OK)
}

/// The draft-07 schema of `T`.
pub fn generate<T: JsonSchema>() -> serde_json::Value {
    let schema = SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<T>();
    schema.to_value()
}

/// Write every schema into `dir` (atomically, one file each).
pub fn write_all(dir: &Path) -> std::io::Result<Vec<std::path::PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    for w in ALL {
        let p = dir.join(w.file_name());
        crate::atomic::write_atomic(&p, true, |out| out.write_all(w.render().as_bytes()))?;
        written.push(p);
    }
    Ok(written)
}

/// `[dD]` for `d`: a case-insensitive letter in a regex that also works in
/// ECMA-262 and Python (no inline flags).
fn ci(word: &str) -> String {
    word.chars()
        .map(|c| {
            if c.is_ascii_alphabetic() {
                format!("[{}{}]", c.to_ascii_lowercase(), c.to_ascii_uppercase())
            } else {
                regex_escape(c)
            }
        })
        .collect()
}

fn regex_escape(c: char) -> String {
    if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
        c.to_string()
    } else {
        format!("\\{c}")
    }
}

/// The retention grammar of `inventory::retention::parse` as a regex.
pub fn retention_pattern() -> String {
    // Longest alternatives first, so the regex reads like the table in
    // inventory/retention.rs; anchors make order irrelevant for matching.
    let units = [
        "days", "day", "d", "weeks", "week", "wk", "w", "months", "month", "mo", "years", "year",
        "yrs", "yr", "y", "hours", "hour", "h",
    ];
    let unit = units.iter().map(|u| ci(u)).collect::<Vec<_>>().join("|");
    let duration = format!("[0-9]+\\s*(?:{unit})");
    let event = RetentionEvent::ALL
        .iter()
        .map(|e| e.as_str())
        .collect::<Vec<_>>()
        .join("|");
    format!(
        "^\\s*(?:indefinite|indefinitely|forever|session|until\\s+(?:{event})\\s*(?:\\+\\s*{duration}\\s*)?|{duration}\\s+after\\s+(?:{event})|{duration})\\s*$"
    )
}

pub fn retention_string(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "string",
        "pattern": retention_pattern(),
        "examples": ["30d", "90 days", "1y", "until account_deletion + 30d", "30d after event", "session", "indefinite"]
    })
}

pub fn retention_event(_: &mut SchemaGenerator) -> Schema {
    let events: Vec<&str> = RetentionEvent::ALL.iter().map(|e| e.as_str()).collect();
    json_schema!({
        "type": ["string", "null"],
        "enum": events.into_iter().map(serde_json::Value::from).chain(std::iter::once(serde_json::Value::Null)).collect::<Vec<_>>()
    })
}

pub fn fideslang_categories(_: &mut SchemaGenerator) -> Schema {
    let keys: Vec<&str> = fideslang::all().map(|c| c.key).collect();
    json_schema!({
        "type": "array",
        "items": { "type": "string", "enum": keys }
    })
}

// Schema-only types: the loader reads these values as strings and checks
// them itself; these enums give the schema the same list of values.

/// Who sets the cookie.
#[derive(JsonSchema)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)]
pub enum CookieParty {
    /// Set by the site itself.
    First,
    /// Set by another domain (an analytics or advertising provider).
    Third,
}

/// How the system supports a right.
#[derive(JsonSchema)]
#[allow(dead_code)]
pub enum RightMode {
    /// Users can do it themselves in the product.
    #[serde(rename = "self-service")]
    SelfService,
    /// Users ask and the organization acts.
    #[serde(rename = "on-request")]
    OnRequest,
    /// Not supported.
    #[serde(rename = "unsupported")]
    Unsupported,
    /// Same as self-service.
    #[serde(rename = "self_service")]
    SelfServiceUnderscore,
    /// Same as on-request.
    #[serde(rename = "on_request")]
    OnRequestUnderscore,
}

// A configured rule level, as `rules::Level::parse_setting` reads it.
pub struct LevelSetting;

impl JsonSchema for LevelSetting {
    fn schema_name() -> Cow<'static, str> {
        "LevelSetting".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A rule level: error, warning (warn), info (note), or off (none, false).",
            "type": "string",
            "enum": ["error", "warning", "warn", "info", "note", "off", "none", "false"]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inventory::retention;

    #[test]
    fn retention_pattern_agrees_with_the_parser() {
        let re = regex::Regex::new(&retention_pattern()).unwrap();
        let good = [
            "30d",
            "90 days",
            "1y",
            "2 weeks",
            "6mo",
            "36h",
            "1 Year",
            "30D",
            " 30d ",
            "until account_deletion",
            "until account_deletion + 30d",
            "until last_activity+2y",
            "30d after event",
            "1y after contract_end",
            "session",
            "indefinite",
            "forever",
        ];
        for s in good {
            assert!(retention::parse(s).is_ok(), "parser rejects {s:?}");
            assert!(re.is_match(s), "pattern rejects {s:?}");
        }
        let bad = [
            "",
            "30",
            "thirty days",
            "30 fortnights",
            "until acount_deletion",
            "until account_deletion + 30",
            "30d after",
            "30d after someday",
            "as long as necessary",
        ];
        for s in bad {
            assert!(retention::parse(s).is_err(), "parser accepts {s:?}");
            assert!(!re.is_match(s), "pattern accepts {s:?}");
        }
    }

    #[test]
    fn schemas_are_draft_07_and_strict() {
        for w in ALL {
            let v = w.schema();
            assert_eq!(v["$schema"], "http://json-schema.org/draft-07/schema#");
            assert_eq!(v["additionalProperties"], false, "{w:?}");
        }
        let inv = Which::Inventory.schema();
        assert_eq!(inv["required"], serde_json::json!(["version"]));
        assert!(
            inv["properties"]["subprocessors"]["description"]
                .as_str()
                .unwrap_or("")
                .contains("Third parties")
        );
    }
}
