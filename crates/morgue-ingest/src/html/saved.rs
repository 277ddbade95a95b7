//! Pages as the tools that saved them wrap them: a browser's "Save Page As"
//! comment, SingleFile's header, a Wayback Machine capture's toolbar and
//! rewritten links, and an archive.today snapshot's own head and header.
//!
//! The wrapper is recognised once per page, from the first and last few
//! kilobytes of its text, before parsing: what it states is the URL the page
//! was saved from, and a Wayback capture's text is given back with its
//! toolbar cut out and each URL it rewrote restored, so that every reader of
//! the page (canonical, `og:url`, the links read for dates, authors and
//! titles) sees the original page's URLs without knowing of the wrapper.
//!
//! A capture's timestamp (`/web/20150312081500/`, "FILE ARCHIVED ON"),
//! SingleFile's "saved date" and archive.today's capture time say when the
//! page was saved, not published: they are never read.

use std::borrow::Cow;

use memchr::memmem;

/// The first bytes of a page, where the wrappers write their headers.
const HEAD_BYTES: usize = 16 * 1024;

/// The last bytes of a page, where the Wayback Machine writes its trailer.
const TAIL_BYTES: usize = 8 * 1024;

/// A page without the wrapper of the tool that saved it.
pub(super) struct Unwrapped<'a> {
    /// The page's text; a Wayback capture's without its toolbar and with the original URLs.
    pub(super) text: Cow<'a, str>,
    /// The URL the page was saved from, as the wrapper states it.
    pub(super) url: Option<String>,
}

/// Recognises the wrapper of a saved page and takes it off.
pub(super) fn unwrap(text: &str) -> Unwrapped<'_> {
    let head = &text[..text.floor_char_boundary(HEAD_BYTES)];
    let tail = &text[text.floor_char_boundary(text.len().saturating_sub(TAIL_BYTES))..];
    let saved_from = saved_from(head).or_else(|| single_file_url(head));
    let is_wayback = WAYBACK_HEAD_MARKERS.iter().any(|m| head.contains(m))
        || tail.contains("FILE ARCHIVED ON")
        || saved_from.is_some_and(|url| archive_prefix_len(url).is_some());
    if is_wayback {
        return wayback(text, head, saved_from);
    }
    if let Some(snapshot) = archive_today(text, head) {
        return snapshot;
    }
    Unwrapped { text: Cow::Borrowed(text), url: saved_from.map(str::to_owned) }
}

/// A Wayback Machine capture without its toolbar, with its URLs restored.
fn wayback<'a>(text: &'a str, head: &str, saved_from: Option<&str>) -> Unwrapped<'a> {
    let toolbar = span(text, TOOLBAR_BEGIN, TOOLBAR_END);
    let url = saved_from
        .or_else(|| WAYBACK_URL_MARKERS.iter().find_map(|m| quoted_after(head, m)))
        .or_else(|| {
            let toolbar = &text[toolbar.clone()?];
            WAYBACK_URL_MARKERS.iter().find_map(|m| quoted_after(toolbar, m))
        })
        .map(|url| without_default_port(&original_url(&unescaped(url))));
    let text = match toolbar {
        Some(cut) => restore_urls(&format!("{}{}", &text[..cut.start], &text[cut.end..])),
        None => restore_urls(text),
    };
    Unwrapped { text: Cow::Owned(text), url }
}

/// An archive.today snapshot (archive.ph, archive.is, …): the archive's own
/// `<head>` and header state the snapshot (its short link as canonical URL,
/// the capture time as `article:published_time`, "archive.is" as site), so
/// only the page's `<title>` is kept of them, and the captured page from
/// `#CONTENT` on, without the archive's column of scroll marks.
fn archive_today<'a>(text: &'a str, head: &str) -> Option<Unwrapped<'a>> {
    if !head.contains("<div id=\"HEADER\"") || !head.contains("webpage capture") {
        return None;
    }
    let content = memmem::find(text.as_bytes(), b"<div id=\"CONTENT\"")?;
    let title = span(head, "<title>", "</title>").map_or("", |t| &head[t]);
    let captured = &text[content..];
    let mut page = format!("<html><head>{title}</head><body>");
    match span(captured, "<table id=\"hashtags\"", "</table>") {
        Some(marks) => page.extend([&captured[..marks.start], &captured[marks.end..]]),
        None => page.push_str(captured),
    }
    let url = quoted_after(head, "name=\"q\" value=\"").map(unescaped);
    Some(Unwrapped { text: Cow::Owned(page), url })
}

