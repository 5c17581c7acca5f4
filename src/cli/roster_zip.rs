//! `reports.zip` as the portal's admin downloads it (`zip -P PASSWORD -j`,
//! ZipCrypto): every report inside that karmadash reads, straight from the
//! archive. Nothing of it is written to disk; the password is asked on the
//! terminal without echo (or read from a file or the environment), kept in
//! memory for this command only, and never printed.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::Xxh3;
use zip::result::ZipError;
use zip::ZipArchive;

use super::failure::Wanted;
use super::{Failure, Problem};
use crate::igot::ReportKind;
use crate::igot::ReportProblem;

/// No report of a department comes near this uncompressed; a zip bomb's
/// entry is refused once it inflates past it, never read further.
pub const MAX_ENTRY_BYTES: u64 = 2 << 30;

/// More entries than any bundle has (the portal writes seven).
const MAX_ENTRIES: usize = 64;

/// Reports the portal bundles that karmadash does not read: said, not skipped silently.
/// The reports karmadash reads: one of these names that is not that
/// report refuses the import, as the file given alone would.
const READ: [&str; 4] = [
    "ConsumptionReport.csv",
    "UserReport.csv",
    "UserAssessmentReport.csv",
    "CBPEnrollmentReport.csv",
];

const NOT_READ: [&str; 3] = [
    "CBPUserSummaryReport.csv",
    "BlendedProgramReport.csv",
    "ContentReport.csv",
];

/// Where the password comes from, in the order tried.
pub struct PasswordFrom<'a> {
    pub file: Option<&'a Path>,
    /// `KARMADASH_ZIP_PASSWORD`.
    pub env: Option<String>,
}

/// The password, once asked for: one per command, however many zips.
#[derive(Default)]
pub struct Password(Option<Vec<u8>>);

/// One report inside a zip.
#[derive(Debug, Clone)]
pub struct Entry {
    pub zip: PathBuf,
    index: usize,
    /// The entry's own file name (the portal strips folders).
    pub file: String,
    encrypted: bool,
}

impl Entry {
    /// How the report is named in the import's output and its log.
    pub fn name(&self) -> String {
        format!("{}/{}", self.zip.display(), self.file)
    }
}

/// A zip file, told by its first bytes (whatever its name).
pub fn is_zip(path: &Path) -> bool {
    let mut magic = [0u8; 4];
    File::open(path)
        .and_then(|mut f| f.read_exact(&mut magic))
        .is_ok_and(|()| magic == *b"PK\x03\x04")
}

fn zip_name(zip: &Path) -> String {
    zip.display().to_string()
}

fn unreadable(zip: &Path, e: ZipError) -> Failure {
    Problem::ZipUnreadable {
        zip: zip_name(zip),
        why: e.to_string(),
    }
    .into()
}

fn archive(zip: &Path) -> Result<ZipArchive<BufReader<File>>, Failure> {
    let file = File::open(zip).map_err(|e| super::roster_import::cannot_open(&zip_name(zip), e))?;
    ZipArchive::new(BufReader::new(file)).map_err(|e| unreadable(zip, e))
}

/// A zip's reports with their fingerprints, and the entries not read.
pub type Inside = (Vec<(Entry, String)>, Vec<String>);

/// The reports a zip holds, each with its fingerprint (the xxh3 of its
/// decrypted bytes), and the names of the entries not read. A wrong
/// password is found here, before anything is imported.
pub fn entries(
    zip: &Path,
    from: &PasswordFrom,
    password: &mut Password,
) -> Result<Inside, Failure> {
    super::transfer_cmds::regular_file(zip, Wanted::Report)?;
    let mut a = archive(zip)?;
    if a.len() > MAX_ENTRIES {
        return Err(unreadable(
            zip,
            ZipError::InvalidArchive("too many entries".into()),
        ));
    }
    let (mut found, mut skipped) = (Vec::new(), Vec::new());
    for index in 0..a.len() {
        let raw = a.by_index_raw(index).map_err(|e| unreadable(zip, e))?;
        if raw.is_dir() {
            continue;
        }
        let file = raw
            .name()
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_string();
        let entry = Entry {
            zip: zip.to_path_buf(),
            index,
            encrypted: raw.encrypted(),
            file,
        };
        drop(raw);
        if NOT_READ.iter().any(|n| n.eq_ignore_ascii_case(&entry.file)) {
            skipped.push(entry.file);
            continue;
        }
        let kind = read_entry(&entry, from, password, |input| {
            match ReportKind::sniff(&entry.name(), &mut BufReader::new(input)) {
                // Bytes that would not inflate: for an encrypted entry, a wrong
                // password that passed ZipCrypto's one-byte check (1 in 256).
                Err(e) if matches!(e.problem.as_ref(), ReportProblem::Unreadable(_)) => {
                    Err(io::Error::other(e.to_string()))
                }
                sniffed => Ok(sniffed),
            }
        })?;
        if let Err(e) = kind {
            let named = READ.iter().any(|n| n.eq_ignore_ascii_case(&entry.file));
            if named || !matches!(e.problem.as_ref(), ReportProblem::NotAReport) {
                return Err(Problem::Report(e).into());
            }
            skipped.push(entry.file);
            continue;
        }
        let print = format!("{:032x}", read_entry(&entry, from, password, hash)?);
        found.push((entry, print));
    }
    if found.is_empty() {
        return Err(Problem::ZipNoReport {
            zip: zip_name(zip),
            skipped,
        }
        .into());
    }
    Ok((found, skipped))
}

