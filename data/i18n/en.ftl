# karmadash's interface in English. One message per sentence or label;
# ids by area: tui-... (the dashboard), cli-... (the shell commands).
# Hindi is in hi.ftl with the same ids (tests/it/i18n.rs checks);
# the words used for each term are in GLOSSARY.md.
# GROUPED($n) writes a count the Indian way (1,23,456).

## Shared

# An example of a plural with a grouped count (used by the unit tests).
i18n-officers = { $n ->
    [one] { GROUPED($n) } officer
   *[other] { GROUPED($n) } officers
}
# The language's own name, as the dashboard's footer shows it.
lang-name = English

## The dashboard's keys: tui-help-... in the help, tui-hint-... in the footer

tui-help-record-the-selected-course-as = record the selected course as done
tui-hint-done = done
tui-help-search-every-course = search every course
tui-hint-search = search
tui-help-next-view = next view
tui-hint-view = view
tui-help-previous-view = previous view
tui-help-move-up = move up
tui-help-move-down = move down
tui-help-page-up = page up
tui-help-page-down = page down
tui-help-first-row = first row
tui-help-last-row = last row
tui-help-edit-your-profile-service-tier = edit your profile (service, tier, iGOT registration date)
tui-help-record-a-course-outside-the = record a course outside the lists (own choice, any iGOT course)
tui-help-record-a-course-assigned-to = record a course assigned to you, with its due date
tui-help-record-the-comprehensive-assessment-you = record the comprehensive assessment you passed
tui-help-this-help-f1-too-and = this help (F1 too, and in the search box and forms)
tui-hint-help = help
tui-help-close-a-popup-or-go = close a popup or go back; never quits
tui-help-quit = quit
tui-hint-quit = quit
tui-help-works-everywhere-even-in-search = works everywhere, even in search and forms
tui-hint-narrow-fill = narrow / fill
tui-hint-choose = choose
tui-hint-next-field = next field
tui-hint-go-to-course-save = go to course / save
tui-hint-cancel = cancel
tui-help-focus-the-tier-list = focus the tier list
tui-help-focus-the-course-list = focus the course list
tui-help-course-details-every-tier-and = course details: every tier and order that lists it
tui-hint-details = details
tui-help-competency-filter-all-behavioural-functional = competency filter: all, behavioural, functional, domain
tui-hint-b-f-d = B/F/D
tui-help-status-filter-all-mandatory-optional = status filter: all, mandatory, optional
tui-hint-m-o = M/O
tui-help-add-to-or-drop-from = add to or drop from your shortlist
tui-hint-shortlist = shortlist
tui-help-remove-the-selected-completion = remove the selected completion
tui-hint-remove = remove
tui-help-add-to-or-drop-from-2 = add to or drop from your shortlist; the total follows
tui-help-the-selected-step-s-requirement = the selected step's requirement in full, or the course's details
tui-help-the-requirement-s-full-text = the requirement's full text and the order that imposes it
tui-hint-full-text = full text
tui-help-the-selected-officer-s-progress = the selected officer's Progress, read-only (Esc: back)
tui-hint-progress = progress
tui-help-tier-filter-all-then-each = tier filter: all, then each tier in the roster
tui-hint-tier = tier
tui-help-verdict-filter-all-needing-action = verdict filter: all, needing action, then each verdict
tui-hint-verdict = verdict
tui-help-find-officers-by-name-or = find officers by name or e-mail
tui-hint-find = find
tui-help-exempt-the-selected-officer-with = exempt the selected officer, with a reason (the audit log keeps it)
tui-hint-exempt = exempt
tui-hint-keep = keep
tui-hint-record-done = record done
tui-hint-close = close
tui-hint-reason = reason
tui-hint-clear = clear
tui-hint-save = save
tui-hint-close-help = close help
tui-hint-scroll = scroll
tui-hint-go-to-course = go to course

## The dashboard's frame: tabs, heading, help

tui-view-catalogue = Catalogue
tui-view-progress = Progress
tui-view-plan = Plan
tui-view-log = Log
tui-view-roster = Roster
tui-heading-long = karmadash FY { $fy }
tui-heading-short = FY { $fy }
tui-too-small = Terminal { $width }x{ $height } is too small: karmadash needs { $min_width }x{ $min_height }. Enlarge it, or press q.
tui-help-go-view = { $first } view / { $rest }
tui-help-title = Keys in the { $view } view
tui-help-in-popup = {"In this popup: "}
tui-help-text-keys = {"Search box and forms: "}
tui-help-box-title = {" Help: Esc to close "}
tui-help-switch-language = switch the language: English / हिन्दी (remembered)
# The footer names the other language, in its own script.
tui-hint-language = हिन्दी
tui-read-only = Read-only: this is { $name }'s progress from the roster. Esc goes back to the Roster; 2 shows yours.
tui-nothing-to-close = Nothing to close: q quits.

