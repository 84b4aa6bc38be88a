"""After sign-in the page goes back to where you came from (``?next=``), and only to a
page of this site: ``next=/\\evil.example`` sent a signed-in clerk to another host
(issue 13)."""
from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from .conftest import arrive

pytestmark = pytest.mark.slow

# Each is read by browsers as another host (or another scheme), not a path of ours.
ELSEWHERE = ["/\\evil.example", "/\\/evil.example", "//evil.example", "/\t/evil.example",
             "https://evil.example/", "javascript:alert(1)", "\\\\evil.example"]


def _sign_in_with_next(page, server, target: str) -> None:
    page.evaluate("localStorage.clear()") if page.url.startswith(server.url) else None
    page.goto(server.url + "/dang-nhap?next=" + quote(target, safe=""))
    page.get_by_label("Mã truy cập").fill(server.tokens["clerk"])
    page.get_by_role("button", name="Đăng nhập bằng mã").click()


@pytest.mark.parametrize("target", ELSEWHERE)
def test_sign_in_never_leaves_the_site(server, page, target):
    _sign_in_with_next(page, server, target)
    arrive(page, "^" + re.escape(server.url + "/van-ban") + r"(\?|$)")


def test_sign_in_goes_back_to_a_page_of_the_site(server, page):
    _sign_in_with_next(page, server, "/trung-lap?trang=2")
    arrive(page, "^" + re.escape(server.url + "/trung-lap?trang=2") + "$")
