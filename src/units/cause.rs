//! The error underneath another (the OS's, a CSV reader's, sled's, a JSON
//! decoder's), shared so that the typed error carrying it can be cloned
//! and compared: the store's, the catalogue's and the report readers'
//! errors all keep their cause this one way.

use std::fmt;
use std::sync::Arc;

#[derive(Debug, Clone)]
pub struct Cause(Arc<dyn std::error::Error + Send + Sync>);

impl Cause {
    pub fn new(e: impl std::error::Error + Send + Sync + 'static) -> Cause {
        Cause(Arc::new(e))
    }

    /// The I/O error underneath, if it is one (its `kind()` to match),
    /// also when a CSV reader wraps it.
    pub fn io(&self) -> Option<&std::io::Error> {
        self.0.downcast_ref::<std::io::Error>().or_else(|| {
            match self.0.downcast_ref::<csv::Error>().map(csv::Error::kind) {
                Some(csv::ErrorKind::Io(e)) => Some(e),
                _ => None,
            }
        })
    }
}

impl fmt::Display for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for Cause {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.source()
    }
}

/// Two causes are equal when they read the same: the errors underneath
/// (io, csv, sled) have no equality of their own.
impl PartialEq for Cause {
    fn eq(&self, other: &Self) -> bool {
        self.to_string() == other.to_string()
    }
}

impl Eq for Cause {}