# cli

## status and status --short (src/cli/status_words.rs)

cli-standing-met = met
cli-standing-open = open
cli-standing-behind = behind
cli-standing-overdue = OVERDUE
cli-standing-late = LATE
cli-status-progress-hours = { $done }/{ $target } h
cli-status-progress-courses = { $done }/{ $target ->
    [one] { $target } course
   *[other] { $target } courses
}
cli-status-registered-late-on = registered { $on }, due { $due } (late)
cli-status-registered-late = registered late
cli-status-passed = passed
cli-status-registered-on = registered { $on }
cli-status-registered-undated = registered, date unknown
cli-status-not-yet = not yet
cli-status-due-in = due { $date } ({ $n ->
    [one] { $n } day
   *[other] { $n } days
} left)
cli-status-was-due = was due { $date } ({ $n ->
    [one] { $n } day
   *[other] { $n } days
} ago)
cli-status-no-date = no date
cli-basis-set-by-hand = set by hand (profile --tier)
cli-basis-no-list = no list for { $service } in the catalogue: add the courses your ministry or cadre authority prescribes with `karmadash assign`
cli-basis-only-tier = the only tier of { $service }
cli-basis-years = { $years } years of service in FY { $fy } ({ $start } minus batch { $batch }): { $label }
cli-basis-set-by-cell = set for this officer by the training cell
cli-basis-designation = designation "{ $designation }" (designations table)
cli-status-no-tier = none
cli-status-heading = Financial year { $fy } as of { $date }. Tier: { $tier } ({ $basis }).
# progress; standing; due date
cli-status-requirement-line = { $progress }; { $standing }; { $due }
cli-status-still-open = still open: { $open }
cli-status-no-requirement = No order in the catalogue sets a requirement for this profile in this year.
cli-status-on-track-long = On track.
cli-status-behind-long = Behind: see the { $n ->
    [one] { $n } requirement
   *[other] { $n } requirements
} marked behind, OVERDUE or LATE.
cli-status-counting-rule = Counting: a course once completed stays completed for every course-list requirement; hours and per-period counts use only completions dated inside the period.
cli-short-met = karmadash { $fy }: { $met }/{ $all } met
cli-short-next-due = next due { $date } ({ $n ->
    [one] { $n } day
   *[other] { $n } days
})
cli-short-overdue = { $n } OVERDUE
cli-short-on-track = on track
cli-short-behind = behind

## --help (src/cli/help_lang.rs); English --help prints the definitions' own text

cli-help-about = Mandatory iGOT Karmayogi training: browse the prescribed courses, track your progress for the financial year
cli-help-long-about = Mandatory iGOT Karmayogi training: browse the course lists that DoPT, Delhi and Bihar orders prescribe, record what you completed, and see every requirement of the financial year traced to the order behind it. Run without a command to open the dashboard.
cli-help-exit-codes = Exit codes: 0 success; 1 a check found something unmet (lint errors, status --check); 2 bad input, bad data or an unusable store.
cli-help-arg-data = Directory of extra data files: rulebooks (*.toml; same id replaces the built-in one), aliases.toml, the roster's designations.toml, and course lists (*.csv, compiled once into a cache under the XDG cache directory)
cli-help-arg-today = Take this date as today (15.09.2026 or 2026-09-15), for every command
cli-help-arg-db = Progress store (a sled database directory); default: the XDG data directory
cli-help-arg-theme = Dashboard colours for a dark or a light terminal background; default: the background the terminal's COLORFGBG names, else dark (NO_COLOR still turns colour off)
cli-help-arg-chart-marker = How the dashboard's charts draw their lines: braille dots, or blocks where the font has no braille; default: braille, blocks under TERM=linux
cli-help-arg-lang = Interface language: hi (हिन्दी) or en. Default: KARMADASH_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG: hi_IN is Hindi), else English. --json output, ids and CSV headers stay English in both
cli-help-tiers = List the tiers (service and level) with their mandatory and optional course counts
cli-help-courses = List the courses prescribed for a tier, by competency and status
cli-help-search = Fuzzy-search every course title and alias
cli-help-lint = Check the data files and report the defects of the source tables
cli-help-catalogue = The portal's catalogue kept offline: which snapshot is in use; `catalogue sync` fetches it (the only command that uses the network)
cli-help-profile = Show your profile, or set it with `profile set`
cli-help-done = Record a completed course
cli-help-log = List your completions
cli-help-remove = Delete a completion by its id (see `karmadash log`)
cli-help-assign = Record a course assigned to you (e.g. by your Administrative Secretary)
cli-help-assessment = Record the comprehensive assessment as passed
cli-help-status = Am I on track this financial year? Every requirement with the order behind it
cli-help-plan = What closes the gaps: a step for every open requirement, a proposal of courses, the hours and a week-by-week schedule
cli-help-shortlist = The courses you mean to take, with the hours you plan for each (the plan counts them)
cli-help-calendar = Write the year's due dates as iCalendar (RFC 5545), with a reminder a fortnight before: `karmadash calendar > karmadash.ics`
cli-help-report = The table for APAR Part-2 (self-appraisal): completions of the year and what each served
cli-help-export = Write everything in the store as JSON (to FILE, or standard output)
cli-help-import = Replace the store's contents with an export
cli-help-roster = A training cell's roster: every officer of the portal's reports, who is behind
cli-help-import-igot = Bring your own completions from a portal report (ConsumptionReport.csv) into your store
cli-help-completions = Print a shell completion script: `karmadash completions bash > ~/.local/share/bash-completion/completions/karmadash`
cli-help-man = Print the manual page (roff): `karmadash man > karmadash.1`, or `karmadash man | man -l -`
cli-help-status-arg-fy = Financial year (e.g. 2026-27); default: the one containing today
cli-help-status-arg-short = One line, for a shell prompt or MOTD
cli-help-status-arg-check = Exit 1 when behind: a requirement behind its pace, overdue or late (the verdict --short prints)

