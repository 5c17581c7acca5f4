//! What a requirement lacks before it can be counted at all: records only
//! the officer can add. The requirement's text says what is missing; each
//! shell says how to add it (the CLI names `karmadash assign`, the
//! dashboard its key).

/// Records the officer still has to add for a requirement to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToRecord {
    /// No catalogue list for the service: the prescribed courses are the
    /// ones recorded as assigned, and none is. The text ends "none
    /// recorded yet".
    PrescribedCourses,
    /// Fewer courses assigned than the order names. The text ends with
    /// "(N of M assigned so far)".
    AssignedCourses,
}
