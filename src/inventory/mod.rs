//! The system inventory (`inventory.yaml`, version 1): the system's truth that
//! the policy is checked against. Every value keeps its span so findings can
//! point into the inventory as well as into the policy.

pub mod retention;

use std::collections::BTreeMap;
use std::sync::Arc;

use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::error::{Error, Result};
use crate::lexicon::fideslang;
use crate::model::Party;
use crate::span::{LineIndex, Span};
use crate::yaml;

pub use retention::RetentionPeriod;

/// The JSON Schema (draft-07) of inventory.yaml, generated from the types
/// that read it (`candor schema --which inventory`).
pub fn json_schema() -> serde_json::Value {
    crate::schema::generate::<RawInventory>()
}

// ---------------------------------------------------------------------------
// The YAML shape (serde), with spans.

/// candor inventory (inventory.yaml, version 1): what the system really
/// collects, who receives it, how long it is kept. candor checks the privacy
/// policy against it.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawInventory {
    /// Format version; candor reads version 1.
    #[schemars(with = "u32", range(min = 1, max = 1))]
    version: Spanned<u32>,
    /// The organization that publishes the policy.
    #[serde(default)]
    organization: Option<RawOrganization>,
    /// What the system collects, one entry per kind of data.
    #[serde(default)]
    data: Vec<RawData>,
    /// Third parties that receive personal data (processors and other recipients).
    #[serde(default)]
    subprocessors: Vec<RawSubprocessor>,
    /// Tools run on the organization's own servers: the policy may name them, and they are not third parties.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    self_hosted: Vec<Spanned<String>>,
    /// Cookies and similar browser storage the system sets.
    #[serde(default)]
    cookies: Vec<RawCookie>,
    /// Facts that policy claims must not contradict ("we never sell your data").
    #[serde(default)]
    practices: Option<RawPractices>,
    /// The data-subject rights the system supports, and how.
    #[serde(default)]
    rights: Option<RawRights>,
    /// The minimum age of users.
    #[serde(default)]
    children: Option<RawChildren>,
    /// Silence inventory-side findings, each with a reason.
    #[serde(default)]
    ignore: Vec<RawIgnore>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawOrganization {
    /// The name the policy uses for the organization.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    name: Option<Spanned<String>>,
    /// The registered legal name, when it differs.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    legal_name: Option<Spanned<String>>,
    /// Contact addresses the policy must state.
    #[serde(default)]
    contacts: Option<RawContacts>,
    /// Laws that apply; they select the regulation packs by default. Known
    /// (case-insensitive): eu, eea, uk, us, us-ca, br, ch, ca, children.
    #[serde(default)]
    #[schemars(with = "Vec<String>", extend("examples" = [["eu", "us-ca"]]))]
    jurisdictions: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawContacts {
    /// The privacy contact (usually an email address) the policy must state.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    privacy: Option<Spanned<String>>,
    /// The data protection officer's contact; null when there is none.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    dpo: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawData {
    /// A unique id for this kind of data; subprocessors refer to it.
    #[schemars(with = "String")]
    id: Spanned<String>,
    /// A readable name ("Account information"); the policy may use it.
    #[serde(default)]
    name: Option<String>,
    /// Other phrases the policy may use for this data ("account data").
    #[serde(default)]
    aliases: Vec<String>,
    /// fideslang data categories (user.contact.email, …).
    #[serde(default)]
    #[schemars(schema_with = "crate::schema::fideslang_categories")]
    categories: Vec<Spanned<String>>,
    /// Why it is processed (fideslang purposes such as essential.service).
    #[serde(default)]
    purposes: Vec<String>,
    /// How long it is kept: `30d`, `90 days`, `1y`, `until account_deletion`,
    /// `until account_deletion + 30d`, `30d after event`, `session`,
    /// `indefinite`, or `{ period: 30d, after: account_deletion }`.
    #[serde(default)]
    #[schemars(with = "Option<RawRetention>")]
    retention: Option<Spanned<RawRetention>>,
    /// The GDPR Art. 6 legal basis (contract, consent, legitimate_interests, …).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    legal_basis: Option<Spanned<String>>,
}

/// A retention period: a string in the retention grammar or the mapping form.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
enum RawRetention {
    /// `30d`, `90 days`, `1y`, `until account_deletion`,
    /// `until account_deletion + 30d`, `30d after event`, `session`,
    /// `indefinite`.
    Text(#[schemars(schema_with = "crate::schema::retention_string")] String),
    /// Read only to explain that a number needs a unit.
    #[schemars(skip)]
    Number(u64),
    /// `{ period: 30d, after: account_deletion }`.
    Parts {
        /// How long: `30d`, `90 days`, `1y`, …
        #[schemars(schema_with = "crate::schema::retention_string")]
        period: String,
        /// The event the period runs from (default: collection).
        #[serde(default)]
        #[schemars(schema_with = "crate::schema::retention_event")]
        after: Option<String>,
    },
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawSubprocessor {
    /// The vendor's name as the policy should name it.
    #[schemars(with = "String")]
    name: Spanned<String>,
    /// Other spellings the policy may use ("Resend Inc.").
    #[serde(default)]
    aliases: Vec<String>,
    /// What the vendor does with the data ("transactional email").
    #[serde(default)]
    purpose: Option<String>,
    /// A vendor-catalog category (payments, email_transactional, …): lets a
    /// generic disclosure ("our payment provider") count as partial.
    #[serde(default)]
    category: Option<String>,
    /// Ids of the `data` entries the vendor receives.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    data: Vec<Spanned<String>>,
    /// Where the vendor processes the data (country codes such as US, DE).
    #[serde(default)]
    locations: Vec<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawCookie {
    /// The cookie's name as set in the browser (`_ga`, `session`).
    #[schemars(with = "String")]
    name: Spanned<String>,
    /// `first` (set by the site itself, the default) or `third` (set by another domain).
    #[serde(default)]
    #[schemars(with = "Option<crate::schema::CookieParty>")]
    party: Option<Spanned<String>>,
    /// Who sets it, for third-party cookies ("Google Analytics").
    #[serde(default)]
    provider: Option<String>,
    /// Why it is set ("authentication").
    #[serde(default)]
    purpose: Option<String>,
    /// How long it lives: `session`, `30d`, `1y`, …
    #[serde(default)]
    #[schemars(with = "Option<RawRetention>")]
    duration: Option<Spanned<RawRetention>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawPractices {
    /// Does the organization sell personal data (CCPA "sale")?
    #[serde(default)]
    #[schemars(with = "Option<bool>")]
    sells_personal_data: Option<Spanned<bool>>,
    /// Does it share personal data for cross-context behavioural advertising (CPRA "sharing")?
    #[serde(default)]
    #[schemars(with = "Option<bool>")]
    shares_for_cross_context_advertising: Option<Spanned<bool>>,
    /// Does it train AI models on customer data?
    #[serde(default)]
    #[schemars(with = "Option<bool>")]
    trains_ai_on_customer_data: Option<Spanned<bool>>,
    /// Does it let third parties track users (tracking pixels, third-party analytics cookies)?
    #[serde(default)]
    #[schemars(with = "Option<bool>")]
    third_party_tracking: Option<Spanned<bool>>,
}

/// How a right is supported: a mode, or `{ mode, format }`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
enum RawRight {
    /// `self-service`, `on-request` or `unsupported`.
    Mode(#[schemars(with = "crate::schema::RightMode")] String),
    /// `{ mode: self-service, format: json }`.
    Detail {
        /// `self-service`, `on-request` (the default) or `unsupported`.
        #[serde(default)]
        #[schemars(with = "Option<crate::schema::RightMode>")]
        mode: Option<String>,
        /// The export format, for portability (json, csv, …).
        #[serde(default)]
        format: Option<String>,
    },
}

/// Each right: `self-service`, `on-request` or `unsupported` (or `{ mode, format }`).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawRights {
    /// Access: a copy of one's data (GDPR Art. 15, CCPA right to know).
    #[serde(default)]
    #[schemars(with = "Option<RawRight>")]
    access: Option<Spanned<RawRight>>,
    /// Rectification: correcting inaccurate data (GDPR Art. 16).
    #[serde(default)]
    #[schemars(with = "Option<RawRight>")]
    rectification: Option<Spanned<RawRight>>,
    /// Erasure: deletion (GDPR Art. 17, CCPA right to delete).
    #[serde(default)]
    #[schemars(with = "Option<RawRight>")]
    erasure: Option<Spanned<RawRight>>,
    /// Restriction of processing (GDPR Art. 18).
    #[serde(default)]
    #[schemars(with = "Option<RawRight>")]
    restriction: Option<Spanned<RawRight>>,
    /// Objection to processing (GDPR Art. 21).
    #[serde(default)]
    #[schemars(with = "Option<RawRight>")]
    objection: Option<Spanned<RawRight>>,
    /// Data portability: an export in a machine-readable format (GDPR Art. 20).
    #[serde(default)]
    #[schemars(with = "Option<RawRight>")]
    portability: Option<Spanned<RawRight>>,
    /// Withdrawing consent (GDPR Art. 7(3)).
    #[serde(default)]
    #[schemars(with = "Option<RawRight>")]
    withdraw_consent: Option<Spanned<RawRight>>,
    /// Lodging a complaint with a supervisory authority (GDPR Art. 77).
    #[serde(default)]
    #[schemars(with = "Option<RawRight>")]
    complaint: Option<Spanned<RawRight>>,
    /// Not being subject to solely automated decisions (GDPR Art. 22).
    #[serde(default)]
    #[schemars(with = "Option<RawRight>")]
    automated_decision: Option<Spanned<RawRight>>,
    /// Opting out of sale or sharing (CCPA §1798.120).
    #[serde(default)]
    #[schemars(with = "Option<RawRight>")]
    opt_out_sale: Option<Spanned<RawRight>>,
    /// Limiting the use of sensitive personal information (CPRA §1798.121).
    #[serde(default)]
    #[schemars(with = "Option<RawRight>")]
    limit_sensitive: Option<Spanned<RawRight>>,
    /// Non-discrimination for exercising rights (CCPA §1798.125).
    #[serde(default)]
    #[schemars(with = "Option<RawRight>")]
    non_discrimination: Option<Spanned<RawRight>>,
    /// Days within which requests are answered.
    #[serde(default)]
    #[schemars(with = "Option<u32>")]
    response_days: Option<Spanned<u32>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawChildren {
    /// The minimum age of users the service admits.
    #[schemars(with = "u32")]
    minimum_age: Spanned<u32>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawIgnore {
    /// The rule id (inventory/undisclosed-subprocessor).
    #[schemars(with = "String")]
    rule: Spanned<String>,
    /// What the finding is about (a vendor, cookie, data id); all of the rule's findings when absent.
    #[serde(default)]
    subject: Option<String>,
    /// Why it is silenced.
    #[serde(default)]
    reason: Option<String>,
}

// ---------------------------------------------------------------------------
// The typed inventory.

/// A value with its span in inventory.yaml.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    pub value: T,
    pub span: Span,
}

#[derive(Debug, Clone, Default)]
pub struct Organization {
    pub name: Option<Located<String>>,
    pub legal_name: Option<Located<String>>,
    pub privacy_contact: Option<Located<String>>,
    pub dpo_contact: Option<Located<String>>,
    pub jurisdictions: Vec<Located<String>>,
}

#[derive(Debug, Clone)]
pub struct DataItem {
    pub id: Located<String>,
    pub name: Option<String>,
    pub aliases: Vec<String>,
    pub categories: Vec<Located<String>>,
    pub purposes: Vec<String>,
    pub retention: Option<Located<RetentionPeriod>>,
    pub legal_basis: Option<Located<String>>,
}

impl DataItem {
    /// Phrases a policy may use for this item: name, aliases, and the id with
    /// `_`/`-` read as spaces.
    pub fn phrases(&self) -> Vec<String> {
        let mut v = Vec::new();
        if let Some(n) = &self.name {
            v.push(n.clone());
        }
        v.extend(self.aliases.iter().cloned());
        v.push(self.id.value.replace(['_', '-'], " "));
        v
    }
}

#[derive(Debug, Clone)]
pub struct Subprocessor {
    pub name: Located<String>,
    pub aliases: Vec<String>,
    pub purpose: Option<String>,
    /// A vendor-catalog category key (`payments`, `email_transactional`, …).
    pub category: Option<String>,
    pub data: Vec<Located<String>>,
    pub locations: Vec<String>,
}

impl Subprocessor {
    /// The name followed by the aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.value.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

#[derive(Debug, Clone)]
pub struct InvCookie {
    pub name: Located<String>,
    pub party: Party,
    pub provider: Option<String>,
    pub purpose: Option<String>,
    pub duration: Option<Located<RetentionPeriod>>,
}

#[derive(Debug, Clone, Default)]
pub struct Practices {
    pub sells_personal_data: Option<Located<bool>>,
    pub shares_for_cross_context_advertising: Option<Located<bool>>,
    pub trains_ai_on_customer_data: Option<Located<bool>>,
    pub third_party_tracking: Option<Located<bool>>,
}

/// How the system supports a data-subject right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RightSupport {
    SelfService,
    OnRequest,
    Unsupported,
}

#[derive(Debug, Clone)]
pub struct RightEntry {
    pub support: RightSupport,
    pub format: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct IgnoreEntry {
    pub rule: Located<String>,
    pub subject: Option<String>,
    pub reason: Option<String>,
}

/// A loaded, validated inventory.
#[derive(Debug, Clone)]
pub struct Inventory {
    pub path: String,
    pub text: Arc<str>,
    pub lines: LineIndex,
    pub version: u32,
    pub organization: Organization,
    pub data: Vec<DataItem>,
    pub subprocessors: Vec<Subprocessor>,
    pub self_hosted: Vec<Located<String>>,
    pub cookies: Vec<InvCookie>,
    pub practices: Practices,
    /// Right name (as in the model: `access`, `erasure`, …) → support.
    pub rights: BTreeMap<&'static str, RightEntry>,
    pub response_days: Option<Located<u32>>,
    pub children_min_age: Option<Located<u32>>,
    pub ignore: Vec<IgnoreEntry>,
}

/// The rights an inventory may list: the model's vocabulary.
pub use crate::extract::rights::RIGHTS;

pub const JURISDICTIONS: [&str; 9] = [
    "eu", "eea", "uk", "us", "us-ca", "br", "ch", "ca", "children",
];

struct Loader<'a> {
    path: &'a str,
    text: &'a Arc<str>,
}

impl Loader<'_> {
    fn span<T>(&self, v: &Spanned<T>) -> Span {
        yaml::span_of(v, self.text)
    }

    fn loc<T: Clone>(&self, v: &Spanned<T>) -> Located<T> {
        Located {
            value: v.value.clone(),
            span: self.span(v),
        }
    }

    fn error(&self, span: Span, message: impl Into<String>) -> Error {
        Error::new("candor::inventory", message).at(self.path, self.text.clone(), span)
    }

    fn retention(
        &self,
        raw: &Spanned<RawRetention>,
        what: &str,
    ) -> Result<Located<RetentionPeriod>> {
        let span = self.span(raw);
        let parsed = match &raw.value {
            RawRetention::Text(s) => retention::parse(s),
            RawRetention::Number(n) => Err(retention::GrammarError {
                message: format!("'{n}' has no unit"),
                help: format!("write '{n}d' for {n} days"),
            }),
            RawRetention::Parts { period, after } => {
                retention::from_parts(period, after.as_deref())
            }
        };
        parsed.map(|value| Located { value, span }).map_err(|e| {
            self.error(span, format!("malformed {what}: {}", e.message))
                .with_label("this value")
                .with_help(e.help)
        })
    }
}

impl Inventory {
    /// Load and validate an inventory from its text.
    pub fn from_str(path: &str, text: Arc<str>) -> Result<Inventory> {
        let raw: RawInventory = yaml::from_str(path, &text, "inventory")?;
        let l = Loader { path, text: &text };

        if raw.version.value != 1 {
            return Err(l
                .error(
                    l.span(&raw.version),
                    format!("unsupported inventory version {}", raw.version.value),
                )
                .with_label("version")
                .with_help("candor reads inventory version 1"));
        }

        let mut organization = Organization::default();
        if let Some(o) = &raw.organization {
            organization.name = o.name.as_ref().map(|v| l.loc(v));
            organization.legal_name = o.legal_name.as_ref().map(|v| l.loc(v));
            if let Some(c) = &o.contacts {
                organization.privacy_contact = c.privacy.as_ref().map(|v| l.loc(v));
                organization.dpo_contact = c.dpo.as_ref().map(|v| l.loc(v));
            }
            for j in &o.jurisdictions {
                let v = j.value.to_ascii_lowercase();
                if !JURISDICTIONS.contains(&v.as_str()) {
                    let mut e = l
                        .error(l.span(j), format!("unknown jurisdiction '{}'", j.value))
                        .with_label("jurisdiction");
                    e = e.with_help(match crate::error::did_you_mean(&v, JURISDICTIONS) {
                        Some(s) => {
                            format!("did you mean '{s}'? Known: {}", JURISDICTIONS.join(", "))
                        }
                        None => format!("known jurisdictions: {}", JURISDICTIONS.join(", ")),
                    });
                    return Err(e);
                }
                organization.jurisdictions.push(Located {
                    value: v,
                    span: l.span(j),
                });
            }
        }

        let mut data = Vec::new();
        let mut seen: BTreeMap<String, Span> = BTreeMap::new();
        for d in &raw.data {
            let id = l.loc(&d.id);
            if let Some(first) = seen.get(&id.value) {
                let (line, _) = (l.text[..first.start].matches('\n').count() + 1, 0);
                return Err(l
                    .error(id.span, format!("duplicate data id '{}'", id.value))
                    .with_label("defined again here")
                    .with_help(format!(
                        "the first '{}' is on line {line}; ids must be unique",
                        id.value
                    )));
            }
            seen.insert(id.value.clone(), id.span);
            let mut categories = Vec::new();
            for c in &d.categories {
                if !fideslang::is_known(&c.value) {
                    let mut e = l
                        .error(l.span(c), format!("unknown data category '{}'", c.value))
                        .with_label("not a fideslang data category");
                    e = e.with_help(match fideslang::suggest(&c.value) {
                        Some(s) => format!("did you mean '{s}'? Categories are fideslang keys such as user.contact.email"),
                        None => "categories are fideslang keys such as user.contact.email (see rules/lexicons/fideslang.tsv)".to_string(),
                    });
                    return Err(e);
                }
                categories.push(l.loc(c));
            }
            let retention = match &d.retention {
                Some(r) => Some(l.retention(r, "retention")?),
                None => None,
            };
            data.push(DataItem {
                id,
                name: d.name.clone(),
                aliases: d.aliases.clone(),
                categories,
                purposes: d.purposes.clone(),
                retention,
                legal_basis: d.legal_basis.as_ref().map(|v| l.loc(v)),
            });
        }

        let mut subprocessors = Vec::new();
        for s in &raw.subprocessors {
            for d in &s.data {
                if !seen.contains_key(&d.value) {
                    let ids: Vec<&str> = seen.keys().map(String::as_str).collect();
                    let mut e = l
                        .error(
                            l.span(d),
                            format!(
                                "unknown data id '{}' in subprocessor '{}'",
                                d.value, s.name.value
                            ),
                        )
                        .with_label("no data item has this id");
                    e = e.with_help(
                        match crate::error::did_you_mean(&d.value, ids.iter().copied()) {
                            Some(m) => format!("did you mean '{m}'?"),
                            None => "list ids from the 'data' section".to_string(),
                        },
                    );
                    return Err(e);
                }
            }
            subprocessors.push(Subprocessor {
                name: l.loc(&s.name),
                aliases: s.aliases.clone(),
                purpose: s.purpose.clone(),
                category: s.category.clone(),
                data: s.data.iter().map(|d| l.loc(d)).collect(),
                locations: s.locations.clone(),
            });
        }

        let mut cookies = Vec::new();
        for c in &raw.cookies {
            let party = match &c.party {
                None => Party::First,
                Some(p) => match p.value.as_str() {
                    "first" => Party::First,
                    "third" => Party::Third,
                    other => {
                        return Err(l
                            .error(l.span(p), format!("unknown cookie party '{other}'"))
                            .with_label("party")
                            .with_help("party is 'first' or 'third'"));
                    }
                },
            };
            let duration = match &c.duration {
                Some(d) => Some(l.retention(d, "cookie duration")?),
                None => None,
            };
            cookies.push(InvCookie {
                name: l.loc(&c.name),
                party,
                provider: c.provider.clone(),
                purpose: c.purpose.clone(),
                duration,
            });
        }

        let mut practices = Practices::default();
        if let Some(p) = &raw.practices {
            practices.sells_personal_data = p.sells_personal_data.as_ref().map(|v| l.loc(v));
            practices.shares_for_cross_context_advertising = p
                .shares_for_cross_context_advertising
                .as_ref()
                .map(|v| l.loc(v));
            practices.trains_ai_on_customer_data =
                p.trains_ai_on_customer_data.as_ref().map(|v| l.loc(v));
            practices.third_party_tracking = p.third_party_tracking.as_ref().map(|v| l.loc(v));
        }

        let mut rights = BTreeMap::new();
        let mut response_days = None;
        if let Some(r) = &raw.rights {
            let entries: [(&'static str, &Option<Spanned<RawRight>>); 12] = [
                ("access", &r.access),
                ("rectification", &r.rectification),
                ("erasure", &r.erasure),
                ("restriction", &r.restriction),
                ("objection", &r.objection),
                ("portability", &r.portability),
                ("withdraw_consent", &r.withdraw_consent),
                ("complaint", &r.complaint),
                ("automated_decision", &r.automated_decision),
                ("opt_out_sale", &r.opt_out_sale),
                ("limit_sensitive", &r.limit_sensitive),
                ("non_discrimination", &r.non_discrimination),
            ];
            for (name, entry) in entries {
                let Some(v) = entry else { continue };
                let span = l.span(v);
                let (mode, format) = match &v.value {
                    RawRight::Mode(m) => (Some(m.as_str()), None),
                    RawRight::Detail { mode, format } => (mode.as_deref(), format.clone()),
                };
                let support = match mode {
                    Some("self-service") | Some("self_service") => RightSupport::SelfService,
                    Some("on-request") | Some("on_request") | None => RightSupport::OnRequest,
                    Some("unsupported") => RightSupport::Unsupported,
                    Some(other) => {
                        return Err(l
                            .error(
                                span,
                                format!("unknown support '{other}' for right '{name}'"),
                            )
                            .with_label("support")
                            .with_help("use self-service, on-request or unsupported"));
                    }
                };
                rights.insert(
                    name,
                    RightEntry {
                        support,
                        format,
                        span,
                    },
                );
            }
            response_days = r.response_days.as_ref().map(|v| l.loc(v));
        }

        let ignore = raw
            .ignore
            .iter()
            .map(|i| IgnoreEntry {
                rule: l.loc(&i.rule),
                subject: i.subject.clone(),
                reason: i.reason.clone(),
            })
            .collect();

        let lines = LineIndex::new(&text);
        Ok(Inventory {
            path: path.to_string(),
            lines,
            version: raw.version.value,
            organization,
            data,
            subprocessors,
            self_hosted: raw.self_hosted.iter().map(|v| l.loc(v)).collect(),
            cookies,
            practices,
            rights,
            response_days,
            children_min_age: raw.children.as_ref().map(|c| l.loc(&c.minimum_age)),
            ignore,
            text,
        })
    }

    /// Is `name` one of the inventory's self-hosted tools (case-insensitive)?
    pub fn is_self_hosted(&self, name: &str) -> bool {
        self.self_hosted
            .iter()
            .any(|s| s.value.eq_ignore_ascii_case(name))
    }

    /// Is any subprocessor known by `name` (name or alias, case-insensitive)?
    pub fn subprocessor_named(&self, name: &str) -> Option<&Subprocessor> {
        self.subprocessors
            .iter()
            .find(|s| s.names().any(|n| n.eq_ignore_ascii_case(name)))
    }
}
