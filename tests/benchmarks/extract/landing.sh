#!/usr/bin/env bash
# Landing throughput: `jobmarket land` (RawPageWriter: hash, JSON check, dedupe query, binary COPY
# into raw.adzuna_pages with its indexes) against `psql \copy` of the same pages as JSON lines into
# a bare jsonb table, the physical limit. Throwaway cluster; prints postings/s and the ratio.
#
# usage: tests/benchmarks/extract/landing.sh [POSTINGS=200000] [RUNS=3]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
postings="${1:-200000}"
runs="${2:-3}"
bin=/usr/lib/postgresql/15/bin
work="$(mktemp -d /tmp/jm-bench-extract.XXXXXX)"
port=$(( 56000 + RANDOM % 1000 ))
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() { as_pg "$bin/pg_ctl" -D "$work/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

echo "generating $postings postings..." >&2
python3 "$here/tests/benchmarks/extract/generate_pages.py" "$work" "$postings"
mkdir -p "$work/data" "$work/sock"
[ "$(id -u)" = 0 ] && chown -R postgres "$work" && chmod 755 "$work"
as_pg "$bin/initdb" -D "$work/data" -A trust -U postgres --encoding=UTF8 --no-locale >/dev/null
as_pg "$bin/pg_ctl" -D "$work/data" -w -l "$work/pg.log" \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $work/sock -c fsync=on -c max_wal_size=4GB" start >/dev/null
psql=(psql -X -q -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1)
"${psql[@]}" -c "create database bench" >/dev/null
export JOBMARKET_DATABASE_URL="postgres://postgres@127.0.0.1:$port/bench"
"$here/jobmarket" migrate >/dev/null
"${psql[@]}" -d bench -c "create table public.copy_target (body jsonb not null)"
mb=$(du -m "$work/pages.jsonl" | cut -f1)
echo "dataset: $postings postings in $(ls "$work/pages" | wc -l) pages, ${mb} MB" >&2

land=(); copy=()
for run in $(seq "$runs"); do
  "${psql[@]}" -d bench -c "truncate raw.adzuna_pages; checkpoint" >/dev/null
  "$here/jobmarket" land --source adzuna "$work"/pages/*.json >/dev/null 2>&1
  # The landing step's own duration, without process start-up.
  seconds=$("${psql[@]}" -d bench -At -c "select extract(epoch from finished_at - started_at) from audit.run_step order by started_at desc limit 1")
  land+=("$seconds")
  "${psql[@]}" -d bench -c "truncate public.copy_target; checkpoint" >/dev/null
  start=$(date +%s.%N)
  "${psql[@]}" -d bench -c "\\copy public.copy_target (body) from '$work/pages.jsonl' with (format csv, quote e'\\x01', delimiter e'\\x02')"
  copy+=("$(echo "$(date +%s.%N) - $start" | bc)")
  echo "run $run: land ${land[-1]} s, \\copy ${copy[-1]} s" >&2
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ml=$(median "${land[@]}"); mc=$(median "${copy[@]}")
rows=$("${psql[@]}" -d bench -At -c "select count(*) from raw.adzuna_pages")
echo "pages landed: $rows"
awk -v p="$postings" -v l="$ml" -v c="$mc" 'BEGIN {
  printf "jobmarket land: median %.2f s, %.0f postings/s\n", l, p / l
  printf "psql \\copy:     median %.2f s, %.0f postings/s\n", c, p / c
  printf "ratio land / \\copy: %.2f\n", c / l }'
