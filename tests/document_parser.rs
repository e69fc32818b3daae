//! Document parser tests: seeds, real-world corpus files, hand-made inputs
//! and pathological sizes. Expected values were checked by hand against the
//! fixture files.

use candor::document::{Block, BlockKind, Document, SourceKind, split_sentences};

fn parse_path(path: &str) -> Document {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let kind = SourceKind::from_path(path).unwrap_or_else(|| panic!("{path}: unknown kind"));
    Document::parse(path, text, kind)
}

macro_rules! fixture {
    ($rel:literal) => {
        parse_path(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/", $rel))
    };
}

fn md(text: &str) -> Document {
    Document::parse("t.md", text.to_string(), SourceKind::Markdown)
}

fn titles(doc: &Document) -> Vec<&str> {
    doc.sections.iter().map(|s| s.title.as_str()).collect()
}

fn block<'a>(doc: &'a Document, text: &str) -> &'a Block {
    doc.blocks
        .iter()
        .find(|b| b.text == text)
        .unwrap_or_else(|| panic!("no block with text {text:?} in {}", doc.path))
}

fn block_starting<'a>(doc: &'a Document, prefix: &str) -> &'a Block {
    doc.blocks
        .iter()
        .find(|b| b.text.starts_with(prefix))
        .unwrap_or_else(|| panic!("no block starting {prefix:?} in {}", doc.path))
}

fn count(doc: &Document, f: impl Fn(&BlockKind) -> bool) -> usize {
    doc.blocks.iter().filter(|b| f(&b.kind)).count()
}

fn is_item(k: &BlockKind) -> bool {
    matches!(k, BlockKind::ListItem { .. })
}

/// The original text under a block's span.
fn orig<'a>(doc: &'a Document, b: &Block) -> &'a str {
    &doc.text[b.span.start..b.span.end]
}

fn span_text<'a>(doc: &'a Document, b: &Block, r: std::ops::Range<usize>) -> &'a str {
    let s = b.span_of(r);
    &doc.text[s.start..s.end]
}

// ---------------------------------------------------------------------------
// Seeds (plain text)
// ---------------------------------------------------------------------------

#[test]
fn seed_modeldock() {
    let doc = fixture!("seeds/modeldock-privacy.txt");
    assert_eq!(
        titles(&doc),
        vec![
            "Privacy Policy",
            "1. Introduction",
            "2. Information We Collect",
            "Account Information",
            "Project Data",
            "Usage Data",
            "Run Artifacts",
            "3. How We Use Your Information",
            "4. Data Security",
            "5. Third-Party Services",
            "6. Data Retention",
            "7. Your Rights",
            "8. Cookies",
            "9. Changes to This Policy",
            "10. Contact",
        ]
    );
    assert_eq!(doc.title(), Some("Privacy Policy"));
    // Levels: title 1, numbered 2, unnumbered under a numbered heading 3.
    assert_eq!(doc.sections[0].level, 1);
    assert_eq!(doc.sections[2].level, 2);
    assert_eq!(doc.sections[3].level, 3);
    assert_eq!(doc.sections[3].parent, Some(2));
    assert_eq!(doc.sections[7].parent, Some(0));

    let last_updated = block(&doc, "Last updated: February 2026");
    assert_eq!(last_updated.kind, BlockKind::Paragraph);

    let item = block(
        &doc,
        "Provide and operate the Service (running your dbt projects on schedule)",
    );
    assert_eq!(item.kind, BlockKind::ListItem { depth: 1 });
    assert_eq!(
        doc.section_path(item),
        vec!["Privacy Policy", "3. How We Use Your Information"]
    );
    // The span covers the text after the bullet, byte for byte.
    assert_eq!(orig(&doc, item), item.text);

    let resend = block(
        &doc,
        "Resend — Transactional email delivery (verification emails, alerts)",
    );
    assert!(resend.is_list_item());
    assert_eq!(
        doc.section_path(resend),
        vec!["Privacy Policy", "5. Third-Party Services"]
    );
    let github = block_starting(&doc, "GitHub — OAuth for repository access");
    let hetzner = block_starting(&doc, "Hetzner Cloud — Infrastructure hosting");
    assert_eq!(github.list, resend.list);
    assert_eq!(hetzner.list, resend.list);
    assert_ne!(item.list, resend.list);

    // 15 headings; 4 + 6 + 3 + 4 bullets; 17 paragraphs (counted by hand).
    assert_eq!(count(&doc, |k| *k == BlockKind::Heading), 15);
    assert_eq!(count(&doc, is_item), 17);
    assert_eq!(count(&doc, |k| *k == BlockKind::Paragraph), 17);

    let intro = block_starting(&doc, "ModelDock (“we”, “us”, “our”) operates");
    let sents: Vec<&str> = intro
        .sentences
        .iter()
        .map(|r| &intro.text[r.clone()])
        .collect();
    assert_eq!(
        sents,
        vec![
            "ModelDock (“we”, “us”, “our”) operates ModelDock.run.",
            "This Privacy Policy explains how we collect, use, and protect your information when you use our Service."
        ]
    );
}

