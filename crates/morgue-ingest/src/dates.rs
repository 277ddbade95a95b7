//! Dates as pages print them: `24 May 2024 15:34`, `May 24, 2024, 3:34 PM EDT`,
//! `2024-05-24T15:34:00+03:00`.
//!
//! A printed date keeps the precision it has: a day stays a day, a local time
//! without a zone stays local, and a zone abbreviation we know becomes an offset.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Offset as _, TimeZone as _};
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
    // ISO 8601 forms RFC 3339 does not take: `+0200`, no seconds.
    for format in ["%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%dT%H:%M%z"] {
        if let Ok(datetime) = DateTime::parse_from_str(input, format) {
            return Some(ArticleDate::from_fixed(datetime));
        }
    }
    let normalized = normalize(input);
    let normalized = zone_before_year(&normalized).unwrap_or(normalized);
    let (rest, offset) = split_zone(&normalized);
    let Some((date, time_text)) = split_date(rest) else {
        // An ISO day with a time in a form of its own (`2022-01-10T22:06:08:684Z`): the day.
        let (day, time) = input.split_at_checked(10)?;
        return NaiveDate::parse_from_str(day, "%Y-%m-%d")
            .ok()
            .filter(|_| time.starts_with(['T', ' ']))
            .map(ArticleDate::from_date);
    };
    let time_text = time_text.trim();
    if time_text.is_empty() {
        return Some(ArticleDate::from_date(date));
    }
    let time = TIME_FORMATS.iter().find_map(|format| NaiveTime::parse_from_str(time_text, format).ok())?;
    Some(at_zone(NaiveDateTime::new(date, time), offset))
}

/// A local time read in its zone, when the zone is known.
fn at_zone(local: NaiveDateTime, zone: Option<Zone>) -> ArticleDate {
    let offset = zone.and_then(|zone| match zone {
        Zone::Fixed(offset) => Some(offset),
        Zone::Region(tz) => tz.offset_from_local_datetime(&local).single().map(|o| o.fix()),
    });
    match offset {
        Some(offset) => local
            .and_local_timezone(offset)
            .single()
            .map_or_else(|| ArticleDate::from_local(local), ArticleDate::from_fixed),
        None => ArticleDate::from_local(local),
    }
}

/// A zone a page names after a time.
#[derive(Debug, Clone, Copy)]
enum Zone {
    /// An offset, or an abbreviation that names one ("EST", "CEST").
    Fixed(FixedOffset),
    /// A region's zone whose offset depends on the day ("ET": EST or EDT).
    Region(chrono_tz::Tz),
}

/// US regions' zones as American newsrooms write them ("3:45 p.m. ET").
const REGION_ZONES: &[(&str, chrono_tz::Tz)] = &[
    ("ET", chrono_tz::America::New_York),
    ("CT", chrono_tz::America::Chicago),
    ("MT", chrono_tz::America::Denver),
    ("PT", chrono_tz::America::Los_Angeles),
];

