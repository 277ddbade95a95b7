//! The entry point: bytes of a saved page in, an [`Article`] out.

use std::borrow::Cow;
use std::fs::File;
use std::io::Read;
use std::path::Path;

use morgue_model::{Article, ArticleDate, Provenance, reading_minutes};

use crate::{Error, Result, decode, html, identity, language, text};

/// Settings of an [`Extractor`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtractOptions {
    /// Pages larger than this are refused with [`Error::TooLarge`].
    pub max_page_bytes: u64,
    /// Bodies with fewer words than this make a page [`Error::NotAnArticle`].
    pub min_body_words: u32,
    /// Whether to recognise named entities (people, organisations, places) in
    /// articles in English (or of unknown language).
    pub entities: bool,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        Self { max_page_bytes: 10 * 1024 * 1024, min_body_words: 10, entities: true }
    }
}

/// What kind of saved page a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// An HTML document, as a browser's "save page" writes it.
    Html,
    /// A text rendering of a page, as "save as text" or a text-mode browser writes it.
    Text,
}

impl PageKind {
    /// Tells an HTML page from a text rendering by its first bytes.
    pub fn sniff(bytes: &[u8]) -> Self {
        let head = &bytes[..bytes.len().min(16 * 1024)];
        let head = String::from_utf8_lossy(head).to_ascii_lowercase();
        let start = head.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
        let html_start = [
            "<!doctype html",
            "<html",
            "<head",
            "<meta",
            "<!--",
            "<?xml",
            "<body",
            "<title",
            "<script",
            "<div",
            "<style",
            "<link",
        ]
        .iter()
        .any(|prefix| start.starts_with(prefix));
        if html_start || head.contains("<html") || head.contains("<body") { Self::Html } else { Self::Text }
    }
}

/// Turns saved pages into articles.
#[derive(Debug, Clone, Default)]
pub struct Extractor {
    options: ExtractOptions,
}

/// What a page-specific extractor found, before the common finishing steps.
#[derive(Debug, Default)]
pub(crate) struct Draft {
    pub(crate) url: Option<String>,
    pub(crate) site: Option<String>,
    pub(crate) title: String,
    pub(crate) summary: Option<String>,
    pub(crate) paragraphs: Vec<String>,
    pub(crate) authors: Vec<String>,
    pub(crate) source: Option<String>,
    pub(crate) published: Option<ArticleDate>,
    pub(crate) updated: Option<ArticleDate>,
    pub(crate) section: Option<String>,
    pub(crate) series: Option<String>,
    pub(crate) tags: Vec<String>,
    pub(crate) image_captions: Vec<String>,
    pub(crate) language: Option<String>,
    pub(crate) reading_minutes: Option<u32>,
}

impl Extractor {
    /// Returns an extractor with the given settings.
    pub fn new(options: ExtractOptions) -> Self {
        Self { options }
    }

    /// Returns the extractor's settings.
    pub fn options(&self) -> &ExtractOptions {
        &self.options
    }

    /// Reads the page at `path` and extracts its article.
    ///
    /// The size limit is checked before the file is read, so a huge file costs
    /// nothing.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] if the file cannot be read; otherwise as
    /// [`Extractor::extract_bytes`].
    pub fn extract_file(&self, path: &Path) -> Result<Article> {
        let io_error = |source| Error::Io { path: path.to_owned(), source };
        let file = File::open(path).map_err(io_error)?;
        let size_bytes = file.metadata().map_err(io_error)?.len();
        self.check_size(size_bytes)?;
        let mut bytes = Vec::with_capacity(usize::try_from(size_bytes).unwrap_or_default());
        // Read one byte past the limit, in case the file grew since `metadata`.
        file.take(self.options.max_page_bytes + 1).read_to_end(&mut bytes).map_err(io_error)?;
        self.check_size(bytes.len() as u64)?;
        self.extract_bytes(&bytes, Some(path))
    }