#[test]
fn seed_monitoring_saas() {
    let doc = fixture!("seeds/monitoring-saas-privacy.txt");
    assert_eq!(
        titles(&doc),
        vec![
            "Legal",
            "Privacy Policy",
            "What data we collect",
            "Account",
            "Billing",
            "Operations",
            "Site analytics",
            "How we use it",
            "Disclosure to third parties",
            "Retention",
            "Your rights (GDPR / equivalents)",
            "Cookies",
            "Children",
            "Contact",
        ]
    );
    let retention = block(&doc, "Account data — until account closure + 90 days");
    assert_eq!(retention.kind, BlockKind::ListItem { depth: 1 });
    assert_eq!(doc.section_path(retention).last(), Some(&"Retention"));
    assert_eq!(orig(&doc, retention), retention.text);
    assert_eq!(
        block(&doc, "Last updated: 2026-05-15").kind,
        BlockKind::Paragraph
    );
    assert_eq!(
        block(
            &doc,
            "What data we collect, how we use it, and with whom we share it."
        )
        .kind,
        BlockKind::Paragraph
    );
    // 3 + 2 + 4 + 2 + 4 + 4 + 5 bullets, 7 paragraphs.
    assert_eq!(count(&doc, is_item), 24);
    assert_eq!(count(&doc, |k| *k == BlockKind::Paragraph), 7);
    // Last line has no newline.
    let last = doc.blocks.last().unwrap();
    assert_eq!(
        last.text,
        "DPO / privacy inquiries — [email\u{a0}protected]."
    );
    assert_eq!(last.span.end, doc.text.len());
}

#[test]
fn seed_dunops() {
    let doc = fixture!("seeds/dunops-privacy.txt");
    assert_eq!(
        titles(&doc),
        vec!["Privacy", "Privacy Policy", "Changes log"]
    );
    let first = block_starting(&doc, "2026-04-02Clarified");
    assert_eq!(first.kind, BlockKind::ListItem { depth: 1 });
    assert_eq!(
        first.text,
        "2026-04-02Clarified that workspace data is not used for AI model training."
    );
    assert_eq!(doc.section_path(first).last(), Some(&"Changes log"));
    let account = block_starting(&doc, "Account data: name, email");
    assert!(account.is_list_item());
    assert_eq!(doc.section_path(account).last(), Some(&"Privacy Policy"));
    assert_eq!(count(&doc, is_item), 7);
    assert_eq!(count(&doc, |k| *k == BlockKind::Paragraph), 13);
    let last = doc.blocks.last().unwrap();
    assert_eq!(last.text, "2025-11-08Initial publication.");
    assert_eq!(last.span.end, doc.text.len());
}

#[test]
fn plaintext_details() {
    let text = "\u{feff}Title Here\r\n\r\n<!-- candor-ignore vendor-undisclosed -->\r\nIntro: some text here.\r\n• Top item\r\n    • Nested item\r\n• Back at top\r\n1. A numbered sentence that ends with a period.\r\n2.1 Sub Heading\r\nlast line";
    let doc = Document::parse("p.txt", text.to_string(), SourceKind::PlainText);
    assert_eq!(titles(&doc), vec!["Title Here", "2.1 Sub Heading"]);
    assert_eq!(doc.sections[0].level, 1);
    assert_eq!(doc.sections[1].level, 3);
    assert_eq!(doc.comments.len(), 1);
    assert_eq!(doc.comments[0].text, "candor-ignore vendor-undisclosed");
    let c = doc.comments[0].span;
    assert_eq!(
        &text[c.start..c.end],
        "<!-- candor-ignore vendor-undisclosed -->"
    );
    assert_eq!(
        block(&doc, "Top item").kind,
        BlockKind::ListItem { depth: 1 }
    );
    assert_eq!(
        block(&doc, "Nested item").kind,
        BlockKind::ListItem { depth: 2 }
    );
    assert_eq!(
        block(&doc, "Back at top").kind,
        BlockKind::ListItem { depth: 1 }
    );
    let numbered = block(&doc, "A numbered sentence that ends with a period.");
    assert!(numbered.is_list_item());
    assert_eq!(block(&doc, "last line").kind, BlockKind::Paragraph);
    for b in &doc.blocks {
        assert_eq!(orig(&doc, b), b.text, "CR and BOM stay out of spans");
    }
}

// ---------------------------------------------------------------------------
// Corpus (Markdown, HTML)
// ---------------------------------------------------------------------------

