#!/usr/bin/env bash
# Full build of every model over synthetic raw pages, then an incremental day (about 2% new postings)
# and a second build. Usage: tests/benchmarks/models/full_and_incremental.sh <postings> <days>
# Run on an empty warehouse (it writes into raw), nice'd: it takes the CPU.
set -euo pipefail
postings=${1:-100000}
days=${2:-2}
cd "$(dirname "$0")/../../.."
./jobmarket migrate
nice ./jobmarket synth --postings "$postings" --days "$days"
start=$(date +%s.%N)
nice ./jobmarket build --threads 1
full=$(echo "$(date +%s.%N) - $start" | bc)
nice ./jobmarket synth --postings "$postings" --days $((days + 1)) --first-day "$days"
start=$(date +%s.%N)
nice ./jobmarket build --threads 1
incremental=$(echo "$(date +%s.%N) - $start" | bc)
echo "postings=$postings days=$days full_build_s=$full next_day_build_s=$incremental"