/// The zone named `name`: an abbreviation, a US region, or a numeric offset.
fn zone_named(name: &str) -> Option<Zone> {
    if let Some(&(_, hours)) = ZONES.iter().find(|(zone, _)| *zone == name) {
        return FixedOffset::east_opt(hours * 3600).map(Zone::Fixed);
    }
    if let Some(&(_, tz)) = REGION_ZONES.iter().find(|(zone, _)| *zone == name) {
        return Some(Zone::Region(tz));
    }
    parse_offset(name.strip_prefix("UTC").or_else(|| name.strip_prefix("GMT")).unwrap_or(name)).map(Zone::Fixed)
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

/// The C library's and Java's form, `Jan 28 15:28:56 CET 2020` once the
/// weekday is dropped, reordered as `Jan 28 2020 15:28:56 CET`.
fn zone_before_year(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split(' ').collect();
    let [month, day, time, zone, year] = words.as_slice() else { return None };
    let known_zone = ZONES.iter().any(|(name, _)| name == zone);
    (known_zone && time.contains(':') && year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()))
        .then(|| format!("{month} {day} {year} {time} {zone}"))
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
fn split_zone(text: &str) -> (&str, Option<Zone>) {
    let Some((head, last)) = text.rsplit_once(' ') else {
        return (text, None);
    };
    match zone_named(last) {
        Some(zone) => (head, Some(zone)),
        None => (text, None),
    }
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

/// Month names of the languages news is written in, lower case, with their numbers
/// (where a name is shared, its month is the same in every language that uses it).
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    // German
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("maerz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("okt", 10),
    ("dez", 12),
    ("mrz", 3),
    // French
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    // Spanish, Portuguese, Italian
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("dezembro", 12),
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    // Dutch
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mei", 5),
    ("augustus", 8),
    // Polish (genitive)
    ("stycznia", 1),
    ("lutego", 2),
    ("marca", 3),
    ("kwietnia", 4),
    ("maja", 5),
    ("czerwca", 6),
    ("lipca", 7),
    ("sierpnia", 8),
    ("września", 9),
    ("października", 10),
    ("listopada", 11),
    ("grudnia", 12),
    // Romanian
    ("ianuarie", 1),
    ("februarie", 2),
    ("martie", 3),
    ("aprilie", 4),
    ("iunie", 6),
    ("iulie", 7),
    ("septembrie", 9),
    ("octombrie", 10),
    ("noiembrie", 11),
    ("decembrie", 12),
    // Russian (genitive)
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
    // Ukrainian (genitive)
    ("січня", 1),
    ("лютого", 2),
    ("березня", 3),
    ("квітня", 4),
    ("травня", 5),
    ("червня", 6),
    ("липня", 7),
    ("серпня", 8),
    ("вересня", 9),
    ("жовтня", 10),
    ("листопада", 11),
    ("грудня", 12),
    // Turkish
    ("ocak", 1),
    ("şubat", 2),
    ("mart", 3),
    ("nisan", 4),
    ("mayıs", 5),
    ("haziran", 6),
    ("temmuz", 7),
    ("ağustos", 8),
    ("eylül", 9),
    ("ekim", 10),
    ("kasım", 11),
    ("aralık", 12),
    // Arabic (Egypt and the Gulf)
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("أبريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يوليو", 7),
    ("أغسطس", 8),
    ("سبتمبر", 9),
    ("أكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
];

/// The number of a month named in one of the languages [`MONTHS`] knows.
pub(crate) fn month_number(name: &str) -> Option<u32> {
    let name = name.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(m, _)| *m == name).map(|&(_, n)| n)
}

/// Dates written in text. Word boundaries are ASCII ones (`(?-u:\b)`): a
/// date glued to Chinese or Japanese text, which has no spaces
/// (`引用日期2014-05-19`), is still a date, and with Unicode boundaries the
/// regex crate leaves its fast engine for the PikeVM on any non-ASCII text,
/// which made the search of a page's whole text cost milliseconds.
static TEXT_DATE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(concat!(
        // A time (and zone, and weekday) before the date: "3:45 PM EST, Tue March 5, 2024".
        r"(?i)(?:(?-u:\b)(?P<bh>[0-2]?\d):(?P<bmi>[0-5]\d)\s*(?P<bampm>[ap]\.?m\.?)?\s*",
        r"(?P<bzone>(?-i:UTC|GMT|[A-Z]{1,4}T)(?-u:\b))?\s*,?\s+(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s+)?)?",
        r"(?:(?-u:\b)(?P<iy>(?:19|20)\d{2})[-/.](?P<im>[01]?\d)[-/.](?P<id>[0-3]?\d)(?-u:\b)",
        r"|(?-u:\b)(?P<nd>[0-3]?\d)\s?[./|-]\s?(?P<nm>[0-3]?\d)\s?[./|-]\s?(?P<ny>(?:19|20)\d{2})(?-u:\b)",
        r"|(?-u:\b)(?P<td>[0-3]?\d)(?:st|nd|rd|th|er|\.|º)?\s*(?:de\s+)?(?P<tm>\p{L}{3,12})\.?,?\s*(?:de\s+)?(?P<ty>(?:19|20)\d{2})(?-u:\b)",
        r"|(?-u:\b)(?P<um>\p{L}{3})\s+(?P<ud>[0-3]?\d)\s+(?P<uh>[0-2]?\d):(?P<umi>[0-5]\d)(?::(?P<us>[0-5]\d))?\s+(?P<uy>(?:19|20)\d{2})(?-u:\b)",
        r"|(?-u:\b)(?P<mm>\p{L}{3,12})\.?\s+(?P<md>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<my>(?:19|20)\d{2})(?-u:\b)",
        r"|(?P<cy>(?:19|20)\d{2})\s*[年년]\s*(?P<cm>[01]?\d)\s*[月월]\s*(?P<cd>[0-3]?\d)\s*[日일](?:\s*[(（]\p{L}[)）])?)",
        // The time after the date: `14:20`, `09h15`, and the CJK `18時05分`,
        // `오후 2시 20분` (afternoon) with its hour and minute signs.
        r"(?:[\sT,|·•-]*(?:um|at|à|a las|alle|om|o)?\s*(?P<half>午前|午後|오전|오후|上午|下午)?\s*",
        r"(?P<h>[0-2]?\d)(?:[:.h](?P<mi>[0-5]\d)|\s*[時时시点]\s*(?:(?P<cmi>[0-5]?\d)\s*[分분])?)(?::(?P<s>[0-5]\d))?",
        r"\s*(?P<ampm>[ap]\.?m\.?)?\s*(?:uhr|h)?\s*(?P<zone>[+-]\d{2}:?\d{2}|(?-i:UTC|GMT|[A-Z]{1,4}T)(?-u:\b))?)?",
    ))
    .expect("a valid date pattern")
});