#[test]
fn github_subprocessors_table() {
    let doc = fixture!("corpus/github/subprocessors.md");
    assert_eq!(
        doc.front_matter.title.as_deref(),
        Some("GitHub Subprocessors")
    );
    assert_eq!(doc.title(), Some("GitHub Subprocessors"));
    assert_eq!(titles(&doc)[0], "Third Party Subprocessors");
    let row = block_starting(&doc, "Anthropic PBC |");
    assert_eq!(row.kind, BlockKind::TableRow);
    assert_eq!(
        row.cell_texts().collect::<Vec<_>>(),
        vec![
            "Anthropic PBC",
            "AI Inference and AI Services",
            "United States",
            "United States"
        ]
    );
    assert_eq!(
        row.text,
        "Anthropic PBC | AI Inference and AI Services | United States | United States"
    );
    let header = doc.table_header(row).expect("header");
    assert_eq!(header.kind, BlockKind::TableHeader);
    assert_eq!(
        header.cell_texts().collect::<Vec<_>>(),
        vec![
            "Name of Subprocessor",
            "Description of Processing",
            "Location of Processing",
            "Corporate Location"
        ]
    );
    let t = &doc.tables[row.table.unwrap()];
    assert!(t.rows.len() >= 14);
    assert!(
        t.rows
            .iter()
            .all(|&i| doc.blocks[i].kind == BlockKind::TableRow)
    );
    // A cell maps back to its exact source text.
    let r = row.cells[1].clone();
    assert_eq!(span_text(&doc, row, r), "AI Inference and AI Services");
    // The autolink keeps its text.
    let contact = block_starting(&doc, "If you have questions about this list");
    assert_eq!(
        contact.text,
        "If you have questions about this list, please contact us at privacy@github.com."
    );
    let link = &contact.links[0];
    assert_eq!(&contact.text[link.text.clone()], "privacy@github.com");
    assert!(link.dest.contains("privacy@github.com"));
}

#[test]
fn github_cookies_code_cells() {
    let doc = fixture!("corpus/github/cookies.md");
    assert_eq!(doc.front_matter.title.as_deref(), Some("GitHub Cookies"));
    let row = block_starting(&doc, "GitHub | _gh_sess |");
    assert_eq!(
        row.cell_texts().take(2).collect::<Vec<_>>(),
        vec!["GitHub", "_gh_sess"]
    );
    assert_eq!(
        doc.table_header(row).unwrap().cell_texts().nth(1),
        Some("Cookie Name")
    );
    // Sentences stay inside cells.
    let sents: Vec<&str> = row.sentences.iter().map(|r| &row.text[r.clone()]).collect();
    assert_eq!(
        sents,
        vec![
            "GitHub",
            "_gh_sess",
            "This cookie is used for temporary application and framework state between pages like what step the user is on in a multiple step form.",
            "Session"
        ]
    );
    // The code span's content maps exactly; the backticks stay outside.
    let r = row.cells[1].clone();
    assert_eq!(span_text(&doc, row, r), "_gh_sess");
}

#[test]
fn escapes_and_entities_map_to_their_source() {
    let doc = md("Cookie \\_gh\\_sess &amp; more &copy; 2024.\n");
    let b = &doc.blocks[0];
    assert_eq!(b.text, "Cookie _gh_sess & more © 2024.");
    let s = b.text.find("_gh_sess").unwrap();
    assert_eq!(span_text(&doc, b, s..s + 8), "\\_gh\\_sess");
    let s = b.text.find('&').unwrap();
    assert_eq!(span_text(&doc, b, s..s + 1), "&amp;");
    let s = b.text.find("more").unwrap();
    assert_eq!(span_text(&doc, b, s..s + 4), "more");
    let s = b.text.find('©').unwrap();
    assert_eq!(span_text(&doc, b, s..s + '©'.len_utf8()), "&copy;");
}

#[test]
fn inline_markup_breaks_and_links() {
    let doc = md(
        "Some *emphasis*, `code`, **strong** and [a link](https://x.example/p)\nsoft  \nhard<br>html <span>kept</span> text.\n",
    );
    let b = &doc.blocks[0];
    assert_eq!(
        b.text,
        "Some emphasis, code, strong and a link soft hard html kept text."
    );
    assert_eq!(b.links.len(), 1);
    assert_eq!(&b.text[b.links[0].text.clone()], "a link");
    assert_eq!(b.links[0].dest, "https://x.example/p");
    let s = b.text.find("kept").unwrap();
    assert_eq!(span_text(&doc, b, s..s + 4), "kept");
}

#[test]
fn underscores_glued_to_a_name_are_not_emphasis() {
    // sage-bionetworks/cookies.md line 43: "| _ga_<ContainerID> such as …".
    let doc = md(concat!(
        "| Cookie | Provider |\n| --- | --- |\n",
        "| _ga_<ContainerID> such as _ga_Y07DD946E4 | Google |\n\n",
        "Hotjar sets _hjSession_<siteId>, __cf_bm__{id} and _x_y_.\n\n",
        "This is _important_, and so is __this__ (_really_).\n",
    ));
    let row = &doc.blocks[1];
    assert_eq!(
        row.text,
        "_ga_<ContainerID> such as _ga_Y07DD946E4 | Google"
    );
    let s = row.text.find("_ga_<").unwrap();
    assert_eq!(span_text(&doc, row, s..s + 17), "_ga_<ContainerID>");
    assert_eq!(
        doc.blocks[2].text,
        "Hotjar sets _hjSession_<siteId>, __cf_bm__{id} and _x_y_."
    );
    // Emphasis between spaces and punctuation is still emphasis.
    assert_eq!(
        doc.blocks[3].text,
        "This is important, and so is this (really)."
    );
}

