"""The review pages in Vietnamese (trang xem xét): sign in, upload, documents,
document review, duplicates and the register of records.

The pages are thin server-rendered shells (Jinja2) and plain JavaScript that talks
to the JSON API under ``/api`` with the token kept in ``localStorage``; every asset
is shipped in :data:`STATIC_DIR` so the pages work with no internet.

The app includes the router and mounts the static files::

    from fastapi.staticfiles import StaticFiles
    from service.ui import router as ui_router, STATIC_DIR
    app.include_router(ui_router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
"""
from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

__all__ = ["router", "STATIC_DIR", "TEMPLATES_DIR", "PAGES"]

STATIC_DIR = Path(__file__).resolve().parent / "static"
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"

# path -> (template, menu title). Paths are Vietnamese without accents so clerks can
# type them and share them; the order is the order of the menu.
PAGES: dict[str, tuple[str, str]] = {
    "/tai-len": ("upload.html", "Tải lên"),
    "/van-ban": ("documents.html", "Văn bản"),
    "/trung-lap": ("duplicates.html", "Trùng lặp"),
    "/so-theo-doi": ("records.html", "Sổ theo dõi"),
    "/quan-tri": ("admin.html", "Quản trị"),  # shown in the menu to administrators only
}
ADMIN_PAGES = {"/quan-tri"}

templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
router = APIRouter(include_in_schema=False)


def _asset_version() -> str:
    """A cache-busting suffix for the assets: the newest mtime of the static files,
    so an upgraded install never runs yesterday's JavaScript from the browser cache."""
    try:
        return str(int(max(p.stat().st_mtime for p in STATIC_DIR.iterdir())))
    except ValueError:
        return "0"


def _render(request: Request, template: str, **context) -> HTMLResponse:
    return templates.TemplateResponse(
        request,
        template,
        {"menu": [(path, title, path in ADMIN_PAGES) for path, (_, title) in PAGES.items()], "v": _asset_version(),
         **context},
    )


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    """The start page is the list of documents (the page JS sends a visitor with no
    token to the sign-in page)."""
    return _render(request, "documents.html", current="/van-ban")


@router.get("/dang-nhap", response_class=HTMLResponse)
def login_page(request: Request) -> HTMLResponse:
    """Sign in (đăng nhập) with a token or a name and password."""
    return _render(request, "login.html", current="/dang-nhap")


@router.get("/van-ban/{document_id}", response_class=HTMLResponse)
def review_page(request: Request, document_id: str) -> HTMLResponse:
    """Review one document (xem xét văn bản): source on the left, records on the right."""
    return _render(request, "review.html", current="/van-ban", document_id=document_id)


def _page_route(path: str, template: str):
    def page(request: Request) -> HTMLResponse:
        return _render(request, template, current=path)

    page.__name__ = "page_" + path.strip("/").replace("-", "_")
    page.__doc__ = f"The page {path} ({template})."
    return page


for _path, (_template, _title) in PAGES.items():
    router.add_api_route(_path, _page_route(_path, _template), methods=["GET"], response_class=HTMLResponse)
