//! Fetching the portal's catalogue: its public course search, page by
//! page. Over rustls, through the proxy HTTPS_PROXY/NO_PROXY name, each
//! page with a timeout, a bounded body and a few tries with back-off.
//! Only the search request is sent: no login, nothing of the officer's.

use std::collections::HashSet;
use std::time::Duration;

use crate::catalogue::portal::{
    parse_page, request, PortalCourse, PortalDataError, MOST_COURSES, PAGE_SIZE,
};
use crate::units::cause::Cause;

/// The portal's address when none is given.
pub const DEFAULT_PORTAL: &str = "https://portal.igotkarmayogi.gov.in";
/// The search every portal page calls, without a login.
pub const SEARCH_PATH: &str = "/api/content/v1/search";
/// The most bytes a page may have: a page of 100 courses is some 100 KB;
/// anything far larger is not a page, and is not read to the end.
pub const PAGE_LIMIT: u64 = 8 * 1024 * 1024;

/// How a sync reaches the portal.
#[derive(Debug, Clone)]
pub struct Reach {
    /// The portal's address, without the search's path.
    pub portal: String,
    /// The longest a page may take, from connecting to its last byte.
    pub timeout: Duration,
    /// How many times a page is asked for before the sync gives up.
    pub tries: u32,
    /// The wait before the second try; doubled for each next one.
    pub backoff: Duration,
}

/// What went wrong with one page.
#[derive(Debug, Clone, thiserror::Error)]
pub enum PageFailure {
    #[error("no answer within {0} s")]
    Timeout(u64),
    #[error("the portal answered HTTP {0}")]
    Status(u16),
    #[error("the answer is over {} MB, far more than a page", .0 / (1024 * 1024))]
    TooLarge(u64),
    #[error("{0}")]
    Network(Cause),
    #[error("{0}")]
    Data(PortalDataError),
}

impl PageFailure {
    /// A failure another try may not meet: the network's, a timeout, a
    /// busy or failing server. A wrong answer will be wrong again.
    fn passing(&self) -> bool {
        match self {
            PageFailure::Timeout(_) | PageFailure::Network(_) => true,
            PageFailure::Status(s) => *s == 429 || *s >= 500,
            PageFailure::TooLarge(_) | PageFailure::Data(_) => false,
        }
    }
}

/// Why a sync fetched no catalogue.
#[derive(Debug, Clone, thiserror::Error)]
pub enum SyncError {
    #[error("'{0}' is not an http:// or https:// address")]
    Address(String),
    #[error("page {page} (courses from {offset}) failed after {tries} tries: {failure}")]
    Page {
        page: usize,
        offset: usize,
        tries: u32,
        failure: PageFailure,
    },
    #[error("the portal lists no course at all")]
    Empty,
}

/// How far a sync has come, for a progress line.
#[derive(Debug, Clone)]
pub enum Progress {
    Page {
        page: usize,
        pages: usize,
        courses: usize,
    },
    Retry {
        page: usize,
        wait: Duration,
        failure: PageFailure,
    },
}

/// Every Live course of the portal, each identifier once.
pub fn fetch_all(
    reach: &Reach,
    progress: &mut dyn FnMut(Progress),
) -> Result<Vec<PortalCourse>, SyncError> {
    let base = reach.portal.trim().trim_end_matches('/');
    let scheme = base.split_once("://").map(|(s, _)| s.to_ascii_lowercase());
    if !matches!(scheme.as_deref(), Some("http" | "https")) || base.len() <= "https://".len() {
        return Err(SyncError::Address(reach.portal.clone()));
    }
    let url = format!("{base}{SEARCH_PATH}");
    let agent = agent(reach.timeout, bypasses_proxy(base));
    let mut courses: Vec<PortalCourse> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut offset = 0;
    let mut page = 1;
    loop {
        let got = page_with_tries(&agent, &url, reach, page, offset, progress)?;
        let before = courses.len();
        for c in got.courses {
            if seen.insert(c.identifier.clone()) {
                courses.push(c);
            }
        }
        let pages = got.count.div_ceil(PAGE_SIZE).max(page);
        progress(Progress::Page {
            page,
            pages,
            courses: courses.len(),
        });
        offset += PAGE_SIZE;
        // The last page, or a page that brought nothing new: a portal that
        // ignores `offset` must not keep a sync going forever.
        if offset >= got.count || courses.len() == before || offset >= MOST_COURSES {
            break;
        }
        page += 1;
    }
    if courses.is_empty() {
        return Err(SyncError::Empty);
    }
    Ok(courses)
}

