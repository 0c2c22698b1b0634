#!/usr/bin/env bash
# Latency of every Metabase question on a synthetic warehouse: p50/p95/max per question, run as
# jobmarket_reader with default filters (goal: p95 < 200 ms each).
#   tests/benchmarks/metabase/run.sh [POSTINGS] [DAYS]     (default 1000000 postings, 30 days)
# Uses JOBMARKET_DATABASE_URL when set, else the embedded cluster; skips synth+build when
# SKIP_BUILD=1 (to re-time an existing warehouse). Runs under nice: the machine is shared.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
postings="${1:-1000000}"
days="${2:-30}"
jm() { nice -n 10 "$here/jobmarket" "$@"; }

if [ "${SKIP_BUILD:-0}" != "1" ]; then
  jm migrate
  /usr/bin/time -f "synth: %e s" nice -n 10 "$here/jobmarket" synth --postings "$postings" --days "$days" --seed 2026
  /usr/bin/time -f "build: %e s" nice -n 10 "$here/jobmarket" build
fi
jm db psql -At -c "select 'postings in fct_job_posting: ' || count(*) from marts.fct_job_posting"
jm metabase bench --runs "${RUNS:-20}" --warmup "${WARMUP:-3}"
