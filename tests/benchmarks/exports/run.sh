#!/usr/bin/env bash
# Export benchmark: N rows (default 500,000) written as xlsx and csv by `jobmarket export`,
# against PostgreSQL's own `COPY (query) TO STDOUT` CSV (psql \copy) of the same query.
# Reports wall time and peak RSS (GNU time) per run, and the medians over RUNS runs, with the
# 1-minute load average seen at the start of each run (the machine is shared: say how busy it was)
# and the CPU seconds each command cost, its server backend included (embedded cluster only).
# Usage: tests/benchmarks/exports/run.sh [ROWS] [RUNS]   (uses JOBMARKET_DATABASE_URL or the embedded cluster)
# On a shared machine run it with `nice` and start the embedded cluster with `nice` too
# (`jobmarket db stop; nice jobmarket db start`): COPY's work happens in the server, the
# exports' in the CLI, so both sides need the same priority for the ratio to mean anything.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
rows="${1:-500000}"
runs="${2:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

url="${JOBMARKET_DATABASE_URL:-$("$here/jobmarket" db url)}"
psql_() { psql "$url" -v ON_ERROR_STOP=1 -qAt "$@"; }
"$here/jobmarket" migrate >/dev/null

psql_ <<SQL
drop table if exists public.bench_export_rows;
create table public.bench_export_rows as
select
    n as posting_id,
    'Data engineer ' || (n % 997) || ' — Île-de-France / Python, SQL' as title,
    (array['Bretagne', 'Occitanie', 'Île-de-France', 'Grand Est', 'Normandie'])[1 + n % 5] as region_name,
    (30000 + (n * 7919) % 50000)::numeric(12, 2) as salary_mid_eur,
    ((n % 100) / 100.0)::double precision as remote_share,
    date '2026-01-01' + (n % 300)::integer as published_date,
    timestamptz '2026-01-01 00:00:00+00' + make_interval(secs => n) as fetched_at,
    n % 3 = 0 as is_remote
from generate_series(1::bigint, $rows) as n;
analyze public.bench_export_rows;
SQL

query="select posting_id, title, region_name, salary_mid_eur, remote_share, published_date, fetched_at, is_remote from public.bench_export_rows order by posting_id"
mkdir -p "$work/exports"
cat >"$work/exports/bench_export.yml" <<YAML
title: Export benchmark
description: $rows synthetic postings.
sheets:
  - name: Postings
    sql: $query
    columns:
      - name: salary_mid_eur
        format: eur
      - name: remote_share
        format: percent
YAML
export JOBMARKET_Exports__DefinitionsFolder="$work/exports"

# CPU seconds the server's finished backends used so far (the postmaster's reaped children), when the
# cluster is the embedded one and readable here; COPY does its work there, an export partly too.
postmaster_pid=""
if [ -z "${JOBMARKET_DATABASE_URL:-}" ] && [ -r "$here/.jobmarket/pg/data/postmaster.pid" ]; then
  postmaster_pid="$(head -1 "$here/.jobmarket/pg/data/postmaster.pid")"
fi
server_cpu() {
  if [ -n "$postmaster_pid" ] && [ -r "/proc/$postmaster_pid/stat" ]; then
    awk -v hz="$(getconf CLK_TCK)" '{sub(/^.*\) /, ""); printf "%.2f", ($14 + $15) / hz}' "/proc/$postmaster_pid/stat"
  else
    echo 0
  fi
}

# Prints "seconds peak_kib load cpu" for one command: GNU time (the launcher execs dotnet, so RSS is
# the CLI's), the load average at the start, and CPU seconds = the command's + its server backend's.
measure() {
  local load before
  load=$(cut -d' ' -f1 /proc/loadavg)
  before=$(server_cpu)
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }
  read -r wall rss user sys <"$work/time"
  echo "$wall $rss $load $(echo "$user + $sys + $(server_cpu) - $before" | bc)"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

"$here/jobmarket" export bench_export --out "$work/out" >/dev/null   # warm-up: build, caches
: >"$work/copy"; : >"$work/xlsx"; : >"$work/csv"
for i in $(seq "$runs"); do
  measure psql "$url" -qAt -c "\\copy ($query) to '$work/copy.csv' with (format csv, header)" >>"$work/copy"
  measure "$here/jobmarket" export bench_export --out "$work/out" >>"$work/xlsx"
  measure "$here/jobmarket" export bench_export --out "$work/out" --format csv >>"$work/csv"
done

printf 'rows=%s runs=%s\n' "$rows" "$runs"
for kind in copy xlsx csv; do
  t=$(cut -d' ' -f1 "$work/$kind" | median)
  m=$(cut -d' ' -f2 "$work/$kind" | median)
  c=$(cut -d' ' -f4 "$work/$kind" | median)
  printf '%-5s median %6.2f s  peak RSS %6.0f MiB  CPU %5.2f s   (runs: %s; load at start: %s)\n' "$kind" "$t" "$(echo "$m / 1024" | bc -l)" "$c" \
    "$(cut -d' ' -f1 "$work/$kind" | tr '\n' ' ')" "$(cut -d' ' -f3 "$work/$kind" | tr '\n' ' ')"
done
copy_t=$(cut -d' ' -f1 "$work/copy" | median)
copy_c=$(cut -d' ' -f4 "$work/copy" | median)
for kind in xlsx csv; do
  t=$(cut -d' ' -f1 "$work/$kind" | median)
  c=$(cut -d' ' -f4 "$work/$kind" | median)
  printf '%s / COPY time ratio: %.2f   CPU ratio (client + server): %.2f\n' "$kind" "$(echo "$t / $copy_t" | bc -l)" "$(echo "$c / $copy_c" | bc -l)"
done
ls -l "$work/out" "$work/copy.csv" | awk 'NF > 5 {print $5, $NF}'
psql_ -c "drop table public.bench_export_rows"
