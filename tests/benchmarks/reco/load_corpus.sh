#!/usr/bin/env bash
# Creates database DB on the server at BASE_URL (a URL without the database), applies the project's
# migrations (`jobmarket migrate`) and loads a gen_corpus.py folder into core-shaped tables
# (core_fixture.sql). With HOLD, the last HOLD postings of the corpus are held back in
# bench.next_day_posting for next_day.sql (generate the corpus with N + HOLD postings: gen_corpus.py
# is deterministic and its first N postings do not depend on the total).
# Usage: load_corpus.sh BASE_URL DB CORPUS_DIR [HOLD]
set -euo pipefail
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
here=$(cd "$(dirname "$0")" && pwd)
base=$1 db=$2 dir=$3 hold=${4:-0}
psql "$base/postgres" -qAt -c "drop database if exists $db" -c "create database $db"
url="$base/$db"
JOBMARKET_DATABASE_URL="$url" "$here/../../../jobmarket" migrate >/dev/null 2>&1 || { echo "load_corpus.sh: jobmarket migrate failed" >&2; exit 1; }
psql "$url" -q -v ON_ERROR_STOP=1 -f "$here/core_fixture.sql"
for t in location skill "posting (posting_id, title, description, language, is_active, location_id, contract_code, remote_code)" posting_skill; do
    psql "$url" -q -v ON_ERROR_STOP=1 -c "\\copy core.$t from '$dir/${t%% *}.tsv'"
done
psql "$url" -q -v ON_ERROR_STOP=1 -v hold="$hold" <<'SQL'
create schema if not exists bench;
create table bench.next_day_posting as
select * from core.posting where posting_id > (select max(posting_id) - :hold from core.posting);
create table bench.next_day_posting_skill as
select * from core.posting_skill where posting_id in (select posting_id from bench.next_day_posting);
delete from core.posting_skill where posting_id in (select posting_id from bench.next_day_posting);
delete from core.posting where posting_id in (select posting_id from bench.next_day_posting);
SQL
psql "$url" -q -c "vacuum analyze"
echo "$url"