#[test]
fn a_blank_markdown_header_row_gives_way_to_the_first_row() {
    // sage-bionetworks/subprocessors.md lines 11-14.
    let doc = md(concat!(
        "|  |  |  |\n|---|---|---|\n",
        "| Sub-Processor | Location | Description/Purpose |\n",
        "| Amazon Web Services (AWS) | USA, Germany, Ireland | Cloud services |\n",
    ));
    let header = doc.tables[0].header.map(|i| doc.blocks[i].text.as_str());
    assert_eq!(
        header,
        Some("Sub-Processor | Location | Description/Purpose")
    );
    assert_eq!(doc.tables[0].rows.len(), 1);
    // A first row of data stays a row: the header stays blank.
    let doc = md("|  |  |\n|---|---|\n| Retention | 30 days |\n| Logs | 2 years |\n");
    assert_eq!(doc.tables[0].header, None);
    assert_eq!(doc.tables[0].rows.len(), 2);
}

#[test]
fn crlf_bom_and_front_matter_offsets() {
    let text = "\u{feff}---\r\ntitle: \"Policy\"\r\nlast_updated: 2024-03-01\r\n---\r\n# Heading\r\n\r\nFirst line\r\nsecond line.\r\n";
    let doc = md(text);
    assert_eq!(doc.front_matter.title.as_deref(), Some("Policy"));
    let (k, v, s) = &doc.front_matter.dates[0];
    assert_eq!((k.as_str(), v.as_str()), ("last_updated", "2024-03-01"));
    assert_eq!(&text[s.start..s.end], "2024-03-01");
    assert_eq!(titles(&doc), vec!["Heading"]);
    let h = &doc.blocks[0];
    assert_eq!(orig(&doc, h), "# Heading");
    let p = &doc.blocks[1];
    assert_eq!(p.text, "First line second line.");
    assert_eq!(orig(&doc, p), "First line\r\nsecond line.");
    assert_eq!(
        span_text(&doc, p, 0..p.text.len()),
        "First line\r\nsecond line."
    );
    assert_eq!(span_text(&doc, p, 11..17), "second");
}

#[test]
fn front_matter_dates_from_corpus() {
    let doc = fixture!("corpus/stamphq/privacy.md");
    assert_eq!(doc.front_matter.title.as_deref(), Some("Privacy policy"));
    let (k, v, s) = &doc.front_matter.dates[0];
    assert_eq!(
        (k.as_str(), v.as_str()),
        ("date", "2022-06-26T00:00:00.000Z")
    );
    assert_eq!(&doc.text[s.start..s.end], "2022-06-26T00:00:00.000Z");

    let doc = fixture!("corpus/letsencrypt/privacy-policy.md");
    assert_eq!(
        doc.front_matter.title.as_deref(),
        Some("Let’s Encrypt Privacy Policy")
    );
    let (k, v, _) = &doc.front_matter.dates[0];
    assert_eq!((k.as_str(), v.as_str()), ("lastmod", "2026-07-06"));
    // Front matter never becomes blocks.
    assert!(doc.blocks.iter().all(|b| !b.text.contains("lastmod")));
}

#[test]
fn nested_and_loose_lists() {
    let doc = fixture!("corpus/activist/privacy-policy.md");
    let parent = block(&doc, "Third Parties:");
    assert_eq!(parent.kind, BlockKind::ListItem { depth: 1 });
    let child = block_starting(&doc, "Hosting Providers: All data");
    assert_eq!(child.kind, BlockKind::ListItem { depth: 2 });
    assert_ne!(child.list, parent.list);
    let sibling = block_starting(&doc, "Legal Obligations: In the event");
    assert_eq!(sibling.kind, BlockKind::ListItem { depth: 1 });
    assert_eq!(sibling.list, parent.list);

    let doc = md("- first para\n\n  second para\n  - nested\n\n  after nested\n- next\n");
    let items: Vec<(&str, BlockKind)> = doc
        .blocks
        .iter()
        .map(|b| (b.text.as_str(), b.kind))
        .collect();
    assert_eq!(
        items,
        vec![
            (
                "first para second para after nested",
                BlockKind::ListItem { depth: 1 }
            ),
            ("nested", BlockKind::ListItem { depth: 2 }),
            ("next", BlockKind::ListItem { depth: 1 }),
        ]
    );
    assert_eq!(doc.blocks[0].list, doc.blocks[2].list);
    assert_ne!(doc.blocks[0].list, doc.blocks[1].list);
}

#[test]
fn block_quotes_are_paragraphs() {
    let doc = md("> Quoted **text** here.\n>\n> Second.\n");
    let texts: Vec<(&str, BlockKind)> = doc
        .blocks
        .iter()
        .map(|b| (b.text.as_str(), b.kind))
        .collect();
    assert_eq!(
        texts,
        vec![
            ("Quoted text here.", BlockKind::Paragraph),
            ("Second.", BlockKind::Paragraph)
        ]
    );
}

