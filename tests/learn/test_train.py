"""``giaoviec train`` builds a loadable pipeline with the tagger (extractor/learn/), the same bytes
for the same seed, from the documents it stages out of one or several corpora."""
from __future__ import annotations

import shutil

import pytest

from extractor.evaluate import load_golds
from tests.conftest import run_cli


def _small_corpus(src_train, src_dev, dst):
    for split, src, n in (("train", src_train, 4), ("dev", src_dev, 2)):
        (dst / split).mkdir(parents=True)
        golds = sorted(src.glob("*.gold.json"))[:n]
        for g in golds:
            stem = g.name[: -len(".gold.json")]
            for f in src.glob(stem + ".*"):
                shutil.copy(f, dst / split / f.name)
    return dst


@pytest.mark.slow
def test_train_is_reproducible_and_loadable(corpus_train, corpus_dev, tmp_path):
    corpus = _small_corpus(corpus_train, corpus_dev, tmp_path / "corpus")
    outs = []
    for run in ("a", "b"):
        out = tmp_path / f"model-{run}"
        proc = run_cli("train", "--corpus", str(corpus / "train"), "--out", str(out), "--seed", "0")
        assert proc.returncode == 0, proc.stderr
        outs.append(out)
    model = "giaoviec_tagger/tagger.crfsuite"
    assert (outs[0] / model).stat().st_size > 1000
    assert (outs[0] / model).read_bytes() == (outs[1] / model).read_bytes()
    assert (outs[0] / "MODEL_CARD.md").is_file()

    from extractor.nlp import load_nlp

    nlp = load_nlp(outs[0])
    assert nlp.component_names == ["giaoviec_titles", "giaoviec_names", "giaoviec_periods", "giaoviec_tagger",
                                   "giaoviec_linker"]
    assert nlp.get_pipe("giaoviec_tagger").tagger.ready
    doc = nlp("Năm 2021, đồng chí Ma Trọng Long, Chủ tịch UBND xã Hòa Phú được giao 2 việc là làm đường; xây chợ.")
    assert len(doc.user_data["giaoviec_assignments"]) == 1


def test_train_refuses_a_folder_without_train(tmp_path):
    proc = run_cli("train", "--corpus", str(tmp_path), "--out", str(tmp_path / "m"))
    assert proc.returncode == 2
    assert "train" in proc.stderr and proc.stdout == ""


def test_train_adapter_stages_chosen_documents_from_several_corpora(corpus_train, corpus_dev, tmp_path):
    from service.cli.train import _stage

    names = _stage([corpus_train, corpus_dev], tmp_path / "train", only=None,
                   exclude={sorted(load_golds(corpus_train))[0]})
    assert sorted(load_golds(corpus_train))[0] not in names
    assert len(names) == len(load_golds(corpus_train)) - 1 + len(load_golds(corpus_dev))
    assert len(list((tmp_path / "train").glob("*.gold.json"))) == len(names)
