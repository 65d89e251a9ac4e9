"""bot.core.readers: every hostile file is refused with its reason; real documents read."""

from __future__ import annotations

import importlib.util
import io
import pickle
import re
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core import readers
from bot.core.readers import (
    MAX_UPLOAD_BYTES,
    SUPPORTED_EXTENSIONS,
    ReadResult,
    UnreadableDocument,
    check_upload,
    read_document,
    read_path,
    safe_filename,
)
from conftest import CORPUS, needs_shared

HERE = Path(__file__).resolve().parent
BAD = HERE / "fixtures" / "bad"
_spec = importlib.util.spec_from_file_location("make_bad", HERE / "fixtures" / "make_bad.py")
make_bad = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_bad)

LETTER = [
    "Letter dated 13 April 2020 from the Permanent Representative of Azerbaijan "
    "to the United Nations addressed to the Secretary-General",
    "I have the honour to transmit herewith the statement of the Ministry of Foreign "
    "Affairs of the Republic of Azerbaijan concerning Security Council resolutions "
    "822 (1993), 853 (1993), 874 (1993) and 884 (1993).",
    "I should be grateful if you would have the present letter and its annex circulated "
    "as a document of the General Assembly and of the Security Council.",
    "(Signed) Yashar Aliyev",
]


def refusal(name: str, data: bytes | None = None) -> UnreadableDocument:
    with pytest.raises(UnreadableDocument) as info:
        read_document((BAD / name).read_bytes() if data is None else data, name)
    return info.value


# --- the catalogue of bad files: file -> reason -> words the message must hold -------------

CATALOGUE = [
    ("empty.txt", "empty", ["empty"]),
    ("whitespace.txt", "empty", ["empty", "whitespace"]),
    ("random.txt", "binary", ["binary", "NUL"]),
    ("elf_named.txt", "binary", ["named .txt", "ELF executable"]),
    ("high_bytes.txt", "bad_encoding", ["not UTF-8", "encoding"]),
    ("bad_utf16.txt", "bad_encoding", ["UTF-16", "invalid"]),
    ("truncated.pdf", "corrupt", ["damaged or truncated"]),
    ("encrypted.pdf", "encrypted", ["password", "encrypted"]),
    ("scanned.pdf", "no_text_layer", ["no text layer", "OCR is not supported"]),
    ("bomb.docx", "zip_bomb", ["zip bomb", "60 MB", "100:1"]),
    ("no_document.docx", "corrupt", ["word/document.xml"]),
    ("plain_zip.docx", "unsupported_type", ["named .docx", "ZIP archive"]),
    ("truncated.docx", "corrupt", ["damaged or truncated"]),
    ("zip_named.pdf", "unsupported_type", ["named .pdf", "ZIP archive"]),
    ("png_named.pdf", "unsupported_type", ["named .pdf", "PNG image"]),
    ("legacy.doc", "unsupported_type", ["legacy Office", ".docx"]),
]


@pytest.mark.parametrize(("name", "reason", "words"), CATALOGUE)
def test_catalogue_refusals(name: str, reason: str, words: list[str]) -> None:
    error = refusal(name)
    assert error.reason == reason, str(error)
    for word in words:
        assert word in str(error), (word, str(error))
    assert 10 < len(str(error)) < 300  # short, user-facing


def test_every_reason_code_has_a_default_message() -> None:
    for reason in readers.REASONS:
        assert str(UnreadableDocument(reason))
    assert str(UnreadableDocument("bad_name")) == "the file name is empty or invalid"
    keyword = UnreadableDocument("the file holds no paragraphs of text", reason="empty")
    assert (keyword.reason, str(keyword)) == ("empty", "the file holds no paragraphs of text")
    positional = UnreadableDocument("encrypted", "locked")
    assert (positional.reason, str(positional)) == ("encrypted", "locked")
    clone = pickle.loads(pickle.dumps(positional))
    assert (clone.reason, str(clone)) == ("encrypted", "locked")
    with pytest.raises(ValueError):
        UnreadableDocument("message", reason="nonsense")


