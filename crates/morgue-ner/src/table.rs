//! The data tables compiled into the crate (`data/aliases.tsv`,
//! `data/places.tsv`): one record a line, columns separated by tabs, `#`
//! starting a comment line, blank lines skipped.

use std::str::Split;

/// The lines of `tsv` that hold a record: neither comments nor blank.
pub(crate) fn lines(tsv: &str) -> impl Iterator<Item = &str> {
    tsv.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty())
}

/// The records of `tsv` with at least two columns: the first two, and the
/// columns after them; shorter lines are skipped.
pub(crate) fn records(tsv: &str) -> impl Iterator<Item = (&str, &str, Split<'_, char>)> {
    lines(tsv).filter_map(|line| {
        let mut columns = line.split('\t');
        Some((columns.next()?, columns.next()?, columns))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_blank_and_one_column_lines_are_skipped() {
        let tsv = "# kind\tname\n\nplace\tParis\n  \t \nlonely\nperson\tAnna Smith\tAnna|A. Smith\textra\n";
        let records: Vec<(&str, &str, Vec<&str>)> = records(tsv).map(|(a, b, rest)| (a, b, rest.collect())).collect();
        assert_eq!(records, [("place", "Paris", vec![]), ("person", "Anna Smith", vec!["Anna|A. Smith", "extra"])]);
        assert_eq!(lines(tsv).count(), 3);
    }
}