/// Marks the Wayback Machine writes at the top of a capture: its scripts'
/// set-up and the comment closing them, or the toolbar on a short page.
const WAYBACK_HEAD_MARKERS: &[&str] =
    &["<!-- End Wayback Rewrite JS Include -->", "WB_wombat_Init(", "__wm.init(", TOOLBAR_BEGIN];

/// What stands before the captured URL, in quotes, in the Wayback Machine's
/// scripts (`__wm.wombat("http://…"`, `wbCurrentUrl = "…"`), its toolbar's
/// set-up (`__wm.bt(625,27,25,2,"web","http://…"`) and its address field.
const WAYBACK_URL_MARKERS: &[&str] = &["__wm.wombat(\"", "wbCurrentUrl = \"", ",\"web\",\"", "id=\"wmtbURL\" value=\""];

const TOOLBAR_BEGIN: &str = "<!-- BEGIN WAYBACK TOOLBAR INSERT -->";
const TOOLBAR_END: &str = "<!-- END WAYBACK TOOLBAR INSERT -->";

/// The span of the text from `begin` to the first `end` after it, both
/// included, when both stand in that order.
fn span(text: &str, begin: &str, end: &str) -> Option<std::ops::Range<usize>> {
    let start = memmem::find(text.as_bytes(), begin.as_bytes())?;
    let from = start + begin.len();
    let end = memmem::find(&text.as_bytes()[from..], end.as_bytes())? + from + end.len();
    Some(start..end)
}

/// The URL of a browser's `<!-- saved from url=(0067)https://… -->`, up to
/// the space before the comment's end (the count in brackets, its length,
/// is not needed: a URL holds no space).
fn saved_from(head: &str) -> Option<&str> {
    const MARK: &str = "<!-- saved from url=(";
    let at = memmem::find(head.as_bytes(), MARK.as_bytes())? + MARK.len();
    let (_count, rest) = head[at..].split_once(')')?;
    let url = rest.split(char::is_whitespace).next()?.trim_end_matches("-->");
    is_web_url(url).then_some(url)
}

/// The `url:` line of SingleFile's header comment.
fn single_file_url(head: &str) -> Option<&str> {
    let at = ["Page saved with SingleFile", "Archive processed by SingleFile"]
        .iter()
        .find_map(|mark| memmem::find(head.as_bytes(), mark.as_bytes()))?;
    let comment = head[at..].split("-->").next().unwrap_or_default();
    let url = comment.lines().find_map(|line| line.trim().strip_prefix("url:"))?.trim();
    is_web_url(url).then_some(url)
}

/// A URL as an attribute value writes it, `&amp;` for `&`.
fn unescaped(url: &str) -> String {
    url.replace("&amp;", "&")
}

/// Whether a URL is a web page's (IE's `about:internet` is not).
fn is_web_url(url: &str) -> bool {
    url.starts_with("http://") || url.starts_with("https://")
}

/// The text in quotes that follows `marker` (which ends with the opening quote).
fn quoted_after<'a>(text: &'a str, marker: &str) -> Option<&'a str> {
    let at = memmem::find(text.as_bytes(), marker.as_bytes())? + marker.len();
    let url = text[at..].split('"').next()?;
    is_web_url(url).then_some(url)
}

/// How a Wayback Machine URL starts before its path, the path-only form last.
const ARCHIVE_HOSTS: [&str; 4] = ["https://web.archive.org", "http://web.archive.org", "//web.archive.org", ""];

/// The length of the Wayback Machine's prefix at the start of a URL:
/// `https://web.archive.org/web/20150312081500/`, its scheme-relative and
/// path-only forms, and a mode after the timestamp (`im_`, `js_`, `id_`).
fn archive_prefix_len(url: &str) -> Option<usize> {
    let host_end = ARCHIVE_HOSTS.iter().find(|host| url.starts_with(*host)).map_or(0, |host| host.len());
    let rest = url[host_end..].strip_prefix("/web/")?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if !(4..=14).contains(&digits) {
        return None;
    }
    let after = &rest[digits..];
    let mode = after.as_bytes();
    let mode_len =
        if mode.len() >= 3 && mode[..2].iter().all(u8::is_ascii_lowercase) && mode[2] == b'_' { 3 } else { 0 };
    after[mode_len..].starts_with('/').then(|| url.len() - after.len() + mode_len + 1)
}

