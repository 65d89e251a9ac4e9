"""A hit's excerpt always shows a word that matched, on the real passages of data/."""

from __future__ import annotations

from bot.core.library import Library
from bot.core.results import FindHit
from bot.render import around, snippet
from conftest import DATA

UDHR_ZH = DATA / "corpus" / "zh" / "A_RES_217_A_III_UDHR_zh.txt"


async def test_every_hit_shows_a_matched_word(corpus_lib: Library) -> None:
    # Words deep inside long passages, in spaced and unspaced scripts.
    for query in ("snapback", "人权", "教育", "ceasefire Gazakh", "mandate extened"):
        res = await corpus_lib.find(query, ["corpus"], limit=10)
        assert res.hits, query
        for h in res.hits:
            for width in (120, 300):
                assert "**" in snippet(h, width), (query, h.paragraph, width)


def test_a_span_past_the_window_in_a_text_without_spaces_is_shown() -> None:
    para = max(UDHR_ZH.read_text(encoding="utf-8").split("\n\n"), key=len)
    at = len(para) - 12  # late in a long passage without spaces
    assert at > 100 and " " not in para[:at]
    hit = FindHit(None, 0, para, 1.0, [(at, at + 2)])  # type: ignore[arg-type]
    assert f"**{para[at : at + 2]}**" in snippet(hit, 60)


async def test_a_citing_passage_shows_the_resolution_number(corpus_lib: Library) -> None:
    rows = await corpus_lib.store.db.execute_fetchall(
        "SELECT text FROM paragraphs WHERE text LIKE '%822 (1993)%'"
    )
    late = [r[0] for r in rows if " ".join(r[0].split()).find("822") > 220]
    assert late  # the start alone would leave the number out
    for text in late:
        assert "822" in around(text, "S/RES/822 (1993)", 220)
        assert len(around(text, "S/RES/822 (1993)", 220)) <= 220
