//! Bytes to UTF-8 text: binary sniffing and character-encoding detection.
//!
//! Saved pages come in every encoding of twenty years of the web. The order of
//! evidence follows the HTML standard's: a byte-order mark, then (for HTML) a
//! `<meta charset>` or `http-equiv` declaration in the first kilobytes, then
//! valid UTF-8, and only then a statistical guess by `chardetng`. A declared
//! encoding that the bytes contradict (a page labelled ISO-8859-1 holding valid
//! multi-byte UTF-8, or GB2312 holding UTF-8 Chinese) is overruled: a page
//! converted to UTF-8 often keeps its old declaration.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// How many leading bytes are inspected for binary content and declarations.
const SNIFF_BYTES: usize = 8 * 1024;

/// Returns whether `bytes` look like binary data rather than text.
///
/// Text in UTF-16 (with its byte-order mark) is text; otherwise a NUL byte or
/// more than 5% of control characters in the first 8 KiB means binary.
pub fn is_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return false;
    }
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.contains(&0) {
        return true;
    }
    let control = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B)).count();
    control * 20 > head.len()
}

/// Decodes `bytes` to a string, returning it with the name of the encoding used.
///
/// `html` enables the `<meta charset>` pre-scan. Malformed sequences become
/// U+FFFD; decoding never fails.
pub fn decode(bytes: &[u8], html: bool) -> (String, &'static str) {
    let encoding = detect(bytes, html);
    let (text, used, _had_errors) = encoding.decode(bytes);
    (text.into_owned(), used.name())
}

/// Returns the encoding of `bytes` by the order of evidence described above.
pub fn detect(bytes: &[u8], html: bool) -> &'static Encoding {
    if let Some((encoding, _bom_len)) = Encoding::for_bom(bytes) {
        return encoding;
    }
    let is_utf8 = std::str::from_utf8(bytes).is_ok();
    if html && let Some(declared) = declared_charset(&bytes[..bytes.len().min(SNIFF_BYTES)]) {
        // UTF-16 cannot be declared in a page that this pre-scan could read.
        if declared == UTF_16LE || declared == UTF_16BE {
            return UTF_8;
        }
        // Valid multi-byte UTF-8 overrules any legacy label: pages are often
        // converted to UTF-8 and saved with their old `<meta charset>`, while
        // real text in windows-1252, GBK or Shift_JIS is practically never
        // valid UTF-8 by chance.
        if !is_utf8 || bytes.is_ascii() {
            // And the other way round: a page labelled UTF-8 whose bytes are
            // mostly not UTF-8 was saved in a legacy encoding under a template's
            // label. Stray bad bytes in real UTF-8 keep the label.
            if declared != UTF_8 || !mostly_invalid_utf8(bytes) {
                return declared;
            }
        }
    }
    if is_utf8 {
        return UTF_8;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

/// Whether more of the non-ASCII runs in `bytes` are invalid UTF-8 than are
/// valid multi-byte characters: text in windows-1252 or GBK, not UTF-8 with a
/// few broken bytes.
fn mostly_invalid_utf8(bytes: &[u8]) -> bool {
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    invalid > valid
}

/// Finds a `charset=` declaration in `<meta>` tags of an HTML head.
fn declared_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let start = from + pos;
        let end = lower[start..].iter().position(|&b| b == b'>').map_or(lower.len(), |p| start + p);
        let tag = &lower[start..end];
        if let Some(label) = charset_in_tag(tag) {
            // The `replacement` encoding (ISO-2022-KR and friends) would turn the
            // whole page into one U+FFFD: leave those to the detector instead.
            return Encoding::for_label(label).filter(|e| e.name() != "replacement");
        }
        from = end;
    }
    None
}

/// Returns the value after `charset=` in one lower-cased tag.
fn charset_in_tag(tag: &[u8]) -> Option<&[u8]> {
    let pos = find(tag, b"charset")?;
    let rest = &tag[pos + b"charset".len()..];
    let rest = trim_start(rest);
    let rest = trim_start(rest.strip_prefix(b"=")?);
    let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
    let len = rest
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>') || b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    (len > 0).then(|| &rest[..len])
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let skip = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &bytes[skip..]
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nul_bytes_mean_binary() {
        assert!(is_binary(b"PK\x03\x04\x00\x00"));
        assert!(!is_binary("plain text, caf\u{e9}".as_bytes()));
        assert!(!is_binary(&[0xFF, 0xFE, b'a', 0]));
    }

    /// Decodes an HTML page and checks the encoding chosen and a piece of its text.
    fn assert_decodes(page: &[u8], encoding: &str, holds: &str) {
        let (text, used) = decode(page, true);
        assert_eq!(used, encoding);
        assert!(text.contains(holds), "{text}");
    }

    #[test]
    fn meta_charset_is_honoured() {
        let page = b"<html><head><meta charset=\"windows-1252\"></head><body>caf\xe9</body></html>";
        assert_decodes(page, "windows-1252", "caf\u{e9}");
    }

    #[test]
    fn http_equiv_charset_is_honoured() {
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">\x93\xfa\x96\x7b";
        assert_decodes(page, "Shift_JIS", "\u{65e5}\u{672c}");
    }

    #[test]
    fn valid_utf8_overrules_a_latin1_label() {
        let page = "<meta charset=iso-8859-1><p>caf\u{e9}</p>".as_bytes();
        assert_decodes(page, "UTF-8", "caf\u{e9}");
    }

    #[test]
    fn valid_utf8_overrules_a_multibyte_label() {
        let page = "<meta charset=gb2312><p>\u{4eba}\u{5de5}\u{667a}\u{80fd}</p>".as_bytes();
        assert_decodes(page, "UTF-8", "\u{4eba}\u{5de5}");
    }

    #[test]
    fn a_utf8_label_on_legacy_bytes_is_overruled() {
        // "Der Bürgermeister äußerte sich über die Pläne." in windows-1252, labelled UTF-8.
        let page = b"<meta charset=utf-8><p>Der B\xfcrgermeister \xe4u\xdferte sich \xfcber die Pl\xe4ne f\xfcr die Stra\xdfe.</p>";
        assert_decodes(page, "windows-1252", "B\u{fc}rgermeister \u{e4}u\u{df}erte");
    }

    #[test]
    fn a_stray_bad_byte_keeps_the_utf8_label() {
        let mut page = "<meta charset=utf-8><p>Der Bürgermeister äußerte sich über die Pläne.</p>".as_bytes().to_vec();
        page.push(0xE9);
        assert_decodes(&page, "UTF-8", "Bürgermeister äußerte");
    }

    #[test]
    fn undeclared_legacy_bytes_are_guessed() {
        // "Привет, как дела? Это тест кодировки." in windows-1251.
        let bytes = b"\xcf\xf0\xe8\xe2\xe5\xf2, \xea\xe0\xea \xe4\xe5\xeb\xe0? \xdd\xf2\xee \xf2\xe5\xf1\xf2 \xea\xee\xe4\xe8\xf0\xee\xe2\xea\xe8.";
        let (text, encoding) = decode(bytes, false);
        assert_eq!(encoding, "windows-1251");
        assert!(text.starts_with("\u{41f}\u{440}\u{438}\u{432}\u{435}\u{442}"));
    }
}
