//! From a byline string to names: "By Jane Doe and John Roe, Staff Writers"
//! is split, each part loses its "By", role, e-mail address and dates, and
//! is kept only if it still looks like a person's name (or, for fields
//! stated for machines, a user name), never an organisation's.

use crate::extractor::clean_inline;

use super::words::{
    ACCOUNTS, AGENCIES, COLLECTIVE, CONNECTORS, COUNTRIES, LEGAL_FORMS, MONTHS, NEWSROOM_TITLES, NOT_NAMES,
    ORGANIZATION_WORDS, PARTICLES, PREFIXES, ROLES, TITLE_MODIFIERS, TITLES,
};

/// Whether a short block of text is a byline ("By Jane Doe, Staff Writer").
pub(in crate::html) fn is_byline(text: &str) -> bool {
    let lower = text.to_lowercase();
    text.chars().count() <= 120
        && ["by ", "von ", "par ", "por ", "posted by ", "written by ", "autor: ", "author: "]
            .iter()
            .any(|p| lower.starts_with(p))
        && (!names(text, None, true).is_empty() || agency_in(text).is_some())
}

/// Whether a line's text before an author's name is a byline's label
/// ("By", "di", "Posted by"), so that the line is a byline.
pub(in crate::html) fn is_byline_label(text: &str) -> bool {
    PREFIXES.contains(&text.trim().to_lowercase().as_str())
}

/// Splits a byline into cleaned names. `site` (the site name) is never a name.
///
/// `strict` asks for names that look like a person's (capitalised words);
/// author fields stated for machines (JSON-LD, meta tags) may hold user names.
pub(super) fn names(byline: &str, site: Option<&str>, strict: bool) -> Vec<String> {
    let mut byline = clean_inline(byline);
    if byline.is_empty() || byline.chars().count() > 300 {
        return Vec::new();
    }
    // "Posted on September 21, 2020 by Jane Doe": the byline follows the date.
    if let Some(by) = POSTED_ON.captures(&byline).and_then(|c| c.get(1)) {
        byline = by.as_str().to_owned();
    }
    // "Jane Doe | Palma de Mallorca | 08/01/2014": bars separate the fields
    // of a byline (name, place, date), not authors; the first with names counts.
    let fields: Vec<&str> = byline.split('|').map(str::trim).filter(|f| !f.is_empty()).collect();
    if let Some(found) = fields.iter().map(|f| names_in_field(f, site, strict)).find(|f| !f.is_empty()) {
        return found;
    }
    // A label alone in the first field ("Von | Jane Doe") belongs to the second.
    match fields.as_slice() {
        [label, name, ..] => names_in_field(&format!("{label} {name}"), site, strict),
        _ => Vec::new(),
    }
}

