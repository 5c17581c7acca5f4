#!/usr/bin/env bash
# Issue 14's comparison: `karmadash search QUERY --limit 50` against
# `fzf --filter QUERY | head -50` over the same DISTINCT titles (no two are
# one course to karmadash, no two lines are equal to fzf), at each size and
# for each query of benches/queries.txt, in one run:
#
#   warm  karmadash with its compiled cache in place (every run but the first
#         after the CSV changes) against fzf: hyperfine medians;
#   cold  karmadash's first run after the CSV changes (the cache removed
#         before each run, the CSV in the page cache as fzf's input is);
#   peak  maximum resident set size (GNU time) of each, warm and cold, fzf's
#         as the pipeline is run (the larger of the pipeline and fzf alone).
#
# Every ratio is karmadash / fzf: below 1 karmadash is faster (or smaller).
# Installs nothing: it needs fzf, hyperfine and GNU time (Debian packages
# fzf, hyperfine, time) and says so when one is missing.
#
#   benches/compare.sh [RUNS]   RUNS a command (default 10; 1M titles: RUNS_1M, default 3)
#   SIZES="10000 100000" benches/compare.sh     other sizes (default 10k 100k 300k 1M)
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

runs=${1:-10}
runs_1m=${RUNS_1M:-3}
sizes=${SIZES:-10000 100000 300000 1000000}
case "$runs$runs_1m" in *[!0-9]* | '')
    echo "compare.sh: RUNS and RUNS_1M are whole numbers of runs, such as 10" >&2; exit 2 ;;
esac

cargo build --release --quiet --bin karmadash --example gen_catalogue
bin=$PWD/target/release/karmadash
gen=$PWD/target/release/examples/gen_catalogue
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export NO_COLOR=1
unset KARMADASH_DATA KARMADASH_DB KARMADASH_TODAY
# The compiled cache lives in the temporary directory too.
export XDG_CACHE_HOME=$work/cache

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "karmadash $(git rev-parse --short HEAD 2>/dev/null || echo '?'), fzf $(fzf --version | cut -d' ' -f1), $(hyperfine --version)"

peak() { # peak RSS in KB of the command in "$@" (which may find nothing: fzf exits 1)
    { /usr/bin/time -v "$@" 2>&1 >/dev/null || true; } | awk -F': ' '/Maximum resident/ {print $2}'
}
median_ms() { # the median of command $1 in hyperfine's CSV $2
    awk -F, -v n="$1" '$1==n {printf "%.1f", $4*1000}' "$2"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }
below() { awk -v r="$1" -v t="$2" 'BEGIN {exit !(r <= t)}'; }

total=0 warm_ok=0 cold_ok=0 mem_ok=0
worst_warm=0 worst_cold=0 worst_mem=0
for size in $sizes; do
    n=$runs
    [ "$size" -ge 1000000 ] && n=$runs_1m
    data=$work/data-$size titles=$work/titles-$size.txt
    mkdir -p "$data"
    keys=$("$gen" --csv "$data/courses.csv" --titles "$titles" --count "$size" 2>&1 |
        sed -n "s/.*, \([0-9]*\) distinct by karmadash's course key/\1/p")
    lines=$(wc -l < "$titles")
    distinct=$(LC_ALL=C sort -u "$titles" | wc -l)
    echo
    echo "== $size titles (seed 2024): $distinct distinct lines of $lines for fzf, $keys distinct courses for karmadash; $n runs a command"
    printf '%-11s %8s %8s %8s %6s %6s %8s %8s %8s %6s %6s\n' query 'warm ms' 'cold ms' 'fzf ms' warm cold \
        'warm KB' 'cold KB' 'fzf KB' warm cold
    while IFS=$'\t' read -r label query; do
        case "$label" in '#'* | '') continue ;; esac
        total=$((total + 1))
        kd="$bin --data $data search '$query' --limit 50 >/dev/null"
        fz="fzf --filter '$query' < $titles | head -50 >/dev/null"
        # -i: fzf exits 1 when nothing matches; that is an answer, not a failure.
        hyperfine -i --style none --warmup 2 --runs "$n" --export-csv "$work/h.csv" \
            -n warm "$kd" -n fzf "$fz" >/dev/null 2>&1
        hyperfine -i --style none --runs "$n" --prepare "rm -rf $work/cache" --export-csv "$work/c.csv" \
            -n cold "$kd" >/dev/null 2>&1
        warm_ms=$(median_ms warm "$work/h.csv")
        fzf_ms=$(median_ms fzf "$work/h.csv")
        cold_ms=$(median_ms cold "$work/c.csv")
        rm -rf "$work/cache"
        cold_kb=$(peak "$bin" --data "$data" search "$query" --limit 50)
        warm_kb=$(peak "$bin" --data "$data" search "$query" --limit 50)
        fzf_kb=$(peak sh -c "fzf --filter '$query' < $titles | head -50")
        fzf_alone=$(peak sh -c "exec fzf --filter '$query' < $titles")
        if [ "$fzf_alone" -gt "$fzf_kb" ]; then fzf_kb=$fzf_alone; fi
        wt=$(ratio "$warm_ms" "$fzf_ms") ct=$(ratio "$cold_ms" "$fzf_ms")
        wm=$(ratio "$warm_kb" "$fzf_kb") cm=$(ratio "$cold_kb" "$fzf_kb")
        below "$wt" 0.5 && warm_ok=$((warm_ok + 1))
        below "$ct" 1.0 && cold_ok=$((cold_ok + 1))
        below "$wm" 1.0 && below "$cm" 1.0 && mem_ok=$((mem_ok + 1))
        worst_warm=$(awk -v a="$worst_warm" -v b="$wt" 'BEGIN {print (b > a ? b : a)}')
        worst_cold=$(awk -v a="$worst_cold" -v b="$ct" 'BEGIN {print (b > a ? b : a)}')
        worst_mem=$(awk -v a="$worst_mem" -v b="$wm" -v c="$cm" 'BEGIN {m = (b > c ? b : c); print (m > a ? m : a)}')
        printf '%-11s %8s %8s %8s %6s %6s %8s %8s %8s %6s %6s\n' "$label" \
            "$warm_ms" "$cold_ms" "$fzf_ms" "$wt" "$ct" "$warm_kb" "$cold_kb" "$fzf_kb" "$wm" "$cm"
    done < benches/queries.txt
