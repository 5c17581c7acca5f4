//! `catalogue sync` against a local server on 127.0.0.1 that answers as
//! the portal's course search does, from the pages recorded in
//! tests/portal_fixtures (page1..3.json: 230 courses in the Sunbird
//! search's shape, durations as strings and numbers, competencies_v6).
//! A full sync, a page that fails once, a 500 that keeps the old
//! snapshot, malformed JSON, a server that never answers, an endless
//! answer, and a proxy. No test reaches the network.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use serde_json::Value;

/// What the server answers to the n-th request (from 0) for `offset`.
pub(super) type Answer = Box<dyn Fn(usize, usize) -> Reply + Send + Sync>;

pub(super) enum Reply {
    /// The recorded page of that offset.
    Page,
    Status(u16),
    Body(&'static str),
    /// Accept, read, and never answer.
    Silence,
    /// A 200 whose body never ends.
    Endless,
    /// The recorded page, its body sent in ten parts a quarter of a second
    /// apart: a slow line that keeps sending.
    Trickle,
}

/// A request the server saw: its request line, headers, and JSON body.
#[derive(Debug, Clone)]
pub(super) struct Seen {
    pub line: String,
    pub headers: Vec<String>,
    pub body: Value,
}

pub(super) struct Server {
    pub url: String,
    pub seen: Arc<Mutex<Vec<Seen>>>,
}

fn fixture(page: usize) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("tests/portal_fixtures/page{}.json", page + 1));
    std::fs::read(path).unwrap_or_else(|_| br#"{"result":{"count":230,"content":[]}}"#.to_vec())
}

/// Reads one request (headers and body) from `r`; None at the end.
fn read_request(r: &mut BufReader<TcpStream>) -> Option<(String, Vec<String>, Vec<u8>)> {
    let mut line = String::new();
    if r.read_line(&mut line).ok()? == 0 {
        return None;
    }
    let mut headers = Vec::new();
    let mut length = 0;
    loop {
        let mut h = String::new();
        r.read_line(&mut h).ok()?;
        let h = h.trim_end().to_string();
        if h.is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            if k.eq_ignore_ascii_case("content-length") {
                length = v.trim().parse().unwrap_or(0);
            }
        }
        headers.push(h);
    }
    let mut body = vec![0; length];
    r.read_exact(&mut body).ok()?;
    Some((line.trim_end().to_string(), headers, body))
}

fn serve(stream: TcpStream, answer: &Answer, seen: &Mutex<Vec<Seen>>) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut out = stream;
    while let Some((line, headers, body)) = read_request(&mut reader) {
        if line.starts_with("CONNECT ") {
            seen.lock().unwrap().push(Seen {
                line,
                headers,
                body: Value::Null,
            });
            let _ = out.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n");
            continue;
        }
        let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
        let offset = body["request"]["offset"].as_u64().unwrap_or(0) as usize;
        let n = {
            let mut s = seen.lock().unwrap();
            s.push(Seen {
                line,
                headers,
                body,
            });
            s.iter().filter(|s| !s.line.starts_with("CONNECT")).count() - 1
        };
        let (status, bytes) = match answer(n, offset) {
            Reply::Page => (200, fixture(offset / 100)),
            Reply::Status(s) => (s, br#"{"responseCode":"SERVER_ERROR"}"#.to_vec()),
            Reply::Body(b) => (200, b.as_bytes().to_vec()),
            Reply::Silence => {
                std::thread::sleep(Duration::from_secs(30));
                return;
            }
            Reply::Trickle => {
                let bytes = fixture(offset / 100);
                let head = format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    bytes.len()
                );
                let _ = out.write_all(head.as_bytes());
                for part in bytes.chunks(bytes.len() / 10 + 1) {
                    std::thread::sleep(Duration::from_millis(250));
                    if out.write_all(part).and_then(|_| out.flush()).is_err() {
                        break;
                    }
                }
                return;
            }
            Reply::Endless => {
                let _ = out.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n");
                let chunk = vec![b' '; 64 * 1024];
                // Until the client hangs up: 64 MB at most.
                for _ in 0..1024 {
                    if out.write_all(&chunk).is_err() {
                        break;
                    }
                }
                return;
            }
        };
        let head = format!(
            "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            bytes.len()
        );
        let _ = out
            .write_all(head.as_bytes())
            .and_then(|_| out.write_all(&bytes));
        return;
    }
}

