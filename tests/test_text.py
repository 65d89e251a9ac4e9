"""Cleaning and paragraph rebuilding, on snippets and on the real documents."""

from __future__ import annotations

import re

import pytest

from bot.core.lang import detect_language
from bot.core.paragraphs import split_paragraphs
from bot.core.text import clean_text
from conftest import CORPUS, SEED, needs_shared

CLEAN_CASES = [
    # Markdown residue from the PDF-to-Markdown converter.
    ("les résolutions [822 \\(1993\\)](#) et", "les résolutions 822 (1993) et"),
    ("(*Signé*) Yashar Aliyev", "(Signé) Yashar Aliyev"),
    ("**Lettre datée du 13 avril 2020**", "Lettre datée du 13 avril 2020"),
    ("**Conflits prolongés\nGUAM**", "Conflits prolongés GUAM"),
    ("Item 116 (c) of the preliminary list*", "Item 116 (c) of the preliminary list*"),
    # Page furniture: job numbers, barcodes, print stamps, counters, old running headers.
    # A removed line leaves one blank line: the page break the paragraph builder sees.
    ("text\n25-00746 (E)\nmore", "text\n\nmore"),
    ("text\n*2500746*\nmore", "text\n\nmore"),
    ("text\n200125\nmore", "text\n\nmore"),
    ("text\n2/3\nmore", "text\n\nmore"),
    ("A/52/687\nbody\n/...\n\nA/52/687\nEnglish\nPage 2\n\nnext", "A/52/687\nbody\n\nnext"),
    # The masthead symbol stays; its repetitions at page tops go.
    ("S/2025/29\nUnited Nations\nbody\nS/2025/29\nmore", "S/2025/29\nUnited Nations\nbody\n\nmore"),
]


@pytest.mark.parametrize(("raw", "expected"), CLEAN_CASES)
def test_clean_text_snippets(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


def test_wrapped_lines_become_one_paragraph_with_compound_hyphens() -> None:
    text = (
        "Letter dated 2 May 2025 from the Permanent Representative of X to the United\n"
        "Nations addressed to the Secretary-General\n"
        "We support the long-\n"
        "term plan of the Secretary-\n"
        "General and troop- and police-contributing countries in this regard, as agreed.\n"
        "A second paragraph starts here and goes on to the end of the printed line width.\n"
        "It ends here.\n"
    )
    paras = [p.text for p in split_paragraphs(text)]
    assert (
        "We support the long-term plan of the Secretary-General and troop- and "
        "police-contributing countries in this regard, as agreed."
    ) in paras


def test_footnote_kept_apart_and_sentence_rejoined() -> None:
    text = (
        "The current Prime Minister, who once pursued policies under the slogan, actually continues\n"
        "\n__________________\n1\n\nThe text of the speech is available at the Secretariat.\n\n"
        "the racist policy by his predecessors.\n"
    )
    paras = split_paragraphs(text)
    body = [p.text for p in paras if p.section == "body"]
    notes = [p.text for p in paras if p.section == "footnote"]
    assert any("actually continues the racist policy" in t for t in body)
    assert notes == ["1 The text of the speech is available at the Secretariat."]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The Security Council, recalling its resolutions on the situation in the region", "en"),
        ("Le Conseil de sécurité, rappelant ses résolutions sur la situation dans la région", "fr"),
        (
            "El Consejo de Seguridad, recordando sus resoluciones sobre la situación de la región",
            "es",
        ),
        ("Совет Безопасности, ссылаясь на свои резолюции", "ru"),
        ("إن مجلس الأمن، إذ يشير إلى قراراته", "ar"),
        ("安全理事会回顾其以往各项决议", "zh"),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


FURNITURE = [
    re.compile(r"^\d{2}-\d{5} \([A-Z]\)$"),
    re.compile(r"^\*\d{6,}\*$"),
    re.compile(r"^\d{6}$"),
    re.compile(r"^\d{1,3}/\d{1,3}$"),
    re.compile(r"^Page \d+$"),
    re.compile(r"^/\.\.\.$"),
]


@needs_shared
def test_no_furniture_in_any_paragraph() -> None:
    files = [*sorted((CORPUS / "en").glob("*.txt")), next(SEED.glob("*.txt"))]
    for f in files:
        paras = split_paragraphs(f.read_text(encoding="utf-8"))
        own = paras[0].text if paras and paras[0].section == "masthead" else None
        for p in paras:
            for line in p.text.split(" / "):
                assert not any(rx.match(line) for rx in FURNITURE), (f.name, p.text)
            if p.section != "masthead" and own and "/" in own:
                assert p.text != own, (f.name, p.index)
        # Old running headers ("A/52/687 English Page 3") are gone from body paragraphs.
        assert not any(re.search(r"\bEnglish Page \d", p.text) for p in paras), f.name


@needs_shared
def test_old_report_running_headers_removed() -> None:
    paras = split_paragraphs((CORPUS / "en" / "A_52_687.txt").read_text(encoding="utf-8"))
    body = [p for p in paras if p.section != "masthead"]
    assert not any(p.text in ("A/52/687", "English", "/...") for p in body)
    joined = " ".join(p.text for p in body)
    assert "Permanent Electoral Council and the designation of judicial officials" in joined


@needs_shared
def test_seed_paragraphs_and_sections() -> None:
    paras = split_paragraphs(next(SEED.glob("*.txt")).read_text(encoding="utf-8"))
    sections = {p.section for p in paras}
    assert {"masthead", "body", "annex"} <= sections
    assert [p.index for p in paras] == list(range(len(paras)))
    text = "\n".join(p.text for p in paras)
    assert "**" not in text and "](#)" not in text and "\\(" not in text
    assert "résolutions 822 (1993), 853 (1993), 874 (1993) et 884 (1993)" in text


@needs_shared
def test_parsing_is_fast() -> None:
    import time

    text = (CORPUS / "en" / "S_2025_194.txt").read_text(encoding="utf-8")  # ~15,000 words
    started = time.perf_counter()
    split_paragraphs(text)
    assert time.perf_counter() - started < 0.2


def test_resolution_preamble_paragraphs_rebuilt_across_wrapped_dates() -> None:
    """S/RES/678 (1990) wraps a list of dated resolutions over eight lines, mid-date."""
    from bot.core.parse import parse_document
    from conftest import DATA

    text = (DATA / "corpus/en/S_RES_678_1990.txt").read_text(encoding="utf-8")
    paras = [p.text for p in parse_document(text, filename="S_RES_678_1990.txt").paragraphs]
    recalling = next(p for p in paras if p.startswith("Recalling and reaffirming"))
    assert recalling.endswith("677 (1990) of 28 November 1990,")
    assert "Determined to secure full compliance with its decisions," in paras
    assert any(p.startswith("1. Demands that Iraq") for p in paras)
