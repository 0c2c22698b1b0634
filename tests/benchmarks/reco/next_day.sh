#!/usr/bin/env bash
# The reco refresh benchmark: a full build of models/reco through `jobmarket build` on a corpus
# loaded by load_corpus.sh (with HOLD), then one more day (next_day.sql: 2% new postings, as many
# closed) and the incremental build that a daily `jobmarket build` runs. Between the two, VACUUM
# ANALYZE stands in for the autovacuum a day gives the tables. Prints each node's time (the
# engine's own lines) and exports, into OUT, the warehouse's term weights and neighbours after the
# day, for sklearn_exact.py features (recall on the same vectors).
# Usage: next_day.sh DATABASE_URL OUT
set -euo pipefail
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
here=$(cd "$(dirname "$0")" && pwd)
url=$1 out=$2
mkdir -p "$out"
build() {
    JOBMARKET_DATABASE_URL="$url" "$here/../../../jobmarket" build --select path:models/reco --threads 1 "$@" 2>&1 |
        grep -E '^ +[0-9]+/[0-9]+ |node\(s\):' | sed 's/^ *//'
}
echo "== full build ($(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1 /proc/loadavg))"
build --full-refresh
psql "$url" -q -c "vacuum analyze"
psql "$url" -q -f "$here/next_day.sql"
psql "$url" -qAt -c "select 'postings: ' || count(*) || ', active: ' || count(*) filter (where is_active) || ', written today: ' || count(*) filter (where loaded_at > now() - interval '10 minutes') from core.posting"
echo "== next day, incremental build ($(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1 /proc/loadavg))"
build
psql "$url" -qAt -c "select 'vocabulary fitted at ' || max(fitted_at) || ' on ' || max(count_postings) || ' postings' from reco.reco_term_idf"
psql "$url" -qAt -c "\\copy (select posting_id, term, weight from reco.reco_posting_term) to '$out/terms.tsv'"
psql "$url" -qAt -c "\\copy (select posting_id, similar_posting_id, score from reco.reco_similar_posting) to '$out/similar.tsv'"
echo "exported $out/terms.tsv and $out/similar.tsv"
