//! The data files compiled into the binary: the default catalogue.

/// (path as shown in messages, contents). `tests/it/data_files.rs` checks that
/// every file in `data/` is here, so none is dropped silently.
pub const RULEBOOKS: &[(&str, &str)] = &[
    (
        "data/dopt-om-2025-07-04.toml",
        include_str!("../../data/dopt-om-2025-07-04.toml"),
    ),
    (
        "data/dopt-ais-2025-09-03.toml",
        include_str!("../../data/dopt-ais-2025-09-03.toml"),
    ),
    (
        "data/dopt-ias-list-2025-10-16.toml",
        include_str!("../../data/dopt-ias-list-2025-10-16.toml"),
    ),
    (
        "data/delhi-om-2026-01-02.toml",
        include_str!("../../data/delhi-om-2026-01-02.toml"),
    ),
    (
        "data/bihar-bas-order-2026-03-06.toml",
        include_str!("../../data/bihar-bas-order-2026-03-06.toml"),
    ),
    (
        "data/bihar-schedules-2026-05-15.toml",
        include_str!("../../data/bihar-schedules-2026-05-15.toml"),
    ),
];

pub const ALIASES: (&str, &str) = ("data/aliases.toml", include_str!("../../data/aliases.toml"));

/// Designations to tiers, for the roster (`roster::designations`).
pub const DESIGNATIONS: (&str, &str) = (
    "data/designations.toml",
    include_str!("../../data/designations.toml"),
);
