//! The API's contract: the OpenAPI document is generated from the routes and
//! reviewed as a snapshot, so any change to it shows in review.

#[test]
fn openapi_document_matches_its_snapshot() {
    let (_, openapi) = morgue_server::http::api();
    let json = serde_json::to_value(&openapi).expect("OpenAPI serializes");
    insta::assert_json_snapshot!("openapi", json);
}

#[test]
fn every_route_is_described() {
    let (_, openapi) = morgue_server::http::api();
    let paths: Vec<&str> = openapi.paths.paths.keys().map(String::as_str).collect();
    for path in [
        "/api/v1/search",
        "/api/v1/search.atom",
        "/api/v1/articles/{id}",
        "/api/v1/articles/{id}/related",
        "/api/v1/facets/{facet}",
        "/api/v1/suggest",
        "/healthz",
        "/readyz",
        "/metrics",
        "/api/openapi.json",
        "/",
    ] {
        assert!(paths.contains(&path), "{path} is missing from {paths:?}");
    }
    let error_codes =
        serde_json::to_value(&openapi.components.expect("components").schemas["ErrorCode"]).expect("JSON");
    for code in [
        "invalid_parameter",
        "invalid_query",
        "invalid_date",
        "invalid_date_range",
        "article_not_found",
        "timeout",
        "internal",
    ] {
        assert!(error_codes.to_string().contains(code), "ErrorCode lacks {code}");
    }
}