## tiers

cli-tiers-col-tier = TIER
cli-tiers-col-service = SERVICE
cli-tiers-col-mand = MAND
cli-tiers-col-opt = OPT
cli-tiers-col-label = LABEL
cli-tiers-note =
    MAND, OPT: distinct mandatory and optional courses.
    `karmadash courses --tier ID` lists the rows as the order prints them.

## roster (the table for people; CSV and --json stay English)

cli-roster-heading = Financial year { $fy } as of { $date }: { $n ->
    [one] { GROUPED($n) } officer
   *[other] { GROUPED($n) } officers
}.
cli-roster-col-name = NAME
cli-roster-col-tier = TIER
cli-roster-col-hours = HOURS
cli-roster-col-mand = MAND
cli-roster-col-verdict = VERDICT
cli-roster-col-next-due = NEXT DUE
cli-roster-col-flags = FLAGS
cli-roster-show-hint = `karmadash roster show NAME` (or e-mail, or the start of either) gives one officer's requirements and the report rows behind them.
cli-verdict-overdue = overdue
cli-verdict-behind = behind
cli-verdict-unmapped = unmapped
cli-verdict-on-pace = on pace
cli-verdict-met = met
cli-verdict-exempt = exempt
cli-verdict-unregistered = unregistered

# tui views

## The Log view
tui-log-title = {" "}Completions in { $fy }: { $n ->
    [one] { $n } course
   *[other] { $n } courses
}, { $hours } hours{" "}
tui-log-other-mark = {" (other)"}
tui-log-col-id = ID
tui-log-col-date = Date
tui-log-col-hours = Hours
tui-log-col-certificate = Certificate
tui-log-col-course = Course
tui-log-empty = Nothing recorded this year: in the Catalogue (1) select a course, press d.

## The Roster view
tui-roster-all = all
tui-roster-title = {" "}Roster { $fy }: { $shown } of { $all } · tier { $tier } · { $verdict } · dept { $dept }{" "}
tui-roster-unreadable = The roster cannot be read: { $why }
tui-roster-empty = No officers yet. A training cell reads the portal's reports in:
tui-roster-empty-then = Each officer then shows here, most urgent first, without a restart.
tui-roster-no-match = No officer matches: t, v, m change the filters; / finds; Esc clears the find.

## The Catalogue view
tui-catalogue-tiers = {" Tiers (* yours) "}
tui-catalogue-portal = {" Portal catalogue "}
tui-catalogue-portal-snapshot = {" "}Portal catalogue (snapshot { $fetched }) · { $n } courses{" "}
tui-catalogue-portal-entry = catalogue
tui-catalogue-courses = { $n } courses
tui-catalogue-editing-note = {"  [editing note]"}
tui-catalogue-cut-off = {"  [cut off]"}

## The Progress view
tui-progress-box = {" Progress "}
tui-progress-no-profile = { $why }
    The catalogue works without one: press 1.
tui-progress-no-tier = none
tui-progress-title = {" "}{ $fy } · tier { $tier } · { $verdict }{" "}
tui-progress-pace = pace
tui-progress-your-hours = your hours
tui-progress-apr = Apr
tui-progress-oct = Oct
tui-progress-mar = Mar
tui-progress-chart = {" "}Hours by month: { $done } of { $target } · { $glyph } yours · • even pace{" "}

