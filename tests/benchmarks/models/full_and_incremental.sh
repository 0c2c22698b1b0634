#!/usr/bin/env bash
# Full build of every model (reco aside: benchmarked in tests/benchmarks/reco) over synthetic raw pages,
# then one more day of fetches (about 2% new postings; --full-scan-every 0, so the day lists only new
# ones, as the extractors' incremental windows do) and an incremental build.
# Usage: [THREADS=N] tests/benchmarks/models/full_and_incremental.sh <postings> [seed]
# THREADS: the builds' --threads (default 1, every node alone: the per-node times add up).
# Run it on an empty warehouse (it writes into raw): JOBMARKET_DATABASE_URL or the embedded one.
set -euo pipefail
postings=${1:-100000}
seed=${2:-2026}
threads=${THREADS:-1}
cd "$(dirname "$0")/../../.."
seconds() { date +%s.%N; }
./jobmarket migrate
./jobmarket synth --postings "$postings" --days 1 --seed "$seed" --full-scan-every 0
start=$(seconds)
./jobmarket build --threads "$threads" --exclude path:reco
full=$(echo "$(seconds) - $start" | bc)
./jobmarket synth --postings "$postings" --days 2 --first-day 1 --seed "$seed" --full-scan-every 0
# Scheduled builds are a day apart, time for autovacuum to visit the tables the full build wrote;
# a minute is enough for it to start on them (autovacuum_naptime)
sleep 60
start=$(seconds)
./jobmarket build --threads "$threads" --exclude path:reco
incremental=$(echo "$(seconds) - $start" | bc)
echo "postings=$postings threads=$threads full_build_s=$full next_day_build_s=$incremental ratio=$(echo "scale=3; $incremental / $full" | bc)"
echo "per node: select node, status, rows_affected, finished_at - started_at from audit.model_run order by run_id desc, finished_at - started_at desc"