/// A URL with the Wayback Machine's prefix taken off.
fn original_url(url: &str) -> Cow<'_, str> {
    let Some(prefix) = archive_prefix_len(url) else { return Cow::Borrowed(url) };
    let rest = &url[prefix..];
    match missing_scheme(rest) {
        "" => Cow::Borrowed(rest),
        scheme => Cow::Owned(format!("{scheme}{rest}")),
    }
}

/// What a URL left after the Wayback Machine's prefix lacks of its scheme:
/// captures may leave it out (`/web/2013…/the-pain.net/2008/05/…`).
fn missing_scheme(rest: &str) -> &'static str {
    if is_web_url(rest) {
        ""
    } else if rest.starts_with("//") {
        "http:"
    } else {
        "http://"
    }
}

/// `http://example.com/a` of `http://example.com:80/a`, as the Wayback
/// Machine's scripts write the captured URL.
fn without_default_port(url: &str) -> String {
    for (scheme, port) in [("http://", ":80"), ("https://", ":443")] {
        if let Some(rest) = url.strip_prefix(scheme) {
            let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
            if let Some(host) = rest[..host_end].strip_suffix(port) {
                return format!("{scheme}{host}{}", &rest[host_end..]);
            }
        }
    }
    url.to_owned()
}

/// The text of a capture with the Wayback Machine's prefix taken off every
/// URL that opens an attribute value (or a quoted string in a script, or a
/// CSS `url(`): the visible text, where a page may cite an archived copy,
/// is left as it is.
fn restore_urls(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for at in memmem::find_iter(bytes, b"/web/") {
        // Where the URL would start: at the host, with or without its scheme, or at the path.
        let start = ARCHIVE_HOSTS
            .iter()
            .filter_map(|host| at.checked_sub(host.len()).filter(|&s| &bytes[s..at] == host.as_bytes()))
            .find(|&s| s > copied && matches!(bytes[s - 1], b'"' | b'\'' | b'=' | b'('));
        let Some(start) = start else { continue };
        let Some(prefix) = archive_prefix_len(&text[start..]) else { continue };
        out.push_str(&text[copied..start]);
        out.push_str(missing_scheme(&text[start + prefix..]));
        copied = start + prefix;
    }
    out.push_str(&text[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::extract;

    const PROSE: &str = "<p>The council met on Tuesday evening and voted, after a long debate, to rebuild the \
        old bridge over the river.</p><p>Work is to begin in the spring and to last two years, the mayor said.</p>";

    /// A news page without a stated URL or date, but for its path.
    fn story(head: &str, body: &str) -> String {
        format!(
            r#"<html><head><title>Bridge to be rebuilt | Example News</title>
            <meta property="og:site_name" content="Example News">{head}</head>
            <body><article><h1>Bridge to be rebuilt</h1>{PROSE}</article>{body}</body></html>"#
        )
    }

    #[test]
    fn a_browser_saved_page_is_read_at_the_url_it_was_saved_from() {
        let page = format!(
            "<!DOCTYPE html>\n<!-- saved from url=(0051)https://www.example.com/news/2009/05/12/bridge.html -->\n{}",
            story("", "")
        );
        let draft = extract(&page).expect("an article");
        assert_eq!(draft.url.as_deref(), Some("https://www.example.com/news/2009/05/12/bridge.html"));
        assert_eq!(draft.site.as_deref(), Some("Example News"));
        assert_eq!(draft.published.map(|d| d.to_string()).as_deref(), Some("2009-05-12"));
        // The page's own canonical URL comes first; IE's `about:internet` is no URL.
        let canonical = r#"<link rel="canonical" href="https://example.com/bridge">"#;
        let page = format!(
            "<!-- saved from url=(0051)https://www.example.com/news/2009/05/12/bridge.html -->{}",
            story(canonical, "")
        );
        assert_eq!(extract(&page).expect("an article").url.as_deref(), Some("https://example.com/bridge"));
        assert_eq!(unwrap("<!-- saved from url=(0014)about:internet -->").url, None);
        // A count that does not fit the URL does not matter.
        assert_eq!(
            unwrap("<!-- saved from url=(0999)https://example.com/a-->").url.as_deref(),
            Some("https://example.com/a")
        );
    }

    #[test]
    fn a_single_file_page_is_read_at_its_url_but_not_dated_by_its_saving() {
        let page = format!(
            "<!DOCTYPE html> <html lang=\"en\"><!--\n Page saved with SingleFile \n url: https://www.example.com/news/bridge \n \
             saved date: Tue Mar 14 2023 10:00:00 GMT+0100 (Central European Standard Time)\n-->{}",
            story("", "")
        );
        let draft = extract(&page).expect("an article");
        assert_eq!(draft.url.as_deref(), Some("https://www.example.com/news/bridge"));
        assert_eq!(draft.site.as_deref(), Some("Example News"));
        assert_eq!(draft.published, None);
    }

    /// A capture of `http://www.example.com/news/2009/05/bridge/` on 12 March 2015.
    fn capture(toolbar: bool) -> String {
        const AT: &str = "https://web.archive.org/web/20150312081500/http://www.example.com";
        let head = format!(
            r#"<script type="text/javascript" src="/_static/js/wombat.js?v=1" charset="utf-8"></script>
            <script type="text/javascript">__wm.init("https://web.archive.org/web");
            __wm.wombat("http://www.example.com:80/news/2009/05/bridge/","20150312081500","https://web.archive.org/","web","/_static/","1426148100");</script>
            <!-- End Wayback Rewrite JS Include -->
            <link rel="canonical" href="{AT}/news/2009/05/bridge/">
            <meta property="og:image" content="/web/20150312081500im_/http://www.example.com/images/bridge.jpg">"#
        );
        let bar = r#"<!-- BEGIN WAYBACK TOOLBAR INSERT -->
            <div id="wm-ipp-base" lang="en" style="direction:ltr;"><div id="wm-ipp"><div id="wm-ipp-inside">
            <a href="/web/" title="Wayback Machine home page">Wayback Machine</a>
            <td class="c" id="displayMonthEl" title="You are here: 08:15:00 Mar 12, 2015">MAR</td>
            <a class="t" href="/web/20150312081500*/http://www.example.com/news/2009/05/bridge/">12 captures</a>
            <div class="r">12 Mar 2015 - 20 Jan 2020</div><span>About this capture</span></div></div></div>
            <div id="donato"><iframe id="donato-if" src="https://archive.org/includes/donate.php?as_page=1"></iframe></div>
            <!-- END WAYBACK TOOLBAR INSERT -->"#;
        let page = story(&head, &format!(r#"<nav><a href="{AT}/">Home</a></nav>"#));
        let page = if toolbar { page.replacen("<body>", &format!("<body>{bar}"), 1) } else { page };
        format!(
            "{page}\n<!--\n     FILE ARCHIVED ON 08:15:00 Mar 12, 2015 AND RETRIEVED FROM THE\n     \
             INTERNET ARCHIVE ON 10:00:00 Jan 20, 2020.\n-->\n<!--\nplayback timings (ms):\n  captures_list: 90.1\n-->"
        )
    }

    #[test]
    fn a_wayback_capture_is_read_as_the_page_it_captured() {
        for toolbar in [true, false] {
            let draft = extract(&capture(toolbar)).expect("an article");
            assert_eq!(draft.url.as_deref(), Some("http://www.example.com/news/2009/05/bridge/"), "{toolbar}");
            assert_eq!(draft.site.as_deref(), Some("Example News"));
            assert_eq!(draft.title, "Bridge to be rebuilt");
            // Not the day of the capture.
            assert_eq!(draft.published, None);
            let text = draft.paragraphs.join("\n");
            for toolbar_text in ["Wayback", "captures", "About this capture", "2015", "2020"] {
                assert!(!text.contains(toolbar_text), "{toolbar_text:?} in {text:?}");
            }
        }
    }

    #[test]
    fn the_url_a_capture_was_made_of_is_read_from_its_scripts() {
        let page = capture(true).replace("<link rel=\"canonical\"", "<link rel=\"shortlink\"");
        assert_eq!(unwrap(&page).url.as_deref(), Some("http://www.example.com/news/2009/05/bridge/"));
        let draft = extract(&page).expect("an article");
        assert_eq!(draft.url.as_deref(), Some("http://www.example.com/news/2009/05/bridge/"));
        // A capture saved again from the browser, and one whose address lost its scheme.
        let page = "<!-- saved from url=(0071)https://web.archive.org/web/20150312081500/http://www.example.com/a/ -->";
        assert_eq!(unwrap(page).url.as_deref(), Some("http://www.example.com/a/"));
        assert_eq!(original_url("/web/20130307194448/example.com/2008/05/a.html"), "http://example.com/2008/05/a.html");
    }

    /// An archive.today snapshot of `https://www.example.com/news/bridge?id=7&p=1`, taken in 2018.
    fn snapshot() -> String {
        let marks: String =
            (0..=20).map(|i| format!(r##"<tr><td><a href="#{p}%">{p}%</a></td></tr>"##, p = i * 5)).collect();
        format!(
            r#"<!DOCTYPE html><html prefix="og: http://ogp.me/ns# article: http://ogp.me/ns/article#" itemscope itemtype="http://schema.org/Article">
            <head><meta property="og:type" content="article"/><meta property="og:site_name" content="archive.ph"/>
            <meta property="og:url" content="https://archive.ph/XvEff" itemprop="url"/>
            <meta property="twitter:description" content="archived 5 May 2018 22:28:55 UTC" itemprop="description"/>
            <meta property="article:published_time" content="2018-05-05T22:28:55Z" itemprop="dateCreated"/>
            <link rel="canonical" href="https://archive.ph/XvEff"/>
            <link rel="bookmark" href="http://archive.ph/20180505222855/https://www.example.com/news/bridge?id=7&amp;p=1"/>
            <title>Bridge to be rebuilt | Example News</title></head>
            <body><center><div id="HEADER"><table><tr><td><a href="https://archive.ph/"><div>archive.today</div>
            <div>webpage capture</div></a></td><td>Saved from</td><td><form action="https://archive.ph/search/">
            <input type="text" name="q" value="https://www.example.com/news/bridge?id=7&amp;p=1"/></form></td>
            <td><time itemprop="pubdate" datetime="2018-05-05T22:28:55Z">5 May 2018 22:28:55 UTC</time></td></tr>
            <tr><td>All snapshots</td><td><b>from host </b><a href="https://archive.ph/www.example.com">www.example.com</a></td></tr>
            </table></div><div id="CONTENT"><div class="html1"><div class="html"><div class="body">
            <div class="story"><h1>Bridge to be rebuilt</h1><p class="dateline">12 May 2009</p>{PROSE}</div>
            </div></div></div><div style="position:absolute"><table id="hashtags">{marks}</table></div></div></center></body></html>"#
        )
    }

    #[test]
    fn an_archive_today_snapshot_is_read_as_the_page_it_captured() {
        let page = snapshot();
        let draft = extract(&page).expect("an article");
        assert_eq!(draft.url.as_deref(), Some("https://www.example.com/news/bridge?id=7&p=1"));
        assert_eq!(draft.site, None);
        assert_eq!(draft.title, "Bridge to be rebuilt");
        assert_eq!(draft.published.map(|d| d.to_string()).as_deref(), Some("2009-05-12"));
        let text = draft.paragraphs.join("\n");
        for wrapper_text in ["archive", "capture", "Saved from", "snapshots", "2018", "%"] {
            assert!(!text.contains(wrapper_text), "{wrapper_text:?} in {text:?}");
        }
    }

    #[test]
    fn archived_urls_are_restored_in_attributes_only() {
        let text = r#"<a href="https://web.archive.org/web/20150312081500/http://example.com/a">x</a>
            <img src="/web/20150312081500im_/https://example.com/b.jpg"><a href='//web.archive.org/web/2015id_/example.com/c'>
            <p>See https://web.archive.org/web/20150312081500/http://example.com/d and /web/2015/ and /web/x/</p>
            <div style="background:url(/web/20150312081500im_/http://example.com/e.png)"></div>"#;
        assert_eq!(
            restore_urls(text),
            r#"<a href="http://example.com/a">x</a>
            <img src="https://example.com/b.jpg"><a href='http://example.com/c'>
            <p>See https://web.archive.org/web/20150312081500/http://example.com/d and /web/2015/ and /web/x/</p>
            <div style="background:url(http://example.com/e.png)"></div>"#
        );
        assert_eq!(without_default_port("http://example.com:80/a?b"), "http://example.com/a?b");
        assert_eq!(without_default_port("https://example.com:8443/a"), "https://example.com:8443/a");
    }

    #[test]
    fn a_toolbar_without_its_end_or_a_page_cut_anywhere_is_read_safely() {
        let page = capture(true);
        let unended = page.replace(TOOLBAR_END, "");
        assert!(unwrap(&unended).text.contains("wm-ipp-base"));
        for page in [page, snapshot()] {
            for end in (0..page.len()).filter(|&i| page.is_char_boundary(i)) {
                let _ = unwrap(&page[..end]);
            }
        }
    }
}
