#!/usr/bin/env bash
# Times `jobmarket synth` landing N synthetic postings in raw (default 1,000,000), nice'd, and prints
# the synth summary line plus the process's CPU and memory. Uses the configured database
# (JOBMARKET_DATABASE_URL, or the embedded default under .jobmarket/), migrated first.
#   tests/benchmarks/data/synth.sh [postings] [seed]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
postings="${1:-1000000}"
seed="${2:-2026}"
"$here/jobmarket" migrate >/dev/null
/usr/bin/time -v nice "$here/jobmarket" synth --postings "$postings" --seed "$seed" 2>&1 \
  | grep -E '^synth:|Elapsed \(wall|User time|System time|Maximum resident'
# Raw size after the run.
"$here/jobmarket" db psql -At -c "select 'raw size: ' || pg_size_pretty(sum(pg_total_relation_size(format('raw.%I', tablename)))) from pg_tables where schemaname = 'raw'"
