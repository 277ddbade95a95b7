//! Embedding in an intranet: the iframe page, the widget, CORS, and a base path.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use morgue_server::{AppState, Config, router};
use tower::ServiceExt;

use crate::seeded_index;

struct App {
    router: axum::Router,
    _dir: tempfile::TempDir,
}

impl App {
    fn with(configure: impl FnOnce(&mut Config)) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut config = Config::default();
        configure(&mut config);
        config.validate().expect("valid config");
        let state = AppState { index: seeded_index(dir.path()), config: std::sync::Arc::new(config) };
        Self { router: router(state), _dir: dir }
    }

    async fn get(&self, uri: &str, origin: Option<&str>) -> axum::response::Response {
        let mut request = Request::get(uri);
        if let Some(origin) = origin {
            request = request.header(header::ORIGIN, origin);
        }
        self.router.clone().oneshot(request.body(Body::empty()).expect("request")).await.expect("response")
    }
}

fn header_of(response: &axum::response::Response, name: header::HeaderName) -> Option<&str> {
    response.headers().get(name).and_then(|v| v.to_str().ok())
}

async fn text(response: axum::response::Response) -> String {
    String::from_utf8(response.into_body().collect().await.expect("body").to_bytes().to_vec()).expect("utf-8")
}

#[tokio::test]
async fn embed_is_compact_and_framable_only_by_the_allowed_origins() {
    let app = App::with(|c| c.server.embed_frame_ancestors = vec!["https://intranet.example".into()]);
    let embed = app.get("/embed", None).await;
    assert_eq!(embed.status(), StatusCode::OK);
    assert_eq!(
        header_of(&embed, header::CONTENT_SECURITY_POLICY),
        Some("frame-ancestors 'self' https://intranet.example")
    );
    assert!(text(embed).await.contains("<body class=\"embed\">"));
    let page = app.get("/", None).await;
    assert_eq!(header_of(&page, header::CONTENT_SECURITY_POLICY), Some("frame-ancestors 'self'"));
}

#[tokio::test]
async fn the_widget_script_is_served_as_javascript() {
    let app = App::with(|_| {});
    let widget = app.get("/widget.js", None).await;
    assert_eq!(header_of(&widget, header::CONTENT_TYPE), Some("text/javascript; charset=utf-8"));
    assert!(text(widget).await.contains("document.currentScript"));
}

#[tokio::test]
async fn cors_answers_only_the_allowed_origins() {
    let app = App::with(|c| c.server.cors_allowed_origins = vec!["https://intranet.example".into()]);
    let allowed = app.get("/api/v1/search?q=lavrov", Some("https://intranet.example")).await;
    assert_eq!(header_of(&allowed, header::ACCESS_CONTROL_ALLOW_ORIGIN), Some("https://intranet.example"));
    let other = app.get("/api/v1/search?q=lavrov", Some("https://evil.example")).await;
    assert_eq!(header_of(&other, header::ACCESS_CONTROL_ALLOW_ORIGIN), None);
    let closed = App::with(|_| {});
    let response = closed.get("/api/v1/search?q=lavrov", Some("https://intranet.example")).await;
    assert_eq!(header_of(&response, header::ACCESS_CONTROL_ALLOW_ORIGIN), None);
}

#[tokio::test]
async fn everything_lives_under_the_base_path() {
    let app = App::with(|c| c.server.base_path = "/tools/archive".into());
    let search = app.get("/tools/archive/api/v1/search?q=lavrov", None).await;
    assert_eq!(search.status(), StatusCode::OK);
    assert!(text(search).await.contains("\"total\":5"));
    let page = app.get("/tools/archive/", None).await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = text(page).await;
    assert!(html.contains("\"api/v1/search?\""), "the page calls the API by relative URL");
    let bare = app.get("/tools/archive", None).await;
    assert_eq!(bare.status(), StatusCode::PERMANENT_REDIRECT);
    assert_eq!(header_of(&bare, header::LOCATION), Some("/tools/archive/"));
    assert_eq!(app.get("/api/v1/search", None).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.get("/tools/archive/widget.js", None).await.status(), StatusCode::OK);
}

#[test]
fn bad_base_paths_and_origins_are_refused_at_startup() {
    for base in ["tools", "/tools/", "/a b"] {
        let mut config = Config::default();
        config.server.base_path = base.into();
        assert!(config.validate().is_err(), "{base}");
    }
    let mut config = Config::default();
    config.server.cors_allowed_origins = vec!["https://intranet.example/path".into()];
    assert!(config.validate().is_err());
}