#[test]
fn kramdown_attributes_are_masked() {
    let doc = fixture!("corpus/mozilla/pocket-privacy-policy.md");
    assert!(titles(&doc).contains(&"User Accounts and Collection of Information"));
    assert!(titles(&doc).contains(&"Contact"));
    let doc = fixture!("corpus/mozilla/firefox-privacy-notice.md");
    assert_eq!(
        block(&doc, "Effective May 4, 2026").kind,
        BlockKind::Paragraph
    );
    for b in &doc.blocks {
        assert!(!b.text.contains("datetime"), "{}", b.text);
        assert!(!b.text.contains("{:"), "{}", b.text);
    }
    let doc = fixture!("corpus/mozilla/common-voice-privacy-notice.md");
    block(&doc, "Effective October 31, 2025");
}

#[test]
fn liquid_tags_are_masked() {
    let doc = fixture!("corpus/github/legal-requests-of-user-data.md");
    let b = block_starting(&doc, "Data about interactions with private repositories");
    assert!(
        b.text.contains("you can visit your and browse through"),
        "{}",
        b.text
    );
    for b in &doc.blocks {
        assert!(
            !b.text.contains("{%") && !b.text.contains("reusables"),
            "{}",
            b.text
        );
    }
    let doc = md("Updated {{ page.date }}. See {% link x %}here{% endlink %}.\n{# note #}\n");
    // A separator left by a masked tag is dropped before punctuation.
    assert_eq!(doc.blocks[0].text, "Updated. See here.");
}

#[test]
fn govuk_notify_html_template() {
    let doc = fixture!("corpus/govuk-notify/data-retention-period.html");
    assert_eq!(
        titles(&doc),
        vec![
            "Data retention period",
            "How to download a report of your sent messages",
            "How to change your data retention period"
        ]
    );
    assert_eq!(doc.sections[0].level, 1);
    assert_eq!(doc.sections[1].level, 2);
    let p = block(
        &doc,
        "For security, GOV.UK Notify only keeps a temporary record of:",
    );
    assert_eq!(p.kind, BlockKind::Paragraph);
    let li = block(
        &doc,
        "the content of the emails, text messages and letters you send",
    );
    assert_eq!(li.kind, BlockKind::ListItem { depth: 1 });
    assert_eq!(
        orig(&doc, li),
        "<li>the content of the emails, text messages and letters you send</li>"
    );
    let li2 = block(
        &doc,
        "recipient email addresses, mobile numbers and addresses",
    );
    assert_eq!(li.list, li2.list);
    let select = block(
        &doc,
        "Select emails sent, text messages sent or letters sent.",
    );
    assert!(select.is_list_item());
    assert_ne!(select.list, li.list);
    block(&doc, "Go to the page.");
    // privacy-notice.html indents its elements four spaces after blank
    // lines: read as Markdown they would be code blocks; an HTML file is
    // HTML throughout.
    let notice = fixture!("corpus/govuk-notify/privacy-notice.html");
    let t = titles(&notice);
    assert!(t.contains(&"How long we keep your data"), "{t:?}");
    assert!(t.contains(&"Questions and complaints"), "{t:?}");
    let p = block(
        &notice,
        "We’ll keep your personal data for as long as you have a GOV.UK Notify account.",
    );
    assert_eq!(p.kind, BlockKind::Paragraph);
    assert_eq!(
        orig(&notice, p),
        "We’ll keep your personal data for as long as you have a GOV.UK Notify account."
    );
    for d in [
        fixture!("corpus/govuk-notify/cookies.html"),
        fixture!("corpus/govuk-notify/privacy-notice.html"),
        doc,
    ] {
        for b in &d.blocks {
            assert!(
                !b.text.contains('<') && !b.text.contains("{%") && !b.text.contains("{{"),
                "{}",
                b.text
            );
        }
    }
}

#[test]
fn mozilla_html_file() {
    let doc = fixture!("corpus/mozilla/mozilla-accounts-privacy-notice.html");
    assert_eq!(doc.title(), Some("Mozilla Accounts Privacy Notice"));
    assert!(titles(&doc).contains(&"How we share your personal data"));
    let firefox = block(&doc, "Firefox Browser");
    assert_eq!(firefox.kind, BlockKind::ListItem { depth: 1 });
    assert_eq!(
        firefox.links[0].dest,
        "https://www.mozilla.org/privacy/firefox/"
    );
    assert_eq!(
        &firefox.text[firefox.links[0].text.clone()],
        "Firefox Browser"
    );
    let authorities = block_starting(&doc, "Authorities | Mozilla requires a valid Legal Process");
    assert_eq!(authorities.kind, BlockKind::TableRow);
    assert_eq!(authorities.cell_texts().next(), Some("Authorities"));
    assert_eq!(authorities.cells.len(), 2);
    let heading = doc
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Heading)
        .unwrap();
    assert_eq!(heading.text, "Mozilla Accounts Privacy Notice");
    for b in &doc.blocks {
        assert!(!b.text.contains('<') && !b.text.contains('>'), "{}", b.text);
    }
}

