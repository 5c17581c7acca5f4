//! The real binary's dashboard in a real terminal: tmux runs `karmadash`
//! at 80x24, keys go in with `send-keys`, the screen comes back with
//! `capture-pane`. Waits poll the screen (up to a few seconds) for the
//! text a person would wait for; nothing depends on a fixed sleep.
//!
//! Where tmux is not installed these tests fail, saying so: under `CI`
//! always (`.ci/run` installs it), elsewhere unless the developer skips
//! them knowingly with `KARMADASH_SKIP_TMUX=1`. A missing tmux is never a
//! silent pass.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::thread;
use std::time::{Duration, Instant};

const TODAY: &str = "2026-11-23";
const BIN: &str = env!("CARGO_BIN_EXE_karmadash");
const PATIENCE: Duration = Duration::from_secs(5);

fn have_tmux() -> bool {
    Command::new("tmux")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// An environment variable that is set to something other than empty,
/// `0` or `false` (as CI services set `CI=true`).
fn env_flag(name: &str) -> bool {
    std::env::var(name).is_ok_and(|v| !matches!(v.trim(), "" | "0" | "false"))
}

/// Whether `test` can run: true with tmux; without it, a failure saying
/// what to do, or false (with a note) once the developer opted out.
fn tmux_for(test: &str) -> bool {
    if have_tmux() {
        return true;
    }
    assert!(
        !env_flag("CI"),
        "tmux is not installed and CI is set: {test} cannot run, and CI must not call that a pass; install tmux (.ci/run does)"
    );
    assert!(
        env_flag("KARMADASH_SKIP_TMUX"),
        "tmux is not installed: {test} cannot run; install tmux, or set KARMADASH_SKIP_TMUX=1 to skip the dashboard-in-a-terminal tests knowingly"
    );
    eprintln!("note: tmux is not installed and KARMADASH_SKIP_TMUX is set; skipping {test}");
    false
}

/// A tmux server on a socket of its own (in a temporary directory, so
/// parallel runs never meet and nothing is left behind), killed when the
/// test ends, whether it passes or panics.
struct Tmux {
    socket: PathBuf,
    _dir: tempfile::TempDir,
}

impl Tmux {
    fn new() -> Tmux {
        let dir = tempfile::tempdir().expect("a temp dir for the socket");
        Tmux {
            socket: dir.path().join("tmux.sock"),
            _dir: dir,
        }
    }

    fn command(&self) -> Command {
        let mut cmd = Command::new("tmux");
        // No user configuration; not nested in whatever tmux runs the tests.
        cmd.arg("-S")
            .arg(&self.socket)
            .args(["-f", "/dev/null"])
            .env_remove("TMUX")
            .env_remove("KARMADASH_DB")
            .env_remove("KARMADASH_DATA")
            .env_remove("KARMADASH_TODAY")
            .stdin(Stdio::null());
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command().args(args).output().expect("tmux runs")
    }

    fn ok(&self, args: &[&str]) {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "dash"];
        args.extend_from_slice(keys);
        self.ok(&args);
    }

    fn type_text(&self, text: &str) {
        self.ok(&["send-keys", "-t", "dash", "-l", text]);
    }

    fn screen(&self) -> String {
        let out = self.run(&["capture-pane", "-p", "-t", "dash"]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn alive(&self) -> bool {
        self.run(&["has-session", "-t", "dash"]).status.success()
    }

    /// Polls the screen until `ready` holds; returns that screen.
    fn wait_until(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "after {PATIENCE:?} the screen still is not {what}:\n{screen}"
            );
            thread::sleep(Duration::from_millis(50));
        }
    }

    /// Polls the screen until it shows every one of `texts`.
    fn wait_for(&self, texts: &[&str]) -> String {
        self.wait_until(&format!("showing {texts:?}"), |s| {
            texts.iter().all(|t| s.contains(t))
        })
    }

    /// Polls until the dashboard's process has ended and taken its pane with it.
    fn wait_gone(&self) {
        let start = Instant::now();
        while self.alive() {
            assert!(
                start.elapsed() < PATIENCE,
                "karmadash still runs {PATIENCE:?} after q:\n{}",
                self.screen()
            );
            thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self
            .command()
            .arg("kill-server")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}

fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

fn karmadash(db: &Path) -> Command {
    crate::store_fixtures::karmadash_process(db)
}

#[test]
fn search_jumps_to_the_course_and_q_quits_in_a_real_terminal() {
    if !tmux_for("the dashboard-in-a-terminal test") {
        return;
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = dir.path().join("db");
    let out = karmadash(&db)
        .args(["profile", "set", "--service", "bss", "--tier", "bss-aso-us"])
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "profile set: {}",
        String::from_utf8_lossy(&out.stderr)
    );

    let tmux = Tmux::new();
    let command = format!(
        "{} --db {} --today {TODAY}",
        shell_quote(BIN),
        shell_quote(&db.to_string_lossy())
    );
    tmux.ok(&[
        "new-session",
        "-d",
        "-s",
        "dash",
        "-x",
        "80",
        "-y",
        "24",
        &command,
    ]);

    // The officer's tier is marked and its listings are open.
    tmux.wait_for(&["1 Catalogue", "bss-aso-us *", "BSS, Assistant Section"]);

    tmux.type_text("/");
    tmux.wait_for(&["Search", "courses"]);
    tmux.type_text("yuva");
    // Enter acts on the results shown, so wait until they are.
    tmux.wait_for(&["/ yuva", "▸ Yuva AI for All"]);
    tmux.send(&["Enter"]);

    // The footer is drawn last: once it shows, the whole frame has arrived.
    let screen = tmux.wait_for(&["Listed in", "row 15", "Esc:close"]);
    assert!(screen.contains("Yuva AI for All"), "{screen}");
    assert!(screen.contains("Not done yet"), "{screen}");
    // All five tiers that list it, the officer's own first (marked *), each
    // with status, competency badges (B F D) and row as the order prints it.
    let listed: Vec<&str> = screen
        .lines()
        .skip_while(|l| !l.contains("Listed in"))
        .skip(1)
        .take(5)
        .collect();
    assert!(listed[0].contains("*bss-aso-us    M ·F· row 9"), "{screen}");
    for (tier, badge) in [
        ("bas-js-ss", "M ·F· row 10"),
        ("bas-basic-ac", "M ·F· row 10"),
        ("bss-ds-js", "M ·F· row 9"),
        ("bscs-udc-ldc", "M ··D row 15"),
    ] {
        let line = listed
            .iter()
            .find(|l| l.contains(&format!(" {tier} ")))
            .unwrap_or_else(|| panic!("no line for {tier}:\n{screen}"));
        assert!(line.contains(badge), "{line}");
    }

    tmux.send(&["q"]);
    // q closes the details first, then leaves.
    tmux.wait_until("without the details", |s| !s.contains("Listed in"));
    tmux.send(&["q"]);
    tmux.wait_gone();

    // The dashboard saved where the officer was.
    let ui = karmadash::store::Store::at(&db)
        .snapshot()
        .expect("the store reads")
        .ui;
    assert_eq!(ui.view.as_deref(), Some("Catalogue"));
    assert_eq!(ui.tier.as_deref(), Some("bss-aso-us"));
}

/// The process whose command line holds `needle` (the test's own store).
fn pid_of(needle: &str) -> Option<u32> {
    std::fs::read_dir("/proc").ok()?.find_map(|e| {
        let pid: u32 = e.ok()?.file_name().to_str()?.parse().ok()?;
        let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).ok()?;
        let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
        (cmdline.starts_with(BIN) && cmdline.contains(needle)).then_some(pid)
    })
}

/// Whether process `pid` still runs (and is not a zombie).
fn running(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        !stat
            .rsplit(')')
            .next()
            .unwrap_or("")
            .trim_start()
            .starts_with('Z')
    })
}