/// Finds the first date written somewhere in `text` ("Published on 24. Mai
/// 2024, 15:34 Uhr", "Posted May 24, 2024", "24.05.2024"), with the time and
/// zone that follow it when there are.
///
/// `month_first` reads `05/06/2024` as May 6 (US usage); otherwise as 5 June.
pub(crate) fn find_in_text(text: &str, month_first: bool) -> Option<ArticleDate> {
    all_in_text(text, month_first).next()
}

/// Every date written in `text`, in order (see [`find_in_text`]).
pub(crate) fn all_in_text(text: &str, month_first: bool) -> impl Iterator<Item = ArticleDate> + '_ {
    text_dates(text).filter_map(move |caps| date_of(&caps, month_first))
}

/// The matches of [`TEXT_DATE`] in `text`. Every form it reads has a year
/// that begins with 19 or 20, so text with neither is not searched: with
/// Unicode word boundaries the search runs in the regex crate's slowest
/// engine on any text that is not ASCII.
fn text_dates(text: &str) -> regex::CaptureMatches<'static, '_> {
    let text = if text.contains("19") || text.contains("20") { text } else { "" };
    TEXT_DATE.captures_iter(text)
}

/// The date (with its time and zone, when written) of one match of [`TEXT_DATE`].
fn date_of(caps: &regex::Captures<'_>, month_first: bool) -> Option<ArticleDate> {
    let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let (year, month, day) = if let (Some(y), Some(m), Some(d)) = (num("iy"), num("im"), num("id")) {
        (y, m, d)
    } else if let (Some(d), Some(m), Some(y)) = (num("nd"), num("nm"), num("ny")) {
        let slash = caps.get(0).is_some_and(|m| m.as_str().contains('/'));
        if (month_first && slash && d <= 12) || m > 12 { (y, d, m) } else { (y, m, d) }
    } else if let (Some(d), Some(m), Some(y)) =
        (num("td"), caps.name("tm").and_then(|m| month_number(m.as_str())), num("ty"))
    {
        (y, m, d)
    } else if let (Some(m), Some(d), Some(y)) =
        (caps.name("mm").and_then(|m| month_number(m.as_str())), num("md"), num("my"))
    {
        (y, m, d)
    } else if let (Some(y), Some(m), Some(d)) = (num("cy"), num("cm"), num("cd")) {
        (y, m, d)
    } else if let (Some(m), Some(d), Some(y)) =
        (caps.name("um").and_then(|m| month_number(m.as_str())), num("ud"), num("uy"))
    {
        (y, m, d)
    } else {
        return None;
    };
    let date = NaiveDate::from_ymd_opt(year as i32, month, day)?;
    // The time of a `Jan 04 09:34 2021` (C library, `ls -l`) stands before the year.
    // The time after the date, else the one before it when an "am"/"pm" or
    // a zone says it is one (a timestamp's "+02:00" before the date is not).
    let (h, mi, ampm, zone) = if caps.name("h").is_some() || caps.name("uh").is_some() {
        ("h", "mi", "ampm", "zone")
    } else if caps.name("bampm").is_some() || caps.name("bzone").is_some() {
        ("bh", "bmi", "bampm", "bzone")
    } else {
        return Some(ArticleDate::from_date(date));
    };
    let Some(mut hour) = num(h).or_else(|| num("uh")) else { return Some(ArticleDate::from_date(date)) };
    let minute = num(mi).or_else(|| num("umi")).or_else(|| num("cmi")).unwrap_or(0);
    // "pm" after the time, or the CJK sign of the afternoon before it.
    if let Some(ampm) = caps.name(ampm).or_else(|| caps.name("half").filter(|_| h == "h"))
        && hour <= 12
    {
        let pm =
            ampm.as_str().to_ascii_lowercase().starts_with('p') || ["午後", "오후", "下午"].contains(&ampm.as_str());
        if hour == 12 {
            hour = 0;
        }
        if pm {
            hour += 12;
        }
    }
    let Some(time) = NaiveTime::from_hms_opt(hour, minute, num("s").or_else(|| num("us")).unwrap_or(0)) else {
        return Some(ArticleDate::from_date(date));
    };
    Some(at_zone(NaiveDateTime::new(date, time), caps.name(zone).and_then(|z| zone_named(z.as_str()))))
}

