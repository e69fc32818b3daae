//! The policy model, `candor/model/v1`: what a policy set says, each fact with
//! the exact span it came from. Its JSON is a public contract (DESIGN.md):
//! keys are stable, new keys may be added, lists are sorted by evidence offset.

use serde::Serialize;

use crate::document::Document;
use crate::span::Span;

pub const MODEL_SCHEMA: &str = "candor/model/v1";

/// Where a fact came from: path, 1-based line and character column, and
/// byte offsets into the original file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Evidence {
    pub path: std::sync::Arc<str>,
    pub line: usize,
    pub column: usize,
    pub start: usize,
    pub end: usize,
}

impl Evidence {
    pub fn new(doc: &Document, span: Span) -> Evidence {
        let lc = doc.line_col(span.start);
        Evidence {
            path: doc.path.clone(),
            line: lc.line,
            column: lc.column,
            start: span.start,
            end: span.end,
        }
    }

    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }

    fn sort_key(&self) -> (&str, usize, usize) {
        (&self.path, self.start, self.end)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentInfo {
    pub path: String,
    pub title: Option<String>,
    /// ISO date (`YYYY-MM-DD`) of the newest "last updated" statement.
    pub last_updated: Option<String>,
    /// Where the last-updated date was stated (not part of the v1 example; added key).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_updated_evidence: Option<Evidence>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DataCollected {
    /// fideslang key, e.g. `user.contact.email`.
    pub category: &'static str,
    /// The phrase as written.
    pub phrase: String,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ThirdParty {
    /// Canonical catalog name when the vendor is known, else the name as written.
    pub name: String,
    pub purpose: Option<String>,
    pub locations: Vec<String>,
    pub self_hosted: bool,
    pub negated: bool,
    pub evidence: Evidence,
    /// How the mention was found (added key): `catalog` (a known vendor's
    /// name or alias), `inventory` (an inventory name or alias) or `position`
    /// (a row of a subprocessor list or table).
    pub source: MentionSource,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionSource {
    Catalog,
    Inventory,
    Position,
}

/// The event a retention period runs from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RetentionEvent {
    Collection,
    AccountDeletion,
    AccountClosure,
    DeletionRequest,
    Event,
    ContractEnd,
    LastActivity,
    BackupRotation,
}

impl RetentionEvent {
    pub const ALL: [RetentionEvent; 8] = [
        RetentionEvent::Collection,
        RetentionEvent::AccountDeletion,
        RetentionEvent::AccountClosure,
        RetentionEvent::DeletionRequest,
        RetentionEvent::Event,
        RetentionEvent::ContractEnd,
        RetentionEvent::LastActivity,
        RetentionEvent::BackupRotation,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RetentionEvent::Collection => "collection",
            RetentionEvent::AccountDeletion => "account_deletion",
            RetentionEvent::AccountClosure => "account_closure",
            RetentionEvent::DeletionRequest => "deletion_request",
            RetentionEvent::Event => "event",
            RetentionEvent::ContractEnd => "contract_end",
            RetentionEvent::LastActivity => "last_activity",
            RetentionEvent::BackupRotation => "backup_rotation",
        }
    }

    pub fn parse(s: &str) -> Option<RetentionEvent> {
        RetentionEvent::ALL.into_iter().find(|e| e.as_str() == s)
    }

    /// Account deletion and closure name the same moment for retention purposes.
    pub fn same_anchor(self, other: RetentionEvent) -> bool {
        use RetentionEvent::*;
        let norm = |e| match e {
            AccountClosure => AccountDeletion,
            e => e,
        };
        norm(self) == norm(other)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    AtMost,
    Exactly,
    AtLeast,
    Unspecified,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Retention {
    /// What is kept, as written ("account data"), when the text says.
    pub subject: Option<String>,
    pub days: Option<u32>,
    pub after: Option<RetentionEvent>,
    pub bound: Bound,
    pub indefinite: bool,
    /// For an `indefinite` period, the event that ends it:
    /// `account_deletion` for "while your account is active", `contract_end`
    /// for "for the life of your subscription", `null` for "indefinitely".
    /// (`after` stays the anchor of a counted period, so it is `null` here.)
    pub until: Option<RetentionEvent>,
    pub vague: bool,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    First,
    Third,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cookie {
    pub name: String,
    pub party: Option<Party>,
    pub provider: Option<String>,
    pub purpose: Option<String>,
    pub duration: Option<String>,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RightFact {
    pub right: String,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Claim {
    pub claim: String,
    /// The part of the service the claim is limited to, when it is scoped.
    pub scope: Option<String>,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Contact {
    pub role: String,
    pub email: String,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Children {
    pub minimum_age: u32,
    pub evidence: Evidence,
}

/// The model of one policy set (one or more documents).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PolicyModel {
    pub schema: &'static str,
    pub documents: Vec<DocumentInfo>,
    pub data_collected: Vec<DataCollected>,
    pub third_parties: Vec<ThirdParty>,
    pub retention: Vec<Retention>,
    pub cookies: Vec<Cookie>,
    pub rights: Vec<RightFact>,
    pub claims: Vec<Claim>,
    pub contacts: Vec<Contact>,
    pub children: Option<Children>,
    pub response_days: Option<u32>,
}

impl Default for PolicyModel {
    fn default() -> Self {
        PolicyModel {
            schema: MODEL_SCHEMA,
            documents: Vec::new(),
            data_collected: Vec::new(),
            third_parties: Vec::new(),
            retention: Vec::new(),
            cookies: Vec::new(),
            rights: Vec::new(),
            claims: Vec::new(),
            contacts: Vec::new(),
            children: None,
            response_days: None,
        }
    }
}

impl PolicyModel {
    /// Append another document's model (for policy sets).
    pub fn merge(&mut self, other: PolicyModel) {
        self.documents.extend(other.documents);
        self.data_collected.extend(other.data_collected);
        self.third_parties.extend(other.third_parties);
        self.retention.extend(other.retention);
        self.cookies.extend(other.cookies);
        self.rights.extend(other.rights);
        self.claims.extend(other.claims);
        self.contacts.extend(other.contacts);
        if self.children.is_none() {
            self.children = other.children;
        }
        if self.response_days.is_none() {
            self.response_days = other.response_days;
        }
    }

    /// The evidence of every fact, in no particular order. The destructuring
    /// names every field, so a fact kind added to the model does not
    /// compile until it is listed here (readers such as
    /// [`crate::summary::DocSummary`] locate each fact's evidence).
    pub fn evidence(&self) -> impl Iterator<Item = &Evidence> {
        let PolicyModel {
            schema: _,
            documents,
            data_collected,
            third_parties,
            retention,
            cookies,
            rights,
            claims,
            contacts,
            children,
            response_days: _,
        } = self;
        documents
            .iter()
            .filter_map(|d| d.last_updated_evidence.as_ref())
            .chain(data_collected.iter().map(|x| &x.evidence))
            .chain(third_parties.iter().map(|x| &x.evidence))
            .chain(retention.iter().map(|x| &x.evidence))
            .chain(cookies.iter().map(|x| &x.evidence))
            .chain(rights.iter().map(|x| &x.evidence))
            .chain(claims.iter().map(|x| &x.evidence))
            .chain(contacts.iter().map(|x| &x.evidence))
            .chain(children.iter().map(|x| &x.evidence))
    }

    /// Sort every list by evidence (path, offset), as the contract requires.
    pub fn sort(&mut self) {
        self.data_collected
            .sort_by(|a, b| a.evidence.sort_key().cmp(&b.evidence.sort_key()));
        self.third_parties.sort_by(|a, b| {
            (a.evidence.sort_key(), &a.name).cmp(&(b.evidence.sort_key(), &b.name))
        });
        self.retention
            .sort_by(|a, b| a.evidence.sort_key().cmp(&b.evidence.sort_key()));
        self.cookies.sort_by(|a, b| {
            (a.evidence.sort_key(), &a.name).cmp(&(b.evidence.sort_key(), &b.name))
        });
        self.rights.sort_by(|a, b| {
            (a.evidence.sort_key(), &a.right).cmp(&(b.evidence.sort_key(), &b.right))
        });
        self.claims.sort_by(|a, b| {
            (a.evidence.sort_key(), &a.claim).cmp(&(b.evidence.sort_key(), &b.claim))
        });
        self.contacts
            .sort_by(|a, b| a.evidence.sort_key().cmp(&b.evidence.sort_key()));
    }
}
