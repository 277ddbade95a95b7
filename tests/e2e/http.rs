//! `morgue serve` on a free port, queried over HTTP.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Stdio};
use std::time::Duration;

use serde_json::Value;

use crate::morgue;

/// A running server, killed when dropped.
struct Server {
    child: Child,
    address: SocketAddr,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Starts `morgue serve` on port 0 and reads the bound address from its log.
    fn start(workdir: &std::path::Path) -> Self {
        Self::start_with_samples(workdir, &crate::seeds_dir())
    }

    /// Starts `morgue serve` with `samples` as the folder an empty index is built from.
    fn start_with_samples(workdir: &std::path::Path, samples: &std::path::Path) -> Self {
        let mut child = morgue(workdir)
            .env("MORGUE_INGEST__SAMPLE_DIR", samples)
            .args(["--log-format", "json", "serve", "--listen", "127.0.0.1:0"])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("morgue serve starts");
        let stderr = child.stderr.take().expect("stderr piped");
        let mut lines = BufReader::new(stderr).lines();
        let address = loop {
            let line = lines.next().expect("morgue serve logged its address before exiting").expect("log line");
            let Ok(event) = serde_json::from_str::<Value>(&line) else { continue };
            if let Some(address) = event["fields"]["address"].as_str() {
                break address.parse().expect("socket address");
            }
        };
        // Keep draining the log so the server never blocks on a full pipe.
        std::thread::spawn(move || lines.for_each(drop));
        Self { child, address }
    }

    /// Sends a GET and returns the status and the JSON body.
    fn get(&self, path: &str) -> (u16, Value) {
        let mut stream = TcpStream::connect(self.address).expect("connect");
        stream.set_read_timeout(Some(Duration::from_secs(30))).expect("timeout");
        write!(stream, "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n", self.address).expect("send");
        let mut response = String::new();
        stream.read_to_string(&mut response).expect("read");
        let (head, body) = response.split_once("\r\n\r\n").expect("head and body");
        let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).expect("status");
        let json = serde_json::from_str(body).unwrap_or_else(|_| panic!("{path}: body is not JSON: {body}"));
        (status, json)
    }
}

#[test]
fn serve_builds_the_sample_index_and_answers_searches() {
    let dir = tempfile::tempdir().expect("temp dir");
    let server = Server::start(dir.path());

    let (status, json) = server.get("/api/v1/search?q=lavrov&facets=tags");
    assert_eq!(status, 200);
    assert_eq!(json["total"], 5);
    assert!(
        json["facets"]["tags"].as_array().expect("tags").contains(&serde_json::json!({"value": "Russia", "count": 5}))
    );

    let (_, json) = server.get("/api/v1/search?tag=Ukraine%20war");
    assert_eq!(json["total"], 2);

    let (status, json) = server.get("/api/v1/search?limit=1000");
    assert_eq!((status, json["code"].as_str()), (400, Some("invalid_parameter")));
    let (status, json) = server.get("/api/v1/search?from=yesterday");
    assert_eq!((status, json["code"].as_str()), (400, Some("invalid_date")));

    let (status, json) = server.get("/healthz");
    assert_eq!((status, json["status"].as_str()), (200, Some("ok")));
}

#[test]
fn a_second_start_reuses_the_index_it_built() {
    let dir = tempfile::tempdir().expect("temp dir");
    drop(Server::start(dir.path()));
    // No samples this time: the articles must come from the index on disk.
    let no_samples = dir.path().join("no-samples");
    std::fs::create_dir_all(&no_samples).expect("dir");
    let server = Server::start_with_samples(dir.path(), &no_samples);
    let (_, json) = server.get("/readyz");
    assert_eq!(json["articles"], 5);
}