static SHORT_YEAR_DATE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?:^|[^\d.])([0-3]?\d)\.([01]?\d)\.(\d{2})(?:$|[^\d.]|\.(?:\D|$))")
        .expect("a valid short date pattern")
});

/// Finds the first date in a dateline, where German and Austrian sites also
/// print two-digit years (`28.01.22`, `8.5.12`); elsewhere such numbers are
/// too often versions or scores to be read as dates.
pub(crate) fn find_in_dateline(text: &str, month_first: bool) -> Option<ArticleDate> {
    all_in_dateline(text, month_first).next().map(|(_, date)| date)
}

/// Every date of a dateline (see [`find_in_dateline`]) with where it stands
/// in `text`, in order: the dates with four-digit years, else those with two.
pub(crate) fn all_in_dateline(
    text: &str,
    month_first: bool,
) -> impl Iterator<Item = (std::ops::Range<usize>, ArticleDate)> + '_ {
    let mut full =
        text_dates(text).filter_map(move |caps| Some((caps.get(0)?.range(), date_of(&caps, month_first)?))).peekable();
    let short = full.peek().is_none().then(|| {
        SHORT_YEAR_DATE.captures_iter(text).filter_map(|caps| {
            let n = |i: usize| caps.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
            let year = n(3)?;
            let year = if year < 70 { 2000 + year } else { 1900 + year };
            let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, n(2)?, n(1)?)?;
            Some((caps.get(1)?.start()..caps.get(3)?.end(), ArticleDate::from_date(date)))
        })
    });
    full.chain(short.into_iter().flatten())
}

static PUBLISHED_LABEL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(concat!(
        r"(?i)(?-u:\b)(?:erschienen|veröffentlicht|publiziert|published|publication date",
        r"|date published|publiée?|publicad[oa]|pubblicato|gepubliceerd|opublikowano",
        r"|erstellt\s+am|erstellt\s*:|posted|publicerad|publiceret|udgivet|julkaistu)",
        r"(?:\s+(?:am|on|le|el|em|il|op))?\s*:?",
        // Russian, Korean, Japanese and Chinese labels, which no ASCII word boundary precedes.
        r"|(?:опубликовано|기사\s*입력|입력|등록|公開日?|配信日?|掲載日?|发布时间|发布日期|发表时间|发表于|发布于)\s*[:：]?",
    ))
    .expect("a valid label pattern")
});

/// Finds the first date that `text` labels as the publication date
/// ("Erschienen am: 13.10.2021", "Published on May 3, 2019", "Publié le 3 mars 2019"):
/// the date must follow the label closely.
pub(crate) fn find_labelled_published(text: &str, month_first: bool) -> Option<ArticleDate> {
    find_labelled(&PUBLISHED_LABEL, text, month_first)
}

static UPDATED_LABEL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(concat!(
        r"(?i)(?-u:\b)(?:letzte änderung|zuletzt geändert|aktualisiert|last updated|last modified|updated",
        r"|mis à jour|modifiée?|actualisée?|actualizad[oa]|aggiornat[oa]|atualizad[oa]|bijgewerkt|zaktualizowano)(?:\s+(?:am|on|le|el|em|il|op))?\s*:?",
        r"|(?:обновлено|изменено|최종\s*수정|수정|업데이트|更新时间|更新于|更新日?|最終更新日?)\s*[:：]?",
    ))
    .expect("a valid label pattern")
});

/// Finds the first date that `text` labels as the day of the last change
/// ("Letzte Änderung: 14.01.2022", "Last updated on May 3, 2019").
pub(crate) fn find_labelled_updated(text: &str, month_first: bool) -> Option<ArticleDate> {
    find_labelled(&UPDATED_LABEL, text, month_first)
}

/// The first date that follows closely a match of `label` in `text`.
fn find_labelled(label: &regex::Regex, text: &str, month_first: bool) -> Option<ArticleDate> {
    label.find_iter(text).take(20).find_map(|label| date_after_label(&text[label.end()..], month_first))
}

