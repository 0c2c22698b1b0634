#!/usr/bin/env python3
"""Generates a model project for the engine benchmarks.

generate.py DIR N [--trivial]
  default: N models in layers of 25 (staging views over one source, then tables that ref two
           models of the layer before), each with a YAML (description, two column tests).
  --trivial: N independent `select` table models and a psql script doing the same work
           (create table as, rename swap, drop) in DIR/psql_equivalent.sql.
"""
import os, sys

out, n = sys.argv[1], int(sys.argv[2])
trivial = "--trivial" in sys.argv
models = os.path.join(out, "models")
os.makedirs(os.path.join(models, "staging", "bench"), exist_ok=True)
os.makedirs(os.path.join(models, "core"), exist_ok=True)
with open(os.path.join(models, "models.yml"), "w") as f:
    f.write("version: 2\nfolders:\n  staging:\n    materialized: view\n  core:\n    materialized: table\n")

if trivial:
    psql = []
    for i in range(n):
        name = f"trivial_{i:03d}"
        body = f"select g as id, g * {i} as value from generate_series(1, 100) as g"
        with open(os.path.join(models, "core", name + ".sql"), "w") as f:
            f.write(body + "\n")
        psql.append(
            "begin;\n"
            f"create table core.{name}__tmp as {body};\n"
            f"alter table if exists core.{name} rename to {name}__old;\n"
            f"alter table core.{name}__tmp rename to {name};\n"
            f"drop table if exists core.{name}__old;\n"
            "commit;\n")
    with open(os.path.join(out, "psql_equivalent.sql"), "w") as f:
        f.write("".join(psql))
    sys.exit(0)

with open(os.path.join(models, "staging", "bench", "_sources.yml"), "w") as f:
    f.write("version: 2\nsources:\n  - name: bench\n    schema: raw\n    tables:\n      - name: events\n")
layer_size = 25
for i in range(n):
    layer, pos = divmod(i, layer_size)
    if layer == 0:
        folder, name = os.path.join(models, "staging", "bench"), f"stg_bench__m{i:04d}"
        sql = "select id, value from {{ source('bench', 'events') }}\n"
    else:
        folder, name = os.path.join(models, "core"), f"m{i:04d}"
        def ref(j):
            return f"stg_bench__m{j:04d}" if j < layer_size else f"m{j:04d}"
        a = (layer - 1) * layer_size + pos
        b = (layer - 1) * layer_size + (pos + 1) % layer_size
        sql = ("with\n\na as (\n    select * from {{ ref('%s') }}\n),\n\nb as (\n    select * from {{ ref('%s') }}\n),\n\n"
               "final as (\n    select a.id, a.value + b.value as value from a join b on a.id = b.id\n)\n\nselect * from final\n") % (ref(a), ref(b))
    with open(os.path.join(folder, name + ".sql"), "w") as f:
        f.write(sql)
    with open(os.path.join(folder, name + ".yml"), "w") as f:
        f.write(f"version: 2\nmodels:\n  - name: {name}\n    description: Benchmark model {i}.\n    columns:\n"
                "      - name: id\n        tests: [unique, not_null]\n      - name: value\n")
