"""Key sentences: taken from the document, the transmitted item first, no headings or contents."""

from __future__ import annotations

import pytest

from bot.core.parse import parse_document
from bot.core.summary import key_sentences, split_sentences
from conftest import DATA


def _points(name: str) -> tuple[list[str], str]:
    path = DATA / name
    text = path.read_text(encoding="utf-8")
    record = parse_document(text, filename=path.name)
    return key_sentences(record.paragraphs), " ".join(p.text for p in record.paragraphs)


@pytest.mark.parametrize(
    "name",
    ["corpus/en/S_2025_472.txt", "seed/000_d7938d8b0aeb43da.txt", "corpus/en/S_2025_395.txt"],
)
def test_a_covering_letter_says_first_what_it_transmits(name: str) -> None:
    points, text = _points(name)
    assert 2 <= len(points) <= 4
    assert any(w in points[0] for w in ("transmit", "faire tenir")), points[0]
    for p in points:
        assert p.rstrip("…")[:60] in text  # the document's own words
        assert "....." not in p  # a table of contents is not a key point


def test_every_bundled_document_gets_real_sentences() -> None:
    for path in sorted((DATA / "corpus" / "en").glob("*.txt")):
        points, _ = _points(f"corpus/en/{path.name}")
        assert points, path.name
        assert all(p[0].isupper() or p[0] in '«“"(0123456789' for p in points), (path.name, points)


def test_abbreviations_do_not_end_sentences() -> None:
    text = "Le Secrétaire général, M. Antonio Guterres, a appelé au calme. Il l'a redit le 6 avril."
    assert split_sentences(text) == [
        "Le Secrétaire général, M. Antonio Guterres, a appelé au calme.",
        "Il l'a redit le 6 avril.",
    ]


def test_a_resolution_is_summed_up_by_what_it_decides() -> None:
    points, _ = _points("corpus/en/S_RES_2772_2025.txt")
    assert any(p.lstrip("0123456789. ").startswith("Decides to extend") for p in points), points
