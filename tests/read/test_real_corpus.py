"""The real documents in ../shared/corpus/dev (read in place, never copied): every one
reads, spans hold, and every gold name and task is still in the normalised page text."""
from __future__ import annotations

import json

from extractor.normalize import normalize_line
from extractor.read import read

from read_helpers import check_spans


def test_dev_corpus_reads_and_keeps_gold_text(shared_dev):
    files = sorted(p for p in shared_dev.iterdir() if p.suffix in (".txt", ".html", ".docx", ".pdf"))
    assert files
    missing = []
    for path in files:
        doc = read(path)
        assert doc.pages and doc.pages[0].text, path.name
        check_spans(doc)
        text = " ".join(doc.text.split())
        gold_path = path.with_suffix(".gold.json")
        if not gold_path.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        for a in gold.get("assignments", []):
            for value in [a["cadre"]] + [t["text"] for t in a.get("tasks", [])]:
                if normalize_line(value) not in text:
                    missing.append((path.name, value[:60]))
    assert not missing, missing
