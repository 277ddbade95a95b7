//! Dates as pages print them: `24 May 2024 15:34`, `May 24, 2024, 3:34 PM EDT`,
//! `2024-05-24T15:34:00+03:00`.
//!
//! A printed date keeps the precision it has: a day stays a day, a local time
//! without a zone stays local, and a zone abbreviation we know becomes an offset.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};
use morgue_model::ArticleDate;

/// Date layouts, after normalisation (see [`normalize`]): day-first and
/// month-first, with full or abbreviated month names.
const DATE_FORMATS: &[&str] = &["%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y", "%Y-%m-%d", "%Y/%m/%d", "%d.%m.%Y"];

/// Time layouts that may follow a date.
const TIME_FORMATS: &[&str] = &["%H:%M:%S", "%H:%M", "%I:%M:%S %p", "%I:%M %p", "%I:%M%p", "%I %p"];

/// Zone abbreviations common in English-language news, with their UTC offsets in hours.
const ZONES: &[(&str, i32)] = &[
    ("UTC", 0),
    ("GMT", 0),
    ("Z", 0),
    ("BST", 1),
    ("CET", 1),
    ("CEST", 2),
    ("EET", 2),
    ("EEST", 3),
    ("MSK", 3),
    ("IST", 5),
    ("EST", -5),
    ("EDT", -4),
    ("CST", -6),
    ("CDT", -5),
    ("MST", -7),
    ("MDT", -6),
    ("PST", -8),
    ("PDT", -7),
    ("JST", 9),
    ("KST", 9),
    ("AEST", 10),
    ("AEDT", 11),
];

/// Parses a date as printed on a page or in a meta tag, or returns `None`.
pub(crate) fn parse(input: &str) -> Option<ArticleDate> {
    let input = input.trim();
    if input.is_empty() || input.len() > 120 {
        return None;
    }
    if let Ok(date) = input.parse::<ArticleDate>() {
        return Some(date);
    }
    if let Ok(datetime) = DateTime::parse_from_rfc2822(input) {
        return Some(ArticleDate::from_fixed(datetime));
    }
    let normalized = normalize(input);
    let (rest, offset) = split_zone(&normalized);
    let (date, time_text) = split_date(rest)?;
    let time_text = time_text.trim();
    if time_text.is_empty() {
        return Some(ArticleDate::from_date(date));
    }
    let time = TIME_FORMATS.iter().find_map(|format| NaiveTime::parse_from_str(time_text, format).ok())?;
    let local = NaiveDateTime::new(date, time);
    Some(match offset {
        Some(offset) => local
            .and_local_timezone(offset)
            .single()
            .map_or_else(|| ArticleDate::from_local(local), ArticleDate::from_fixed),
        None => ArticleDate::from_local(local),
    })
}

/// Drops weekday names, ordinal suffixes, commas, `at` and `|`, and collapses spaces.
fn normalize(input: &str) -> String {
    const WEEKDAYS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
    ];
    let cleaned: String = input
        .chars()
        .map(|c| if matches!(c, ',' | '|' | '\u{a0}' | '\u{2022}' | '\u{b7}') { ' ' } else { c })
        .collect();
    let mut words = Vec::new();
    for word in cleaned.split_whitespace() {
        let bare = word.trim_end_matches('.');
        let lower = bare.to_ascii_lowercase();
        if WEEKDAYS.contains(&lower.as_str()) || lower == "at" || lower == "on" || word == "-" {
            continue;
        }
        words.push(strip_ordinal(bare).to_owned());
    }
    // "3:34 p.m." -> "3:34 PM"
    words.join(" ").replace("a.m", "AM").replace("p.m", "PM").replace("AM.", "AM").replace("PM.", "PM")
}

/// Turns `1st`, `22nd`, `3rd`, `24th` into the bare number.
fn strip_ordinal(word: &str) -> &str {
    for suffix in ["st", "nd", "rd", "th"] {
        if let Some(number) = word.strip_suffix(suffix)
            && !number.is_empty()
            && number.bytes().all(|b| b.is_ascii_digit())
        {
            return number;
        }
    }
    word
}

/// Splits a trailing zone abbreviation or numeric offset off `text`.
fn split_zone(text: &str) -> (&str, Option<FixedOffset>) {
    let Some((head, last)) = text.rsplit_once(' ') else {
        return (text, None);
    };
    if let Some(&(_, hours)) = ZONES.iter().find(|(name, _)| *name == last) {
        return (head, FixedOffset::east_opt(hours * 3600));
    }
    let offset_text = last.strip_prefix("UTC").or_else(|| last.strip_prefix("GMT")).unwrap_or(last);
    if let Some(offset) = parse_offset(offset_text) {
        return (head, Some(offset));
    }
    (text, None)
}

/// Parses `+03:00`, `+0300` or `-5`.
fn parse_offset(text: &str) -> Option<FixedOffset> {
    let sign = match text.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = text[1..].chars().filter(char::is_ascii_digit).collect();
    if digits.len() != text[1..].chars().filter(|&c| c != ':').count() {
        return None;
    }
    let (hours, minutes) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().ok()?, 0),
        4 => (digits[..2].parse::<i32>().ok()?, digits[2..].parse::<i32>().ok()?),
        _ => return None,
    };
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60))
}

/// Splits `text` into the longest leading date and the rest.
fn split_date(text: &str) -> Option<(NaiveDate, &str)> {
    let words: Vec<(usize, &str)> = word_offsets(text);
    for take in (1..=words.len().min(3)).rev() {
        let end = words[take - 1].0 + words[take - 1].1.len();
        let head = &text[..end];
        let head = head.trim_end_matches('.');
        for format in DATE_FORMATS {
            if let Ok(date) = NaiveDate::parse_from_str(head, format) {
                return Some((date, &text[end..]));
            }
        }
    }
    None
}

fn word_offsets(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(input: &str, expected: Option<&str>) {
        assert_eq!(parse(input).map(|d| d.to_string()).as_deref(), expected, "input {input:?}");
    }

    #[test]
    fn parses_the_forms_pages_print() {
        check("24 May 2024 15:34", Some("2024-05-24T15:34:00"));
        check("2 Oct 2025", Some("2025-10-02"));
        check("May 24, 2024", Some("2024-05-24"));
        check("Friday, May 24th, 2024 at 3:34 p.m. EDT", Some("2024-05-24T15:34:00-04:00"));
        check("September 3, 2025 10:15 AM", Some("2025-09-03T10:15:00"));
        check("2024-05-24T15:34:00+03:00", Some("2024-05-24T15:34:00+03:00"));
        check("Fri, 24 May 2024 12:34:56 +0000", Some("2024-05-24T12:34:56Z"));
        check("24.05.2024 15:34 +02:00", Some("2024-05-24T15:34:00+02:00"));
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        check("3 Min Read", None);
        check("Source: Agencies", None);
        check("1 Shares", None);
        check("", None);
    }
}