def test_fixtures_are_regenerated_identically() -> None:
    for name, data in make_bad.catalogue().items():
        assert (BAD / name).read_bytes() == data, name


# --- text encodings ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("cp1252_fr.txt", "cp1252"),
        ("latin1_fr.txt", "cp1252"),  # cp1252 is a superset of Latin-1's printable range
        ("utf16le_bom_fr.txt", "utf-16-le"),
        ("utf16be_bom_fr.txt", "utf-16-be"),
        ("utf16le_nobom_fr.txt", "utf-16-le"),
        ("utf16be_nobom_fr.txt", "utf-16-be"),
    ],
)
def test_french_in_legacy_encodings_is_decoded(name: str, encoding: str) -> None:
    result = read_document((BAD / name).read_bytes(), name)
    assert result.format == "txt"
    assert result.encoding == encoding
    for word in ("Représentant", "Azerbaïdjan", "auprès", "élève", "à côté", "façade"):
        assert word in result.text
    assert "\ufeff" not in result.text and "\x00" not in result.text


def test_cp1252_specials_survive() -> None:
    result = read_document((BAD / "cp1252_fr.txt").read_bytes(), "lettre.txt")
    assert "l’honneur" in result.text and "Cœur" in result.text and "« guillemets »" in result.text
    assert any("Windows-1252" in w for w in result.warnings)


def test_utf8_with_bom_and_newlines_normalised() -> None:
    data = "\ufeffLigne un\r\nLigne deux\rLigne trois\n".encode()
    result = read_document(data, "a.md")
    assert result.text == "Ligne un\nLigne deux\nLigne trois\n"
    assert (result.format, result.encoding) == ("md", "utf-8-sig")
    assert read_document((BAD / "crlf_mixed.txt").read_bytes(), "x.txt").text.count("\n") == 3


def test_russian_cp1251_is_not_mistaken_for_cp1252() -> None:
    text = "Постоянный представитель Российской Федерации при Организации Объединенных Наций\n"
    result = read_document((text * 5).encode("cp1251"), "ru.txt")
    assert "Российской Федерации" in result.text


def test_stray_control_characters_are_removed_with_a_warning() -> None:
    result = read_document(b"Letter dated\x07 13 April 2020\n" + b"More text.\n" * 20, "x.txt")
    assert "\x07" not in result.text
    assert any("control" in w for w in result.warnings)


# --- names, types and sizes -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("..\\..\\Windows\\system32\\lettre.docx", "lettre.docx"),
        ("/abs/path/S_2020_300.pdf", "S_2020_300.pdf"),
        ("bad\x00na\x1fme.txt", "badname.txt"),
        (".hidden.md", "hidden.md"),
        ("lettre\u202egpj.txt", "lettregpj.txt"),  # right-to-left override (spoofing) dropped
        ("what?<>.html", "what___.html"),
    ],
)
def test_safe_filename(raw: str, safe: str) -> None:
    assert safe_filename(raw) == safe


@pytest.mark.parametrize("raw", ["", "..", "../..", "/", "\x00\x01", "  .  "])
def test_safe_filename_refuses_nothing_left(raw: str) -> None:
    with pytest.raises(UnreadableDocument) as info:
        safe_filename(raw)
    assert info.value.reason == "bad_name"


def test_safe_filename_caps_length_keeping_extension() -> None:
    name = safe_filename("x" * 5000 + ".pdf")
    assert len(name) <= readers.MAX_NAME_CHARS and name.endswith(".pdf")


def test_path_separators_in_name_do_not_matter_to_reading() -> None:
    result = read_document(b"Letter dated 13 April 2020\n", "../../etc/passwd.txt")
    assert result.format == "txt"


