"""Many files at once: a .zip dropped on a server that has just started is expanded into
its documents, each with its own row and progress, and every one of them finishes; the
same task in three documents shows on the duplicates page as one group, decided at once."""
from __future__ import annotations

import zipfile

import pytest

from .conftest import shot, sign_in
from .documents import plan_lines
from .test_journey import api, drop_file

pytestmark = pytest.mark.slow


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
    assert not failed, (failed, fresh_server.tail())
    for row in rows.all():
        assert "cán bộ" in row.locator(".result").inner_text()

    # Three plans repeat two tasks: two groups of three tasks (three pairs each).
    sign_in(page, fresh_server, "reviewer")
    page.goto(fresh_server.url + "/trung-lap")
    group = page.locator("#cluster")
    group.wait_for()
    assert "3 nội dung giống nhau, 3 cặp" in group.inner_text()
    shot(page, "12-trung-lap-nhom")
    in_group = page.locator("#pair .task-text").first.inner_text()
    with page.expect_response(lambda r: "/api/duplicates/bulk" in r.url) as bulk:
        group.get_by_role("button", name="Đánh dấu cả nhóm là trùng lặp").click()
    assert bulk.value.ok
    page.wait_for_function("t => document.querySelector('#pair .task-text').textContent !== t", arg=in_group)
    pairs = api(fresh_server, "reviewer", "/api/duplicates?status=all")["items"]
    assert sorted(p["status"] for p in pairs) == ["duplicate"] * 3 + ["pending"] * 3
    assert {p["a"]["text"] for p in pairs if p["status"] == "duplicate"} == {in_group}
