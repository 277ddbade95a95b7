//! From the query language and filters to tantivy queries.
//!
//! The language is tantivy's (words, `"phrases"`, `AND`/`OR`/`NOT`, `-word`,
//! `field:term`) with three additions made here: `term*` prefixes (rewritten
//! into regex queries over the text fields, since tantivy's parser only knows
//! phrase prefixes), exclusions that mean "all but" (`NOT x` alone, `a AND NOT
//! b`), and a typo-tolerant variant of a query for when its exact words find
//! little.

use std::borrow::Cow;
use std::ops::Bound;

use tantivy::query::{
    AllQuery, BooleanQuery, FuzzyTermQuery, Occur, Query, QueryParser, QueryParserError, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, SimpleTokenizer, TextAnalyzer};
use tantivy::{DateTime, Term};

use crate::schema::{self, BODY, CAPTIONS, SUMMARY, TITLE};
use crate::{DateRange, Error, FacetField, Result, SearchIndex};

/// `text` in Unicode's normal form NFC, as ingest writes articles: a query
/// typed or pasted in another form ("한" as three jamo, "é" as "e" and a
/// combining accent) would not find the words of the index.
pub(crate) fn composed(text: &str) -> Cow<'_, str> {
    icu_normalizer::ComposingNormalizerBorrowed::new_nfc().normalize(text)
}

/// Relative weight of a match in each text field.
const TITLE_BOOST: f32 = 3.0;
const SUMMARY_BOOST: f32 = 1.5;
const TAG_BOOST: f32 = 2.0;

/// Words shorter than this are never matched with a typo.
const MIN_FUZZY_CHARS: usize = 5;

/// Whether a query matches words exactly or tolerates one typo in long words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Matching {
    Exact,
    Typos,
}

impl SearchIndex {
    /// Parses the query language over the text fields; empty matches all.
    pub(crate) fn text_query(&self, query: &str, matching: Matching) -> Result<Box<dyn Query>> {
        let query = composed(query.trim());
        let query = query.as_ref();
        if query.is_empty() || query == "*" {
            return Ok(Box::new(AllQuery));
        }
        let fields = self.fields();
        let tags = fields.facet(FacetField::Tags);
        let mut parser = QueryParser::for_index(
            self.tantivy_index(),
            vec![fields.title, fields.summary, fields.body, fields.captions, tags],
        );
        parser.set_conjunction_by_default();
        // Prefixes are rewritten into regexes; tantivy's regexes compile to
        // size-bounded automata, so a user's own `field:/re/` is safe too.
        parser.allow_regexes();
        if matching == Matching::Exact {
            // Boosts wrap terms in a way the typo rewrite cannot see through;
            // typo matches rank below exact ones anyway.
            parser.set_field_boost(fields.title, TITLE_BOOST);
            parser.set_field_boost(fields.summary, SUMMARY_BOOST);
            parser.set_field_boost(tags, TAG_BOOST);
        }
        let query = expand_prefixes(query);
        let parsed = match parser.parse_query(&query) {
            // `NOT x` alone means every article but those with x.
            Err(QueryParserError::AllButQueryForbidden) => parser.parse_query(&format!("* AND ({query})")),
            other => other,
        };
        let parsed = parsed.map_err(|error| query_error(query.as_str(), &error))?;
        let parsed = complete_negations(parsed);
        Ok(match matching {
            Matching::Exact => parsed,
            Matching::Typos => {
                let text_fields = [fields.title, fields.summary, fields.body, fields.captions];
                tolerate_typos(parsed, &text_fields)
            }
        })
    }

    /// Matches articles having any of `values` for `facet`, ignoring case.
    pub(crate) fn filter_query(&self, facet: FacetField, values: &[String]) -> Box<dyn Query> {
        let field = self.fields().facet(facet);
        let mut analyzer = schema::keyword_analyzer();
        let clauses = values
            .iter()
            .map(|value| {
                let mut normalized = String::new();
                analyzer.token_stream(&composed(value.trim())).process(&mut |token| normalized.push_str(&token.text));
                let term = Term::from_field_text(field, &normalized);
                let query: Box<dyn Query> = Box::new(TermQuery::new(term, IndexRecordOption::Basic));
                (Occur::Should, query)
            })
            .collect();
        Box::new(BooleanQuery::new(clauses))
    }

    /// Matches articles published within `range`.
    pub(crate) fn date_query(&self, range: DateRange) -> Option<Box<dyn Query>> {
        if range.is_unbounded() {
            return None;
        }
        let field = self.fields().published;
        let bound = |instant: Option<chrono::DateTime<chrono::Utc>>| match instant {
            Some(instant) => Bound::Included(Term::from_field_date_for_search(
                field,
                DateTime::from_timestamp_secs(instant.timestamp()),
            )),
            None => Bound::Unbounded,
        };
        Some(Box::new(RangeQuery::new(bound(range.from), bound(range.to))))
    }
}

