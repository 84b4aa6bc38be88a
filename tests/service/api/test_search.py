"""One search behaviour (issue 14): the document list's search ignores accents, case and
punctuation like every other filter, on the name, number, title and issuer."""
from __future__ import annotations


def test_document_search_is_accent_insensitive(api):
    from service.processing import store_upload
    from service.storage.db import session_scope

    with session_scope() as s:
        doc, _ = store_upload(s, b"van ban 1", "ke-hoach.txt")
        doc.title, doc.number, doc.issuer = "Về việc giao việc đột phá năm 2022", "120-QĐ/HU", "Huyện ủy Định Hóa"
        store_upload(s, b"van ban 2", "Báo cáo Hòa Phú.docx")
    names = lambda q: [d["name"] for d in api.get("/api/documents", params={"q": q}).json()["items"]]  # noqa: E731
    for q in ("dot pha", "ĐỘT PHÁ", "đột phá", "120 qd", "dinh hoa", "viec dot  pha"):
        assert names(q) == ["ke-hoach.txt"], q
    assert names("hoa phu") == names("Hòa Phú") == ["Báo cáo Hòa Phú.docx"]
    assert names("khong co dau") == []
    assert len(names("!!!")) == 0  # nothing to match on: nothing, not everything
    sha = api.get("/api/documents").json()["items"][0]["sha256"]
    assert len(names(sha)) == 1


def test_existing_documents_are_folded_by_the_migration(service):
    """0005 fills search_folded for documents stored before it."""
    from alembic import command
    from sqlalchemy import text

    from service.storage.db import alembic_config, get_engine

    with get_engine().begin() as conn:
        conn.execute(text("INSERT INTO documents (name, sha256, size, status, stage, title, pages, pages_done, ocr, "
                          "attempts, runs, uploaded_at) VALUES ('cu.txt', 'x', 1, 'done', 'done', 'Kế hoạch đột phá',"
                          " 0, 0, false, 0, 0, CURRENT_TIMESTAMP)"))
    cfg = alembic_config(service.database_url)
    command.downgrade(cfg, "0004")
    command.upgrade(cfg, "head")
    with get_engine().connect() as conn:
        assert conn.execute(text("SELECT search_folded FROM documents WHERE name = 'cu.txt'")).scalar() == \
            "cu txt ke hoach dot pha"