#[test]
fn html_table_in_markdown() {
    let doc = fixture!("corpus/mozilla/firefox-privacy-notice.md");
    let row = block_starting(&doc, "To adapt Firefox to your needs |");
    assert_eq!(row.kind, BlockKind::TableRow);
    assert_eq!(
        row.cell_texts().collect::<Vec<_>>(),
        vec![
            "To adapt Firefox to your needs",
            "Any data type",
            "Legitimate interest in making the data on your device work for you.",
            "Data processed on your device remains in your control. You can manage your local storage settings or clear your browsing history at any time."
        ]
    );
    let header = doc.table_header(row).unwrap();
    assert_eq!(
        header.cell_texts().next(),
        Some("What we use your data for")
    );
    // Lists inside a cell stay in the cell, separated.
    let first = block_starting(&doc, "To provide you with the Firefox browser |");
    assert_eq!(
        first.cell_texts().nth(1),
        Some(
            "Technical data; Location; Language preference; Settings data; Unique identifiers; Interaction data"
        )
    );
    // The address with <br/> is one paragraph.
    block(
        &doc,
        "Bird & Bird DPO Services SRL Avenue Louise 235 b 1 1050 Brussels Belgium",
    );
}

#[test]
fn layout_table_content_becomes_blocks() {
    let doc = fixture!("corpus/sage-bionetworks/privacy.md");
    let b = block(&doc, "We use cookies.");
    assert_eq!(b.kind, BlockKind::ListItem { depth: 1 });
    assert_eq!(block(&doc, "Tracking").kind, BlockKind::Paragraph);
    assert!(
        doc.blocks
            .iter()
            .all(|b| !b.is_table() || !b.text.contains("We use cookies"))
    );
}

#[test]
fn html_comments_are_comments() {
    let doc = fixture!("corpus/github/privacy-statement.md");
    let texts: Vec<&str> = doc.comments.iter().map(|c| c.text.as_str()).collect();
    assert!(texts.contains(&"markdownlint-disable GHD034"));
    let c = doc
        .comments
        .iter()
        .find(|c| c.text == "markdownlint-disable GHD034")
        .unwrap();
    assert_eq!(
        &doc.text[c.span.start..c.span.end],
        "<!-- markdownlint-disable GHD034 -->"
    );
    for b in &doc.blocks {
        assert!(!b.text.contains("markdownlint"));
    }
    let doc = md("Text <!-- candor-ignore x --> more.\n\n<!--\nmulti\nline\n-->\n");
    assert_eq!(doc.blocks.len(), 1);
    assert_eq!(doc.blocks[0].text, "Text more.");
    assert_eq!(
        doc.comments
            .iter()
            .map(|c| c.text.as_str())
            .collect::<Vec<_>>(),
        vec!["candor-ignore x", "multi\nline"]
    );
}

#[test]
fn raw_html_content_does_not_leak() {
    let doc = md(
        "<script>\nvar tracking = 1;\n</script>\n\nVisible <style>.x{}</style>text.\n\n<div>\n<p>Inside div.</p>\n</div>\n\n<details><summary>More</summary>\n\nHidden *markdown* body.\n\n</details>\n",
    );
    let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        vec![
            "Visible text.",
            "Inside div.",
            "More",
            "Hidden markdown body."
        ]
    );
}

#[test]
fn mdx_does_not_leak_syntax() {
    let doc = fixture!("documents/privacy.mdx");
    assert_eq!(doc.kind, SourceKind::Mdx);
    let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        vec![
            "Privacy Policy",
            "We never sell your data.",
            "We use Plausible for page views.",
            "Payment data is processed by Stripe.",
            "Contact",
            "Write to privacy@example.com.",
        ]
    );
    for b in &doc.blocks {
        assert!(!b.text.contains("import") && !b.text.contains('<') && !b.text.contains('{'));
        for s in &b.sentences {
            let span = b.span_of(s.clone());
            assert!(span.end <= doc.text.len());
        }
    }
    let b = block(&doc, "Payment data is processed by Stripe.");
    assert_eq!(orig(&doc, b), "Payment data is processed by **Stripe**.");
}

#[test]
fn other_corpus_shapes() {
    let doc = fixture!("corpus/basecamp/privacy-policy.md");
    assert_eq!(doc.front_matter.title.as_deref(), Some("Privacy policy"));
    assert!(doc.sections.len() > 5);
    let doc = fixture!("corpus/zulip/subprocessors.md");
    assert!(!doc.tables.is_empty() || doc.blocks.iter().any(|b| b.is_list_item()));
    let doc = fixture!("corpus/activist/privacy-2023.txt");
    assert!(!doc.sections.is_empty());
    assert!(!doc.blocks.is_empty());
}

// ---------------------------------------------------------------------------
// Properties over every fixture
// ---------------------------------------------------------------------------

fn all_fixture_paths() -> Vec<String> {
    let mut out = Vec::new();
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
    let mut dirs = vec![std::path::PathBuf::from(root)];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else if let Some(s) = p.to_str()
                && SourceKind::from_path(s).is_some()
                && !s.contains("/labels/")
                && !s.ends_with("README.md")
            {
                out.push(s.to_string());
            }
        }
    }
    out.sort();
    out
}

