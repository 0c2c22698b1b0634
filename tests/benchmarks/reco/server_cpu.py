#!/usr/bin/env python3
"""Runs one SQL statement through psql and prints its wall time and the CPU seconds the server spent
on it (the backend and its parallel workers, sampled from /proc through
pg_stat_activity.leader_pid; needs a local server). On a shared machine wall time says little.
similarity_tradeoff.sh runs it for each parameter set.
Usage: server_cpu.py DATABASE_URL SQL
"""
import os
import subprocess
import sys
import threading
import time


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
    took, cpu = psql(sys.argv[1], sys.argv[2])
    print(f"wall_s={took:.1f} cpu_s={cpu:.1f}")


if __name__ == "__main__":
    sys.exit(main())