/// Describes a parse failure with the position of the problem: the grammar's
/// own for syntax errors, else the first mention of the field at fault.
fn query_error(query: &str, error: &QueryParserError) -> Error {
    let (_, syntax_errors) = tantivy::query_grammar::parse_query_lenient(query);
    let byte_position = match (syntax_errors.first(), error) {
        (Some(syntax), _) => Some(syntax.pos),
        (None, QueryParserError::FieldDoesNotExist(field) | QueryParserError::FieldNotIndexed(field)) => {
            query.find(&format!("{field}:"))
        }
        _ => None,
    };
    let position = byte_position.map(|at| query[..at.min(query.len())].chars().count());
    let message = match (syntax_errors.first(), position) {
        (Some(syntax), Some(at)) => format!("{} at character {at}", syntax.message),
        (None, Some(at)) => format!("{error} at character {at}"),
        _ => error.to_string(),
    };
    Error::InvalidQuery { message, position }
}

/// Rewrites each `word*` and `field:word*` outside quotes into regex queries:
/// over the default fields for a bare word, over its field otherwise.
fn expand_prefixes(query: &str) -> String {
    let mut out = String::with_capacity(query.len());
    let mut in_quotes = false;
    let mut token = String::new();
    let flush = |token: &mut String, out: &mut String| {
        out.push_str(&prefix_token(token).unwrap_or_else(|| token.clone()));
        token.clear();
    };
    for c in query.chars() {
        if c == '"' {
            in_quotes = !in_quotes;
        }
        if !in_quotes && (c.is_whitespace() || c == '(' || c == ')') {
            flush(&mut token, &mut out);
            out.push(c);
        } else {
            token.push(c);
        }
    }
    flush(&mut token, &mut out);
    out
}

/// Returns the regex form of one `[+-][field:]word*` token, if it is one.
fn prefix_token(token: &str) -> Option<String> {
    let (sign, rest) = match token.strip_prefix(['+', '-']) {
        Some(rest) => (&token[..1], rest),
        None => ("", token),
    };
    let stem = rest.strip_suffix('*')?;
    let (field, word) = match stem.split_once(':') {
        Some((field, word)) => (Some(field), word),
        None => (None, stem),
    };
    if word.is_empty() || !word.chars().all(char::is_alphanumeric) {
        return None;
    }
    let mut normalized = String::new();
    let mut analyzer =
        TextAnalyzer::builder(SimpleTokenizer::default()).filter(LowerCaser).filter(AsciiFoldingFilter).build();
    analyzer.token_stream(word).process(&mut |t| normalized.push_str(&t.text));
    let fields = match field {
        Some(field) => vec![field],
        None => vec![TITLE, SUMMARY, BODY, CAPTIONS, FacetField::Tags.field_name()],
    };
    let alternatives: Vec<String> = fields.iter().map(|field| format!("{field}:/{normalized}.*/")).collect();
    Some(format!("{sign}({})", alternatives.join(" OR ")))
}

/// Gives every boolean clause made only of exclusions (`a AND NOT b` parses
/// as `+a +(-b)`) an all-documents clause to exclude from, so that it means
/// "all but" rather than nothing.
fn complete_negations(query: Box<dyn Query>) -> Box<dyn Query> {
    let Some(boolean) = query.downcast_ref::<BooleanQuery>() else {
        return query;
    };
    let mut clauses: Vec<(Occur, Box<dyn Query>)> =
        boolean.clauses().iter().map(|(occur, clause)| (*occur, complete_negations(clause.box_clone()))).collect();
    if !clauses.is_empty() && clauses.iter().all(|(occur, _)| *occur == Occur::MustNot) {
        clauses.push((Occur::Must, Box::new(AllQuery)));
    }
    Box::new(BooleanQuery::new(clauses))
}

/// Lets each term of `text_fields` of at least [`MIN_FUZZY_CHARS`] characters
/// match with one edit (a transposition counts as one).
fn tolerate_typos(query: Box<dyn Query>, text_fields: &[Field]) -> Box<dyn Query> {
    if let Some(term_query) = query.downcast_ref::<TermQuery>() {
        let term = term_query.term();
        let long_enough = term.value().as_str().is_some_and(|text| text.chars().count() >= MIN_FUZZY_CHARS);
        if text_fields.contains(&term.field()) && long_enough {
            return Box::new(FuzzyTermQuery::new(term.clone(), 1, true));
        }
        return query;
    }
    let Some(boolean) = query.downcast_ref::<BooleanQuery>() else {
        return query;
    };
    let clauses = boolean
        .clauses()
        .iter()
        .map(|(occur, clause)| (*occur, tolerate_typos(clause.box_clone(), text_fields)))
        .collect();
    Box::new(BooleanQuery::new(clauses))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_become_regexes_outside_quotes_only() {
        assert_eq!(
            expand_prefixes("lav* \"grain de*\" -title:Cea*"),
            "(title:/lav.*/ OR summary:/lav.*/ OR body:/lav.*/ OR caption:/lav.*/ OR tag:/lav.*/) \"grain de*\" -(title:/cea.*/)"
        );
        assert_eq!(expand_prefixes("plain words"), "plain words");
        assert_eq!(expand_prefixes("a*b c.*"), "a*b c.*");
    }
}