/// Soundness of every span, segment, cell, link, sentence and table index.
fn check_sound(doc: &Document, path: &str) {
    let n = doc.text.len();
    for b in &doc.blocks {
        assert!(b.span.start <= b.span.end && b.span.end <= n, "{path}");
        assert!(doc.text.is_char_boundary(b.span.start) && doc.text.is_char_boundary(b.span.end));
        assert!(!b.text.trim().is_empty(), "{path}: empty block");
        assert!(
            (doc.text.contains('\u{1}') || !b.text.contains('\u{1}')) && !b.text.contains('\n'),
            "{path}: {:?}",
            b.text
        );
        let mut prev_end = 0;
        for seg in &b.map {
            assert!(seg.clean >= prev_end, "{path}: map not sorted");
            prev_end = seg.clean + seg.len;
            assert!(prev_end <= b.text.len(), "{path}");
            assert!(seg.orig + seg.orig_len <= n, "{path}");
            if seg.exact {
                assert_eq!(
                    &doc.text[seg.orig..seg.orig + seg.orig_len],
                    &b.text[seg.clean..seg.clean + seg.len],
                    "{path}"
                );
            }
        }
        for c in &b.cells {
            assert!(c.start <= c.end && c.end <= b.text.len(), "{path}");
        }
        for l in &b.links {
            assert!(
                l.text.start < l.text.end && l.text.end <= b.text.len(),
                "{path}"
            );
        }
        for s in &b.sentences {
            assert!(s.start < s.end && s.end <= b.text.len(), "{path}");
            let sent = &b.text[s.clone()];
            assert_eq!(sent, sent.trim());
            let span = b.span_of(s.clone());
            assert!(span.start <= span.end && span.end <= n, "{path}");
            assert!(doc.text.is_char_boundary(span.start) && doc.text.is_char_boundary(span.end));
            let single = b
                .map
                .iter()
                .find(|m| m.clean <= s.start && s.end <= m.clean + m.len);
            if let Some(m) = single
                && m.exact
            {
                assert_eq!(&doc.text[span.start..span.end], sent, "{path}");
            }
        }
    }
    for s in &doc.sections {
        assert!(s.span.end <= n && s.parent.is_none_or(|p| p < doc.sections.len()));
    }
    for (ti, t) in doc.tables.iter().enumerate() {
        for &i in t.header.iter().chain(t.rows.iter()) {
            assert!(doc.blocks[i].is_table(), "{path}");
            assert_eq!(doc.blocks[i].table, Some(ti), "{path}");
        }
    }
    for c in &doc.comments {
        assert!(c.span.end <= n, "{path}");
        assert!(
            doc.text[c.span.start..c.span.end].contains(c.text.as_str()),
            "{path}"
        );
    }
}

#[test]
fn spans_are_sound_for_every_fixture() {
    let paths = all_fixture_paths();
    assert!(paths.len() >= 50, "found {}", paths.len());
    for path in &paths {
        let doc = parse_path(path);
        assert!(!doc.blocks.is_empty(), "{path}: no blocks");
        check_sound(&doc, path);
    }
}

