#!/usr/bin/env bash
# Targets 2 and 4 of the speed issue: `karmadash search QUERY --limit 50`
# against `fzf --filter QUERY | head -50` over the same 100,000 titles, for
# each query of benches/queries.txt: wall time (hyperfine medians) and peak
# RSS (/usr/bin/time -v), each printed as a ratio karmadash/fzf from one
# run. Below 1 means karmadash is faster (or smaller).
#
# Installs nothing: it needs fzf, hyperfine and GNU time (Debian packages
# fzf, hyperfine, time) and says so when one is missing. It builds
# karmadash and the seeded catalogue generator, and writes the catalogue
# (CSV for karmadash, plain lines for fzf) to a temporary directory.
#
#   benches/compare.sh [RUNS]        (default 20 runs a command)
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v fzf >/dev/null 2>&1 || missing+=(fzf)
command -v hyperfine >/dev/null 2>&1 || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
    echo "compare.sh needs ${missing[*]}: install with apt-get install ${missing[*]}" >&2
    exit 2
fi

runs=${1:-20}
cargo build --release --quiet --bin karmadash --example gen_catalogue
bin=$PWD/target/release/karmadash
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/data"
./target/release/examples/gen_catalogue --csv "$work/data/courses.csv" \
    --titles "$work/titles.txt" 2>/dev/null
export NO_COLOR=1
unset KARMADASH_DATA KARMADASH_DB KARMADASH_TODAY
# karmadash compiles the CSV into a cache on its first run (hyperfine's
# warm-up runs): keep that cache in the temporary directory too.
export XDG_CACHE_HOME=$work/cache

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "fzf $(fzf --version | cut -d' ' -f1), $(hyperfine --version), 100000 titles (seed 2024), $runs runs a command"
printf '%-12s %-16s %10s %10s %7s %10s %10s %7s\n' query '' 'kd ms' 'fzf ms' ratio 'kd KB' 'fzf KB' ratio

peak() { # peak RSS in KB of the command in "$@" (which may find nothing: fzf exits 1)
    { /usr/bin/time -v "$@" 2>&1 >/dev/null || true; } | awk -F': ' '/Maximum resident/ {print $2}'
}

holds_time=0 holds_rss=0 total=0
while IFS=$'\t' read -r label query; do
    case "$label" in '#'* | '') continue ;; esac
    total=$((total + 1))
    kd="$bin --data $work/data search '$query' --limit 50 >/dev/null"
    fz="fzf --filter '$query' < $work/titles.txt | head -50 >/dev/null"
    # -i: fzf exits 1 when nothing matches; that is an answer, not a failure.
    hyperfine -i --style none --warmup 3 --runs "$runs" --export-csv "$work/h.csv" \
        -n karmadash "$kd" -n fzf "$fz" >/dev/null 2>&1
    # command,mean,stddev,median,user,system,min,max (seconds)
    kd_ms=$(awk -F, '$1=="karmadash" {printf "%.1f", $4*1000}' "$work/h.csv")
    fz_ms=$(awk -F, '$1=="fzf" {printf "%.1f", $4*1000}' "$work/h.csv")
    kd_kb=$(peak "$bin" --data "$work/data" search "$query" --limit 50)
    fz_kb=$(peak sh -c "fzf --filter '$query' < $work/titles.txt | head -50")
    # The fzf figure is the shell's children too: fzf itself is the peak.
    fz_kb_fzf=$(peak sh -c "exec fzf --filter '$query' < $work/titles.txt")
    if [ "$fz_kb_fzf" -gt "$fz_kb" ]; then fz_kb=$fz_kb_fzf; fi
    t_ratio=$(awk -v a="$kd_ms" -v b="$fz_ms" 'BEGIN {printf "%.2f", a/b}')
    m_ratio=$(awk -v a="$kd_kb" -v b="$fz_kb" 'BEGIN {printf "%.2f", a/b}')
    if awk -v r="$t_ratio" 'BEGIN {exit !(r < 1)}'; then holds_time=$((holds_time + 1)); fi
    if awk -v r="$m_ratio" 'BEGIN {exit !(r <= 1)}'; then holds_rss=$((holds_rss + 1)); fi
    printf '%-12s %-16s %10s %10s %7s %10s %10s %7s\n' "$label" "'$query'" \
        "$kd_ms" "$fz_ms" "$t_ratio" "$kd_kb" "$fz_kb" "$m_ratio"
done < benches/queries.txt
# The first run after the CSV changes compiles the cache: timed apart.
hyperfine -i --style none --runs "$runs" --prepare "rm -rf $work/cache" --export-csv "$work/h.csv" \
    -n cold "$bin --data $work/data search governance --limit 50 >/dev/null" >/dev/null 2>&1
cold_ms=$(awk -F, '$1=="cold" {printf "%.1f", $4*1000}' "$work/h.csv")
echo "karmadash with a cold cache (first run after the CSV changes): $cold_ms ms"
echo "target 2 (faster than fzf, time ratio < 1): $holds_time of $total queries"
echo "target 4 (peak RSS at most fzf's, ratio <= 1): $holds_rss of $total queries"
