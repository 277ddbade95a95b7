//! Date histograms: how many matching articles fall in each calendar day,
//! week, month or year of a time zone.
//!
//! Buckets are calendar-aware (months and years have their real lengths, days
//! across a daylight-saving change have 23 or 25 hours) because each instant
//! is converted to the zone's local date before it is bucketed. Empty buckets
//! between the first and the last are included, so a chart needs no gap logic.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Datelike, Days, Months, NaiveDate, TimeZone};
use chrono_tz::Tz;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use crate::Error;
use crate::schema::PUBLISHED;

/// The width of a histogram bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interval {
    /// A calendar day.
    Day,
    /// An ISO week, Monday to Sunday.
    Week,
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
}

impl Interval {
    /// Returns the name used in `histogram=`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Day => "day",
            Self::Week => "week",
            Self::Month => "month",
            Self::Year => "year",
        }
    }

    /// Returns the first day of the bucket holding `date`.
    fn start_of(self, date: NaiveDate) -> NaiveDate {
        match self {
            Self::Day => date,
            Self::Week => date - Days::new(u64::from(date.weekday().num_days_from_monday())),
            Self::Month => date.with_day(1).unwrap_or(date),
            Self::Year => date.with_ordinal(1).unwrap_or(date),
        }
    }

    /// Returns the first day of the bucket after the one starting on `start`.
    fn next(self, start: NaiveDate) -> Option<NaiveDate> {
        match self {
            Self::Day => start.checked_add_days(Days::new(1)),
            Self::Week => start.checked_add_days(Days::new(7)),
            Self::Month => start.checked_add_months(Months::new(1)),
            Self::Year => start.checked_add_months(Months::new(12)),
        }
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Interval {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "day" => Ok(Self::Day),
            "week" => Ok(Self::Week),
            "month" => Ok(Self::Month),
            "year" => Ok(Self::Year),
            other => Err(Error::InvalidRequest {
                parameter: "histogram",
                message: format!("{other:?} is not one of day, week, month, year"),
            }),
        }
    }
}

/// One bar of a histogram.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bucket {
    /// The local calendar day the bucket starts on.
    pub key: NaiveDate,
    /// The instant the bucket starts, in the histogram's zone.
    pub start: DateTime<Tz>,
    /// Matching articles published within the bucket.
    pub count: u64,
}

/// A histogram request: bucket width and zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Histogram {
    /// The width of a bucket.
    pub interval: Interval,
    /// The zone whose calendar the buckets follow.
    pub tz: Tz,
}

/// Max number of buckets in one answer (about 270 years of days).
const MAX_BUCKETS: usize = 100_000;

impl Histogram {
    /// Returns the buckets from the first to the last non-empty one, gaps included.
    pub(crate) fn buckets(&self, counts: &BTreeMap<NaiveDate, u64>) -> Vec<Bucket> {
        let (Some((&first, _)), Some((&last, _))) = (counts.first_key_value(), counts.last_key_value()) else {
            return Vec::new();
        };
        let mut buckets = Vec::new();
        let mut key = first;
        while key <= last && buckets.len() < MAX_BUCKETS {
            let start = self
                .tz
                .from_local_datetime(&key.and_time(chrono::NaiveTime::MIN))
                .earliest()
                // Midnight skipped by a daylight-saving change: the bucket starts at 01:00.
                .or_else(|| self.tz.from_local_datetime(&key.and_hms_opt(1, 0, 0)?).earliest());
            if let Some(start) = start {
                buckets.push(Bucket { key, start, count: counts.get(&key).copied().unwrap_or(0) });
            }
            let Some(next) = self.interval.next(key) else { break };
            key = next;
        }
        buckets
    }
}

/// Counts matching articles per bucket start day.
pub(crate) struct HistogramCollector {
    pub(crate) histogram: Histogram,
}

impl Collector for HistogramCollector {
    type Fruit = BTreeMap<NaiveDate, u64>;
    type Child = HistogramSegmentCollector;

    fn for_segment(&self, _: SegmentOrdinal, reader: &SegmentReader) -> tantivy::Result<Self::Child> {
        let column = reader.fast_fields().date(PUBLISHED)?;
        Ok(HistogramSegmentCollector { histogram: self.histogram, column, counts: BTreeMap::new() })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        let mut merged = BTreeMap::new();
        for fruit in fruits {
            for (key, count) in fruit {
                *merged.entry(key).or_default() += count;
            }
        }
        Ok(merged)
    }
}

/// Buckets one segment's publication dates.
pub(crate) struct HistogramSegmentCollector {
    histogram: Histogram,
    column: Column<tantivy::DateTime>,
    counts: BTreeMap<NaiveDate, u64>,
}

impl SegmentCollector for HistogramSegmentCollector {
    type Fruit = BTreeMap<NaiveDate, u64>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        let Some(published) = self.column.first(doc) else { return };
        let Some(instant) = DateTime::from_timestamp(published.into_timestamp_secs(), 0) else { return };
        let local = instant.with_timezone(&self.histogram.tz).date_naive();
        *self.counts.entry(self.histogram.interval.start_of(local)).or_default() += 1;
    }

    fn harvest(self) -> Self::Fruit {
        self.counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("valid day")
    }

    #[test]
    fn buckets_start_on_calendar_boundaries() {
        assert_eq!(Interval::Week.start_of(day("2025-06-26")), day("2025-06-23"));
        assert_eq!(Interval::Month.start_of(day("2025-06-26")), day("2025-06-01"));
        assert_eq!(Interval::Year.start_of(day("2025-06-26")), day("2025-01-01"));
    }

    #[test]
    fn gaps_are_filled_and_starts_carry_the_zone() {
        let histogram = Histogram { interval: Interval::Month, tz: chrono_tz::Europe::Moscow };
        let counts = BTreeMap::from([(day("2025-01-01"), 2), (day("2025-04-01"), 1)]);
        let buckets = histogram.buckets(&counts);
        let counts: Vec<u64> = buckets.iter().map(|b| b.count).collect();
        assert_eq!(counts, [2, 0, 0, 1]);
        assert_eq!(buckets[1].start.to_rfc3339(), "2025-02-01T00:00:00+03:00");
    }
}
