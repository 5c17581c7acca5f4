//! The compliance rules: financial years and the engine that turns a
//! profile, the catalogue and completions into requirement statuses. Pure
//! functions over plain data: no clock, no disk, no terminal.

pub mod fy;