/// How much longer than `--timeout` a page may keep arriving: the timeout
/// bounds each wait for the portal (to connect, to answer), while a slow
/// office line that keeps sending a 100-course page gets its time.
const BODY_PATIENCE: u32 = 5;

/// Whether `NO_PROXY` (or `no_proxy`) names the portal's host as curl
/// reads it: `*`, the host, or a domain it is under (`gov.in` and
/// `.gov.in` both cover `portal.igotkarmayogi.gov.in`).
fn bypasses_proxy(base: &str) -> bool {
    let list = std::env::var("NO_PROXY")
        .or_else(|_| std::env::var("no_proxy"))
        .unwrap_or_default();
    let rest = base.split_once("://").map_or(base, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(v6),
        None => authority.split(':').next().unwrap_or(authority),
    };
    no_proxy_names(&list, host)
}

fn no_proxy_names(list: &str, host: &str) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    list.split(',').map(str::trim).any(|entry| {
        let entry = entry.split(':').next().unwrap_or(entry);
        let domain = entry.trim_start_matches("*.").trim_start_matches('.');
        let domain = domain.trim_end_matches('.').to_ascii_lowercase();
        entry == "*"
            || (!domain.is_empty() && (host == domain || host.ends_with(&format!(".{domain}"))))
    })
}

fn agent(timeout: Duration, no_proxy: bool) -> ureq::Agent {
    let config = ureq::Agent::config_builder();
    // ureq takes the proxy from the environment itself, but its NO_PROXY
    // names hosts only, not the domains an office lists.
    let config = if no_proxy { config.proxy(None) } else { config };
    config
        .timeout_resolve(Some(timeout))
        .timeout_connect(Some(timeout))
        .timeout_send_request(Some(timeout))
        .timeout_send_body(Some(timeout))
        .timeout_recv_response(Some(timeout))
        .timeout_recv_body(Some(timeout * BODY_PATIENCE))
        // The status is judged here, with the body bounded either way.
        .http_status_as_error(false)
        .user_agent(concat!("karmadash/", env!("CARGO_PKG_VERSION")))
        .build()
        .into()
}

fn page_with_tries(
    agent: &ureq::Agent,
    url: &str,
    reach: &Reach,
    page: usize,
    offset: usize,
    progress: &mut dyn FnMut(Progress),
) -> Result<crate::catalogue::portal::Page, SyncError> {
    let tries = reach.tries.max(1);
    let mut wait = reach.backoff;
    for attempt in 1..=tries {
        let failure = match one_page(agent, url, offset, reach.timeout) {
            Ok(p) => return Ok(p),
            Err(f) => f,
        };
        if attempt == tries || !failure.passing() {
            return Err(SyncError::Page {
                page,
                offset,
                tries: attempt,
                failure,
            });
        }
        progress(Progress::Retry {
            page,
            wait,
            failure,
        });
        std::thread::sleep(wait);
        wait = (wait * 2).min(Duration::from_secs(30));
    }
    unreachable!("the last try returns")
}

fn one_page(
    agent: &ureq::Agent,
    url: &str,
    offset: usize,
    timeout: Duration,
) -> Result<crate::catalogue::portal::Page, PageFailure> {
    let body = request(offset, PAGE_SIZE).to_string();
    let network = |e: ureq::Error| match e {
        ureq::Error::Timeout(_) => PageFailure::Timeout(timeout.as_secs().max(1)),
        ureq::Error::BodyExceedsLimit(n) => PageFailure::TooLarge(n),
        other => PageFailure::Network(Cause::new(other)),
    };
    let mut response = agent
        .post(url)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .send(body.as_str())
        .map_err(network)?;
    let status = response.status().as_u16();
    if status != 200 {
        return Err(PageFailure::Status(status));
    }
    let bytes = response
        .body_mut()
        .with_config()
        .limit(PAGE_LIMIT)
        .read_to_vec()
        .map_err(network)?;
    parse_page(&bytes).map_err(PageFailure::Data)
}

#[cfg(test)]
mod no_proxy_tests {
    use super::no_proxy_names;

    #[test]
    fn no_proxy_names_a_host_and_every_host_under_a_domain() {
        let portal = "portal.igotkarmayogi.gov.in";
        for list in [
            "gov.in",
            ".gov.in",
            "*.gov.in",
            "x.org, gov.in",
            "*",
            portal,
        ] {
            assert!(no_proxy_names(list, portal), "{list}");
        }
        for list in ["", "in.gov", "karmayogi.gov.in", "vgov.in", "x.org"] {
            assert!(!no_proxy_names(list, portal), "{list}");
        }
        assert!(no_proxy_names("localhost:8080", "localhost"));
    }
}