def test_check_upload() -> None:
    assert {".txt", ".md", ".pdf", ".docx", ".html", ".htm"} == SUPPORTED_EXTENSIONS
    check_upload("Lettre.PDF", 1000)
    check_upload("../../x.htm", 10)
    cases = [
        (("report.xlsx", 10), "unsupported_type", ".xlsx"),
        (("noextension", 10), "unsupported_type", "without an extension"),
        (("a.pdf", 0), "empty", "empty"),
        (("a.pdf", MAX_UPLOAD_BYTES + 1), "too_large", "20 MB"),
        (("..", 10), "bad_name", "invalid"),
    ]
    for args, reason, word in cases:
        with pytest.raises(UnreadableDocument) as info:
            check_upload(*args)
        assert info.value.reason == reason and word in str(info.value)


def test_oversized_is_refused_with_the_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (MAX_UPLOAD_BYTES + 1))
    for call in (lambda: read_path(big), lambda: read_document(big.read_bytes(), "big.txt")):
        with pytest.raises(UnreadableDocument) as info:
            call()
        assert info.value.reason == "too_large"
        assert "20 MB" in str(info.value) and "limit" in str(info.value)


def test_ten_megabyte_single_line_is_fast(tmp_path: Path) -> None:
    path = tmp_path / "one_line.txt"
    path.write_bytes(b"resolution 822 (1993) " * (10 * 1024 * 1024 // 22))
    start = time.perf_counter()
    try:
        result = read_path(path)
    except UnreadableDocument as e:  # also acceptable, if the limit were lower
        assert e.reason == "too_large"
    else:
        assert result.text.count("\n") == 0 and len(result.text) > 10_000_000
    assert time.perf_counter() - start < 3


def test_ten_megabyte_single_line_html_and_cp1252_are_bounded() -> None:
    start = time.perf_counter()
    html = b"<html><body><p>" + b"word &amp; " * 900_000 + b"</p></body></html>"
    assert read_document(html, "a.html").text.count("\n") == 1
    cp1252 = "Résolution du Conseil de sécurité ".encode("cp1252") * 300_000
    assert read_document(cp1252, "a.txt").encoding == "cp1252"
    assert time.perf_counter() - start < 10


def test_unsupported_text_extension() -> None:
    error = refusal("data.csv", b"a,b\n1,2\n")
    assert error.reason == "unsupported_type" and ".csv" in str(error)


def test_extension_lies_but_type_is_supported() -> None:
    pdf = read_document((BAD / "pdf_named.txt").read_bytes(), "pdf_named.txt")
    assert pdf.format == "pdf" and "Letter dated 13 April 2020" in pdf.text
    assert any("named .txt" in w and "PDF" in w for w in pdf.warnings)
    html = read_document((BAD / "html_named.txt").read_bytes(), "html_named.txt")
    assert html.format == "html" and html.text == "Letter dated 13 April 2020\n"
    docx = read_document(make_bad.minimal_docx(), "letter.pdf")
    assert docx.format == "docx" and any("named .pdf" in w for w in docx.warnings)


# --- PDF ------------------------------------------------------------------------------------


def test_pdf_furniture_removed_and_pages_are_line_boundaries() -> None:
    page1 = ["United Nations S/2020/300", "Letter dated 13 April 2020", "ends page one"]
    page1 += ["20-05990 (E) 140420", "*2005990*"]
    page2 = ["S/2020/300", "2/2 20-05990", "starts page two", "(Signed) Yashar Aliyev"]
    result = read_document(make_bad.text_pdf([page1, page2]), "S_2020_300.pdf")
    lines = result.text.splitlines()
    assert result.pages == 2
    assert "ends page one" in lines and "starts page two" in lines
    assert lines.index("starts page two") == lines.index("ends page one") + 1
    for furniture in ("20-05990 (E) 140420", "*2005990*", "2/2 20-05990"):
        assert furniture not in result.text
    assert lines.count("S/2020/300") == 0  # running header gone; first-page symbol kept
    assert "S/2020/300" in result.text


def test_pdf_page_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_PDF_PAGES", 2)
    error = refusal("long.pdf", make_bad.text_pdf([["a"], ["b"], ["c"]]))
    assert error.reason == "too_large" and "3 pages" in str(error) and "limit is 2" in str(error)


def test_pdf_time_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "TIME_BUDGET_S", -1)
    error = refusal("slow.pdf", make_bad.text_pdf([LETTER]))
    assert error.reason == "timeout" and "took longer" in str(error)


def test_encrypted_fixture_is_a_real_encrypted_pdf() -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument((BAD / "encrypted.pdf").read_bytes(), password="secret")
    assert "Letter dated 13 April 2020" in pdf[0].get_textpage().get_text_range()


@pytest.mark.parametrize("cut", [0.1, 0.5, 0.8, 0.95])
def test_truncated_pdfs_are_corrupt_not_crashes(cut: float) -> None:
    data = make_bad.text_pdf([LETTER, LETTER])
    try:
        result = read_document(data[: int(len(data) * cut)], "cut.pdf")
    except UnreadableDocument as e:
        assert e.reason in ("corrupt", "no_text_layer")
    else:  # PDFium may rebuild a cross-reference table from what is left
        assert result.text.strip()


# --- DOCX -----------------------------------------------------------------------------------


def _docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(LETTER[0], level=1)
    document.add_paragraph(LETTER[1])
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Cell left"
    table.rows[0].cells[1].text = "Cell right"
    document.add_paragraph("")  # spacing paragraphs are dropped
    document.add_paragraph(LETTER[2])
    document.add_paragraph(LETTER[3])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_paragraphs_and_cells_in_order() -> None:
    result = read_document(_docx_bytes(), "letter.docx")
    assert result.format == "docx" and result.warnings == []
    blocks = result.text.strip().split("\n\n")
    assert blocks == [LETTER[0], LETTER[1], "Cell left", "Cell right", LETTER[2], LETTER[3]]


def test_docx_bomb_by_total_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_UNZIPPED_BYTES", 1024 * 1024)
    monkeypatch.setattr(readers, "MAX_ZIP_RATIO", 10**9)
    error = refusal("bomb.docx")
    assert error.reason == "zip_bomb" and "expands to 60 MB" in str(error)


def test_docx_without_text_is_empty() -> None:
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    assert refusal("blank.docx", buffer.getvalue()).reason == "empty"


# --- HTML -----------------------------------------------------------------------------------


def test_html_scripts_and_page_chrome_are_dropped() -> None:
    result = read_document((BAD / "scripts.html").read_bytes(), "scripts.html")
    assert result.format == "html"
    for hidden in ("EVIL_SCRIPT_TEXT", "fake", "STYLE_TEXT", "NAV_TEXT", "HEADER_TEXT"):
        assert hidden not in result.text
    assert "FOOTER_TEXT" not in result.text and "NOSCRIPT_TEXT" not in result.text
    assert "resolutions 822 (1993) & 853 (1993)." in result.text  # entities decoded
    assert result.text.split("\n\n") == [
        "Letter dated 13 April 2020",
        "I have the honour to refer to Security Council resolutions 822 (1993) & 853 (1993).",
        "Second paragraph",
        "nested\n",
    ]


def test_html_letter_paragraphs_in_order() -> None:
    body = "".join(f"<p>\n  {p.replace('(', '&#40;')}\n</p>" for p in LETTER[1:3])
    html = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>t</title></head>"
        f"<body><main><h1>{LETTER[0]}</h1>{body}<p>(Signed)<br>Yashar Aliyev</p></main>"
        "</body></html>"
    )
    result = read_document(html.encode(), "letter.htm")
    assert result.text.split("\n\n") == [*LETTER[:3], "(Signed)\nYashar Aliyev\n"]


