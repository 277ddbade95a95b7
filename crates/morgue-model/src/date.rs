//! Article dates as precise as the page gave them.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A publication or update date, as precise as the page gave it.
///
/// A page may state a day (`2024-05-24`), a local date-time without a zone
/// (`2024-05-24T15:34:00`, as the seed pages do) or a date-time with its UTC
/// offset (`2024-05-24T15:34:00+03:00`). The JSON form is that string, so a
/// missing zone is never invented.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ArticleDate {
    date: NaiveDate,
    time: Option<NaiveTime>,
    offset: Option<FixedOffset>,
}

/// The error returned when a string is not an [`ArticleDate`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseDateError {
    input: String,
}

impl fmt::Display for ParseDateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid date {:?}: expected YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS or RFC 3339", self.input)
    }
}

impl std::error::Error for ParseDateError {}

impl ArticleDate {
    /// Returns a date with no time of day.
    pub fn from_date(date: NaiveDate) -> Self {
        Self { date, time: None, offset: None }
    }

    /// Returns a local date-time with no known UTC offset.
    pub fn from_local(local: NaiveDateTime) -> Self {
        Self { date: local.date(), time: Some(local.time()), offset: None }
    }

    /// Returns a date-time with its UTC offset.
    pub fn from_fixed(datetime: DateTime<FixedOffset>) -> Self {
        let local = datetime.naive_local();
        Self { date: local.date(), time: Some(local.time()), offset: Some(*datetime.offset()) }
    }

    /// Returns the local calendar day.
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// Returns the local time of day, when the page gave one.
    pub fn time(&self) -> Option<NaiveTime> {
        self.time
    }

    /// Returns the UTC offset, when the page gave one.
    pub fn offset(&self) -> Option<FixedOffset> {
        self.offset
    }

    /// Returns the local date-time; a bare day counts as its midnight.
    pub fn naive_local(&self) -> NaiveDateTime {
        self.date.and_time(self.time.unwrap_or(NaiveTime::MIN))
    }

    /// Returns the instant for sorting and ranges: the stated offset is applied;
    /// a date without one is read as UTC.
    pub fn to_utc(&self) -> DateTime<Utc> {
        let local = self.naive_local();
        match self.offset {
            Some(offset) => (local - offset).and_utc(),
            None => local.and_utc(),
        }
    }
}

impl fmt::Display for ArticleDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.date.format("%Y-%m-%d"))?;
        let Some(time) = self.time else {
            return Ok(());
        };
        // Whole seconds: pages state minutes or seconds, never fractions worth keeping.
        let time = time.with_nanosecond(0).unwrap_or(time);
        write!(f, "T{}", time.format("%H:%M:%S"))?;
        match self.offset {
            Some(offset) if offset.local_minus_utc() == 0 => f.write_str("Z"),
            Some(offset) => write!(f, "{offset}"),
            None => Ok(()),
        }
    }
}

impl FromStr for ArticleDate {
    type Err = ParseDateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if let Ok(datetime) = DateTime::parse_from_rfc3339(s) {
            return Ok(Self::from_fixed(datetime));
        }
        for format in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S"] {
            if let Ok(local) = NaiveDateTime::parse_from_str(s, format) {
                return Ok(Self::from_local(local));
            }
        }
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(Self::from_date)
            .map_err(|_| ParseDateError { input: s.chars().take(64).collect() })
    }
}

impl Serialize for ArticleDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ArticleDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check_round_trip(input: &str) {
        let date: ArticleDate = input.parse().expect("valid date");
        assert_eq!(date.to_string(), input);
    }

    #[test]
    fn keeps_the_precision_the_page_gave() {
        check_round_trip("2024-05-24");
        check_round_trip("2024-05-24T15:34:00");
        check_round_trip("2024-05-24T15:34:00+03:00");
        check_round_trip("2024-05-24T15:34:00-05:00");
        check_round_trip("2024-05-24T15:34:00Z");
    }

    #[test]
    fn utc_applies_the_offset_and_reads_local_as_utc() {
        let with_offset: ArticleDate = "2024-05-24T15:34:00+03:00".parse().expect("valid");
        assert_eq!(with_offset.to_utc().to_rfc3339(), "2024-05-24T12:34:00+00:00");
        let local: ArticleDate = "2024-05-24T15:34:00".parse().expect("valid");
        assert_eq!(local.to_utc().to_rfc3339(), "2024-05-24T15:34:00+00:00");
    }

    #[test]
    fn rejects_garbage() {
        assert!("yesterday".parse::<ArticleDate>().is_err());
        assert!("2024-13-01".parse::<ArticleDate>().is_err());
    }

    #[test]
    fn serde_uses_the_string_form() {
        let date: ArticleDate = "2021-08-24T17:21:00".parse().expect("valid");
        let json = serde_json::to_string(&date).expect("serializes");
        assert_eq!(json, "\"2021-08-24T17:21:00\"");
        let back: ArticleDate = serde_json::from_str(&json).expect("deserializes");
        assert_eq!(back, date);
    }
}