done
# Target 6: `status --short` on a store of 300 completions over five
# financial years, against `git status --short` in a small repository.
store=$work/db repo=$work/repo
export KARMADASH_TODAY=2026-11-23
"$bin" --db "$store" profile set --service ias --batch 2015 >/dev/null
for i in $(seq 0 299); do
    year=$((2021 + i / 60)) day=$((1 + i % 28)) month=$((4 + (i / 28) % 9))
    "$bin" --db "$store" done --other "Portal Course $i" --hours 1.5 \
        --date "$(printf '%04d-%02d-%02d' "$year" "$month" "$day")" >/dev/null
done
git init -q "$repo"
for i in $(seq 1 20); do echo "line $i" > "$repo/file$i.txt"; done
git -C "$repo" add . && git -C "$repo" -c user.name=b -c user.email=b@b commit -qm one
echo changed >> "$repo/file3.txt"
# A prompt's usual case: the answer kept beside the store (karmadash-status)
# still holds. And the first prompt after a write, which opens sled: the
# kept answer removed before each run, as every write removes it.
hyperfine -N -i --style none --warmup 5 --runs 100 --export-csv "$work/s.csv" \
    -n status "$bin --db $store status --short" -n git "git -C $repo status --short" \
    >/dev/null 2>&1
hyperfine -N -i --style none --warmup 5 --runs 100 --export-csv "$work/s-full.csv" \
    --prepare "rm -f $store/karmadash-status" -n full "$bin --db $store status --short" \
    >/dev/null 2>&1
status_ms=$(median_ms status "$work/s.csv") git_ms=$(median_ms git "$work/s.csv")
full_ms=$(median_ms full "$work/s-full.csv")
echo
echo "status --short, 300 completions: $status_ms ms; git status --short: $git_ms ms; ratio $(ratio "$status_ms" "$git_ms") (target 6: at most 2)"
echo "status --short, first after a write (opens sled): $full_ms ms; ratio $(ratio "$full_ms" "$git_ms")"
# Target 6b: the dashboard's first frame, warm, over the largest catalogue
# (in a pty, benches/first_frame.py; needs python3).
if command -v python3 >/dev/null 2>&1; then
    largest=${sizes##* }
    "$bin" --data "$work/data-$largest" search warm --limit 1 >/dev/null
    frame=$(python3 benches/first_frame.py 5 -- "$bin" --data "$work/data-$largest" --db "$store" | tail -1)
    echo "first frame, $largest titles, warm: $frame (target 6: under 30 ms)"
fi
echo
echo "target 2, warm time <= 0.5x fzf's: $warm_ok of $total (worst $worst_warm)"
echo "target 3, cold time <= 1.0x fzf's: $cold_ok of $total (worst $worst_cold)"
echo "target 4, peak memory <= fzf's, warm and cold: $mem_ok of $total (worst $worst_mem)"