## The Plan view
tui-plan-box = {" Plan "}
tui-plan-title = {" "}Plan { $fy }: { $verdict }{" "}
tui-plan-next-steps = Next steps ({ $n }), behind or overdue first
tui-plan-proposal = Proposal: { $n ->
    [one] { $n } course
   *[other] { $n } courses
}, each once, mandatory first; +: on your shortlist
tui-plan-step-not-course = That row is a requirement's step: move down (j) to a course of the proposal.

## The status line and the verdict
tui-verdict-on-track = on track
tui-verdict-behind = behind
tui-status-met = karmadash { $fy }: { $met }/{ $all } met
tui-status-hours = { $done }/{ $target } h
tui-status-next-due = next due { $date } ({ $days ->
    [one] { $days } day
   *[other] { $days } days
})
tui-status-overdue = { $n } OVERDUE
tui-plan-pace = Pace: { $verdict }; { $n ->
    [0] every requirement of the year is met.
    [one] { $n } open requirement, each with its next step below.
   *[other] { $n } open requirements, each with its next step below.
}
tui-plan-no-hours = Hours: no hours target open this year.
tui-plan-hours = Hours: { $done } of { $target } done; { $needed } needed by { $due }: { $week } h a week.
tui-plan-shortlist-empty = Shortlist: empty; s on a proposed course adds it, with its hours.
tui-plan-shortlist = Shortlist: { $n ->
    [one] { $n } course
   *[other] { $n } courses
}, { $known } h known{ $unknown ->
    [0] {""}
   *[other] ; { $unknown } of unknown length
}.
tui-plan-shortlist-gap = Shortlist: { $known } h known of the { $gap } h gap, { $short ->
    [0] enough
   *[other] { $short_hours } h short
}{ $unknown ->
    [0] {""}
   *[other] ; { $unknown } of unknown length
}.
tui-plan-unknown = unknown
tui-plan-col-hours = HOURS
tui-plan-col-why = WHY
tui-plan-col-course = COURSE
tui-plan-why-mandatory = mandatory
tui-plan-why-assigned = assigned
tui-plan-why-shortlist = shortlist
tui-plan-why-least-covered = least covered
tui-plan-why-portal = portal
tui-catalogue-not-synced = not synced yet
tui-catalogue-no-portal = No portal catalogue yet: `karmadash catalogue sync` brings it (the one command that uses the network).
tui-catalogue-no-area = No competency area given
tui-catalogue-no-theme = no theme given
tui-no-profile = No profile yet: press { $key } to create one.
tui-roster-col-officer = Officer
tui-roster-col-tier = Tier
tui-roster-col-hours = Hours
tui-roster-col-mand = Mand
tui-roster-col-verdict = Verdict
tui-roster-col-next-due = Next due
tui-roster-col-flags = Flags
tui-roster-overdue = overdue
tui-roster-unmapped = unmapped
tui-roster-on-pace = on pace
tui-roster-met = met
tui-roster-exempt = exempt
tui-roster-unregistered = unregistered
tui-roster-needing-action = needing action
tui-roster-no-tier = no tier
tui-roster-due = due { $date }
tui-pane-above = {" "}· ↑ { $n } above
tui-pane-more = ↓ { $n } more: j moves down to them
tui-standing-open = open
tui-standing-overdue = OVERDUE
tui-standing-late = LATE
tui-progress-more = {" "}↓ { $n } more (j/k to scroll){" "}
tui-gauge = { $done } · { $due }
tui-gauge-courses = { $done }/{ $n ->
    [one] { $n } course
   *[other] { $n } courses
}
tui-gauge-registered-late-on = registered { $on }, due { $due } (late)
tui-gauge-registered-late = registered late
tui-gauge-passed = passed
tui-gauge-registered-on = registered { $on }
tui-gauge-registered = registered, date unknown
tui-gauge-not-yet = not yet
tui-gauge-due = due { $date } ({ $days ->
    [one] { $days } day
   *[other] { $days } days
} left)
tui-gauge-was-due = was due { $date } ({ $days ->
    [one] { $days } day
   *[other] { $days } days
} ago)
tui-gauge-no-date = no date

## The dashboard's messages
tui-already-recorded = Already recorded: see the Log view (4).
tui-select-a-course = Select a course first (→ to the course list).
tui-shortlist-added-here = Added to your shortlist: its hours count in the total above.
tui-shortlist-added = Added to your shortlist (Plan view, 3).
tui-shortlist-dropped = Dropped from your shortlist.
tui-removed = Removed "{ $title }".
