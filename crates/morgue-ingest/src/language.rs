//! Language identification of article text.

/// Returns the ISO 639-1 code of the language of `text`, when it can be told
/// with confidence.
pub(crate) fn detect(text: &str) -> Option<&'static str> {
    // A few thousand characters tell the language as well as the whole text.
    let sample = match text.char_indices().nth(4000) {
        Some((end, _)) => &text[..end],
        None => text,
    };
    let info = whatlang::detect(sample)?;
    // `is_reliable` is strict on short texts; a clear lead is enough for a dek-sized sample.
    if !info.is_reliable() && info.confidence() < 0.2 {
        return None;
    }
    iso639_1(info.lang())
}

fn iso639_1(lang: whatlang::Lang) -> Option<&'static str> {
    use whatlang::Lang;
    Some(match lang {
        Lang::Eng => "en",
        Lang::Deu => "de",
        Lang::Fra => "fr",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Ita => "it",
        Lang::Nld => "nl",
        Lang::Swe => "sv",
        Lang::Dan => "da",
        Lang::Nob => "no",
        Lang::Fin => "fi",
        Lang::Pol => "pl",
        Lang::Ces => "cs",
        Lang::Slk => "sk",
        Lang::Slv => "sl",
        Lang::Hrv => "hr",
        Lang::Srp => "sr",
        Lang::Hun => "hu",
        Lang::Ron => "ro",
        Lang::Bul => "bg",
        Lang::Rus => "ru",
        Lang::Ukr => "uk",
        Lang::Bel => "be",
        Lang::Ell => "el",
        Lang::Tur => "tr",
        Lang::Ara => "ar",
        Lang::Heb => "he",
        Lang::Pes => "fa",
        Lang::Urd => "ur",
        Lang::Hin => "hi",
        Lang::Ben => "bn",
        Lang::Tam => "ta",
        Lang::Tha => "th",
        Lang::Vie => "vi",
        Lang::Ind => "id",
        Lang::Cmn => "zh",
        Lang::Jpn => "ja",
        Lang::Kor => "ko",
        Lang::Lit => "lt",
        Lang::Lav => "lv",
        Lang::Est => "et",
        Lang::Cat => "ca",
        Lang::Afr => "af",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn tells_english_from_german() {
        let en = "The minister said on Friday that the talks would continue next week in Geneva.";
        let de = "Der Minister sagte am Freitag, dass die Gespräche nächste Woche in Genf weitergehen.";
        assert_eq!(super::detect(en), Some("en"));
        assert_eq!(super::detect(de), Some("de"));
    }
}