/// Names out of one field of a byline.
pub(super) fn names_in_field(byline: &str, site: Option<&str>, strict: bool) -> Vec<String> {
    let mut out = Vec::new();
    if is_a_report_credit(byline) {
        return out;
    }
    // A newsroom stated as the author ("Redaktion", "Redaktion Polizeiticker",
    // "Staff Writer") is the byline as the publisher gives it.
    let lower = byline.to_lowercase();
    if !strict
        && byline.split_whitespace().count() <= 4
        && !has_a_legal_form(byline)
        && COLLECTIVE.iter().any(|c| lower.starts_with(c) && lower[c.len()..].starts_with([' ', '-']) || lower == *c)
    {
        out.push(byline.to_owned());
        return out;
    }
    if !strict && let Some(name) = turned_round(byline) {
        out.push(name);
        return out;
    }
    let parts = split(byline);
    // "Muster Verlag, Nürnberg, Germany": an address, not a byline.
    if parts.len() > 1 && parts.iter().any(|p| COUNTRIES.contains(&p.to_lowercase().as_str())) {
        return out;
    }
    // After "By" or "Von", a single word is a name ("Posted by Konstantin").
    let lower = byline.to_lowercase();
    let prefixed = ["by ", "posted by ", "written by ", "autor: ", "autorin: ", "author: ", "text: ", "von: "]
        .iter()
        .any(|p| lower.starts_with(p));
    // "Posted by kovarex, TOGos, Ernestas": a list of one-word names.
    let one_word_list =
        prefixed && parts.first().and_then(|p| clean_name(p, false, true)).is_some_and(|n| !n.contains(' '));
    let mut after_role = false;
    for (index, part) in parts.into_iter().enumerate() {
        // "Jane Doe, Community Reporter": a later part with a job title is no name,
        // and the parts after it name its employer ("Senior Technologist, ACLU
        // Speech, Privacy, and Technology Project").
        // A name before the title stays ("Brendan Carlin For The Mail On Sunday").
        let words: Vec<&str> = part.split_whitespace().collect();
        let role_at = words.iter().position(|w| ROLES.contains(&w.to_lowercase().as_str()));
        // Punctuation ends a sentence or a label ("… Nueva York. Fotos: EL HERALDO"), not a
        // name; an initial ("J.") keeps its full stop.
        let name_word = |w: &&str| !w.contains(':') && (!w.ends_with('.') || w.chars().count() <= 2);
        let named_first = role_at.is_some_and(|at| {
            at >= 2 && words[..at].iter().all(name_word) && looks_like_a_person(&words[..at].join(" "))
        });
        if index > 0 && role_at.is_some() && !named_first {
            after_role = true;
            continue;
        }
        if after_role {
            continue;
        }
        // After "By", a single word is a name as the byline's first part or
        // in a list of such: after a full name ("By Jane Doe, Reuters", "By
        // Jane Doe and Newsdesk") it is the agency or newsroom the writers
        // filed for, as is an organisation ("By Jane Doe, The Daily
        // Example"). An agency is never an author.
        if let Some(name) = clean_name(&part, strict, prefixed && (index == 0 || one_word_list))
            && !is_an_agency(&name)
            && !(strict && index > 0 && looks_like_an_organization(&name))
            && !has_a_legal_form(&name)
            && !is_an_account(&name)
            && !site.is_some_and(|s| s.eq_ignore_ascii_case(&name))
            && !out.contains(&name)
        {
            out.push(name);
        }
    }
    out
}

/// Whether a byline says what kind of report the story is, not who wrote
/// it: "Staff Report", "From staff reports", "Staff and wire reports".
fn is_a_report_credit(byline: &str) -> bool {
    let lower = byline.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    matches!(words.last(), Some(&"report" | &"reports"))
        && words.len() <= 6
        && words.iter().all(|w| {
            [
                "staff", "wire", "news", "service", "services", "agency", "and", "&", "from", "combined", "report",
                "reports",
            ]
            .contains(w)
        })
}

/// A name stated for machines surname first ("Lopez, Miguel", as catalogues
/// and Dublin Core write it), turned round: two single capitalised words
/// about a comma. Two people listed would each have a full name ("Jane Doe,
/// John Roe").
fn turned_round(field: &str) -> Option<String> {
    let (surname, given) = field.split_once(',')?;
    let (surname, given) = (surname.trim(), given.trim());
    let one_name = |w: &str| {
        w.starts_with(char::is_uppercase)
            && w.chars().any(char::is_lowercase)
            && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'')
            && !is_an_agency(w)
            && !has_a_word_that_is_no_name(w)
            && ![ROLES, COUNTRIES, COLLECTIVE, ACCOUNTS].iter().any(|list| list.contains(&w.to_lowercase().as_str()))
    };
    (one_name(surname) && one_name(given)).then(|| format!("{given} {surname}"))
}

/// Whether a name is a site's account rather than a person's: "admin",
/// "publisher", "Anonymous", "No Author".
pub(super) fn is_an_account(name: &str) -> bool {
    let lower = name.to_lowercase();
    ACCOUNTS.contains(&lower.as_str())
}

/// Whether a name is a news agency's or network's ("Reuters", "The
/// Associated Press"): the story's source, not its author.
pub(super) fn is_an_agency(name: &str) -> bool {
    let lower = name.to_lowercase();
    AGENCIES.contains(&lower.strip_prefix("the ").unwrap_or(&lower))
}

/// A name without the word "agency" before it: "Agencia EFE" is EFE as a
/// source, though a site that states it as the author keeps it so.
fn without_agency_word(name: &str) -> &str {
    ["Agencia ", "Agenzia ", "Agência ", "Agentur "].iter().find_map(|w| name.strip_prefix(w)).unwrap_or(name)
}

