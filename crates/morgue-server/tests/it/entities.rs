//! Named entities through the HTTP API: the person/organization/place filters
//! and facets over the seed pages, and entities in the article JSON.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use morgue_server::{AppState, router};
use serde_json::Value;
use tower::ServiceExt;

use crate::{seeded_index, server_config};

async fn get(app: &axum::Router, uri: &str) -> Value {
    let request = Request::get(uri).body(Body::empty()).expect("request");
    let response = app.clone().oneshot(request).await.expect("response");
    assert_eq!(response.status(), StatusCode::OK, "{uri}");
    let body = response.into_body().collect().await.expect("body").to_bytes();
    serde_json::from_slice(&body).expect("JSON")
}

fn values(facet: &Value) -> Vec<&str> {
    facet.as_array().expect("facet").iter().map(|v| v["value"].as_str().expect("value")).collect()
}

#[tokio::test]
async fn person_filter_and_entity_facets_over_the_seeds() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = router(AppState { index: seeded_index(dir.path()), config: server_config() });

    let lavrov = get(&app, "/api/v1/search?person=Sergey%20Lavrov&collapse=false").await;
    assert_eq!(lavrov["total"], 5, "person=Sergey Lavrov matches all five seeds");

    let all = get(&app, "/api/v1/search?facets=person,organization,place&facet_limit=100&collapse=false").await;
    let places = values(&all["facets"]["place"]);
    assert!(places.contains(&"United States"), "{places:?}");
    assert!(!places.iter().any(|p| ["US", "U.S.", "USA"].contains(p)), "{places:?}");
    let united_states = &all["facets"]["place"].as_array().expect("place facet")
        [places.iter().position(|p| *p == "United States").expect("United States")];
    assert_eq!(united_states["count"], 5);
    assert!(values(&all["facets"]["person"]).contains(&"Sergey Lavrov"));
    assert!(values(&all["facets"]["organization"]).contains(&"NATO"));

    // Same rules as tags: one filter's values OR, different filters AND.
    let qatar = get(&app, "/api/v1/search?person=Sergey%20Lavrov&place=Qatar&collapse=false").await;
    assert_eq!(qatar["total"], 1);
    let either = get(&app, "/api/v1/search?place=Qatar&place=Kiev&collapse=false").await;
    assert_eq!(either["total"], 2);
    let case = get(&app, "/api/v1/search?organization=nato&collapse=false").await;
    assert!(case["total"].as_u64().expect("total") >= 1);
}

#[tokio::test]
async fn the_article_json_lists_entities_with_type_name_forms_and_mentions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = router(AppState { index: seeded_index(dir.path()), config: server_config() });
    let search = get(&app, "/api/v1/search?place=Qatar").await;
    let id = search["hits"][0]["id"].as_str().expect("id").to_owned();
    let article = get(&app, &format!("/api/v1/articles/{id}")).await;
    let entities = article["entities"].as_array().expect("entities");
    let lavrov = entities.iter().find(|e| e["name"] == "Sergey Lavrov").expect("Sergey Lavrov");
    assert_eq!(lavrov["kind"], "person");
    assert!(lavrov["mentions"].as_u64().expect("mentions") >= 2);
    let forms: Vec<&str> =
        lavrov["surface_forms"].as_array().expect("forms").iter().filter_map(Value::as_str).collect();
    assert!(forms.contains(&"Lavrov") && forms.contains(&"Sergei Lavrov"), "{forms:?}");
}
