#!/usr/bin/env python3
"""Writes N Adzuna-shaped search pages (50 postings each) as page files and as one JSON-lines file.

usage: generate_pages.py OUT_DIR POSTINGS
The same bodies feed both sides of the landing benchmark: `jobmarket land` reads the files,
`psql \\copy` reads pages.jsonl (one page per line).
"""
import json
import os
import random
import sys

out, postings = sys.argv[1], int(sys.argv[2])
per_page = 50
random.seed(42)
os.makedirs(os.path.join(out, "pages"), exist_ok=True)
titles = ["Data Engineer (H/F)", "Analyste de données", "Senior <strong>Data</strong> Scientist", "Développeur Python", "BI Developer"]
places = [("Lyon, Rhône", ["France", "Auvergne-Rhône-Alpes", "Rhône", "Lyon"]), ("Paris", ["France", "Ile-de-France", "Paris"]), ("France", ["France"])]
with open(os.path.join(out, "pages.jsonl"), "w", encoding="utf-8") as lines:
    for page in range(postings // per_page):
        results = []
        for i in range(per_page):
            n = page * per_page + i
            place = random.choice(places)
            job = {
                "__CLASS__": "Adzuna::API::Response::Job", "id": str(5000000000 + n), "adref": f"eyJpIjoi{n:x}.x1y2z3",
                "title": random.choice(titles),
                "description": "Nous recherchons un profil data pour construire notre entrepôt de données. " * 4 + "…",
                "created": f"2026-11-{1 + n % 20:02d}T{n % 24:02d}:21:07Z",
                "redirect_url": f"https://www.adzuna.fr/land/ad/{5000000000 + n}?se=abc&v=F00",
                "company": {"__CLASS__": "Adzuna::API::Response::Company", "display_name": f"Company {n % 997}"},
                "location": {"__CLASS__": "Adzuna::API::Response::Location", "display_name": place[0], "area": place[1]},
                "category": {"__CLASS__": "Adzuna::API::Response::Category", "tag": "it-jobs", "label": "Emplois Informatique"},
            }
            if n % 3:
                job.update({"salary_min": 40000 + n % 20000, "salary_max": 45000 + n % 20000, "salary_is_predicted": "0",
                            "contract_type": "permanent", "contract_time": "full_time"})
            results.append(job)
        body = json.dumps({"__CLASS__": "Adzuna::API::Response::JobSearchResults", "count": postings, "mean": 48210.55, "results": results},
                          ensure_ascii=False, separators=(",", ":"))
        lines.write(body + "\n")
        with open(os.path.join(out, "pages", f"page-{page + 1:05d}.json"), "w", encoding="utf-8") as f:
            f.write(body)