fn hash(input: &mut dyn Read) -> io::Result<u128> {
    let mut hasher = Xxh3::new();
    let mut buf = vec![0u8; 256 * 1024];
    loop {
        match input.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => hasher.update(&buf[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(hasher.digest128())
}

/// Runs `read` on the entry's decrypted, inflated bytes, capped at
/// `MAX_ENTRY_BYTES`. A read that fails on an encrypted entry is taken
/// for a wrong password: ZipCrypto's header check lets one in 256 through,
/// and the CRC at the end catches it.
pub fn read_entry<T>(
    entry: &Entry,
    from: &PasswordFrom,
    password: &mut Password,
    read: impl FnOnce(&mut dyn Read) -> io::Result<T>,
) -> Result<T, Failure> {
    let mut a = archive(&entry.zip)?;
    let wrong = || -> Failure {
        Problem::ZipPasswordWrong {
            zip: zip_name(&entry.zip),
        }
        .into()
    };
    let opened = if entry.encrypted {
        let pw = password.get(&entry.zip, from)?;
        a.by_index_decrypt(entry.index, pw)
    } else {
        a.by_index(entry.index)
    };
    let file = match opened {
        Ok(f) => f,
        Err(ZipError::InvalidPassword) => return Err(wrong()),
        Err(e) => return Err(unreadable(&entry.zip, e)),
    };
    let mut capped = Capped {
        inner: file,
        left: MAX_ENTRY_BYTES,
        over: false,
    };
    match read(&mut capped) {
        Ok(t) => Ok(t),
        Err(_) if capped.over => Err(Problem::ZipEntryTooLarge {
            entry: entry.name(),
            limit_gib: MAX_ENTRY_BYTES >> 30,
        }
        .into()),
        Err(_) if entry.encrypted => Err(wrong()),
        Err(error) => Err(Problem::CannotRead {
            name: entry.name(),
            error,
        }
        .into()),
    }
}

/// Fails a read past `left` bytes: a zip bomb stops here.
struct Capped<R> {
    inner: R,
    left: u64,
    over: bool,
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n as u64 > self.left {
            self.over = true;
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "entry too large",
            ));
        }
        self.left -= n as u64;
        Ok(n)
    }
}

impl Password {
    /// The password: from `--password-file`, else the environment, else
    /// asked on the terminal without echo. Asked once per command.
    fn get(&mut self, zip: &Path, from: &PasswordFrom) -> Result<&[u8], Failure> {
        if self.0.is_none() {
            self.0 = Some(ask(zip, from)?);
        }
        Ok(self.0.as_deref().unwrap_or_default())
    }
}

fn ask(zip: &Path, from: &PasswordFrom) -> Result<Vec<u8>, Failure> {
    if let Some(path) = from.file {
        return password_file(path);
    }
    if let Some(pw) = from.env.clone().filter(|p| !p.is_empty()) {
        return Ok(pw.into_bytes());
    }
    let no_password = || -> Failure { Problem::ZipNoPassword { zip: zip_name(zip) }.into() };
    // rpassword reads the terminal itself, never a pipe's input.
    let pw = rpassword::prompt_password(format!("Password of {}: ", zip_name(zip)))
        .map_err(|_| no_password())?;
    if pw.is_empty() {
        return Err(no_password());
    }
    Ok(pw.into_bytes())
}

/// The first line of the file, without its line ending.
fn password_file(path: &Path) -> Result<Vec<u8>, Failure> {
    let name = path.display().to_string();
    super::transfer_cmds::regular_file(path, Wanted::PasswordFile)?;
    let file = File::open(path).map_err(|e| super::roster_import::cannot_open(&name, e))?;
    let mut line = String::new();
    BufReader::new(file.take(64 * 1024))
        .read_line(&mut line)
        .map_err(|error| Problem::CannotRead {
            name: name.clone(),
            error,
        })?;
    let pw = line.trim_end_matches(['\n', '\r']);
    if pw.is_empty() {
        return Err(Problem::PasswordFileEmpty { name }.into());
    }
    Ok(pw.as_bytes().to_vec())
}