def test_html_deep_nesting_is_refused_quickly() -> None:
    start = time.perf_counter()
    error = refusal("deep.html", b"<html><body>" + b"<div>" * 200_000 + b"x</body></html>")
    assert error.reason == "timeout" and "deep" in str(error)
    assert time.perf_counter() - start < 2


def test_html_without_text_is_empty() -> None:
    html = b"<html><body><script>only()</script><nav>menu</nav></body></html>"
    assert refusal("x.html", html).reason == "empty"


# --- robustness: arbitrary bytes never escape as anything but UnreadableDocument --------------


@settings(
    max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(
    data=st.binary(max_size=3000),
    name=st.sampled_from(["x.txt", "x.pdf", "x.docx", "x.html", "x.md"]),
)
def test_arbitrary_bytes(data: bytes, name: str) -> None:
    try:
        result = read_document(data, name)
    except UnreadableDocument as e:
        assert e.reason in readers.REASONS and str(e)
    else:
        assert isinstance(result, ReadResult) and result.text.strip()


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.data())
def test_mutated_pdfs_and_docx(data: st.DataObject) -> None:
    base = data.draw(
        st.sampled_from([make_bad.text_pdf([LETTER]), make_bad.minimal_docx(), _docx_bytes()])
    )
    mutable = bytearray(base)
    for _ in range(data.draw(st.integers(1, 20))):
        mutable[data.draw(st.integers(0, len(mutable) - 1))] = data.draw(st.integers(0, 255))
    try:
        read_document(bytes(mutable), "x.pdf")
    except UnreadableDocument as e:
        assert e.reason in readers.REASONS