/// The news agency a byline credits ("By Jane Doe, Reuters", "By AFP",
/// "By ANDREW DALTON AP"), as written but for the word "agency" before it
/// ("Agencia EFE").
pub(super) fn agency_in(byline: &str) -> Option<String> {
    split(byline).iter().find_map(|part| {
        clean_name(part, false, true)
            .map(|name| without_agency_word(&name).to_owned())
            .filter(|name| is_an_agency(name))
            .or_else(|| agency_after_name(part))
    })
}

/// The agency that ends a byline part after the writer's full name, with no
/// comma between: "By ANDREW DALTON AP", "By Jane Doe Associated Press".
fn agency_after_name(part: &str) -> Option<String> {
    let words: Vec<&str> = part.split_whitespace().collect();
    // The longest tail first: "The Associated Press", not "Press".
    (1..=4.min(words.len().saturating_sub(2))).rev().find_map(|k| {
        let (head, tail) = words.split_at(words.len() - k);
        let agency = tail.join(" ");
        let full_name = || clean_name(&head.join(" "), true, true).is_some_and(|n| n.split_whitespace().count() >= 2);
        (agency.starts_with(char::is_uppercase) && is_an_agency(&agency) && full_name()).then_some(agency)
    })
}

/// The news agency a wire story's dateline credits at the start of its
/// text: "WASHINGTON (AP) — …", "BERLIN, 3. Dezember (Reuters) - …",
/// "(AFP) - …", EFE's "MADRID, 3 dic (EFE).- …", Yonhap's "(서울=연합뉴스)
/// 김민수 기자 = …", Xinhua's "新华社北京12月3日电 …".
pub(super) fn agency_in_dateline(lead: &str) -> Option<String> {
    // "新华社北京12月3日电": the agency, the place and date, then "电" (cabled).
    let opening = lead.trim_start_matches(['(', '（', '【', ' ']);
    if let Some(agency) = AGENCIES.iter().find(|a| !a.is_ascii() && opening.starts_with(*a))
        && opening[..opening.floor_char_boundary(60)].contains('电')
    {
        return Some((*agency).to_owned());
    }
    let open = lead[..lead.floor_char_boundary(60)].find(['(', '（'])?;
    let rest = lead[open..].trim_start_matches(['(', '（']);
    let close = rest[..rest.floor_char_boundary(40)].find([')', '）'])?;
    let (credit, after) = (rest[..close].trim(), rest[close..].trim_start_matches([')', '）']).trim_start());
    // "서울=연합뉴스": the place the story is filed from, then the agency.
    let agency = credit.rsplit('=').next().unwrap_or(credit).trim();
    // A dash or colon opens the story after the credit ("(EFE).-" with a
    // full stop first); a name in a script of its own needs none.
    let opens = after.trim_start_matches('.').starts_with(['-', '–', '—', ':']) || !agency.is_ascii();
    (opens && is_an_agency(agency)).then(|| agency.to_owned())
}

/// The reporter a Korean wire story's dateline names before its text:
/// "(서울=연합뉴스) 김민수 기자 = …" gives 김민수.
pub(super) fn reporter_in_dateline(lead: &str) -> Option<String> {
    agency_in_dateline(lead)?;
    let after = &lead[lead.find([')', '）'])?..];
    let credit = after.trim_start_matches([')', '）']).trim_start();
    let (reporter, _) = credit[..credit.floor_char_boundary(40)].split_once('=')?;
    let reporter = reporter.trim();
    if !(reporter.ends_with("기자") || reporter.ends_with("특파원")) {
        return None;
    }
    names(reporter, None, true).into_iter().next()
}

/// Splits a byline at `and`, `&`, commas, semicolons and the like.
pub(super) fn split(byline: &str) -> Vec<String> {
    let mut text = format!(" {byline} ");
    // An interview's credit names both sides ("Jane Doe im Gespräch mit John Roe").
    for joiner in [
        " im Gespräch mit ",
        " im Interview mit ",
        " in conversation with ",
        " en conversation avec ",
        " and ",
        " And ",
        " AND ",
        " und ",
        " et ",
        " y ",
        " e ",
        " i ",
        " en ",
        " og ",
        " och ",
        " & ",
        " with ",
        " mit ",
    ] {
        text = text.replace(joiner, " ; ");
    }
    text.split([';', ',', '|', '/', '·', '•', '\n', '–', '—'])
        .map(|p| p.split(" - ").next().unwrap_or_default().to_owned())
        .map(|p| clean_inline(&p))
        .filter(|p| !p.is_empty())
        .collect()
}

