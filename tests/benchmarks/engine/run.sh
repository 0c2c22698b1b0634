#!/usr/bin/env bash
# Engine benchmarks (docs/benchmarks.md, engine section). Run from anywhere; takes a few minutes.
#  1. parse + plan: `jobmarket ls` on 500 generated models vs on an empty project (process start).
#  2. build overhead: `jobmarket run` on 50 trivial table models vs the same create/rename/drop
#     statements through psql, on the same embedded cluster.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
work="$(mktemp -d)"
trap 'JOBMARKET_HOME="$work/trivial" "$repo/jobmarket" db stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
runs=${RUNS:-5}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc; }

python3 "$here/generate.py" "$work/p500" 500
mkdir -p "$work/empty/models"
"$repo/jobmarket" --help >/dev/null  # build once
for i in $(seq "$runs"); do JOBMARKET_HOME="$work/p500" seconds "$repo/jobmarket" ls; done | median > "$work/ls500"
for i in $(seq "$runs"); do JOBMARKET_HOME="$work/empty" seconds "$repo/jobmarket" ls; done | median > "$work/ls0"
echo "parse+plan 500 models: jobmarket ls median $(cat "$work/ls500") s; empty project $(cat "$work/ls0") s"

python3 "$here/generate.py" "$work/trivial" 50 --trivial
cp -r "$repo/migrations" "$work/trivial/migrations"
export JOBMARKET_HOME="$work/trivial"
"$repo/jobmarket" migrate >/dev/null 2>&1
"$repo/jobmarket" run --threads 1 >/dev/null 2>&1   # first build creates everything
for i in $(seq "$runs"); do seconds "$repo/jobmarket" run --threads 1; done | median > "$work/run1"
for i in $(seq "$runs"); do seconds "$repo/jobmarket" run --threads 4; done | median > "$work/run4"
for i in $(seq "$runs"); do seconds "$repo/jobmarket" db psql -- -q -X -f "$work/trivial/psql_equivalent.sql"; done | median > "$work/psql"
for i in $(seq "$runs"); do seconds "$repo/jobmarket" db psql -- -q -X -c "select 1"; done | median > "$work/psql0"
echo "50 trivial models: jobmarket run --threads 1 median $(cat "$work/run1") s, --threads 4 $(cat "$work/run4") s;" \
     "psql same statements $(cat "$work/psql") s (psql wrapper alone $(cat "$work/psql0") s)"
