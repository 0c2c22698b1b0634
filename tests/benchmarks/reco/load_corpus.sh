#!/usr/bin/env bash
# Creates database DB on the server at BASE_URL (a URL without the database), applies the
# migrations the reco models need (schemas, roles, reco functions) and loads a gen_corpus.py folder
# into core-shaped tables (core_fixture.sql). Usage: load_corpus.sh BASE_URL DB CORPUS_DIR
set -euo pipefail
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
here=$(cd "$(dirname "$0")" && pwd)
migrations="$here/../../../migrations"
base=$1 db=$2 dir=$3
psql "$base/postgres" -qAt -c "drop database if exists $db" -c "create database $db"
url="$base/$db"
for m in "$migrations"/V0001__*.sql "$migrations"/V0002__*.sql "$migrations"/V004*.sql "$migrations"/V0052__*.sql "$migrations"/V0053__*.sql; do
    psql "$url" -q -v ON_ERROR_STOP=1 -f "$m" >/dev/null
done
psql "$url" -q -v ON_ERROR_STOP=1 -f "$here/core_fixture.sql"
for t in location skill posting posting_skill; do
    psql "$url" -q -v ON_ERROR_STOP=1 -c "\\copy core.$t from '$dir/$t.tsv'"
done
psql "$url" -q -c "vacuum analyze"
echo "$url"
