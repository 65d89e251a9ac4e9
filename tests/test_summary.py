"""Key sentences: taken from the document, the transmitted item first, no headings or contents."""

from __future__ import annotations

import pytest

from bot.core.models import Paragraph
from bot.core.parse import parse_document
from bot.core.readers import read_path
from bot.core.summary import key_sentences, outline, split_sentences
from conftest import DATA, SHARED, needs_shared


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


# --- long documents -------------------------------------------------------------------------


def _report(paras: list[tuple[str, str]]) -> list[Paragraph]:
    return [Paragraph(i, text, section) for i, (section, text) in enumerate(paras)]


def test_a_report_is_summed_up_by_what_it_recommends_and_a_colon_brings_its_list() -> None:
    long_claim = (
        "The Committee notes that the programme of work for the biennium was delivered in full, "
        "that every output planned under the six subprogrammes was produced on schedule, and that "
        "the savings made on travel and on contractual services were returned to Member States, "
        "as the Assembly requested in its resolution on the programme budget; it further notes "
        "that the evaluation function reviewed each subprogramme and found its results credible, "
        "relevant to the mandates given and documented with evidence that can be checked."
    )
    paras = _report(
        [
            ("body", "I. Introduction"),
            ("body", "1. The present report covers the work of the Committee during the year."),
            ("body", "2. The Committee met four times and heard the heads of all the departments."),
            ("body", "II. Activities"),
            ("body", "3. The Committee visited three duty stations and met staff representatives."),
            ("body", "III. Conclusions and recommendations"),
            ("body", f"4. {long_claim}"),
            ("body", "5. The Committee recommends that the General Assembly:"),
            ("body", "(a) Approve the programme of work for the next biennium;"),
            ("body", "(b) Request the Secretary-General to report on its implementation."),
            ("annex", "Annex"),
            ("annex", "List of participants"),
        ]
    )
    points = key_sentences(paras)
    assert points and all("Committee met four times" not in p for p in points)
    listed = next(p for p in points if "recommends that the General Assembly:" in p)
    assert "(a) Approve the programme" in listed and "(b) Request the Secretary-General" in listed
    # No sentence is cut: fitting it on a screen is the renderer's job.
    assert any(p.endswith("checked.") and len(p) > 400 for p in points)
    assert outline(paras) == [
        "I. Introduction",
        "II. Activities",
        "III. Conclusions and recommendations",
        "Annex",
    ]


@needs_shared
def test_a_secretary_general_report_is_summed_up_from_its_observations() -> None:
    text = read_path(SHARED / "corpus" / "pdf-2025" / "S_2025_460.en.pdf").text
    rec = parse_document(text, filename="S_2025_460.en.pdf")
    start = next(i for i, p in enumerate(rec.paragraphs) if p.text == "VI. Observations")
    observations = " ".join(p.text for p in rec.paragraphs[start:])
    points = key_sentences(rec.paragraphs)
    assert len(points) >= 2
    assert all(p in " ".join(observations.split()) for p in points), points


@needs_shared
def test_the_body_resumes_after_footnotes_in_pdf_text() -> None:
    # pdftotext/PDFium output has no blank line after a page's notes: the numbered
    # paragraphs that follow are body, not more footnotes.
    text = read_path(SHARED / "corpus" / "pdf-2025" / "A_80_179.en.pdf").text
    rec = parse_document(text, filename="A_80_179.en.pdf")
    numbered = [p for p in rec.paragraphs if p.text[:4].rstrip(" .").isdigit()]
    assert len(numbered) > 30  # 6 before: the rest were taken as notes
    assert all(p.section == "body" for p in numbered if not p.text.startswith(("1 ", "2 ")))


# --- "Contents": a long report's outline in its summary (issue 12, item 4) ---------------------


def test_contents_are_the_top_level_sections_cleaned() -> None:
    from bot.core.summary import contents

    texts = [
        "Contents",
        "II. Methodology and response rates for surveys ... 71 iv",  # the printed contents
        "I. Introduction",
        "1. The present report is submitted pursuant to the request of the Council.",
        "II. Conflict dynamics",
        "A. In the north",
        "III. Violence across Darfur46",  # a footnote mark glued to the heading
        "IV. Recommendations",
    ]
    paras = [Paragraph(i, t) for i, t in enumerate(texts)]
    assert contents(paras) == [
        "I. Introduction",
        "II. Conflict dynamics",
        "III. Violence across Darfur",
        "IV. Recommendations",
    ]
    assert contents(paras[:5]) == []  # two sections: nothing worth a "Contents"


@needs_shared
async def test_a_long_reports_summary_shows_its_contents(tmp_path) -> None:
    from bot.core.library import Actor, Library
    from bot.discord.embeds import summary_embed
    from bot.render import render_summary

    pdf = SHARED / "corpus" / "pdf-2025" / "E_2025_8.en.pdf"
    async with Library(tmp_path / "s.db") as lib:
        await lib.load_files([(pdf.name, pdf.read_bytes())], "guild:1", Actor("m", True))
        doc = await lib.resolve("E/2025/8", ["guild:1"])
        s = await lib.summary(doc, ["guild:1"])
    assert s.contents[0] == "I. Introduction" and s.contents[-1] == "VIII. Conclusion"
    text = render_summary(s, "en")
    assert "**Contents**\nI. Introduction · II. " in text
    assert text.index("**Contents**") < text.index("**Key points**")
    field = next(f for f in summary_embed(s, "en").fields if f.name == "Contents")
    assert field.value.startswith("I. Introduction") and len(field.value) <= 1024
    # A letter has no contents to show.
    assert "**Contents**" not in render_summary(
        type(s)(s.doc, s.record, s.key_points, s.resolutions, s.paragraphs), "en"
    )