# --- the real UN PDFs -----------------------------------------------------------------------

REAL_PDFS = sorted((CORPUS / "pdf").glob("*.pdf")) if (CORPUS / "pdf").is_dir() else []


def _symbol(pdf: Path) -> str:
    return pdf.name.removesuffix(".en.pdf").replace("_", "/")


@needs_shared
@pytest.mark.parametrize("pdf", REAL_PDFS, ids=lambda p: p.name)
def test_real_pdfs_read_with_their_symbol(pdf: Path) -> None:
    result = read_path(pdf)
    assert result.format == "pdf" and result.pages and result.pages >= 1
    if pdf.name == "A_39_361.en.pdf":
        # A 1984 scan, but it carries an (invisible) OCR text layer: read, with a warning.
        # Its OCR renders the symbol as "A/39/36I" / "A/39/36r".
        assert any("OCR" in w for w in result.warnings)
        assert "A/39/36" in result.text and "East Timor" in result.text
        return
    assert _symbol(pdf) in result.text
    assert result.warnings == []
    assert not re.search(r"^\*\d{7}\*$|^\d{2}-\d{5} \([A-Z]\)", result.text, re.MULTILINE)


@needs_shared
def test_real_pdf_matches_pdftotext_reference() -> None:
    from rapidfuzz import fuzz

    text = read_path(CORPUS / "pdf" / "A_79_729.en.pdf").text
    reference = (CORPUS / "en" / "A_79_729-S_2025_40.txt").read_text(encoding="utf-8")
    squash = lambda s: " ".join(s.split())  # noqa: E731
    assert fuzz.ratio(squash(text), squash(reference)) > 98
    lines = set(text.splitlines())
    for line in ("United Nations", "Distr.: General", "17 January 2025", "(Signed) Tofig Musayev"):
        assert line in lines  # masthead columns are separate lines, as in pdftotext


def test_html_declared_charset_is_used() -> None:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15">'
        "</head><body><p>Prix : 20 € par élève</p></body></html>"
    ).encode("iso-8859-15")
    result = read_document(html, "page.html")
    # Byte 0xA4 is € in ISO-8859-15 but ¤ in Windows-1252: the declaration must win.
    assert result.encoding == "iso8859-15"
    assert result.text == "Prix : 20 € par élève\n"


@pytest.mark.parametrize("charset", ["undefined", "base64", "rot13", "hex", "no-such-charset"])
def test_an_unknown_or_non_text_meta_charset_falls_back_to_detection(charset: str) -> None:
    html = (
        f'<html><head><meta charset="{charset}"></head>'
        "<body><p>Le Conseil de sécurité, rappelant sa résolution 822 (1993)</p></body></html>"
    ).encode("cp1252")
    result = read_document(html, "page.html")
    assert result.text == "Le Conseil de sécurité, rappelant sa résolution 822 (1993)\n"
    assert result.encoding == "cp1252"


