#!/usr/bin/env python3
"""Create (or refresh CONCURRENTLY) the reco materialized views straight from models/reco/*.sql
(table models are rebuilt and swapped in),
with ref() resolved to reco.<model> or core.<model> and each model's own pre-hooks run in its
transaction (the folder's `jit = off` is left to the server); prints each model's time.

The benchmark uses it so its timings are the SQL's own, with no engine overhead. On a shared
machine wall time says little, so it also prints the CPU seconds the server spent on each model
(the backend and its parallel workers, sampled from /proc through pg_stat_activity.leader_pid;
needs a local server).
Usage: apply_models.py DATABASE_URL [--refresh] [--only name,name]
"""
import argparse
import os
import re
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
MODELS = os.path.normpath(os.path.join(HERE, "..", "..", "..", "models", "reco"))
CONFIG = re.compile(r"\{\{\s*config\((.*?)\)\s*\}\}", re.S)
PRE_HOOK = re.compile(r"pre_hook\s*=\s*\[(.*?)\]", re.S)
HOOK = re.compile(r'"([^"]*)"')
COMMENT = re.compile(r"\{#.*?#\}", re.S)
REF = re.compile(r"\{\{\s*ref\('([a-z0-9_]+)'\)\s*\}\}")


def load():
    models = {}
    for name in os.listdir(MODELS):
        if name.endswith(".sql"):
            with open(os.path.join(MODELS, name)) as f:
                models[name[:-4]] = f.read()
    return models


def order(models):
    done, out = set(), []

    def visit(name):
        if name in done or name not in models:
            return
        for dep in REF.findall(models[name]):
            visit(dep)
        done.add(name)
        out.append(name)

    for name in sorted(models):
        visit(name)
    return out


def render(name, sql, models):
    config = CONFIG.search(sql)
    indexes, hooks, kind = [], [], "materialized view"
    if config:
        if re.search(r"materialized\s*=\s*'table'", config.group(1)):
            kind = "table"
        hook_list = PRE_HOOK.search(config.group(1))
        hooks = HOOK.findall(hook_list.group(1)) if hook_list else []
        # indexes=[{'columns': [...], 'unique': true}, ...]
        for m in re.finditer(r"\{'columns':\s*\[([^\]]*)\](?:,\s*'unique':\s*(true|false))?\}", config.group(1)):
            cols = [c.strip().strip("'") for c in m.group(1).split(",")]
            indexes.append((cols, m.group(2) == "true"))
    body = COMMENT.sub("", CONFIG.sub("", sql))
    body = REF.sub(lambda m: ("reco." if m.group(1) in models else "core.") + m.group(1), body)
    return body.strip(), indexes, hooks, kind


def cpu_seconds(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def watch_cpu(url, tag, done, totals):
    """Samples the CPU time of the session tagged `tag` and of its parallel workers until done."""
    query = ("select pid from pg_stat_activity where application_name = '%s' "
             "or leader_pid in (select pid from pg_stat_activity where application_name = '%s')" % (tag, tag))
    while not done.is_set():
        out = subprocess.run(["psql", url, "-qAt", "-c", query], capture_output=True, text=True).stdout
        for pid in filter(None, out.split()):
            seconds = cpu_seconds(pid)
            if seconds is not None:
                totals[pid] = max(totals.get(pid, 0.0), seconds)
        done.wait(0.5)


def psql(url, sql):
    tag = f"apply_models_{os.getpid()}_{time.time_ns()}"
    done, totals = threading.Event(), {}
    watcher = threading.Thread(target=watch_cpu, args=(url, tag, done, totals))
    watcher.start()
    started = time.time()
    try:
        subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-q", "-c", sql], check=True, stdout=subprocess.DEVNULL,
                       env=dict(os.environ, PGAPPNAME=tag))
    finally:
        done.set()
        watcher.join()
    return time.time() - started, sum(totals.values())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--refresh", action="store_true")
    parser.add_argument("--only", default="")
    args = parser.parse_args()
    models = load()
    only = set(filter(None, args.only.split(",")))
    total = total_cpu = 0.0
    for name in order(models):
        if only and name not in only:
            continue
        body, indexes, hooks, kind = render(name, models[name], models)
        # The model's own pre-hooks, in the model's transaction, as the engine runs them.
        if args.refresh and kind != "table":
            statements = ["begin", *hooks, f"refresh materialized view concurrently reco.{name}", "commit"]
        else:
            # A table model is rebuilt beside the old one and swapped in, as the engine does.
            target = f"{name}__new" if args.refresh else name
            statements = ["begin", *hooks, f"drop {kind} if exists reco.{target} cascade",
                          f"create {kind} reco.{target} as\n{body}"]
            for i, (cols, unique) in enumerate(indexes):
                statements.append(
                    f"create {'unique ' if unique else ''}index {target}_{i} on reco.{target} ({', '.join(cols)})")
            if target != name:
                statements += [f"drop {kind} reco.{name}", f"alter {kind} reco.{target} rename to {name}"]
                statements += [f"alter index reco.{target}_{i} rename to {name}_{i}" for i in range(len(indexes))]
            statements += ["commit", f"analyze reco.{name}"]
        took, cpu = psql(args.url, ";\n".join(statements))
        total += took
        total_cpu += cpu
        print(f"{name}\t{took:.2f}s\tcpu {cpu:.1f}s\tload {os.getloadavg()[0]:.1f}", flush=True)
    print(f"total\t{total:.2f}s\tcpu {total_cpu:.1f}s")


if __name__ == "__main__":
    sys.exit(main())
