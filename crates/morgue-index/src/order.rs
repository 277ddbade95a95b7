//! The order of hits, and cursors that page through it.
//!
//! Every order is total: hits that tie on their score or date are ordered by
//! article id, so the order of one index state is the same on every request,
//! and a [`SortKey`] says exactly where a hit stands in it. A cursor is the key
//! of the last hit of a page (with the clock of the recency boost, so that the
//! scores of later pages do not drift); the next page is the hits ranked after
//! it. Unlike an offset, a cursor costs the same on the thousandth page as on
//! the first and has no depth limit.

use std::cmp::Reverse;

use chrono::{TimeDelta, Utc};
use tantivy::{DocId, Score, SegmentReader};

use crate::schema::{ID_KEY, PUBLISHED};
use crate::{Error, Result, Sort};

/// Version tag of the cursor format: a cursor of another version is refused.
const CURSOR_VERSION: &str = "c1";

/// Where a hit stands in a request's order: greater keys come first.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub(crate) struct SortKey {
    /// False for hits at or before the cursor, which then sort below all others.
    after_cursor: bool,
    /// The score, or the publication second (negated for oldest first);
    /// undated articles have minus infinity and come last.
    primary: f64,
    /// The article id as a number: ties go to the smaller id.
    id: Reverse<u64>,
}

impl SortKey {
    /// Returns whether the hit comes after the cursor (always, without one).
    pub(crate) fn is_after_cursor(&self) -> bool {
        self.after_cursor
    }

    /// Returns the relevance score the hit reports (0 for date orders).
    pub(crate) fn score(&self, sort: Sort) -> f32 {
        match sort {
            Sort::Relevance => self.primary as f32,
            Sort::Newest | Sort::Oldest => 0.0,
        }
    }
}

/// A position in a request's order, as read from a `cursor` parameter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Cursor {
    sort: Sort,
    primary: f64,
    id: u64,
    /// The clock of the recency boost, in Unix seconds.
    now: i64,
}

impl Cursor {
    /// Reads a cursor made by [`Cursor::encode`] for a request sorted by `sort`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRequest`] on `cursor` if the text is not a cursor or
    /// was made for another order.
    pub(crate) fn decode(text: &str, sort: Sort) -> Result<Self> {
        let invalid = |message: &str| Error::InvalidRequest { parameter: "cursor", message: message.to_owned() };
        let mut parts = text.split('.');
        let (Some(CURSOR_VERSION), Some(order), Some(primary), Some(id), Some(now), None) =
            (parts.next(), parts.next(), parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(invalid("not a cursor: pass the next_cursor of a previous answer unchanged"));
        };
        let hex = |text: &str| u64::from_str_radix(text, 16).ok().filter(|_| text.len() == 16);
        let (Some(primary), Some(id), Ok(now)) = (hex(primary), hex(id), now.parse::<i64>()) else {
            return Err(invalid("not a cursor: pass the next_cursor of a previous answer unchanged"));
        };
        if order != sort_name(sort) {
            return Err(invalid(&format!("the cursor pages through sort={order}, not sort={}", sort_name(sort))));
        }
        let primary = f64::from_bits(primary);
        if primary.is_nan() {
            return Err(invalid("not a cursor: pass the next_cursor of a previous answer unchanged"));
        }
        Ok(Self { sort, primary, id, now })
    }

    /// Returns the cursor text of the position of `key`.
    pub(crate) fn encode(key: &SortKey, sort: Sort, now: i64) -> String {
        format!("{CURSOR_VERSION}.{}.{:016x}.{:016x}.{now}", sort_name(sort), key.primary.to_bits(), key.id.0)
    }

    fn key(&self) -> SortKey {
        SortKey { after_cursor: true, primary: self.primary, id: Reverse(self.id) }
    }
}

fn sort_name(sort: Sort) -> &'static str {
    match sort {
        Sort::Relevance => "relevance",
        Sort::Newest => "newest",
        Sort::Oldest => "oldest",
    }
}

/// How to rank the hits of one request.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Order {
    pub(crate) sort: Sort,
    half_life: Option<TimeDelta>,
    /// The clock of the recency boost, in Unix seconds.
    pub(crate) now: i64,
    after: Option<SortKey>,
}

impl Order {
    /// Returns the order of a request: its sort, recency half-life and cursor.
    ///
    /// # Errors
    ///
    /// As [`Cursor::decode`].
    pub(crate) fn new(sort: Sort, half_life: Option<TimeDelta>, cursor: Option<&str>) -> Result<Self> {
        let cursor = cursor.map(|text| Cursor::decode(text, sort)).transpose()?;
        Ok(Self {
            sort,
            half_life,
            now: cursor.map_or_else(|| Utc::now().timestamp(), |c| c.now),
            after: cursor.map(|c| c.key()),
        })
    }

    /// Returns the cursor's key, if the order starts after a cursor.
    pub(crate) fn cursor(&self) -> Option<SortKey> {
        self.after
    }