    /// Extracts the article from the bytes of a saved page.
    ///
    /// `path`, when given, is recorded in the article's provenance.
    ///
    /// # Errors
    ///
    /// [`Error::Empty`], [`Error::TooLarge`], [`Error::Binary`] or
    /// [`Error::NotAnArticle`], by what the bytes hold.
    pub fn extract_bytes(&self, bytes: &[u8], path: Option<&Path>) -> Result<Article> {
        self.check_size(bytes.len() as u64)?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Err(Error::Empty);
        }
        if decode::is_binary(bytes) {
            return Err(Error::Binary);
        }
        let kind = PageKind::sniff(bytes);
        let (text, _encoding) = decode::decode(bytes, kind == PageKind::Html);
        let draft = match kind {
            PageKind::Html => html::extract(&text)?,
            PageKind::Text => text::extract(&text)?,
        };
        let mut article = self.finish(draft)?;
        article.provenance = Provenance {
            file: path.map(|p| p.display().to_string()),
            content_hash: Some(identity::content_hash(bytes)),
            ingested_at: None,
        };
        Ok(article)
    }

    fn check_size(&self, size_bytes: u64) -> Result<()> {
        if size_bytes > self.options.max_page_bytes {
            return Err(Error::TooLarge { size_bytes, limit_bytes: self.options.max_page_bytes });
        }
        Ok(())
    }

    /// Applies the steps common to every kind of page: checks, id, language,
    /// word count, reading time and named entities.
    fn finish(&self, draft: Draft) -> Result<Article> {
        let paragraphs: Vec<String> =
            draft.paragraphs.iter().map(|p| clean_text(p)).filter(|p| !p.is_empty()).collect();
        let body = paragraphs.join("\n\n");
        let word_count = count_words(&body);
        let mut title = clean_text(&draft.title);
        // A page of prose saved without any title: its first words name it.
        if title.is_empty() && word_count >= MIN_WORDS_UNTITLED {
            title = opening_words(&body);
        }
        if title.is_empty() {
            return Err(Error::NotAnArticle { reason: "no headline" });
        }
        if word_count < self.options.min_body_words {
            return Err(Error::NotAnArticle { reason: "too little text for an article body" });
        }
        let id = identity::article_id(draft.url.as_deref(), draft.site.as_deref(), &title, draft.published.as_ref());
        let language = draft.language.or_else(|| language::detect(&body).map(str::to_owned));
        let mut article = Article {
            id,
            url: draft.url,
            site: draft.site.map(|s| clean_text(&s)).filter(|s| !s.is_empty()),
            title,
            summary: draft.summary.map(|s| clean_text(&s)).filter(|s| !s.is_empty()),
            body,
            authors: dedup(draft.authors),
            source: draft.source.map(|s| clean_text(&s)).filter(|s| !s.is_empty()),
            published: draft.published,
            updated: draft.updated,
            section: draft.section.map(|s| clean_text(&s)).filter(|s| !s.is_empty()),
            series: draft.series.map(|s| clean_text(&s)).filter(|s| !s.is_empty()),
            tags: dedup(draft.tags),
            image_captions: dedup(draft.image_captions),
            language,
            word_count,
            reading_minutes: draft.reading_minutes.unwrap_or_else(|| reading_minutes(word_count)),
            entities: Vec::new(),
            provenance: Provenance::default(),
        };
        // The recogniser is trained on English: other languages' capitalised nouns would be noise.
        if self.options.entities && article.language.as_deref().is_none_or(|l| l == "en") {
            article.entities = recognise_entities(&article);
        }
        Ok(article)
    }
}

/// Bodies of at least this many words make an article of a page that has no
/// title at all (no `<title>`, headline element or stated title).
const MIN_WORDS_UNTITLED: u32 = 100;

/// The first sentence of `body`, or its first twelve words if the sentence is longer.
fn opening_words(body: &str) -> String {
    let first = body.lines().next().unwrap_or_default();
    let mut title = String::new();
    for word in first.split_whitespace().take(12) {
        if !title.is_empty() {
            title.push(' ');
        }
        title.push_str(word);
        if word.ends_with(['.', '!', '?']) {
            break;
        }
    }
    title.trim_end_matches(['.', ',', ';', ':']).to_owned()
}

/// The named entities of the headline, summary, captions and body; publisher
/// tags that name one of them count as mentions.
fn recognise_entities(article: &Article) -> Vec<morgue_model::Entity> {
    let text = morgue_ner::ArticleText {
        title: &article.title,
        summary: article.summary.as_deref().unwrap_or_default(),
        captions: &article.image_captions,
        body: &article.body,
        tags: &article.tags,
    };
    morgue_ner::Recognizer::shipped().entities(&text)
}

/// Counts the words of `text`: white-space separated, except in Chinese and
/// Japanese, written without spaces, where two characters count as one word
/// (about the length of a word in those languages).
pub(crate) fn count_words(text: &str) -> u32 {
    let mut words = 0usize;
    for token in text.split_whitespace() {
        let ideographs = token.chars().filter(|&c| is_ideographic(c)).count();
        words += if ideographs > 0 { ideographs.div_ceil(2).max(1) } else { 1 };
    }
    u32::try_from(words).unwrap_or(u32::MAX)
}

