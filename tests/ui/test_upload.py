"""Many files at once: a .zip dropped on a server that has just started is expanded into
its documents, each with its own row and progress, and every one of them finishes."""
from __future__ import annotations

import zipfile

import pytest

from .conftest import shot, sign_in
from .documents import plan_lines
from .test_journey import drop_file

pytestmark = pytest.mark.slow

# The known failure this test found (see the report of issue 6): underthesea's word_tokenize
# loads its model lazily and not thread-safely, so two workers starting at once can crash.
UNDERTHESEA_RACE = "'NoneType' object has no attribute 'process'"


def test_a_zip_of_documents_dropped_on_a_cold_server_all_finish(fresh_server, page, tmp_path):
    archive = tmp_path / "ke-hoach-cac-xa.zip"
    names = []
    with zipfile.ZipFile(archive, "w") as zf:
        for n, commune in enumerate(["Điềm Mặc", "Phú Đình", "Bình Yên"], 1):
            text = "\n".join(plan_lines()).replace("Điềm Mặc", commune).replace("45-KH/ĐU", f"{40 + n}-KH/ĐU")
            names.append(f"ke-hoach-{n}.txt")
            zf.writestr(f"ke-hoach/{names[-1]}", text.encode("utf-8"))
    sign_in(page, fresh_server, "clerk")
    page.goto(fresh_server.url + "/tai-len")
    drop_file(page, "#drop", archive, "application/zip")
    page.wait_for_function("document.querySelectorAll('#uploads tbody tr[data-id]').length === 3")
    rows = page.locator("#uploads tbody tr")
    shown = rows.evaluate_all("rs => rs.map(r => r.dataset.name)")
    assert sorted(n.rsplit("/", 1)[-1] for n in shown) == names
    page.wait_for_function("""() => [...document.querySelectorAll('#uploads tbody tr')]
        .every(r => r.dataset.status === 'done' || r.dataset.status === 'failed')""", timeout=120_000)
    shot(page, "11-tai-len-zip")
    failed = rows.evaluate_all("rs => rs.filter(r => r.dataset.status === 'failed').map(r => r.textContent)")
    if failed and UNDERTHESEA_RACE in fresh_server.tail():
        pytest.xfail(f"known: concurrent first use of underthesea word_tokenize crashes a worker: {failed}")
    assert not failed, (failed, fresh_server.tail())
    for row in rows.all():
        assert "cán bộ" in row.locator(".result").inner_text()