/// Whether process `pid` ignores or catches SIGHUP (rather than dying of
/// it by default), read from `/proc/PID/status`.
fn sighup_not_default(pid: u32) -> bool {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    ["SigIgn:", "SigCgt:"].iter().any(|field| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(field))
            .and_then(|mask| u64::from_str_radix(mask.trim(), 16).ok())
            .is_some_and(|mask| mask & 1 != 0) // bit 0 is SIGHUP (1)
    })
}

/// Ends process `pid` (SIGKILL) when dropped, if it still runs: a
/// dashboard that ignores SIGHUP and missed its hang-up must not outlive
/// the failed test.
struct EndsWithTest(u32);

impl Drop for EndsWithTest {
    fn drop(&mut self) {
        if running(self.0) {
            let _ = Command::new("kill")
                .args(["-KILL", &self.0.to_string()])
                .status();
        }
    }
}

/// The UI state the dashboard saved in its store.
fn saved_view(db: &Path) -> Option<String> {
    karmadash::store::Store::at(db)
        .snapshot()
        .expect("the store reads")
        .ui
        .view
}

#[test]
fn the_dashboard_ends_when_its_terminal_goes_away() {
    if !tmux_for("the hang-up test") {
        return;
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = dir.path().join("db");
    let tmux = Tmux::new();
    // A shell in the pane, as over SSH: the dashboard is its child, and
    // killing the pane hangs up the terminal under it.
    tmux.ok(&[
        "new-session",
        "-d",
        "-s",
        "dash",
        "-x",
        "80",
        "-y",
        "24",
        "sh",
    ]);
    // SIGHUP ignored, as under nohup: its default action cannot end the
    // dashboard, only the dashboard's own watch on its terminal can. A
    // shell that ignores it too records how the dashboard ended.
    let status_file = dir.path().join("status");
    let stderr_file = dir.path().join("stderr");
    let inner = format!(
        "trap '' HUP; {} --db {} --today {TODAY} 2>{}; echo $? >{}",
        shell_quote(BIN),
        shell_quote(&db.to_string_lossy()),
        shell_quote(&stderr_file.to_string_lossy()),
        shell_quote(&status_file.to_string_lossy())
    );
    let command = format!("sh -c {}", shell_quote(&inner));
    tmux.type_text(&command);
    tmux.send(&["Enter"]);
    tmux.wait_for(&["Welcome"]);
    // Past the welcome form, to a view whose name is saved on the way out.
    tmux.send(&["Escape"]);
    // A key right behind Esc would read as Alt+key: wait for the form to go.
    tmux.wait_until("without the welcome form", |s| {
        !s.contains("Tab:next field")
    });
    tmux.type_text("4");
    tmux.wait_for(&["Completions in 2026-27"]);
    let pid = pid_of(&db.to_string_lossy()).expect("the dashboard's process");
    let _ends = EndsWithTest(pid);
    assert!(
        sighup_not_default(pid),
        "SIGHUP would end pid {pid} by default: the test would prove nothing"
    );
    tmux.ok(&["kill-server"]);
    // crossterm alone spins forever on a hung-up terminal (a read of 0
    // bytes, retried); the dashboard must notice and end.
    let start = Instant::now();
    while running(pid) {
        assert!(
            start.elapsed() < PATIENCE,
            "karmadash (pid {pid}) still runs {PATIENCE:?} after its terminal went away"
        );
        thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(
        saved_view(&db).as_deref(),
        Some("Log"),
        "the view shown when the terminal went away was saved"
    );
    // It ended as on SIGHUP (129) or a quiet leave (0), not on an error
    // drawing on or reading from a dead terminal (2).
    let start = Instant::now();
    let status = loop {
        match std::fs::read_to_string(&status_file) {
            Ok(s) if s.ends_with('\n') => break s,
            _ => {
                assert!(start.elapsed() < PATIENCE, "no exit status recorded");
                thread::sleep(Duration::from_millis(50));
            }
        }
    };
    let stderr = std::fs::read_to_string(&stderr_file).unwrap_or_default();
    assert!(
        matches!(status.trim(), "0" | "129"),
        "exit status {} after the hang-up: {stderr}",
        status.trim()
    );
    assert!(!stderr.contains("karmadash:"), "no error: {stderr}");
}

#[test]
fn sighup_restores_the_terminal_saves_the_state_and_exits_129() {
    if !tmux_for("the SIGHUP test") {
        return;
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = dir.path().join("db");
    // SIGHUP ignored, unless the dashboard watches for it itself: a
    // missing handler leaves it running and the terminal not given back.
    let tmux = dashboard_in_tmux_with(&db, "80", "24", true);
    tmux.type_text("4");
    tmux.wait_for(&["Completions in 2026-27"]);
    let pid = pid_of(&db.to_string_lossy()).expect("the dashboard's process");
    let _ends = EndsWithTest(pid);
    assert!(
        sighup_not_default(pid),
        "SIGHUP would end pid {pid} by default"
    );
    let sent = Command::new("kill")
        .args(["-HUP", &pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success());
    let screen = tmux.wait_for(&["exit status"]);
    assert!(screen.contains("exit status 129"), "{screen}");
    // The terminal was given back: the shell's line is on the main screen,
    // with nothing of the dashboard's left around it.
    assert!(!screen.contains("1 Catalogue"), "{screen}");
    assert!(!screen.contains("q:quit"), "{screen}");
    let mode = tmux.run(&["display-message", "-p", "-t", "dash", "#{alternate_on}"]);
    assert_eq!(
        String::from_utf8_lossy(&mode.stdout).trim(),
        "0",
        "the alternate screen was left"
    );
    assert_eq!(saved_view(&db).as_deref(), Some("Log"));
}

/// Runs this test binary's dashboard-in-a-terminal test again with no
/// tmux on the PATH, under the given environment; returns whether it
/// passed, and what it printed.
fn without_tmux(env: &[(&str, &str)]) -> (bool, String) {
    let no_tools = tempfile::tempdir().expect("a temp dir");
    let mut cmd = Command::new(std::env::current_exe().expect("this test binary"));
    cmd.args([
        "--exact",
        "tui_tmux::search_jumps_to_the_course_and_q_quits_in_a_real_terminal",
        "--nocapture",
        "--test-threads=1",
    ])
    .env("PATH", no_tools.path())
    .env_remove("CI")
    .env_remove("KARMADASH_SKIP_TMUX");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("the test binary runs");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        text.contains("running 1 test"),
        "the test was selected: {text}"
    );
    (out.status.success(), text)
}

#[test]
fn a_missing_tmux_fails_under_ci_and_elsewhere_is_skipped_only_knowingly() {
    let (passed, text) = without_tmux(&[("CI", "true")]);
    assert!(!passed, "under CI a missing tmux must fail: {text}");
    assert!(
        text.contains("tmux is not installed and CI is set"),
        "{text}"
    );

    // CI wins over the developer's opt-out.
    let (passed, text) = without_tmux(&[("CI", "true"), ("KARMADASH_SKIP_TMUX", "1")]);
    assert!(!passed, "{text}");

    let (passed, text) = without_tmux(&[]);
    assert!(
        !passed,
        "elsewhere a missing tmux is no silent pass: {text}"
    );
    assert!(text.contains("set KARMADASH_SKIP_TMUX=1"), "{text}");

    // Skipped knowingly, and still said so; an empty CI counts as unset.
    let (passed, text) = without_tmux(&[("CI", ""), ("KARMADASH_SKIP_TMUX", "1")]);
    assert!(passed, "{text}");
    assert!(text.contains("note: tmux is not installed"), "{text}");
}

#[test]
fn without_a_terminal_the_dashboard_points_at_the_shell_commands() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let out = karmadash(&dir.path().join("db"))
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("karmadash status"), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
    assert!(out.stdout.is_empty(), "nothing on stdout: {out:?}");
}

/// Starts the dashboard for a BSS officer in a fresh tmux at `w`x`h`,
/// inside a shell that prints the exit status once it ends (on the main
/// screen: seeing it there also shows the terminal was given back).
fn dashboard_in_tmux(db: &Path, w: &str, h: &str) -> Tmux {
    dashboard_in_tmux_with(db, w, h, false)
}

/// The same, the dashboard started with SIGHUP ignored if `ignore_hup`
/// (as under nohup; the shell around it keeps the default).
fn dashboard_in_tmux_with(db: &Path, w: &str, h: &str, ignore_hup: bool) -> Tmux {
    let out = karmadash(db)
        .args(["profile", "set", "--service", "bss", "--tier", "bss-aso-us"])
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tmux = Tmux::new();
    let dashboard = format!(
        "{} --db {} --today {TODAY}",
        shell_quote(BIN),
        shell_quote(&db.to_string_lossy())
    );
    let dashboard = if ignore_hup {
        format!("(trap '' HUP; exec {dashboard})")
    } else {
        dashboard
    };
    let command = format!("{dashboard}; echo \"exit status $?\"; sleep 30");
    tmux.ok(&[
        "new-session",
        "-d",
        "-s",
        "dash",
        "-x",
        w,
        "-y",
        h,
        "sh",
        "-c",
        &command,
    ]);
    tmux.wait_for(&["1 Catalogue", "bss-aso-us *", "q:quit"]);
    tmux
}

#[test]
fn a_completion_recorded_from_the_shell_appears_within_a_second_or_two() {
    if !tmux_for("the live-reload test") {
        return;
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = dir.path().join("db");
    let tmux = dashboard_in_tmux(&db, "80", "24");
    tmux.type_text("4");
    tmux.wait_for(&["Completions in 2026-27: 0 courses", "Nothing recorded"]);
    let out = karmadash(&db)
        .args([
            "done",
            "Yuva AI for All",
            "--hours",
            "2",
            "--date",
            "2026-11-01",
        ])
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // No key is pressed: the dashboard must notice on its own.
    let start = Instant::now();
    loop {
        let screen = tmux.screen();
        if screen.contains("Yuva AI for All") && screen.contains("1 course, 2.00 hours") {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(2),
            "2 s after `karmadash done` the Log view still lacks it:\n{screen}"
        );
        thread::sleep(Duration::from_millis(50));
    }
}

/// How often each thread of process `pid` has gone to sleep and been
/// woken so far (its voluntary context switches, from `/proc`), by the
/// thread's name. sled's own pool (`sled-io-N`), left from the last store
/// reading, keeps a timed wait of its own and is not counted.
fn wakeups(pid: u32) -> Vec<(String, u64)> {
    let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).expect("the process runs");
    tasks
        .filter_map(|t| {
            let dir = t.ok()?.path();
            let name = std::fs::read_to_string(dir.join("comm")).ok()?;
            let status = std::fs::read_to_string(dir.join("status")).ok()?;
            let n = status
                .lines()
                .find_map(|l| l.strip_prefix("voluntary_ctxt_switches:"))?
                .trim()
                .parse()
                .ok()?;
            Some((format!("{} {}", name.trim(), dir.display()), n))
        })
        .filter(|(name, _)| !name.starts_with("sled-"))
        .collect()
}

#[test]
fn an_idle_dashboard_sleeps_until_a_key_or_a_write_wakes_it() {
    if !tmux_for("the idle test") {
        return;
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = dir.path().join("db");
    let tmux = dashboard_in_tmux(&db, "80", "24");
    tmux.type_text("4");
    tmux.wait_for(&["Completions in 2026-27: 0 courses"]);
    let pid = pid_of(&db.to_string_lossy()).expect("the dashboard's process");
    // Settled: the first frame drawn, the search index built.
    thread::sleep(Duration::from_millis(500));
    let before = wakeups(pid);
    thread::sleep(Duration::from_secs(3));
    let after = wakeups(pid);
    let woke: u64 =
        after.iter().map(|t| t.1).sum::<u64>() - before.iter().map(|t| t.1).sum::<u64>();
    // A 25 ms tick woke it 120 times in 3 s; blocked on the terminal and
    // the store's change notice, only the slow fallback look remains.
    assert!(
        woke <= 6,
        "an idle dashboard woke {woke} times in 3 s: {before:?} then {after:?}"
    );
    // Asleep, it still sees another shell's write at once.
    let out = karmadash(&db)
        .args([
            "done",
            "Yuva AI for All",
            "--hours",
            "2",
            "--date",
            "2026-11-01",
        ])
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let start = Instant::now();
    while !tmux.screen().contains("1 course, 2.00 hours") {
        assert!(
            start.elapsed() < Duration::from_millis(1000),
            "1 s after `karmadash done` the idle Log view still lacks it:\n{}",
            tmux.screen()
        );
        thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn ctrl_c_exits_130_and_sigterm_143_with_the_terminal_restored() {
    if !tmux_for("the exit-status test") {
        return;
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = dir.path().join("db");

    let tmux = dashboard_in_tmux(&db, "80", "24");
    tmux.send(&["C-c"]);
    let screen = tmux.wait_for(&["exit status"]);
    assert!(screen.contains("exit status 130"), "{screen}");
    assert!(
        !screen.contains("1 Catalogue"),
        "the dashboard's screen is gone:\n{screen}"
    );
    drop(tmux);

    let tmux = dashboard_in_tmux(&db, "80", "24");
    // Esc once more (as after closing a popup) must not end it.
    tmux.send(&["Escape"]);
    tmux.send(&["Escape"]);
    tmux.wait_for(&["Nothing to close: q quits."]);
    let pid = pid_of(&db.to_string_lossy()).expect("the dashboard's process");
    let killed = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let screen = tmux.wait_for(&["exit status"]);
    assert!(screen.contains("exit status 143"), "{screen}");
    assert!(!screen.contains("1 Catalogue"), "{screen}");
    drop(tmux);

    let tmux = dashboard_in_tmux(&db, "80", "24");
    tmux.send(&["q"]);
    let screen = tmux.wait_for(&["exit status"]);
    assert!(screen.contains("exit status 0"), "{screen}");
}

/// The cells of one captured row (`capture-pane -e`), each with whether it
/// is drawn bold, reading the SGR codes tmux writes.
fn bold_cells(line: &str) -> Vec<(char, bool)> {
    let mut out = Vec::new();
    let mut bold = false;
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        if let Some(seq) = rest.strip_prefix("\x1b[") {
            let end = seq
                .find(|c: char| c.is_ascii_alphabetic())
                .unwrap_or(seq.len());
            if seq[end..].starts_with('m') {
                for p in seq[..end].split(';') {
                    match p {
                        "" | "0" | "22" => bold = false,
                        "1" => bold = true,
                        _ => {}
                    }
                }
            }
            rest = &seq[(end + 1).min(seq.len())..];
        } else {
            out.push((c, bold));
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

#[test]
fn the_search_highlight_stops_at_the_end_of_seva_in_tmux() {
    if !tmux_for("the Devanagari highlight test") {
        return;
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = dir.path().join("db");
    let tmux = dashboard_in_tmux(&db, "80", "24");
    tmux.type_text("/");
    tmux.wait_for(&["Search", "courses"]);
    // Typed a letter at a time, as a person does: each frame repaints the hits.
    for c in ["स", "े", "व", "ा"] {
        tmux.type_text(c);
        thread::sleep(Duration::from_millis(30));
    }
    tmux.wait_for(&["/ सेवा", "उत्कृष्टता", "1 hit"]);
    let start = Instant::now();
    let line = loop {
        let out = tmux.run(&["capture-pane", "-p", "-e", "-t", "dash"]);
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        if let Some(l) = text.lines().find(|l| l.contains("Service Excellence")) {
            break l.to_string();
        }
        assert!(
            start.elapsed() < PATIENCE,
            "no hit with सेवा उत्कृष्टता:\n{text}"
        );
        thread::sleep(Duration::from_millis(50));
    };
    let cells = bold_cells(&line);
    let text: String = cells.iter().map(|c| c.0).collect();
    let at = text.find("सेवा उत्कृष्टता").expect("the hit's title");
    let first = text[..at].chars().count();
    let seva = "सेवा".chars().count();
    assert!(
        cells[first..first + seva].iter().all(|c| c.1),
        "सेवा is highlighted: {line:?}"
    );
    assert!(
        cells[first + seva..].iter().all(|c| !c.1),
        "the highlight spilled past सेवा: {line:?}"
    );
}

/// #23 item 5 in the real binary: the snapshot `catalogue sync --from`
/// installed in the XDG cache is the Catalogue view's PORTAL entry, and `/`
/// finds its courses.
#[test]
fn the_synced_portal_catalogue_is_below_the_tiers_and_found_by_slash() {
    if !tmux_for("the portal catalogue test") {
        return;
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = dir.path().join("db");
    let cache = dir.path().join("cache");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/portal_fixtures/snapshot.json");
    for args in [
        vec!["catalogue", "sync", "--from", &*fixture.to_string_lossy()],
        vec!["profile", "set", "--service", "bss", "--tier", "bss-aso-us"],
    ] {
        let out = karmadash(&db)
            .env("XDG_CACHE_HOME", &cache)
            .args(&args)
            .output()
            .expect("the binary runs");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let tmux = Tmux::new();
    let command = format!(
        "env XDG_CACHE_HOME={} {} --db {} --today {TODAY}",
        shell_quote(&cache.to_string_lossy()),
        shell_quote(BIN),
        shell_quote(&db.to_string_lossy())
    );
    tmux.ok(&[
        "new-session",
        "-d",
        "-s",
        "dash",
        "-x",
        "80",
        "-y",
        "24",
        &command,
    ]);
    tmux.wait_for(&["1 Catalogue", "bss-aso-us *", "q:quit"]);

    // The last entry of the tier list, after the tiers.
    tmux.type_text("G");
    let screen = tmux.wait_for(&["Portal catalogue (snapshot 2026-11-20) · 230 courses"]);
    let rows: Vec<&str> = screen.lines().collect();
    assert!(rows[2].contains("││Behavioural "), "{screen}");
    assert!(rows[3].contains("││ Communication "), "{screen}");
    assert!(
        rows[4].contains("A Primer on Gender Sensitisation") && rows[4].ends_with("2.00 h│"),
        "{screen}"
    );

    tmux.type_text("/");
    tmux.type_text("digital twin");
    let screen = tmux.wait_for(&["/ digital twin", "· portal · "]);
    // The orders' listing of a title comes before the portal's course.
    let hits: Vec<&str> = screen
        .lines()
        .skip_while(|l| !l.contains("/ digital twin"))
        .skip(1)
        .collect();
    let at = hits
        .iter()
        .position(|l| l.contains("Smart Cities: Urban Digital Twin") && l.contains("· portal · "))
        .unwrap_or_else(|| panic!("no portal hit:\n{screen}"));
    for _ in 0..at {
        tmux.send(&["Down"]);
    }
    tmux.wait_until("the portal hit selected", |s| {
        s.lines()
            .any(|l| l.contains("▸ Smart Cities") && l.contains("portal"))
    });
    tmux.send(&["Enter"]);
    let screen = tmux.wait_until("the course on its shelf", |s| {
        !s.contains("/ digital twin")
            && s.lines()
                .any(|l| l.contains("▸ Smart Cities: Urban Digital Twin") && l.ends_with("0.75 h│"))
    });
    assert!(
        screen.contains("Portal catalogue (snapshot 2026-11-20)"),
        "{screen}"
    );
    tmux.send(&["q"]);
    tmux.wait_gone();
}

#[test]
fn the_dashboard_speaks_hindi_in_a_real_terminal_and_l_switches_it_live() {
    if !tmux_for("the Hindi dashboard-in-a-terminal test") {
        return;
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = dir.path().join("db");
    let out = karmadash(&db)
        .args(["profile", "set", "--service", "bss", "--tier", "bss-aso-us"])
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tmux = Tmux::new();
    let command = format!(
        "{} --lang hi --db {} --today {TODAY}",
        shell_quote(BIN),
        shell_quote(&db.to_string_lossy())
    );
    tmux.ok(&[
        "new-session",
        "-d",
        "-s",
        "dash",
        "-x",
        "80",
        "-y",
        "24",
        &command,
    ]);

    let screen = tmux.wait_for(&["1 पाठ्यक्रम", "bss-aso-us *", "स्तर (* आपका)", "q:बाहर"]);
    assert!(
        screen.contains("0/1 पूर्ण") || screen.contains("पूर्ण,"),
        "{screen}"
    );
    // Every row of a box closes at the box's right edge: tmux measured
    // the Hindi words as the dashboard did, so no cell strays.
    let boxed = |screen: &str| {
        for line in screen
            .lines()
            .filter(|l| l.starts_with('│') || l.starts_with('┌'))
        {
            let cols: usize = unicode_width::UnicodeWidthStr::width(line);
            assert_eq!(cols, 80, "a row of {cols} columns:\n{screen}");
        }
    };
    boxed(&screen);

    tmux.type_text("4");
    let screen = tmux.wait_for(&["में पूर्ण: 0 पाठ्यक्रम", "इस वर्ष कुछ दर्ज नहीं", "q:बाहर"]);
    boxed(&screen);
    tmux.type_text("2");
    let screen = tmux.wait_for(&["स्तर bss-aso-us", "माहवार घंटे", "पिछड़े"]);
    boxed(&screen);

    // L switches to English live, and back.
    tmux.type_text("L");
    tmux.wait_for(&["1 Catalogue", "2 Progress", "L:हिन्दी", "q:quit"]);
    tmux.type_text("L");
    tmux.wait_for(&["1 पाठ्यक्रम", "L:English"]);
    tmux.send(&["q"]);
    tmux.wait_gone();
}