    /// Returns the position in this order after `key`, as cursor text.
    pub(crate) fn cursor_after(&self, key: &SortKey) -> String {
        Cursor::encode(key, self.sort, self.now)
    }

    /// Returns the function giving the key of each matching document of a
    /// segment, for [`tantivy::collector::TopDocs::tweak_score`].
    pub(crate) fn keys_of(&self, reader: &SegmentReader) -> impl Fn(DocId, Score) -> SortKey + use<> {
        let ids = reader.fast_fields().u64(ID_KEY).ok();
        let dates = reader.fast_fields().date(PUBLISHED).ok();
        let Self { sort, half_life, now, after } = *self;
        move |doc: DocId, score: Score| {
            let id = ids.as_ref().and_then(|c| c.first(doc)).unwrap_or(u64::MAX);
            let published = dates.as_ref().and_then(|c| c.first(doc)).map(|d| d.into_timestamp_secs());
            let primary = match (sort, published) {
                (Sort::Relevance, _) => f64::from(score * recency_boost(published, now, half_life)),
                (Sort::Newest, Some(secs)) => secs as f64,
                (Sort::Oldest, Some(secs)) => -(secs as f64),
                (Sort::Newest | Sort::Oldest, None) => f64::NEG_INFINITY,
            };
            let key = SortKey { after_cursor: true, primary, id: Reverse(id) };
            match after {
                Some(cursor) if key >= cursor => SortKey { after_cursor: false, ..key },
                _ => key,
            }
        }
    }
}

/// The factor a relevance score is multiplied by for freshness: 2 for an
/// article published now, 1.5 at one half-life of age, tending to 1; undated
/// articles, and every article without a half-life, get 1. A fresh story thus
/// outranks an old one unless the old one is about twice as relevant.
fn recency_boost(published_secs: Option<i64>, now_secs: i64, half_life: Option<TimeDelta>) -> f32 {
    let (Some(published), Some(half_life)) = (published_secs, half_life) else { return 1.0 };
    let age_secs = (now_secs - published).max(0) as f64;
    let half_life_secs = half_life.num_seconds().max(1) as f64;
    (1.0 + (-age_secs / half_life_secs * std::f64::consts::LN_2).exp()) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recency_boost_halves_with_each_half_life() {
        let day = Some(TimeDelta::days(1));
        let now = 1_000_000_000;
        assert!((recency_boost(Some(now), now, day) - 2.0).abs() < 1e-6);
        assert!((recency_boost(Some(now - 86_400), now, day) - 1.5).abs() < 1e-6);
        assert!((recency_boost(Some(now - 2 * 86_400), now, day) - 1.25).abs() < 1e-6);
        assert!((recency_boost(None, now, day) - 1.0).abs() < 1e-6);
        assert!((recency_boost(Some(now), now, None) - 1.0).abs() < 1e-6);
    }

    #[test]
    fn cursors_round_trip_and_refuse_other_orders_and_garbage() {
        let key = SortKey { after_cursor: true, primary: -1_700_000_000.0, id: Reverse(0xa2a6_b2f5_0d65_3586) };
        let text = Cursor::encode(&key, Sort::Oldest, 1_800_000_000);
        let cursor = Cursor::decode(&text, Sort::Oldest).expect("own cursor");
        assert_eq!((cursor.key(), cursor.now), (key, 1_800_000_000));
        let undated = SortKey { primary: f64::NEG_INFINITY, ..key };
        let text_undated = Cursor::encode(&undated, Sort::Newest, 0);
        assert_eq!(Cursor::decode(&text_undated, Sort::Newest).expect("undated").key(), undated);
        let refused = |text: &str, sort| {
            matches!(Cursor::decode(text, sort), Err(Error::InvalidRequest { parameter: "cursor", .. }))
        };
        assert!(refused(&text, Sort::Newest));
        for garbage in ["", "c1", "c2.oldest.0.0.0", "c1.oldest.zz.00000000000000a1.0", &format!("{text}.1")] {
            assert!(refused(garbage, Sort::Oldest), "{garbage:?}");
        }
        let nan = format!("c1.relevance.{:016x}.{:016x}.0", f64::NAN.to_bits(), 1);
        assert!(refused(&nan, Sort::Relevance));
    }

    #[test]
    fn keys_order_ties_by_id_and_demote_what_the_cursor_passed() {
        let key = |primary, id| SortKey { after_cursor: true, primary, id: Reverse(id) };
        assert!(key(2.0, 9) > key(1.0, 1));
        assert!(key(1.0, 1) > key(1.0, 2), "the smaller id first on a tie");
        assert!(key(0.0, 1) > key(f64::NEG_INFINITY, 0), "undated last");
        let passed = SortKey { after_cursor: false, ..key(9.0, 0) };
        assert!(key(f64::NEG_INFINITY, u64::MAX) > passed);
    }
}
