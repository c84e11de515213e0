"""The UI's languages beyond English and Chinese (de, ja, ko, ru): the menu names each in itself,
choosing one translates the pages, tags ``<html lang>`` and the page element, and Japanese and
Korean text draws real glyphs (the CJK fonts of the font stack)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, Response, expect

from fitscope.server import UIServer

from .conftest import Runs, open_page, ready_points, serve
from .runs import MLP_SESSION
from .test_page_items import _GLYPHS_JS


@pytest.fixture(scope="module")
def server(runs: Runs) -> Iterator[UIServer]:
    """One server showing the test runs; pages pick theirs with ``?session=``."""
    with serve(*runs.storages.values()) as ui:
        yield ui


#: Each language: its name in the menu, its `overview.score` and `app.nav.model` (as in frontend/src/i18n/<lang>.ts).
LANGS = {
    "de": ("Deutsch", "Modell-Score nach Iteration", "Modell"),
    "ja": ("日本語", "モデルスコアとイテレーション", "モデル"),
    "ko": ("한국어", "반복별 모델 점수", "모델"),
    "ru": ("Русский", "Оценка модели по итерациям", "Модель"),
}

#: Characters of each CJK heading whose glyphs must differ from one another and from a missing one.
CJK_CHARS: dict[str, list[str]] = {"ja": ["モ", "デ", "ル", "ス"], "ko": ["반", "복", "모", "델"]}


@pytest.mark.parametrize("lang", sorted(LANGS))
def test_language_menu_translates_the_pages_and_tags_html_lang(page: Page, server: UIServer, lang: str) -> None:
    name, heading, nav_model = LANGS[lang]
    findings: list[Response] = []
    page.on("response", lambda r: findings.append(r) if "/api/v1/findings" in r.url else None)
    open_page(page, server, "overview", session=MLP_SESSION)
    menu = page.locator('train-app select[name="lang"]')
    expect(menu.locator(f'option[value="{lang}"]')).to_have_text(name)
    menu.select_option(lang)
    expect(page.locator("train-overview h2", has_text=heading)).to_have_count(1)
    expect(page.locator("train-overview h2", has_text="Model Score vs. Iteration")).to_have_count(0)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.locator("train-app train-overview")).to_have_attribute("lang", lang)
    expect(page.locator("train-app nav").get_by_text(nav_model, exact=True)).to_have_count(1)
    # the server translates findings into en and zh only: other languages ask for English ones
    expect(page.locator("train-findings").first).not_to_contain_text("Error")
    assert findings and all(r.status == 200 for r in findings), [(r.url, r.status) for r in findings]
    assert all("lang=zh" not in r.url and f"lang={lang}" not in r.url for r in findings)


@pytest.mark.parametrize("lang", sorted(CJK_CHARS))
def test_cjk_languages_draw_their_glyphs(page: Page, server: UIServer, lang: str) -> None:
    _, heading_text, _ = LANGS[lang]
    open_page(page, server, "overview", session=MLP_SESSION)
    page.locator('train-app select[name="lang"]').select_option(lang)
    heading = page.locator("train-overview h2", has_text=heading_text)
    expect(heading).to_have_count(1)
    ready_points(page, "score")
    font = heading.evaluate("el => getComputedStyle(el).fontFamily")
    assert "Noto Sans CJK" in font or "Source Han Sans" in font, font
    page.evaluate("document.fonts.ready")
    *cjk, missing = page.evaluate(_GLYPHS_JS, [font, [*CJK_CHARS[lang], "\U0010fffd"]])
    assert len(set(cjk)) == len(cjk), f"{lang} characters draw the same shape (tofu): {cjk}"
    assert missing not in cjk, f"a {lang} character draws like a missing glyph: {cjk}, {missing}"