#[test]
fn tricky_inputs_are_sound() {
    let inputs = [
        "",
        "\u{feff}",
        "#",
        "# \n",
        "---\n",
        "---\ntitle: x\n---",
        "- item\n\n  <div>\n  text in div\n  </div>\n",
        "> <p>quoted html</p>\n> more\n",
        "<!-- unclosed comment\n\ntext",
        "<script>never closed\n\nnext para",
        "text <style> never closed\n\nnext para",
        "| a | b |\n|---|---|\n| <b>x</b> \\| y | z |\n",
        "é{{ é }}é and ü{% ü %}ü",
        "  {: .x }\nfoo {: #id }\n\n{:toc}",
        "```\n{% raw %} <Foo> {x}\n```\nafter",
        "&#0; &#xD800; &#99999999; &bogus; &amp",
        "<td>stray</td> <tr>row</tr>",
        "<table><tr><td><table><tr><td>in</td></tr></table></td><td>b</td></tr></table>",
        "<table><thead><tr><th></th><th></th></tr></thead><tbody><tr><td>a</td><td>b</td></tr></tbody></table>",
        "*a **b _c_ d** e*",
        "[link](<>) and [](x) and [ref]\n\n[ref]: http://x",
        "![img](x.png) after",
        "Footnote[^1].\n\n[^1]: The note.\n",
        "<a href=\"x\">unclosed link",
        "<a href='y'>single</a> <A HREF=z>upper</A>",
        "1. one\n   1. two\n      1. three\n",
        "\r\n\r\n- a\r\n  - b\r\n",
        "<Callout>\n    indented\n</Callout>\n",
        "import x from 'y'\n",
        "export const a = {\n\nb: 1\n}\n",
        "<Foo bar={<Baz />}>t</Foo> {a{b}c} {unclosed",
        "Term\n: definition\n",
        "a\u{0}b\u{1}c",
        "<p>one<p>two<li>three<h2>four</h2>",
        "<ul><li>a<ul><li>b</li></ul>c</li></ul>",
        "  <p>indented html</p>\n\n    <p>code-indented html</p>",
        "Setext\n===\n\nSub\n---\n",
        "text\\\nhard break",
        "<details>\n<summary>S</summary>\n\n- x\n\n</details>",
    ];
    for (i, input) in inputs.iter().enumerate() {
        for (kind, ext) in [
            (SourceKind::Markdown, "md"),
            (SourceKind::Mdx, "mdx"),
            (SourceKind::PlainText, "txt"),
        ] {
            let label = format!("input {i} as {ext}: {input:?}");
            let doc = Document::parse(format!("t.{ext}"), input.to_string(), kind);
            check_sound(&doc, &label);
        }
    }
    // (A `<script>` HTML block without `</script>` runs to the end of the
    // document in CommonMark, so only a closed one is followed by text.)
    let doc = md("<script>\nx = '<p>no</p>';\n</script>\nnext para");
    assert_eq!(
        doc.blocks.last().map(|b| b.text.as_str()),
        Some("next para")
    );
    let doc = md("text <style> never closed\n\nnext para");
    assert_eq!(
        doc.blocks.last().map(|b| b.text.as_str()),
        Some("next para")
    );
    let doc = md("<ul><li>a<ul><li>b</li></ul>c</li></ul>");
    let items: Vec<(&str, BlockKind)> = doc
        .blocks
        .iter()
        .map(|b| (b.text.as_str(), b.kind))
        .collect();
    assert_eq!(
        items,
        vec![
            ("a c", BlockKind::ListItem { depth: 1 }),
            ("b", BlockKind::ListItem { depth: 2 })
        ]
    );
    let doc = md(
        "<table><thead><tr><th></th><th></th></tr></thead><tbody><tr><td>a</td><td>b</td></tr></tbody></table>",
    );
    assert_eq!(doc.tables.len(), 1);
    assert_eq!(
        doc.tables[0].header, None,
        "an all-empty header row is dropped"
    );
    assert_eq!(
        doc.blocks[0].cell_texts().collect::<Vec<_>>(),
        vec!["a", "b"]
    );
}

// ---------------------------------------------------------------------------
// Pathological inputs: must not panic or overflow the stack.
// ---------------------------------------------------------------------------

#[test]
fn deeply_nested_list() {
    let text = format!("{}deep item\n", "- ".repeat(100_000));
    let doc = md(&text);
    let deepest = doc.blocks.iter().find(|b| b.text == "deep item").unwrap();
    assert!(matches!(deepest.kind, BlockKind::ListItem { depth } if depth > 1000));
}

#[test]
fn deeply_nested_block_quotes() {
    let text = format!("{}quoted\n", "> ".repeat(100_000));
    let doc = md(&text);
    assert_eq!(doc.blocks.last().map(|b| b.text.as_str()), Some("quoted"));
}

#[test]
fn deeply_nested_html() {
    let text = format!(
        "<div>\n{}x{}\n</div>\n",
        "<ul><li>".repeat(20_000),
        "</li></ul>".repeat(20_000)
    );
    let doc = md(&text);
    assert_eq!(doc.blocks.iter().filter(|b| b.text == "x").count(), 1);
}

#[test]
fn ten_megabyte_line() {
    let text = "We keep logs for 30 days. ".repeat(400_000);
    assert!(text.len() >= 10_000_000);
    let doc = md(&text);
    assert_eq!(doc.blocks.len(), 1);
    assert_eq!(doc.blocks[0].sentences.len(), 400_000);
    let doc = Document::parse("x.txt", text, SourceKind::PlainText);
    assert_eq!(doc.blocks.len(), 1);
}

#[test]
fn table_with_many_rows() {
    let mut text = String::from("| Vendor | Purpose |\n|---|---|\n");
    for i in 0..100_000 {
        text.push_str(&format!("| V{i} | hosting |\n"));
    }
    let doc = md(&text);
    assert_eq!(doc.tables.len(), 1);
    assert_eq!(doc.tables[0].rows.len(), 100_000);
    assert!(doc.tables[0].header.is_some());
}

#[test]
fn unbalanced_templates_and_mdx_are_bounded() {
    let text = "{{ {% {# {: <Foo ".repeat(50_000);
    let _ = md(&text);
    let _ = Document::parse("x.mdx", text, SourceKind::Mdx);
    let _ = md(&"<table><tr><td>".repeat(30_000));
}

#[test]
fn sentence_splitting_public_api() {
    let t = "We use Stripe, Inc. for billing. Logs are kept 30 days! See https://x.example/a.b.";
    let s: Vec<&str> = split_sentences(t).into_iter().map(|r| &t[r]).collect();
    assert_eq!(
        s,
        vec![
            "We use Stripe, Inc. for billing.",
            "Logs are kept 30 days!",
            "See https://x.example/a.b."
        ]
    );
}