/// One name out of a byline part, or `None`.
pub(super) fn clean_name(part: &str, strict: bool, prefixed: bool) -> Option<String> {
    // "Auteur : Jane Doe", "责任编辑：孔德明": a label before a colon goes.
    let mut text = part.trim().replace(" :", ":");
    if let Some((label, name)) = text.split_once('：')
        && label.chars().count() <= 8
    {
        text = name.trim().to_owned();
    }
    // "jane[at]example.com": an address written against spam is an address.
    for at in ["[at]", "(at)", "{at}", "[@]", "(@)"] {
        text = text.replace(at, "@");
    }
    // "Jane Doe (jane@example.com)", "Richard (R.J.) Eskow": brackets go,
    // and an unclosed one ends the name.
    while let Some(open) = text.find(['(', '[']) {
        match text[open..].find([')', ']']) {
            Some(close) => text.replace_range(open..open + close + 1, " "),
            None => text.truncate(open),
        }
    }
    loop {
        let lower = text.to_lowercase();
        let Some(prefix) = PREFIXES.iter().find(|p| {
            // "di", "av", "af" only in lower case: "Di Maria" is a name.
            let head = if p.len() == 2 && !p.starts_with('b') { text.as_str() } else { lower.as_str() };
            head.starts_with(*p)
                && head[p.len()..].starts_with(|c: char| c.is_whitespace() || c == ':' || p.ends_with(':'))
        }) else {
            break;
        };
        // `get`: a character whose lower case is shorter (the Kelvin sign) may
        // make the prefix end inside a character of the original.
        let Some(rest) = text.get(prefix.len()..) else { break };
        text = rest.trim_start_matches([':', ' ']).to_owned();
    }
    // "Rechtsanwalt Jane Doe": a job title before the name goes.
    while let Some((title, rest)) = text.split_once(' ')
        && TITLES.contains(&title.to_lowercase().trim_end_matches('.'))
        && rest.contains(' ')
    {
        text = rest.trim().to_owned();
    }
    // "Chief Meteorologist Jane Doe", "Staff Writer Jane Doe": a newsroom title before the name goes.
    if let Some(name) = after_newsroom_title(&text) {
        text = name;
    }
    let mut words: Vec<&str> = Vec::new();
    // Of the words taken so far: whether all are in capitals, and how many
    // are spelled out (two letters or more, not an initial).
    let (mut all_capitals, mut spelled) = (true, 0usize);
    let all: Vec<&str> = text.split_whitespace().collect();
    for (i, &word) in all.iter().enumerate() {
        let lower = word.to_lowercase();
        // "Jane Doe Jan 5, 2024": a month before a day ends the name.
        if MONTHS.contains(&lower.trim_end_matches('.'))
            && all.get(i + 1).is_some_and(|next| next.starts_with(|c: char| c.is_ascii_digit()))
        {
            break;
        }
        if word.contains('@') || word.starts_with("http") || word.contains("www.") {
            if words.is_empty() && !strict && word.starts_with('@') && word.len() > 1 {
                // A handle is all there is.
                return None;
            }
            break;
        }
        // A date or time ends the name; a user name ("freeman1984", "r23") may hold digits.
        let handle = !strict
            && word.chars().any(char::is_lowercase)
            && word.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-');
        let role = lower.trim_end_matches([',', '.', ':']);
        // "le 3 mars", "am Montag" end a name; "Loïc Le Clerc", "El Hassan" do not.
        let connector = CONNECTORS.contains(&role)
            && !words.is_empty()
            && word.starts_with(char::is_uppercase)
            && all.get(i + 1).is_some_and(|next| next.starts_with(char::is_uppercase));
        // A pen name stated for machines may end in a job title ("Rasender
        // Reporter"): a capitalised title word last after one capitalised word stays.
        let pen_name = !strict
            && i + 1 == all.len()
            && words.len() == 1
            && role.chars().count() > 3
            && word.starts_with(char::is_uppercase)
            && words.iter().all(|w| w.starts_with(char::is_uppercase) && !ROLES.contains(&w.to_lowercase().as_str()));
        // "ANDREW DALTON AP": an agency's name after the writer's is no part of it.
        if words.len() >= 2 && is_an_agency(word) {
            break;
        }
        if ROLES.contains(&role) && !connector && !pen_name || word.chars().any(|c| c.is_ascii_digit()) && !handle {
            break;
        }
        // "By KEVIN FREKING Associated Press": a name set in capitals ends at
        // a word in title case or lower case, its employer's; "McDONALD",
        // with capitals after its first letter, is the name's own, and
        // initials alone are no such name ("T. V. Raman").
        let title_case = || {
            let mut letters = word.chars().filter(|c| c.is_alphabetic());
            letters.next().is_some_and(char::is_uppercase) && letters.all(char::is_lowercase)
        };
        if spelled >= 2 && all_capitals && (word.starts_with(char::is_lowercase) || title_case()) {
            break;
        }
        all_capitals &= !word.chars().any(char::is_lowercase);
        spelled += usize::from(word.chars().filter(|c| c.is_alphabetic()).count() >= 2);
        words.push(word);
    }
    let name = clean_inline(&words.join(" "));
    let name = name.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'').to_owned();
    let count = name.split_whitespace().count();
    if name.is_empty() || name.chars().count() > 60 || count > 5 {
        return None;
    }
    // A domain name ("example.de") is a site, not a person.
    if !name.contains(' ')
        && name.contains('.')
        && name.rsplit('.').next().is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_lowercase()))
    {
        return None;
    }
    if strict {
        let single =
            count == 1 && prefixed && name.chars().next().is_some_and(char::is_uppercase) && name.chars().count() >= 2;
        if !single && !looks_like_a_person(&name) {
            return None;
        }
        // "der Bestände": a name may hold a lower-case particle, not start with one.
        if name.starts_with(char::is_lowercase) {
            return None;
        }
        if has_a_word_that_is_no_name(&name) {
            return None;
        }
    }
    Some(in_title_case(name))
}

