#!/usr/bin/python3
"""The scikit-learn reference: TF-IDF + exact cosine top 10, and recall of the warehouse against it.

Modes:
  raw       TfidfVectorizer on the raw text of the active postings (title repeated 3 times, as the
            warehouse weights it; min_df=2, max_df=0.5 as the warehouse prunes) + exact top 10.
            This is the timed reference ("what the data team's Python job does").
  features  the warehouse's own term weights (exported from reco.reco_posting_term) + exact top 10:
            the same vectors, so recall measures only the warehouse's candidate pruning.
Both modes, given --warehouse (posting_id, similar_posting_id, score TSV), print recall@10:
strict (set overlap) and tie-aware (a warehouse neighbour counts when its exact cosine is at least
the exact 10th best, since templated corpora have many exact ties).
Usage: sklearn_exact.py raw POSTING_TSV [--warehouse W.tsv]
       sklearn_exact.py features TERMS_TSV [--warehouse W.tsv] [--cache EXACT.npz]
"""
import argparse
import os
import sys
import time

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

TOP = 10


def read_raw(path):
    ids, docs = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if cols[4] != "t":
                continue
            title, description = cols[1], cols[2]
            ids.append(int(cols[0]))
            docs.append(" ".join([title] * 3 + [description]))
    return ids, TfidfVectorizer(min_df=2, max_df=0.5, dtype=np.float32).fit_transform(docs)


def read_features(path):
    rows, cols, vals, ids, index, vocab = [], [], [], [], {}, {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            pid, term, weight = line.rstrip("\n").split("\t")
            pid = int(pid)
            if pid not in index:
                index[pid] = len(ids)
                ids.append(pid)
            rows.append(index[pid])
            cols.append(vocab.setdefault(term, len(vocab)))
            vals.append(float(weight))
    matrix = sparse.csr_matrix((np.array(vals, dtype=np.float32), (rows, cols)), shape=(len(ids), len(vocab)))
    return ids, matrix


def exact_top(matrix, chunk=256, rows=None):
    """Exact top 10 of every row (or of the given rows only; the others stay empty)."""
    n = matrix.shape[0]
    rows = np.arange(n) if rows is None else np.asarray(rows)
    transposed = matrix.T.tocsc()
    top_ids = np.zeros((n, TOP), dtype=np.int64)
    top_scores = np.zeros((n, TOP), dtype=np.float32)
    for first in range(0, len(rows), chunk):
        block = rows[first:first + chunk]
        scores = (matrix[block] @ transposed).toarray()
        scores[np.arange(len(block)), block] = -1.0  # not oneself
        k = min(TOP, n - 1)
        part = np.argpartition(-scores, k - 1, axis=1)[:, :k]
        part_scores = np.take_along_axis(scores, part, axis=1)
        order = np.argsort(-part_scores, axis=1)
        top_ids[block, :k] = np.take_along_axis(part, order, axis=1)
        top_scores[block, :k] = np.take_along_axis(part_scores, order, axis=1)
    return top_ids, top_scores


def recall(ids, matrix, top_ids, top_scores, warehouse_path, sampled=False):
    position = {pid: i for i, pid in enumerate(ids)}
    found = {}
    with open(warehouse_path) as f:
        for line in f:
            a, b = line.split("\t")[:2]
            found.setdefault(int(a), []).append(int(b))
    strict = expected = 0
    pair_rows, pair_cols, pair_tenth = [], [], []
    for i, pid in enumerate(ids):
        valid = top_scores[i] > 0
        exact = {ids[j] for j in top_ids[i][valid]}
        if not exact or (sampled and pid not in found):
            continue
        mine = [b for b in found.get(pid, []) if b in position][:TOP]
        expected += len(exact)
        strict += len(exact.intersection(mine))
        for b in mine:
            pair_rows.append(i)
            pair_cols.append(position[b])
            pair_tenth.append(top_scores[i][valid].min())
    # Tie-aware: a warehouse neighbour counts when its exact cosine reaches the exact 10th best.
    scores = np.asarray(matrix[pair_rows].multiply(matrix[pair_cols]).sum(axis=1)).ravel()
    tie_aware = int((scores >= np.array(pair_tenth) - 1e-4).sum())
    print(f"recall@10 strict\t{strict / expected:.4f}")
    print(f"recall@10 tie-aware\t{min(tie_aware, expected) / expected:.4f}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["raw", "features"])
    parser.add_argument("input")
    parser.add_argument("--warehouse")
    parser.add_argument("--sampled", action="store_true",
                        help="the warehouse file covers a sample of postings: measure recall on those only")
    parser.add_argument("--cache", help="features mode: keep the exact top 10 in this .npz and reuse it")
    args = parser.parse_args()
    started = time.time()
    ids, matrix = read_raw(args.input) if args.mode == "raw" else read_features(args.input)
    vectorised = time.time()
    if args.cache and os.path.exists(args.cache):
        cached = np.load(args.cache)
        top_ids, top_scores = cached["top_ids"], cached["top_scores"]
    elif args.sampled and args.warehouse:
        # Exact neighbours of the sampled postings only: a fraction of the quadratic cost.
        with open(args.warehouse) as f:
            sampled = {int(line.split("\t")[0]) for line in f}
        top_ids, top_scores = exact_top(matrix, rows=[i for i, pid in enumerate(ids) if pid in sampled])
    else:
        top_ids, top_scores = exact_top(matrix)
    if args.cache and not os.path.exists(args.cache):
        np.savez(args.cache, top_ids=top_ids, top_scores=top_scores)
    done = time.time()
    print(f"postings\t{len(ids)}\nterms\t{matrix.shape[1]}")
    print(f"vectorise_s\t{vectorised - started:.1f}\nexact_top10_s\t{done - vectorised:.1f}\ntotal_s\t{done - started:.1f}")
    sys.stdout.flush()
    if args.warehouse:
        recall(ids, matrix, top_ids, top_scores, args.warehouse, args.sampled)


if __name__ == "__main__":
    main()