/// A server on 127.0.0.1 answering as `answer` says, on its own threads.
pub(super) fn server(answer: Answer) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let answer = Arc::new(answer);
    let log = seen.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (answer, log) = (answer.clone(), log.clone());
            std::thread::spawn(move || serve(stream, &answer, &log));
        }
    });
    Server { url, seen }
}

/// The binary on a store and cache in `dir`, with no proxy from outside.
pub(super) fn karmadash(dir: &Path, today: &str) -> Command {
    let mut cmd = crate::bin_fixtures::karmadash_on(&dir.join("db"), today);
    cmd.env("XDG_CACHE_HOME", dir.join("cache"));
    for v in [
        "HTTPS_PROXY",
        "https_proxy",
        "HTTP_PROXY",
        "http_proxy",
        "ALL_PROXY",
        "all_proxy",
        "NO_PROXY",
        "no_proxy",
        "KARMADASH_PORTAL",
    ] {
        cmd.env_remove(v);
    }
    cmd
}

pub(super) fn snapshot_file(dir: &Path) -> PathBuf {
    dir.join("cache/karmadash/portal-catalogue.json")
}

/// `catalogue sync --portal URL ARGS`: exit code, stdout, stderr.
fn sync(dir: &Path, today: &str, url: &str, args: &[&str]) -> (i32, String, String) {
    let out = karmadash(dir, today)
        .args(["catalogue", "sync", "--portal", url])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// A full sync from the recorded pages, into `dir`'s cache.
pub(super) fn synced(dir: &Path) {
    let s = server(Box::new(|_, _| Reply::Page));
    let (code, _, err) = sync(dir, "2026-11-20", &s.url, &[]);
    assert_eq!(code, 0, "{err}");
}

fn status_json(dir: &Path) -> Value {
    let out = karmadash(dir, "2026-11-23")
        .args(["catalogue", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_full_sync_keeps_every_course_of_every_page_and_asks_only_for_courses() {
    let dir = tempfile::tempdir().unwrap();
    let s = server(Box::new(|_, _| Reply::Page));
    let (code, out, err) = sync(dir.path(), "2026-11-20", &s.url, &[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(err, "", "no progress when stderr is not a terminal");
    assert!(
        out.starts_with("Kept 230 courses of http://127.0.0.1:"),
        "{out}"
    );
    assert!(out.contains("20.11.2026"), "{out}");
    let seen = s.seen.lock().unwrap().clone();
    let offsets: Vec<u64> = seen
        .iter()
        .map(|r| r.body["request"]["offset"].as_u64().unwrap())
        .collect();
    assert_eq!(offsets, [0, 100, 200], "three pages of 100");
    for r in &seen {
        assert_eq!(r.line, "POST /api/content/v1/search HTTP/1.1");
        let req = &r.body["request"];
        assert_eq!(req["filters"]["primaryCategory"][0], "Course");
        assert_eq!(req["filters"]["status"][0], "Live");
        assert_eq!(req["limit"], 100);
        let fields: Vec<&str> = req["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f.as_str().unwrap())
            .collect();
        assert!(fields.contains(&"duration") && fields.contains(&"competencies_v6"));
        // Nothing of the officer's: no cookie, no token, only the search.
        assert_eq!(r.body.as_object().unwrap().len(), 1, "{}", r.body);
        for h in &r.headers {
            let name = h.split(':').next().unwrap().to_ascii_lowercase();
            assert!(
                !["cookie", "authorization", "x-authenticated-user-token"].contains(&name.as_str()),
                "{h}"
            );
        }
    }
    let status = status_json(dir.path());
    let snap = &status["snapshot"];
    assert_eq!(snap["courses"], 230);
    assert_eq!(snap["fetched"], "2026-11-20");
    assert_eq!(
        snap["with_duration"], 225,
        "five filler courses have no duration"
    );
    let kept: Value =
        serde_json::from_slice(&std::fs::read(snapshot_file(dir.path())).unwrap()).unwrap();
    assert_eq!(kept["courses"].as_array().unwrap().len(), 230);
}

#[test]
fn a_page_that_fails_once_is_asked_again_and_the_sync_succeeds() {
    let dir = tempfile::tempdir().unwrap();
    // The second page's first request meets a busy server.
    let s = server(Box::new(|n, _| {
        if n == 1 {
            Reply::Status(503)
        } else {
            Reply::Page
        }
    }));
    let (code, out, err) = sync(dir.path(), "2026-11-20", &s.url, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("Kept 230 courses"), "{out}");
    let offsets: Vec<u64> = s
        .seen
        .lock()
        .unwrap()
        .iter()
        .map(|r| r.body["request"]["offset"].as_u64().unwrap())
        .collect();
    assert_eq!(offsets, [0, 100, 100, 200]);
}

#[test]
fn a_500_fails_the_sync_in_one_line_and_keeps_the_old_snapshot_whole() {
    let dir = tempfile::tempdir().unwrap();
    synced(dir.path());
    let before = std::fs::read(snapshot_file(dir.path())).unwrap();
    let s = server(Box::new(|_, offset| {
        if offset == 100 {
            Reply::Status(500)
        } else {
            Reply::Page
        }
    }));
    let (code, out, err) = sync(dir.path(), "2026-11-23", &s.url, &["--tries", "2"]);
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains(
            "page 2 (courses from 100) failed after 2 tries: the portal answered HTTP 500"
        ),
        "{err}"
    );
    assert!(err.contains("the catalogue of 20.11.2026 is kept"), "{err}");
    assert_eq!(std::fs::read(snapshot_file(dir.path())).unwrap(), before);
    assert_eq!(status_json(dir.path())["snapshot"]["fetched"], "2026-11-20");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("cache/karmadash"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left: {leftovers:?}");
}

#[test]
fn malformed_json_fails_at_once_and_keeps_no_half_catalogue() {
    let dir = tempfile::tempdir().unwrap();
    let s = server(Box::new(|_, offset| {
        if offset == 0 {
            Reply::Page
        } else {
            Reply::Body(r#"{"result":{"count":230,"content":[{"identifier":"do_1","na"#)
        }
    }));
    let (code, _, err) = sync(dir.path(), "2026-11-20", &s.url, &[]);
    assert_eq!(code, 2);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("page 2") && err.contains("the answer is not JSON"),
        "{err}"
    );
    assert!(err.contains("no catalogue was kept"), "{err}");
    assert_eq!(
        s.seen.lock().unwrap().len(),
        2,
        "a wrong answer is not asked again"
    );
    assert!(!snapshot_file(dir.path()).exists());
    assert_eq!(status_json(dir.path())["snapshot"], Value::Null);
}

#[test]
fn a_server_that_never_answers_times_out_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let s = server(Box::new(|_, _| Reply::Silence));
    let start = Instant::now();
    let (code, _, err) = sync(
        dir.path(),
        "2026-11-20",
        &s.url,
        &["--timeout", "1", "--tries", "2"],
    );
    assert_eq!(code, 2);
    assert!(
        start.elapsed() < Duration::from_secs(15),
        "{:?}",
        start.elapsed()
    );
    assert!(
        err.contains("page 1 (courses from 0) failed after 2 tries: no answer within 1 s"),
        "{err}"
    );
    assert!(
        err.contains("--timeout"),
        "the hint names the option: {err}"
    );
    assert_eq!(s.seen.lock().unwrap().len(), 2);
}

/// `--timeout` bounds the wait for an answer, not a slow line's whole
/// page: a page that keeps arriving for longer is read to its end.
#[test]
fn a_page_that_keeps_arriving_slowly_outlasts_the_timeout() {
    let dir = tempfile::tempdir().unwrap();
    let s = server(Box::new(
        |n, _| if n == 0 { Reply::Trickle } else { Reply::Page },
    ));
    let (code, out, err) = sync(
        dir.path(),
        "2026-11-20",
        &s.url,
        &["--timeout", "1", "--tries", "1"],
    );
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(status_json(dir.path())["snapshot"]["courses"], 230, "{out}");
}

#[test]
fn an_answer_far_larger_than_a_page_is_not_read_to_its_end() {
    let dir = tempfile::tempdir().unwrap();
    let s = server(Box::new(|_, _| Reply::Endless));
    let start = Instant::now();
    let (code, _, err) = sync(dir.path(), "2026-11-20", &s.url, &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains("the answer is over 8 MB, far more than a page"),
        "{err}"
    );
    assert!(start.elapsed() < Duration::from_secs(20));
    assert_eq!(s.seen.lock().unwrap().len(), 1, "not asked again");
}

#[test]
fn the_sync_goes_through_the_proxy_the_environment_names() {
    let dir = tempfile::tempdir().unwrap();
    let proxy = server(Box::new(|_, _| Reply::Page));
    let out = karmadash(dir.path(), "2026-11-20")
        .env("HTTPS_PROXY", &proxy.url)
        .args([
            "catalogue",
            "sync",
            "--portal",
            "http://portal.example.invalid",
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let seen = proxy.seen.lock().unwrap();
    assert_eq!(seen[0].line, "CONNECT portal.example.invalid:80 HTTP/1.1");
    // NO_PROXY names the portal: no proxy, and no such host.
    drop(seen);
    let out = karmadash(dir.path(), "2026-11-20")
        .env("HTTPS_PROXY", &proxy.url)
        .env("NO_PROXY", "portal.example.invalid")
        .args([
            "catalogue",
            "sync",
            "--portal",
            "http://portal.example.invalid",
            "--tries",
            "1",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("the catalogue of 20.11.2026 is kept"));
    // A domain in NO_PROXY covers the hosts under it, as curl reads it.
    let through_proxy = proxy.seen.lock().unwrap().len();
    let out = karmadash(dir.path(), "2026-11-20")
        .env("HTTPS_PROXY", &proxy.url)
        .env("NO_PROXY", "localhost, example.invalid")
        .args([
            "catalogue",
            "sync",
            "--portal",
            "http://portal.example.invalid",
        ])
        .args(["--tries", "1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(proxy.seen.lock().unwrap().len(), through_proxy);
}

#[test]
fn bad_options_are_refused_before_any_request() {
    let dir = tempfile::tempdir().unwrap();
    for (args, says) in [
        (
            vec!["--portal", "ftp://mirror"],
            "'ftp://mirror' is not an http:// or https:// address",
        ),
        (
            vec!["--timeout", "0"],
            "--timeout: 0 is out of range: give 1 to 600 seconds",
        ),
        (
            vec!["--tries", "50"],
            "--tries: 50 is out of range: give 1 to 10",
        ),
    ] {
        let out = karmadash(dir.path(), "2026-11-20")
            .args(["catalogue", "sync"])
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(says), "{err}");
    }
}

#[test]
fn a_snapshot_copied_from_another_machine_is_installed_without_the_network() {
    let from = tempfile::tempdir().unwrap();
    synced(from.path());
    let dir = tempfile::tempdir().unwrap();
    let file = snapshot_file(from.path());
    let out = karmadash(dir.path(), "2026-11-23")
        .args(["catalogue", "sync", "--from"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(status_json(dir.path())["snapshot"]["fetched"], "2026-11-20");
    // Not a snapshot: refused, the one installed stays.
    let bad = dir.path().join("page.json");
    std::fs::write(&bad, fixture(0)).unwrap();
    let out = karmadash(dir.path(), "2026-11-23")
        .args(["catalogue", "sync", "--from"])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("not a portal catalogue snapshot"), "{err}");
    assert_eq!(status_json(dir.path())["snapshot"]["courses"], 230);
}
