//! Every integration test in one binary, a module per area (as bottom's
//! tests/integration/main.rs does): cargo links the crate into one test
//! executable instead of one per file. Fixture modules stay in their folders.

#[path = "../bin_fixtures/mod.rs"]
mod bin_fixtures;
#[path = "../catalogue_fixtures/mod.rs"]
mod catalogue_fixtures;
#[path = "../engine_fixtures/mod.rs"]
mod engine_fixtures;
#[path = "../progress_fixtures/mod.rs"]
mod progress_fixtures;
#[path = "../store_fixtures/mod.rs"]
mod store_fixtures;
#[path = "../../benches/tools/synthetic.rs"]
mod synthetic;
#[path = "../tui_fixtures/mod.rs"]
mod tui_fixtures;

mod architecture;
mod catalogue_cache;
mod catalogue_cli;
mod catalogue_errors_cli;
mod catalogue_load_errors;
mod cli_hindi;
mod core_errors;
mod core_wording;
mod course_csv_cli;
mod csv_outputs;
mod data_files;
mod engine_dates;
mod engine_properties;
mod engine_records;
mod engine_rules;
mod engine_verdict_cli;
mod function_length;
mod fuzz_parsers;
mod hostile_text_cli;
mod hostile_text_tui;
mod i18n;
mod igot_reports;
mod inputs_cli;
mod json_keys;
mod lint_cli;
mod plan_calendar;
mod plan_cli;
mod plan_portal;
mod portal_sync;
mod progress_cli;
mod progress_errors_cli;
mod readme;
mod roster_cell;
mod roster_cli;
mod roster_courses;
mod roster_dates;
mod roster_departments;
mod roster_due;
mod roster_files;
mod roster_gather;
mod roster_heldout;
mod roster_officers;
mod roster_refused;
mod roster_zip;
mod screenshots;
mod search_cache;
mod search_pinned;
mod seed_tables;
mod shell_wording;
mod status_cli;
mod status_kept;
mod store_access;
mod store_concurrency;
mod store_damage;
mod store_errors;
mod store_faults;
mod store_migration;
mod store_transfer;
mod tui_cuts;
mod tui_events;
mod tui_hindi;
mod tui_plan;
mod tui_popups;
mod tui_portal;
mod tui_profile_form;
mod tui_roster;
mod tui_snapshots;
mod tui_theme;
mod tui_tmux;
mod tui_verdict;