def test_the_undefined_charset_fixture_reads() -> None:
    result = read_document((BAD / "charset_undefined.html").read_bytes(), "page.html")
    assert result.text == "Résolution 822 (1993)\n"


def test_lone_surrogates_are_repaired_in_names_and_text() -> None:
    assert readers.repair_surrogates("a\ud800b\udc00") == "a\ufffdb\ufffd"
    assert readers.repair_surrogates("\ud83d\ude00 ok") == "\U0001f600 ok"  # a split pair joins
    assert safe_filename("lettre\udcff.txt") == "lettre\ufffd.txt"
    for name in (safe_filename("x\ud800.pdf"), readers.repair_surrogates("\udfff" * 3)):
        name.encode("utf-8")  # what the database and Discord need


@pytest.mark.parametrize("kind", make_bad.QUADRATIC_HTML)
def test_html_shapes_the_parser_takes_minutes_on_are_refused_before_parsing(
    kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each page (1.4 MB) passes the block-nesting check, and would take minutes to parse.
    The pre-scan refuses it: the parser is never called."""
    from bot.core.readers import _html

    data = make_bad.quadratic_html(kind)
    _html._refuse_deep_nesting(data.decode())  # not the old check's catch

    def no_parse(*_args: object) -> None:
        raise AssertionError("the parser was called")

    monkeypatch.setattr("selectolax.lexbor.LexborHTMLParser", no_parse)
    error = refusal(f"{kind}.html", data)
    assert error.reason == "timeout" and "too complex" in str(error)


def test_sloppy_real_world_html_passes_the_pre_scan() -> None:
    result = read_document(make_bad.sloppy_html(), "sloppy.html")
    assert result.text.startswith("Letter dated 13 April 2020\n")
    assert "item 2999 bold" in result.text and "paragraph 2999 of the letter" in result.text


def test_a_docx_of_a_million_paragraphs_is_refused_before_its_tree_is_built() -> None:
    data = make_bad.huge_docx(1_000_000)
    assert len(data) < MAX_UPLOAD_BYTES  # within the upload limit, and no zip bomb by ratio
    error = refusal("huge.docx", data)
    assert error.reason == "too_large" and "XML elements" in str(error)


def test_docx_paragraph_and_text_budgets_are_checked_while_reading(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bot.core.readers import _docx

    data = make_bad.huge_docx(3000)
    assert read_document(data, "ok.docx").text.count("\n\n") == 2999
    monkeypatch.setattr(_docx, "MAX_PARAGRAPHS", 2000)
    error = refusal("long.docx", data)
    assert error.reason == "too_large" and "2,000 paragraphs" in str(error)
    monkeypatch.setattr(_docx, "MAX_PARAGRAPHS", 10**6)
    monkeypatch.setattr(_docx, "MAX_TEXT_CHARS", 10_000)
    assert "million characters" in str(refusal("wordy.docx", data))
    monkeypatch.setattr(_docx, "MAX_TEXT_CHARS", 10**9)
    monkeypatch.setattr(readers, "TIME_BUDGET_S", -1)  # the deadline is checked while walking
    assert refusal("slow.docx", data).reason == "timeout"


def test_a_pdf_page_drawing_its_text_thousands_of_times_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Nested Form XObjects ten wide: five deep draw the same line 10,000 times (six deep, a
    1.7 M-character page, is refused the same way in a reading process: test_parallel_load)."""
    from bot.core.readers import _pdf

    data = make_bad.nested_forms_pdf(5)
    assert len(data) < 2000
    assert read_document(data, "forms.pdf").text.count("Nested form text") == 10_000
    monkeypatch.setattr(_pdf, "MAX_PAGE_CHARS", 100_000)
    error = refusal("forms.pdf", data)
    assert error.reason == "too_large"
    assert str(error).startswith("page 1 of this PDF holds 170,059 characters of text")
    monkeypatch.setattr(_pdf, "MAX_PAGE_CHARS", 10**6)
    monkeypatch.setattr(_pdf, "MAX_TEXT_CHARS", 100_000)
    assert "million characters" in str(refusal("forms.pdf", data))
