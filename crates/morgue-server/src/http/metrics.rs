//! `GET /metrics`: request counts and latencies per route, and the size of
//! the index, in the Prometheus text format.
//!
//! A handful of counters behind one mutex, held for a map update and never
//! across an await; no metrics crate is needed for so little.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use morgue_index::SearchIndex;

/// Upper bounds of the latency histogram's buckets, in seconds.
const BUCKETS: [f64; 10] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0, 10.0];

/// The content type of the Prometheus text exposition format.
pub(super) const CONTENT_TYPE: &str = "text/plain; version=0.0.4; charset=utf-8";

/// What the server has answered since it started.
#[derive(Debug, Default)]
pub(super) struct Metrics {
    inner: Mutex<Counters>,
}

#[derive(Debug, Default)]
struct Counters {
    /// Requests by route and status code.
    requests: BTreeMap<(String, u16), u64>,
    /// Latencies by route.
    latency: BTreeMap<String, Latency>,
}

#[derive(Debug, Default)]
struct Latency {
    /// Requests at or under each bound of [`BUCKETS`].
    buckets: [u64; BUCKETS.len()],
    count: u64,
    sum_seconds: f64,
}

impl Metrics {
    fn record(&self, route: &str, status: u16, seconds: f64) {
        // A panic elsewhere while the lock was held leaves counts that are
        // still counts: keep counting.
        let mut counters = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        *counters.requests.entry((route.to_owned(), status)).or_default() += 1;
        let latency = counters.latency.entry(route.to_owned()).or_default();
        for (bound, bucket) in BUCKETS.iter().zip(&mut latency.buckets) {
            if seconds <= *bound {
                *bucket += 1;
            }
        }
        latency.count += 1;
        latency.sum_seconds += seconds;
    }

    /// Returns every metric in the Prometheus text format.
    pub(super) fn render(&self, index: &SearchIndex) -> String {
        let counters = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = writeln!(out, "# HELP morgue_build_info The running morgue's version.");
        let _ = writeln!(out, "# TYPE morgue_build_info gauge");
        let _ = writeln!(out, "morgue_build_info{{version=\"{}\"}} 1", env!("CARGO_PKG_VERSION"));
        let _ = writeln!(out, "# HELP morgue_index_articles Articles in the index.");
        let _ = writeln!(out, "# TYPE morgue_index_articles gauge");
        let _ = writeln!(out, "morgue_index_articles {}", index.num_articles());
        let _ = writeln!(out, "# HELP morgue_http_requests_total HTTP requests answered, by route and status.");
        let _ = writeln!(out, "# TYPE morgue_http_requests_total counter");
        for ((route, status), count) in &counters.requests {
            let _ = writeln!(out, "morgue_http_requests_total{{route=\"{route}\",status=\"{status}\"}} {count}");
        }
        let _ = writeln!(out, "# HELP morgue_http_request_duration_seconds Time to answer HTTP requests, by route.");
        let _ = writeln!(out, "# TYPE morgue_http_request_duration_seconds histogram");
        for (route, latency) in &counters.latency {
            let name = "morgue_http_request_duration_seconds";
            for (bound, count) in BUCKETS.iter().zip(latency.buckets) {
                let _ = writeln!(out, "{name}_bucket{{route=\"{route}\",le=\"{bound}\"}} {count}");
            }
            let _ = writeln!(out, "{name}_bucket{{route=\"{route}\",le=\"+Inf\"}} {}", latency.count);
            let _ = writeln!(out, "{name}_sum{{route=\"{route}\"}} {}", latency.sum_seconds);
            let _ = writeln!(out, "{name}_count{{route=\"{route}\"}} {}", latency.count);
        }
        out
    }
}

/// Counts each request under its route pattern (`/api/v1/articles/{id}`, not
/// the id itself, so that the series stay few); unrouted requests count
/// under `unmatched`.
pub(super) async fn record(State(metrics): State<Arc<Metrics>>, request: Request, next: Next) -> Response {
    let route = request.extensions().get::<MatchedPath>().map_or("unmatched", MatchedPath::as_str).to_owned();
    let started = Instant::now();
    let response = next.run(request).await;
    metrics.record(&route, response.status().as_u16(), started.elapsed().as_secs_f64());
    response
}

/// Answers `GET /metrics`.
pub(super) fn respond(metrics: &Metrics, index: &SearchIndex) -> Response {
    let mut response = metrics.render(index).into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(CONTENT_TYPE));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latencies_fall_into_every_bucket_at_or_above_them() {
        let metrics = Metrics::default();
        metrics.record("/api/v1/search", 200, 0.003);
        metrics.record("/api/v1/search", 200, 0.2);
        metrics.record("/api/v1/search", 400, 20.0);
        let index = SearchIndex::create_in_ram().expect("ram index");
        let text = metrics.render(&index);
        let line = |prefix: &str| text.lines().find(|l| l.starts_with(prefix)).map(str::to_owned);
        let search = "morgue_http_request_duration_seconds_bucket{route=\"/api/v1/search\"";
        assert_eq!(line(&format!("{search},le=\"0.001\"}}")).as_deref(), Some(&*format!("{search},le=\"0.001\"}} 0")));
        assert!(line(&format!("{search},le=\"0.005\"}} 1")).is_some(), "{text}");
        assert!(line(&format!("{search},le=\"0.25\"}} 2")).is_some(), "{text}");
        assert!(line(&format!("{search},le=\"+Inf\"}} 3")).is_some(), "{text}");
        assert!(text.contains("morgue_http_requests_total{route=\"/api/v1/search\",status=\"200\"} 2"));
        assert!(text.contains("morgue_http_requests_total{route=\"/api/v1/search\",status=\"400\"} 1"));
        assert!(text.contains("morgue_index_articles 0"));
    }
}
