//! Named entities of the seed pages: every name the hand-checked expectations
//! list is found with its type and canonical name.

use std::collections::BTreeMap;

use morgue_ingest::{ExtractOptions, Extractor};
use morgue_model::EntityKind;
use serde::Deserialize;

use crate::seeds::seed_pages;

#[derive(Debug, Deserialize)]
struct Expected {
    entities_must_include: BTreeMap<String, Vec<String>>,
}

#[test]
fn seed_entities_are_found_with_their_type_and_canonical_name() {
    let mut missing = Vec::new();
    for page in seed_pages() {
        let json = std::fs::read_to_string(page.with_extension("json")).expect("expected json");
        let expected: Expected = serde_json::from_str(&json).expect("expected json parses");
        let article = Extractor::default().extract_file(&page).expect("seed extracts");
        for (kind, names) in &expected.entities_must_include {
            let kind = EntityKind::ALL.into_iter().find(|k| k.as_str() == kind).expect("a known kind");
            for name in names {
                if !article.entities.iter().any(|e| e.kind == kind && e.name == *name) {
                    missing.push(format!("{}: {kind} {name}", page.display()));
                }
            }
        }
    }
    assert!(missing.is_empty(), "entities not found:\n{}", missing.join("\n"));
}

#[test]
fn every_seed_names_sergey_lavrov_and_no_place_is_called_us() {
    for page in seed_pages() {
        let article = Extractor::default().extract_file(&page).expect("seed extracts");
        let lavrov = article.entities.iter().find(|e| e.name == "Sergey Lavrov");
        let lavrov = lavrov.unwrap_or_else(|| panic!("Sergey Lavrov in {}", page.display()));
        assert_eq!(lavrov.kind, EntityKind::Person);
        assert!(lavrov.mentions >= 2, "{lavrov:?}");
        assert!(lavrov.surface_forms.iter().any(|s| s == "Lavrov"), "the bare surname is Sergey Lavrov: {lavrov:?}");
        for alias in ["US", "U.S.", "USA"] {
            assert!(!article.entities.iter().any(|e| e.name == alias), "{alias} in {}", page.display());
        }
    }
}

#[test]
fn entities_can_be_turned_off() {
    let page = &seed_pages()[0];
    let extractor = Extractor::new(ExtractOptions { entities: false, ..ExtractOptions::default() });
    let article = extractor.extract_file(page).expect("seed extracts");
    assert!(article.entities.is_empty());
    assert!(!Extractor::default().extract_file(page).expect("seed extracts").entities.is_empty());
}

#[test]
fn articles_not_in_english_get_no_entities() {
    let page = "Beispiel Zeitung\n\nDer Bürgermeister eröffnet die neue Brücke in Hamburg\n\n  • Von Jana Schmidt\n  • 3 Mar 2024 10:00\n\n\
                Der Bürgermeister von Hamburg hat am Sonntag die neue Brücke über die Elbe eröffnet, zwei Jahre \
                nachdem die Arbeiten begonnen hatten. Die Stadt Hamburg und das Land Niedersachsen teilen sich die Kosten.\n";
    let article = Extractor::default().extract_bytes(page.as_bytes(), None).expect("an article");
    assert_eq!(article.language.as_deref(), Some("de"));
    assert!(article.entities.is_empty(), "{:?}", article.entities);
}
