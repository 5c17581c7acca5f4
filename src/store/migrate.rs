//! Schema migrations. Schema 2 keeps a completion's seconds where schema 1
//! kept whole minutes: a v1 store is upgraded in place on its first open,
//! in one atomic batch, and a v1 export is upgraded as it is read.

use serde_json::Value;
use std::path::Path;

use super::{Cause, SchemaError, Snapshot, UpgradeProblem, COMPLETION, SCHEMA_KEY, SCHEMA_VERSION};
use crate::units::hours::MAX_HOURS;

/// Upgrades a v1 store to the current schema; any other store is left as
/// it is (the schema check that follows judges it).
pub(super) fn upgrade(db: &sled::Db, path: &Path) -> super::Result<()> {
    let failed = |why: UpgradeProblem| {
        super::StoreError::from(SchemaError::Upgrade {
            path: path.to_path_buf(),
            why,
        })
    };
    let sled = |e: sled::Error| failed(UpgradeProblem::Sled(e));
    match db.get(SCHEMA_KEY) {
        Ok(Some(v)) if v.as_ref() == b"1" => {}
        _ => return Ok(()),
    }
    let mut batch = sled::Batch::default();
    for item in db.scan_prefix(COMPLETION) {
        let (key, bytes) = item.map_err(sled)?;
        let named = String::from_utf8_lossy(&key).into_owned();
        let mut record: Value = serde_json::from_slice(&bytes).map_err(|e| {
            failed(UpgradeProblem::Unreadable {
                key: named.clone(),
                source: Cause::new(e),
            })
        })?;
        minutes_to_seconds(&mut record)
            .map_err(|why| failed(UpgradeProblem::Record { key: named, why }))?;
        batch.insert(key, serde_json::to_vec(&record).expect("JSON re-encodes"));
    }
    batch.insert(SCHEMA_KEY, SCHEMA_VERSION.to_string().as_bytes());
    // One batch: a crash leaves either the whole v1 store or the whole v2 one.
    db.apply_batch(batch).map_err(sled)?;
    db.flush().map_err(sled)?;
    Ok(())
}

/// A schema-1 completion that cannot be upgraded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MigrateError {
    #[error("a completion is not a JSON object")]
    NotAnObject,
    #[error("a schema-1 completion has no whole `minutes`")]
    NoMinutes,
    /// 0, or more than any course takes: never turned into 0 s or a wrapped number.
    #[error(
        "a schema-1 completion has {0} minutes, where a course takes 1 minute to {MAX_HOURS} hours"
    )]
    BadMinutes(u64),
}

/// An export that cannot be read as a snapshot.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    /// Not JSON, or not an export's shape: the parser's own words.
    #[error("{0}")]
    Json(Cause),
    /// `n` counts from 1.
    #[error("completion {n}: {why}")]
    Completion { n: usize, why: MigrateError },
    #[error("the export has schema {0}, this karmadash reads schema 1 or {SCHEMA_VERSION}")]
    Schema(u64),
    #[error("it has no `schema` number")]
    NoSchema,
}

/// A v1 completion's `minutes` become `seconds`.
fn minutes_to_seconds(completion: &mut Value) -> Result<(), MigrateError> {
    let fields = completion
        .as_object_mut()
        .ok_or(MigrateError::NotAnObject)?;
    let minutes = fields
        .get("minutes")
        .and_then(Value::as_u64)
        .ok_or(MigrateError::NoMinutes)?;
    if minutes == 0 || minutes > u64::from(MAX_HOURS) * 60 {
        return Err(MigrateError::BadMinutes(minutes));
    }
    fields.remove("minutes");
    fields.insert("seconds".into(), Value::from(minutes * 60));
    Ok(())
}

/// Reads the text of an export of schema 1 or 2 as a current snapshot.
pub fn read_export(text: &str) -> Result<Snapshot, ExportError> {
    let json = |e: serde_json::Error| ExportError::Json(Cause::new(e));
    let mut value: Value = serde_json::from_str(text).map_err(json)?;
    match value.get("schema").and_then(Value::as_u64) {
        Some(1) => {
            if let Some(list) = value.get_mut("completions").and_then(Value::as_array_mut) {
                for (n, c) in list.iter_mut().enumerate() {
                    minutes_to_seconds(c)
                        .map_err(|why| ExportError::Completion { n: n + 1, why })?;
                }
            }
            value["schema"] = Value::from(SCHEMA_VERSION);
        }
        Some(v) if v == u64::from(SCHEMA_VERSION) => {}
        Some(v) => return Err(ExportError::Schema(v)),
        None => return Err(ExportError::NoSchema),
    }
    serde_json::from_value(value).map_err(json)
}
