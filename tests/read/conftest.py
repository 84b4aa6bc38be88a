"""Fixtures of tests/read: documents made once per session (the makers are in
read_helpers.py; a plain module, because every test folder has a conftest.py and
``from conftest import`` would be ambiguous across the suite)."""
from __future__ import annotations

from pathlib import Path

import pytest

from read_helpers import convert, decision_docx, degrade, images_to_pdf, render


@pytest.fixture(scope="session")
def made(tmp_path_factory) -> dict[str, Path]:
    """Session-wide documents made once: the decision as DOCX, text PDF, clean and
    degraded scans, and a scanned (image-only) PDF."""
    out = tmp_path_factory.mktemp("made")
    files: dict[str, Path] = {}
    files["decision.docx"] = decision_docx(out / "decision.docx")
    (files["decision.pdf"],) = convert([files["decision.docx"]], "pdf", out)
    pages = render(files["decision.pdf"], out)
    files["decision.png"] = pages[0]
    files["decision-degraded.png"] = degrade(pages[0], out / "decision-degraded.png")
    files["scan.pdf"] = images_to_pdf([files["decision-degraded.png"]], out / "scan.pdf")
    return files