/// A name set wholly in capitals ("By MARY CLARE JALONICK") in title case,
/// as the same person's name is written elsewhere: "Mary Clare Jalonick",
/// "O'Neil", "Jean-Paul", "McDonald". A name with a lower-case letter
/// ("MARY ANN McDONALD") stays as written, as do one word ("AFP"), an
/// organisation's name and other scripts than Latin (Greek capitals drop
/// the accents that the name's small letters would carry).
fn in_title_case(name: String) -> String {
    let spelled = name.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2).count();
    let latin = |c: char| !c.is_alphabetic() || c.is_ascii_alphabetic() || ('\u{c0}'..='\u{24f}').contains(&c);
    if spelled < 2
        || name.chars().any(char::is_lowercase)
        || !name.chars().all(latin)
        || looks_like_an_organization(&name)
    {
        return name;
    }
    let mut out = String::with_capacity(name.len());
    // Each run of letters: its first capital, the rest lower case, and
    // "Mc" keeps the capital after it.
    let title_case = |run: &str, out: &mut String| {
        let lower = run.to_lowercase();
        let mut chars = lower.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
        }
        let rest = chars.as_str();
        match rest.strip_prefix('c') {
            Some(after) if lower.starts_with("mc") && after.chars().count() >= 2 => {
                out.push('c');
                let mut after = after.chars();
                out.extend(after.next().into_iter().flat_map(char::to_uppercase));
                out.push_str(after.as_str());
            }
            _ => out.push_str(rest),
        }
    };
    let mut run = String::new();
    for c in name.chars() {
        if c.is_alphabetic() {
            run.push(c);
        } else {
            title_case(&run, &mut out);
            run.clear();
            out.push(c);
        }
    }
    title_case(&run, &mut out);
    out
}

