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
