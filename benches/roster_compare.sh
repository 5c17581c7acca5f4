#!/usr/bin/env bash
# The roster at scale, side by side with DuckDB (the engine of the portal's
# own report pipeline) on the same seeded ConsumptionReport.csv:
#   - `karmadash roster import` (durable when it returns) vs DuckDB's one
#     query computing every officer's hours for the financial year;
#   - `karmadash roster --json` over the imported store vs the same query;
#   - peak memory of the import at two sizes, to see whether it grows with rows.
# Installs nothing. Usage: benches/roster_compare.sh [ROWS] [OFFICERS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."

rows=${1:-1000000}
officers=${2:-50000}
runs=${3:-3}

missing=()
python3 -c 'import duckdb' 2>/dev/null || missing+=("the Python package duckdb (pip install duckdb)")
[ -x /usr/bin/time ] || missing+=("GNU time (apt-get install time)")
if [ ${#missing[@]} -gt 0 ]; then
    printf 'roster_compare.sh needs %s\n' "${missing[@]}" >&2
    exit 2
fi

cargo build --release --quiet
cargo build --release --quiet --example gen_consumption
bin=target/release/karmadash
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# Seconds and peak KiB of a command, one "S K" line.
measure() { /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }; cat "$work/time"; }

duckdb_query() {
    python3 - "$1" <<'PY'
import sys, time, duckdb
con = duckdb.connect()
start = time.perf_counter()
con.execute("""
  WITH done AS (
    SELECT lower(Email) AS officer, Content_Name AS course, Content_Type AS kind,
           Content_Duration AS d, Completed_On AS done_at
    FROM read_csv(?, header = true, all_varchar = true)
    WHERE Status = 'completed'
      AND Completed_On >= '2026-04-01' AND Completed_On < '2027-04-01'),
  once AS (
    SELECT officer, arg_min(d, done_at) AS d, arg_min(kind, done_at) AS kind
    FROM done GROUP BY officer, course)
  SELECT officer,
         round(sum(CASE WHEN kind = 'Course' THEN
             split_part(d, ':', 1)::BIGINT * 3600 + split_part(d, ':', 2)::BIGINT * 60
             + split_part(d, ':', 3)::BIGINT ELSE 0 END) / 3600.0, 2) AS hours
  FROM once GROUP BY officer
""", [sys.argv[1]]).fetchall()
print(f"{time.perf_counter() - start:.3f}")
PY
}

report() {
    local n=$1 csv="$work/ConsumptionReport-$1.csv"
    cargo run --release --quiet --example gen_consumption -- --out "$csv" --rows "$n" --officers "$officers" 2>/dev/null
    local size; size=$(du -h "$csv" | cut -f1)
    : >"$work/imp"; : >"$work/mem"; : >"$work/duck"; : >"$work/json"
    for _ in $(seq "$runs"); do
        rm -rf "$work/db"
        read -r s k < <(measure env KARMADASH_DB="$work/db" KARMADASH_TODAY=2026-11-23 "$bin" roster import "$csv")
        echo "$s" >>"$work/imp"; echo "$k" >>"$work/mem"
        duckdb_query "$csv" >>"$work/duck"
        read -r s k < <(measure env KARMADASH_DB="$work/db" KARMADASH_TODAY=2026-11-23 "$bin" roster --json)
        echo "$s" >>"$work/json"
    done
    local imp duck json mem
    imp=$(median <"$work/imp"); duck=$(median <"$work/duck"); json=$(median <"$work/json"); mem=$(median <"$work/mem")
    printf '%9s rows (%s, %s officers): import %6.2f s, DuckDB query %6.2f s, ratio %5.2f; roster --json %6.2f s, ratio %5.2f; import peak %4d MB\n' \
        "$n" "$size" "$officers" "$imp" "$duck" "$(echo "$imp / $duck" | bc -l)" "$json" "$(echo "$json / $duck" | bc -l)" "$((mem / 1024))"
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); medians of $runs runs"
report "$rows"
[ "${ROSTER_COMPARE_LARGE:-0}" = 1 ] && report "$((rows * 5))"
exit 0
