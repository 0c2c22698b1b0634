#!/usr/bin/env bash
# p50/p95 latency of reco.match_profile over a set of profiles × 4 filter sets (each run twice;
# the first pass warms the cache and is discarded). Profiles: one per line of PROFILES_FILE
# (gen_corpus.py writes profiles.txt in the corpus' own vocabulary), else the built-in ones.
# Usage: profile_latency.sh DATABASE_URL [PROFILES_FILE]
set -euo pipefail
url=$1
profiles=(
    "Développeur Python Django, API REST et PostgreSQL"
    "Data engineer Spark Airflow Kafka pipelines warehouse"
    "Infirmier diplômé, soins aux patients, garde de nuit"
    "Comptable: bilan, fiscalité, clôture, Sage et Excel"
    "Commercial B2B, prospection, négociation, Salesforce"
    "Cloud architect AWS Terraform Kubernetes security migration"
    "Chef de projet agile Scrum Jira, pilotage budget client"
    "UX designer Figma wireframes user research prototypes"
    "Technicien de maintenance, dépannage, habilitation électrique"
    "Recruiter sourcing candidates interviews hiring"
)
if [[ $# -ge 2 ]]; then
    mapfile -t profiles < <(grep -v '^$' "$2" | sed "s/'/ /g")
fi
filters=("" ", departement => '75'" ", contract => 'permanent'" ", remote => 'full_remote'")
sql="\\timing on"$'\n'
for pass in 1 2; do
    for p in "${profiles[@]}"; do
        for f in "${filters[@]}"; do
            sql+="select count(*) from reco.match_profile('${p}'${f});"$'\n'
        done
    done
done
psql "$url" -qAt -c "select 1" >/dev/null
psql "$url" -qAt <<<"$sql" | grep -oP '^Time: \K[0-9.]+' | tail -n $(( ${#profiles[@]} * ${#filters[@]} )) | sort -n | awk '
    { t[NR] = $1 }
    END { printf "queries\t%d\np50_ms\t%.1f\np95_ms\t%.1f\nmax_ms\t%.1f\n", NR, t[int(NR * 0.5)], t[int(NR * 0.95)], t[NR] }'
