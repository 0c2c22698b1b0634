#!/usr/bin/env bash
# Recall and time of reco.similar_postings for several (min_weight, list_cap, shortlist) on a
# sample of the postings (posting_id % SAMPLE = 0), against the exact top 10 on the warehouse's
# own vectors (sklearn_exact.py features: the whole corpus' exact top 10 from WORK_DIR/exact.npz
# when that file exists, else the sampled postings' own, cached in WORK_DIR/exact_sample_S.npz).
# Prints wall seconds and the server's CPU seconds (server_cpu.py).
# Needs the reco models built (next_day.sh, or `jobmarket build -s path:models/reco`).
# Usage: similarity_tradeoff.sh DATABASE_URL WORK_DIR SAMPLE "min_weight cap m" ["min_weight cap m" ...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
url=$1 work=$2 sample=$3
shift 3
mkdir -p "$work"
if [[ ! -s "$work/terms.tsv" ]]; then
    psql "$url" -qAt -c "\\copy (select posting_id, term, weight from reco.reco_posting_term) to '$work/terms.tsv'"
fi
for params in "$@"; do
    read -r min_weight cap m <<<"$params"
    sql="\\copy (select posting_id, (n).similar_posting_id, (n).score from (select posting_id, reco.similar_postings(posting_id, $min_weight, $cap, $m) as n from reco.reco_posting where posting_id % $sample = 0) as s) to '$work/sample.tsv'"
    timing=$(python3 "$here/server_cpu.py" "$url" "$sql")
    echo "min_weight=$min_weight cap=$cap m=$m $timing load=$(cut -d' ' -f1 /proc/loadavg)"
    cache=(--cache "$work/exact_sample_$sample.npz")
    [[ -f "$work/exact.npz" ]] && cache=(--cache "$work/exact.npz")
    /usr/bin/python3 "$here/sklearn_exact.py" features "$work/terms.tsv" "${cache[@]}" \
        --warehouse "$work/sample.tsv" --sampled | grep recall
done