/// The date that opens `rest`, the text after a date's label: at most a
/// weekday and a month name between the label and the date's digits
/// ("publiziert das THW am Sonntag, 17.10.2021" announces another day).
/// Chinese, Japanese and Korean words are not counted by spaces: no word of
/// theirs may stand between ("公開調教シーン(2019/5/17撮影)" is no label).
fn date_after_label(rest: &str, month_first: bool) -> Option<ArticleDate> {
    let end = rest.char_indices().nth(45).map_or(rest.len(), |(i, _)| i);
    let rest = &rest[..end];
    let lead = &rest[..rest.find(|c: char| c.is_ascii_digit()).unwrap_or(rest.len())];
    (lead.split_whitespace().count() <= 2 && !lead.chars().any(is_unspaced_letter))
        .then(|| find_in_dateline(rest, month_first))
        .flatten()
}

/// Whether a letter is of a script written without spaces between words
/// (Han, Hiragana, Katakana) or of Hangul, whose labels are glued to words.
fn is_unspaced_letter(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}')
}

/// Whether a line opens with the label of a publication or update date
/// and the date follows it ("Published on Monday, 3 March 2019", "Last
/// updated 3/4/2024", "Mis à jour le 4 mars 2024"): a line of metadata.
/// "Published in 1922, the novel …" and "Updated figures released on …"
/// open a sentence.
pub(crate) fn opens_with_label(text: &str) -> bool {
    [&PUBLISHED_LABEL, &UPDATED_LABEL].iter().any(|label| {
        label.find(text).is_some_and(|m| m.start() == 0 && date_after_label(&text[m.end()..], false).is_some())
    })
}

/// A time before now, as a line of metadata gives it in place of a date
/// ("2 hours ago", "vor 5 Minuten", "il y a 3 heures", "hace 2 días").
static RELATIVE_TIME: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(concat!(
        r"(?i)^(?:(?:\d+|an?|one)\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?)\.?\s+ago",
        r"|vor\s+(?:\d+|einer?)\s+(?:sekunden?|min\.?|minuten?|std\.?|stunden?|tag(?:en)?|wochen?)",
        r"|il\s+y\s+a\s+(?:\d+|une?)\s*(?:secondes?|min|minutes?|h|heures?|jours?|semaines?)",
        r"|hace\s+(?:\d+|una?)\s*(?:segundos?|min|minutos?|h|horas?|días?|semanas?))$",
    ))
    .expect("a valid relative time pattern")
});

/// Whether a line is nothing but dates under their labels: a publication
/// date and the last change's ("Publié le 3 mars 2024 à 09h15, modifié le 3
/// mars 2024 à 11h02", "Published March 3, 2024 at 9:15 a.m., updated March
/// 3, 2024 at 11:02 a.m."), or a label and a time before now ("Updated 2
/// hours ago"). Each label's date and time of day are a few words; a
/// sentence goes on ("Updated figures released on March 3 show …").
pub(crate) fn is_labelled_dates_line(text: &str) -> bool {
    let mut labels: Vec<(usize, usize)> = [&PUBLISHED_LABEL, &UPDATED_LABEL]
        .iter()
        .flat_map(|label| label.find_iter(text).map(|m| (m.start(), m.end())))
        .collect();
    labels.sort_unstable();
    if labels.first().is_none_or(|&(start, _)| start != 0) {
        return false;
    }
    let fields: Vec<&str> = labels
        .iter()
        .enumerate()
        .map(|(i, &(_, end))| {
            text.get(end..labels.get(i + 1).map_or(text.len(), |&(start, _)| start)).unwrap_or_default().trim()
        })
        .collect();
    let relative = |field: &str| RELATIVE_TIME.is_match(field.trim_end_matches(['.', ',', ';', '|', '·', '•']));
    match fields[..] {
        [field] => relative(field),
        _ => fields.iter().all(|field| {
            field.split_whitespace().count() <= 10
                && (date_after_label(field, false).is_some() || date_after_label(field, true).is_some())
        }),
    }
}

static URL_DATE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"/((?:19|20)\d{2})[/-]?([01]\d)[/-]?([0-3]\d)(?:[/_.-]|\d{0}[^\d]|$)")
        .expect("a valid URL date pattern")
});

