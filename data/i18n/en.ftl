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
