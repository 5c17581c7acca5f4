//! Why the store refused or failed, as a type a caller can match: each
//! kind (a full disk, another karmadash holding it, a schema, damage,
//! another owner, a record that isn't there, an I/O failure) carries the
//! data its sentence needs. `Display` says what happened; how to fix it
//! with a command or an option is the shell's to add (`cli::wording`,
//! `tui::wording`), since the store names neither.

pub use crate::units::cause::Cause;
use std::path::PathBuf;

use chrono::NaiveDate;

use super::migrate::MigrateError;
use super::SCHEMA_VERSION;

/// The last id karmadash hands out, for messages.
const LAST_ID: u64 = super::MAX_ID - 1;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// The disk is full, or too nearly full for a write to finish.
    #[error("{}", disk_full(path, when))]
    DiskFull { path: PathBuf, when: Full },
    /// Another karmadash holds the store's lock (mid-write).
    #[error(
        "the store at {} is busy: another karmadash is writing to it; try again in a moment",
        path.display()
    )]
    Busy { path: PathBuf },
    /// The store, or an export, is of a schema this karmadash cannot take.
    #[error(transparent)]
    Schema(#[from] SchemaError),
    /// The store's files cannot be read as a store; they are left as they are.
    #[error("cannot open the store at {}: {why}. Its files are left untouched: keep a copy of that directory", path.display())]
    Damaged { path: PathBuf, why: Damage },
    /// One stored record does not decode.
    #[error("the store holds an unreadable record at '{key}' ({source})")]
    DamagedRecord { key: String, source: Cause },
    /// The path holds something else than a karmadash store.
    #[error("{}", not_a_store(path, why))]
    NotAStore { path: PathBuf, why: NotAStore },
    /// This user may not use the store so.
    #[error(transparent)]
    Permission(#[from] PermissionError),
    /// A record or an officer that isn't there.
    #[error(transparent)]
    NotFound(#[from] Missing),
    /// A completion of a course already recorded.
    #[error("\"{title}\" is already recorded (id {id}, {date})")]
    AlreadyRecorded {
        title: String,
        id: u64,
        date: NaiveDate,
    },
    /// Ids that would wrap or land on a record.
    #[error(transparent)]
    Ids(#[from] IdError),
    /// No home directory to keep the store in, and no path given.
    #[error("cannot find a home directory for the store")]
    NoHome,
    /// The operating system or sled failed an operation on the store.
    #[error("{}", io_failure(*op, path.as_ref(), source))]
    Io {
        op: Op,
        path: Option<PathBuf>,
        source: Cause,
    },
}

/// When the disk was found full.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Full {
    Opening,
    Writing,
    Creating,
    /// Before writing: fewer bytes free than karmadash keeps in hand.
    Below {
        free: u64,
        margin: u64,
    },
}

fn disk_full(path: &std::path::Path, when: &Full) -> String {
    let path = path.display();
    match when {
        Full::Opening => format!("cannot open the store at {path}: the disk is full. The store is not damaged: free some space and run the command again"),
        Full::Writing => format!("cannot write to the store at {path}: the disk is full; nothing was written. Free some space and run the command again"),
        Full::Creating => format!("cannot create the store at {path}: the disk is full; nothing was written. Free some space and run the command again"),
        Full::Below { free, margin } => format!(
            "not enough free space for the store at {path}: {} KB free, and karmadash keeps {} KB in hand so a write can never be cut short. Free some space and run the command again; nothing was written",
            free / 1024,
            margin / 1024
        ),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SchemaError {
    /// The store was made (or left) by another karmadash.
    #[error("the store at {} has schema {found}, this karmadash reads {SCHEMA_VERSION}: use the karmadash that made it to export, then import here", path.display())]
    Store { path: PathBuf, found: String },
    /// A schema-1 store that could not be upgraded; nothing was changed.
    #[error("cannot upgrade the store at {} to schema {SCHEMA_VERSION}: {why}. Nothing was changed", path.display())]
    Upgrade { path: PathBuf, why: UpgradeProblem },
    /// An export of another schema, given to `import`.
    #[error("the export has schema {found}, this karmadash reads schema {SCHEMA_VERSION}")]
    Export { found: u32 },
}

/// Why a schema-1 store could not be upgraded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UpgradeProblem {
    #[error("{0}")]
    Sled(sled::Error),
    #[error("unreadable record at '{key}' ({source})")]
    Unreadable { key: String, source: Cause },
    #[error("record '{key}': {why}")]
    Record { key: String, why: MigrateError },
}

/// How a store is damaged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Damage {
    #[error("it is damaged: sled found corrupted data in it that karmadash cannot repair")]
    Corrupted,
    #[error("it is damaged: its log holds nothing karmadash can read")]
    EmptyLog,
    #[error("it is damaged: its log file `db` is missing while sled's other files are there")]
    LogMissing,
    /// sled refused it for another reason, in sled's words.
    #[error("{0}")]
    Sled(sled::Error),
}

/// What the path holds instead of a store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotAStore {
    /// A file, not a directory.
    File,
    /// A name neither karmadash nor sled makes.
    Foreign(String),
    /// A sled database without karmadash's schema.
    OtherSled,
}

fn not_a_store(path: &std::path::Path, why: &NotAStore) -> String {
    let path = path.display();
    match why {
        NotAStore::File => {
            format!("{path} is not a karmadash store (it is a file, not a database directory)")
        }
        NotAStore::Foreign(name) => format!(
            "{path} is not a karmadash store: it holds \"{name}\", which neither karmadash nor sled makes"
        ),
        NotAStore::OtherSled => format!("{path} is a sled database but not a karmadash store"),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PermissionError {
    #[error("the store at {} is read-only for you: reading works, writing needs write access to it", path.display())]
    ReadOnly { path: PathBuf },
    #[error("the store at {} belongs to another user (uid {uid}): karmadash writes only to a store of your own, so that its owner is never locked out of it; reading it works", path.display())]
    AnotherOwner { path: PathBuf, uid: u32 },
    /// A file of another user inside this user's store (left by sudo).
    #[error("the store at {} holds a file of {} ({file}), most likely left by a karmadash run with sudo; the store is not damaged: give it back with `sudo chown -R {me} {}`", path.display(), who(*owner), path.display())]
    StrayFile {
        path: PathBuf,
        file: String,
        owner: u32,
        me: u32,
    },
}

fn who(uid: u32) -> String {
    if uid == 0 {
        "root".to_string()
    } else {
        format!("user {uid}")
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Missing {
    #[error("no completion has id {id}")]
    Completion { id: u64 },
    #[error("no officer '{id}' in the roster")]
    Officer { id: String },
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    /// The store's counter is past the last id.
    #[error("the store's next id is {next}, past the last id karmadash hands out ({LAST_ID})")]
    NextPastLast { next: u64 },
    /// The store's counter would land on a record.
    #[error("the store's next id is {next}, but a record already has id {taken}")]
    NextTaken { next: u64, taken: u64 },
    /// An export whose ids would run out; nothing was imported.
    #[error("the export's ids reach {reach}, past the last id karmadash hands out ({LAST_ID}): renumber them below it; nothing was imported")]
    ExportPastLast { reach: u64 },
}

/// What the store was doing when the operating system or sled failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Read,
    Write,
    Create,
    /// Reading a store through a private copy (read-only or another's).
    Copy,
    /// Making the private copy's temporary directory.
    TempCopy,
}

fn io_failure(op: Op, path: Option<&PathBuf>, source: &Cause) -> String {
    let Some(path) = path.map(|p| p.display()) else {
        return format!("cannot read the store: {source}");
    };
    match op {
        Op::Read => format!("cannot read the store at {path}: {source}"),
        Op::Write => format!("cannot write to the store at {path}: {source}"),
        Op::Create => format!("cannot create the store at {path}: {source}"),
        Op::Copy => format!("cannot read the store at {path}: {source}. Reading needs read access to its directory and files"),
        Op::TempCopy => format!("cannot read the read-only store at {path}: a private copy is needed and the temporary directory refused it ({source}); set TMPDIR to a writable directory"),
    }
}

impl StoreError {
    /// sled or the OS failed `op` on the store at `path`.
    pub fn io(
        op: Op,
        path: Option<&std::path::Path>,
        e: impl std::error::Error + Send + Sync + 'static,
    ) -> StoreError {
        StoreError::Io {
            op,
            path: path.map(std::path::Path::to_path_buf),
            source: Cause::new(e),
        }
    }
}