/// The name after a newsroom job title that opens `text`, where two words
/// or more follow it: "Senior Reporter Jane Doe" gives "Jane Doe"; "Staff
/// Writer" alone, or "Staff Writer Doe", gives nothing.
fn after_newsroom_title(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let lower = |w: &str| w.to_lowercase().trim_end_matches([',', '.']).to_owned();
    let run = words.iter().take_while(|w| {
        let w = lower(w);
        TITLE_MODIFIERS.contains(&w.as_str()) || NEWSROOM_TITLES.contains(&w.as_str())
    });
    let end = run.enumerate().filter(|(_, w)| NEWSROOM_TITLES.contains(&lower(w).as_str())).map(|(i, _)| i).last()?;
    let rest = words.get(end + 1..)?;
    (rest.len() >= 2 && rest[0].starts_with(char::is_uppercase)).then(|| rest.join(" "))
}

/// Whether `name` reads as a person's name: one to five words, capitalised
/// apart from particles (scripts without case pass).
pub(super) fn looks_like_a_person(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 {
        return false;
    }
    let cased = name.chars().any(|c| c.is_lowercase() || c.is_uppercase());
    if !cased {
        return name.chars().count() <= 20;
    }
    if words.len() == 1 {
        return false;
    }
    words.iter().all(|w| {
        PARTICLES.contains(&w.to_lowercase().as_str())
            || w.chars().next().is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
    }) && words.iter().any(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Whether a name from author markup is a name: short, no navigation or
/// boilerplate word, and not a lower-case phrase.
pub(super) fn is_marked_up_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    // "AFP", "DPA": an agency's code, not a person.
    let agency = words.len() == 1 && name.chars().count() <= 4 && !name.chars().any(char::is_lowercase);
    name.chars().count() <= 40
        && words.len() <= 4
        && !agency
        && !PREFIXES.contains(&name.to_lowercase().as_str())
        && name.chars().any(char::is_alphabetic)
        && !has_a_word_that_is_no_name(name)
        && (words.len() == 1 || looks_like_a_person(name))
}

/// Whether a word of `name` (or of a hyphenated compound: "TVT-Redaktion")
/// is one that no person's name holds.
pub(super) fn has_a_word_that_is_no_name(name: &str) -> bool {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .any(|w| NOT_NAMES.contains(&w.to_lowercase().trim_matches(|c: char| !c.is_alphanumeric())))
}

/// Lower case letters and digits only: "OÖ-Volksblatt" and "oö volksblatt" agree.
pub(super) fn squeezed(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Whether a name holds a company's or association's legal form
/// ("Muster GmbH", "Verband e.V.", "Example Inc."): no person's name does.
pub(super) fn has_a_legal_form(name: &str) -> bool {
    // At the end: "James S.A. Corey" is a person.
    name.split_whitespace()
        .next_back()
        .map(|w| w.trim_matches(|c: char| c == ',' || c == '(' || c == ')').trim_end_matches('.'))
        .is_some_and(|w| LEGAL_FORMS.contains(&w))
        || name.trim_end_matches('.').ends_with(" e. V")
}

/// The one name in `text` when it names one person and no organisation: what a
/// loose line (a sign-off, an author box's heading) must hold to be a byline.
pub(super) fn one_person(text: &str, site: Option<&str>) -> Option<Vec<String>> {
    let found = names(text, site, true);
    matches!(found.as_slice(), [name] if !looks_like_an_organization(name)).then_some(found)
}

/// Whether a name reads as an organisation's: a legal form or an
/// institution word, an article first ("Die Zeitung"), or an acronym.
pub(super) fn looks_like_an_organization(name: &str) -> bool {
    let words: Vec<String> =
        name.split_whitespace().map(|w| w.to_lowercase().trim_matches([',', '(', ')']).to_owned()).collect();
    let acronym = words.len() == 1 && name.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    acronym
        || words.first().is_some_and(|w| ["die", "das", "der", "the", "le", "la", "el"].contains(&w.as_str()))
        || words.iter().any(|w| {
            w.split('-').any(|part| ORGANIZATION_WORDS.contains(&part.trim_end_matches('.')))
                || ORGANIZATION_WORDS.contains(&w.as_str())
        })
}

/// A date line that ends in the byline: "Posted on May 5, 2020 by Jane Doe",
/// "Veröffentlicht am 5. Mai 2020 von Jane Doe".
pub(super) static POSTED_ON: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)^(?:posted|published|updated|veröffentlicht|erstellt|geschrieben)\s+(?:on|am)\s+[^|]{1,40}?\s+((?:by|von)\s+\S.*)$",
    )
    .expect("a valid dated byline pattern")
});