/// The date in a URL path such as `/2024/05/24/slug` or `/20240524-slug`.
pub(crate) fn from_url(url: &str) -> Option<ArticleDate> {
    let caps = URL_DATE.captures(url)?;
    let n = |i: usize| caps.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let date = NaiveDate::from_ymd_opt(i32::try_from(n(1)?).ok()?, n(2)?, n(3)?)?;
    Some(ArticleDate::from_date(date))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first date `find_in_text` reads in `text`, as a string.
    fn found_in_text(text: &str, month_first: bool) -> Option<String> {
        find_in_text(text, month_first).map(|d| d.to_string())
    }

    /// Asserts the date `find_in_text` reads, month first, in each text.
    #[track_caller]
    fn assert_found(cases: &[(&str, Option<&str>)]) {
        for (text, expected) in cases {
            assert_eq!(found_in_text(text, true).as_deref(), *expected, "{text:?}");
        }
    }

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
    fn numeric_dates_are_read_in_either_order_whatever_the_day() {
        for (text, month_first) in [
            ("Published: 11/28/2026", true),
            ("Published: 11/28/2026", false),
            ("Published: 28/11/2026", true),
            ("Published: 28.11.2026", false),
        ] {
            assert_eq!(found_in_text(text, month_first).as_deref(), Some("2026-11-28"), "{text} {month_first}");
        }
        assert_eq!(found_in_text("Published: 11/08/2026", true).as_deref(), Some("2026-11-08"));
        assert_eq!(found_in_text("Published: 11/08/2026", false).as_deref(), Some("2026-08-11"));
        // Neither number can be the month.
        assert_eq!(found_in_text("Score: 21/28/2026", true), None);
    }

    #[test]
    fn a_us_region_zone_takes_standard_or_daylight_time_by_the_day() {
        check("March 5, 2024 3:45 PM ET", Some("2024-03-05T15:45:00-05:00"));
        check("July 10, 2024 7:22 AM PT", Some("2024-07-10T07:22:00-07:00"));
        assert_found(&[
            ("Updated 11:05 a.m. ET July 10, 2024", Some("2024-07-10T11:05:00-04:00")),
            ("Posted Jan. 9, 2024 at 6:00 p.m. CT", Some("2024-01-09T18:00:00-06:00")),
        ]);
    }

    #[test]
    fn reads_a_time_written_before_the_date() {
        assert_found(&[
            ("Updated 3:45 PM EST, Tue March 5, 2024", Some("2024-03-05T15:45:00-05:00")),
            ("Updated 4:45pm GMT, 6 Feb 2024", Some("2024-02-06T16:45:00Z")),
            // A time after the date is the date's; a time before other words is not.
            ("10:00 Tue March 5, 2024 at 3:45 p.m.", Some("2024-03-05T15:45:00")),
            ("10:00 meeting, March 5, 2024", Some("2024-03-05")),
            ("2019-01-07T17:27:31+02:00 Juni 19th, 2018", Some("2018-06-19")),
        ]);
    }

    #[test]
    fn parses_the_iso_and_c_library_forms_of_meta_tags() {
        check("2019-10-18T16:06:50+0200", Some("2019-10-18T16:06:50+02:00"));
        check("2006-12-16T08:00+01:00", Some("2006-12-16T08:00:00+01:00"));
        check("Tue Jan 28 15:28:56 CET 2020", Some("2020-01-28T15:28:56+01:00"));
        // A time in a form of its own keeps the day.
        check("2022-01-10T22:06:08:684Z", Some("2022-01-10"));
        check("2022-01-10Tnoon", Some("2022-01-10"));
        check("Jan 28 15:28:56 XYZ 2020", None);
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        check("3 Min Read", None);
        check("Source: Agencies", None);
        check("1 Shares", None);
        check("", None);
    }

    #[test]
    fn finds_dates_in_running_text() {
        let find = |text: &str, month_first: bool| find_in_text(text, month_first).map(|d| d.to_string());
        assert_eq!(find("Veröffentlicht am 24. Mai 2024, 15:34 Uhr", false).as_deref(), Some("2024-05-24T15:34:00"));
        assert_eq!(find("Posted on May 24th, 2024 at 3:34 pm EDT", true).as_deref(), Some("2024-05-24T15:34:00-04:00"));
        assert_eq!(find("Stand: 05.06.2024", false).as_deref(), Some("2024-06-05"));
        assert_eq!(find("Updated 05/06/2024", true).as_deref(), Some("2024-05-06"));
        assert_eq!(find("le 3 mars 2019", false).as_deref(), Some("2019-03-03"));
        assert_eq!(find("2020年01月02日 08:00", false).as_deref(), Some("2020-01-02T08:00:00"));
        assert_eq!(find("duminică, 20 septembrie 2020", false).as_deref(), Some("2020-09-20"));
        assert_eq!(find("7 червня 2020, 10:15", false).as_deref(), Some("2020-06-07T10:15:00"));
        assert_eq!(find("29 июня 2020", false).as_deref(), Some("2020-06-29"));
        assert_eq!(find("12 Ağustos 2020", false).as_deref(), Some("2020-08-12"));
        assert_eq!(find("الأربعاء، 07 أكتوبر 2020", false).as_deref(), Some("2020-10-07"));
        assert_eq!(find("3 Min Read, 1200 words", false), None);
    }

    #[test]
    fn finds_korean_dates_and_a_weekday_before_the_time() {
        let find = |text: &str| found_in_text(text, false);
        assert_eq!(find("입력 2003년 9월 15일 (월) 14:20").as_deref(), Some("2003-09-15T14:20:00"));
        assert_eq!(find("2003年3月4日(火) 18:30").as_deref(), Some("2003-03-04T18:30:00"));
        assert_eq!(find("2003년 예산 9월"), None);
    }

    #[test]
    fn reads_the_hour_and_minute_signs_of_cjk_times() {
        let find = |text: &str| found_in_text(text, false);
        assert_eq!(find("2026年12月3日 18時05分").as_deref(), Some("2026-12-03T18:05:00"));
        assert_eq!(find("2026.12.03 14시 20분").as_deref(), Some("2026-12-03T14:20:00"));
        // The sign of the afternoon before the hour.
        assert_eq!(find("2026년 12월 3일 오후 2시 20분").as_deref(), Some("2026-12-03T14:20:00"));
        assert_eq!(find("2026年12月3日 午前9時").as_deref(), Some("2026-12-03T09:00:00"));
        assert_eq!(find("2026年12月3日 下午3点5分").as_deref(), Some("2026-12-03T15:05:00"));
    }

    #[test]
    fn finds_dates_split_by_bars_and_the_c_library_form() {
        let find = |text: &str| found_in_text(text, false);
        assert_eq!(find("Login - 26 | 01 | 2022 Schweiz").as_deref(), Some("2022-01-26"));
        assert_eq!(find("des Jahres 2021 Jan 04 09:34 2021 BirdLife").as_deref(), Some("2021-01-04T09:34:00"));
        assert_eq!(find("Tue Mar 7 18:02:11 2023").as_deref(), Some("2023-03-07T18:02:11"));
        assert_eq!(find("Seite 1 | 2 | 3 von 2022"), None);
    }

    #[test]
    fn finds_dates_labelled_as_the_publication_date() {
        let find = |text: &str| find_labelled_published(text, false).map(|d| d.to_string());
        assert_eq!(find("Stand 15.10.2021 Erschienen am: 13.10.2021 Herausgeber").as_deref(), Some("2021-10-13"));
        assert_eq!(find("Published on Monday, 3 March 2019 by Ann").as_deref(), Some("2019-03-03"));
        assert_eq!(find("Publié le 4 mars 2019 à 10h00").as_deref(), Some("2019-03-04T10:00:00"));
        assert_eq!(find("Photo 12.01.2019. Published by Ann Lee and others, see our archive 01.02.2019"), None);
        assert_eq!(find("publiziert das THW am Sonntag, 17.10.2021"), None);
        assert_eq!(find("Kommentare 3 Erstellt am: 01.11.2023 Artikel bewerten").as_deref(), Some("2023-11-01"));
        assert_eq!(find("Posted on 14 May 2015 by Heiner").as_deref(), Some("2015-05-14"));
        // A template "selbst erstellt" with its version date is no label.
        assert_eq!(find("Template selbst erstellt (v3.3/rev3/09.03.2016)"), None);
        let updated = |text: &str| find_labelled_updated(text, false).map(|d| d.to_string());
        assert_eq!(updated("Letzte Änderung: 14.01.2022 um 09:25").as_deref(), Some("2022-01-14T09:25:00"));
        assert_eq!(updated("Last updated on May 3, 2019").as_deref(), Some("2019-05-03"));
    }

    #[test]
    fn reads_the_labels_of_both_dates_in_many_languages() {
        let published = |text: &str| find_labelled_published(text, false).map(|d| d.to_string());
        let updated = |text: &str| find_labelled_updated(text, false).map(|d| d.to_string());
        let both = [
            (
                "Publié le 3 décembre 2026 à 09h15, modifié le 3 décembre 2026 à 11h02",
                "2026-12-03T09:15:00",
                "2026-12-03T11:02:00",
            ),
            ("Publié le 2 décembre 2026. Mis à jour le 3 décembre 2026", "2026-12-02", "2026-12-03"),
            ("입력 2026.12.03 14:20 수정 2026.12.03 15:02", "2026-12-03T14:20:00", "2026-12-03T15:02:00"),
            ("기사입력 2026-12-02 09:00 | 최종수정 2026-12-03 10:00", "2026-12-02T09:00:00", "2026-12-03T10:00:00"),
            ("Veröffentlicht am 2.12.2026 Aktualisiert am 3.12.2026", "2026-12-02", "2026-12-03"),
            ("Publicado: 02/12/2026 Actualizado: 03/12/2026", "2026-12-02", "2026-12-03"),
            ("Pubblicato il 2 dicembre 2026 - Aggiornato il 3 dicembre 2026", "2026-12-02", "2026-12-03"),
            ("Опубликовано: 2 декабря 2026 Обновлено: 3 декабря 2026", "2026-12-02", "2026-12-03"),
            ("公開日：2026年12月2日 更新日：2026年12月3日", "2026-12-02", "2026-12-03"),
            ("发布时间：2026-12-02 更新时间：2026-12-03", "2026-12-02", "2026-12-03"),
        ];
        for (text, first, last) in both {
            assert_eq!(published(text).as_deref(), Some(first), "{text}");
            assert_eq!(updated(text).as_deref(), Some(last), "{text}");
            assert!(opens_with_label(text), "{text}");
        }
        // A word that holds a label, far from any date, labels nothing.
        assert_eq!(published("写真：公開調教シーン＆落札シーン(2019/5/17撮影)"), None);
        assert_eq!(updated("Le texte modifié par le Sénat sera voté en 2027, le 3 mars 2027"), None);
    }

    #[test]
    fn finds_two_digit_years_in_datelines_only() {
        let find = |text: &str| find_in_dateline(text, false).map(|d| d.to_string());
        assert_eq!(find("Party, 30.10.23").as_deref(), Some("2023-10-30"));
        assert_eq!(find("Schöppner, 8.5.12 Die Landtagswahl").as_deref(), Some("2012-05-08"));
        assert_eq!(find("28.01.22 / 0 Kommentare").as_deref(), Some("2022-01-28"));
        assert_eq!(find("Version 1.2.12.4"), None);
        assert_eq!(find("Stand 12.13.22"), None);
        assert_eq!(find_in_text("Party, 30.10.23", false), None);
    }

    #[test]
    fn finds_dates_glued_to_text_without_spaces() {
        let find = |text: &str| found_in_text(text, false);
        assert_eq!(find("新浪[引用日期2014-05-19]").as_deref(), Some("2014-05-19"));
        assert_eq!(find("发布于2023年5月8日").as_deref(), Some("2023-05-08"));
        // Digits inside a longer ASCII word are still no date.
        assert_eq!(find("build x2014-05-19y"), None);
    }

    #[test]
    fn finds_every_date_of_a_dateline_with_where_it_stands() {
        let all =
            |text: &str| all_in_dateline(text, false).map(|(at, d)| (at, d.date().to_string())).collect::<Vec<_>>();
        assert_eq!(
            all("06.12.2022 from 9.1. to 10.2.2023"),
            [(0..10, "2022-12-06".to_owned()), (24..33, "2023-02-10".to_owned())]
        );
        // Two-digit years only where no date has four.
        assert_eq!(all("Party, 30.10.23"), [(7..15, "2023-10-30".to_owned())]);
        assert_eq!(all("30.10.23 and 01.11.2023"), [(13..23, "2023-11-01".to_owned())]);
        // A zone is written in capitals: "am with" takes no "wit" for one.
        assert_eq!(
            all("March 3, 2024 at 10:00 am with details, 4 March 2024 10:00 EST"),
            [(0..26, "2024-03-03".to_owned()), (40..62, "2024-03-04".to_owned())]
        );
    }

    #[test]
    fn finds_dates_in_url_paths() {
        let url = |u: &str| from_url(u).map(|d| d.to_string());
        assert_eq!(url("https://example.com/2024/05/24/bridge-opens").as_deref(), Some("2024-05-24"));
        assert_eq!(url("https://example.com/news/20240524-bridge").as_deref(), Some("2024-05-24"));
        assert_eq!(url("https://example.com/news/bridge-opens"), None);
    }
}