/// Han, Hiragana and Katakana characters.
fn is_ideographic(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Collapses runs of white space (including no-break spaces) to one space,
/// trims, and drops invisible characters: soft hyphens, zero-width spaces and
/// byte-order marks, which would split words for search ("Deutsch\u{ad}land").
pub(crate) fn clean_inline(text: &str) -> String {
    const INVISIBLE: &[char] = &['\u{ad}', '\u{200b}', '\u{2060}', '\u{feff}'];
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars() {
        if c.is_whitespace() {
            gap = !out.is_empty();
        } else if !INVISIBLE.contains(&c) {
            if gap {
                out.push(' ');
                gap = false;
            }
            out.push(c);
        }
    }
    out
}

/// [`clean_inline`], then in Unicode's normal form NFC: pages spell the same
/// letter in more than one way ("é" as "e" and a combining accent), and a
/// word spelled another way than the query is not found.
fn clean_text(text: &str) -> String {
    let clean = clean_inline(text);
    match icu_normalizer::ComposingNormalizerBorrowed::new_nfc().normalize(&clean) {
        Cow::Borrowed(_) => clean,
        Cow::Owned(composed) => composed,
    }
}

/// Cleans each value and drops empty ones and repeats (ignoring case), keeping order.
fn dedup(values: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    values.into_iter().map(|v| clean_text(&v)).filter(|v| !v.is_empty() && seen.insert(v.to_lowercase())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_inline_collapses_space_and_drops_invisible_characters() {
        assert_eq!(clean_inline("  Deutsch\u{ad}land \u{a0}\n steht\u{200b} "), "Deutschland steht");
        assert_eq!(clean_inline("\u{feff}\u{ad}"), "");
    }

    #[test]
    fn text_is_composed_to_nfc() {
        // "Café" with a combining accent; Bengali "য়" as one letter, which
        // Unicode's normal form spells "য" and a nukta.
        assert_eq!(clean_text(" Cafe\u{301}  crème "), "Café crème");
        assert_eq!(clean_text("\u{9df}"), "\u{9af}\u{9bc}");
        let prose = "Le cafe\u{301} du village ouvre ses portes chaque matin depuis cent ans. ".repeat(20);
        let page = format!("<html><head><title>Cafe\u{301}</title></head><body><p>{prose}</p></body></html>");
        let article = Extractor::default().extract_bytes(page.as_bytes(), None).expect("an article");
        assert!(article.body.starts_with("Le café du village"), "{}", article.body);
        assert_eq!(article.title, "Café");
    }

    #[test]
    fn chinese_and_japanese_words_are_counted_without_spaces() {
        assert_eq!(count_words("two words"), 2);
        assert_eq!(count_words("市立図書館の開館時間"), 5);
        assert_eq!(count_words("Tokyo 東京"), 2);
    }

    #[test]
    fn a_page_of_prose_without_a_title_is_named_by_its_first_sentence() {
        let prose = "Quarks may become deconfined at high temperatures. ".repeat(20);
        let page = format!("<html><head></head><body><p>{prose}</p><p>{prose}</p></body></html>");
        let article = Extractor::default().extract_bytes(page.as_bytes(), None).expect("an article");
        assert_eq!(article.title, "Quarks may become deconfined at high temperatures");
        let short = b"<html><body><p>Test page with a few words and no title at all.</p></body></html>";
        assert!(matches!(Extractor::default().extract_bytes(short, None), Err(Error::NotAnArticle { .. })));
    }

    #[test]
    fn sniff_tells_html_from_text() {
        assert_eq!(PageKind::sniff(b"  <!DOCTYPE html><html>"), PageKind::Html);
        assert_eq!(PageKind::sniff(b"\xef\xbb\xbf<html lang=en>"), PageKind::Html);
        assert_eq!(PageKind::sniff(b"Site name\n\nHeadline <b> here"), PageKind::Text);
        // A leading style block, or server warnings longer than 2 KiB before `<html>`.
        assert_eq!(PageKind::sniff(b"<style> .a { opacity: 1 } </style><div>Text</div>"), PageKind::Html);
        let warnings = format!(
            "{}<html><body>Text</body></html>",
            "<br /> <b>Deprecated</b>: in wp-settings.php<br />".repeat(60)
        );
        assert_eq!(PageKind::sniff(warnings.as_bytes()), PageKind::Html);
    }

    #[test]
    fn empty_binary_and_oversized_pages_are_refused() {
        let extractor = Extractor::new(ExtractOptions { max_page_bytes: 64, ..Default::default() });
        assert!(matches!(extractor.extract_bytes(b"", None), Err(Error::Empty)));
        assert!(matches!(extractor.extract_bytes(b" \n\t ", None), Err(Error::Empty)));
        assert!(matches!(extractor.extract_bytes(b"\x7fELF\x02\x01\x00\x00", None), Err(Error::Binary)));
        assert!(matches!(
            extractor.extract_bytes(&[b'a'; 65], None),
            Err(Error::TooLarge { size_bytes: 65, limit_bytes: 64 })
        ));
    }
}
