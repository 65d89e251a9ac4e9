"""The "poor OCR text layer" warning: old scans with a misread text layer are flagged, the
born-digital PDFs of 2024-2025 are not (issue 12, item 4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.ingest import prepare
from bot.core.ocr_quality import misread, poor_ocr_warning
from conftest import CORPUS, needs_shared

PDF_2025 = sorted((CORPUS / "pdf-2025").glob("*.pdf")) if (CORPUS / "pdf-2025").is_dir() else []


def test_misread_words_and_the_words_print_has() -> None:
    for bad in ("wiLh", "Genera1", "Ig82", "consulEations", "EIiGLTSH", "s€venth"):
        assert misread(bad), bad
    for good in ("Secretary-General", "MacArthur", "GenAI", "21st", "A4", "COVID19", "iPhone"):
        assert not misread(good), good


def test_a_clean_text_is_not_flagged_and_a_misread_one_is() -> None:
    clean = "The Secretary-General has the honour to transmit the report of the Board. " * 40
    assert poor_ocr_warning(clean) is None
    misread_text = clean.replace("Secretary-General", "SecEetaly-Genera1", 10)
    warning = poor_ocr_warning(misread_text)
    assert warning and warning.startswith("poor OCR text layer") and "Genera1" in warning
    assert poor_ocr_warning("SecEetaly Genera1 Ig82") is None  # too short to judge


@needs_shared
def test_the_1984_scan_is_warned_about() -> None:
    rec = prepare("A_39_361.en.pdf", (CORPUS / "pdf" / "A_39_361.en.pdf").read_bytes())
    assert any(w.startswith("poor OCR text layer") for w in rec.warnings), rec.warnings
    assert rec.symbols == ["A/39/361"]


@needs_shared
@pytest.mark.parametrize("pdf", PDF_2025, ids=lambda p: p.name)
def test_born_digital_pdfs_are_not_called_poor_ocr(pdf: Path) -> None:
    rec = prepare(pdf.name, pdf.read_bytes())
    poor = [w for w in rec.warnings if w.startswith("poor OCR text layer")]
    scanned = any("scanned images with an OCR text layer" in w for w in rec.warnings)
    # Only old scans of the set (1946-1992, pages with an OCR layer) may be flagged.
    assert scanned or not poor, (pdf.name, poor)
