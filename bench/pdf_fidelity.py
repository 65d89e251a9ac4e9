"""PDF text fidelity and speed: pypdfium2 (our reader) against pdfminer.six.

For each /work/shared/corpus/pdf/*.pdf with a text version in corpus/en/ (extracted by
pdftotext, page furniture removed), both libraries' text goes through the same furniture
removal and is compared with it:

- char_ratio: rapidfuzz fuzz.ratio (0-100) on whitespace-normalised text, i.e. wording and order;
- line_match: share of the reference's lines found as lines of the output (0-100, spaces
  ignored), i.e. how close the line structure is to pdftotext's, which the paragraph
  rebuilder expects;
- pages_per_s: pages divided by the best of --repeat timed extractions.

pdfminer.six is not a project dependency: the bench skips it when it is not installed.

    python bench/pdf_fidelity.py [--corpus ../shared/corpus] [--repeat 3]
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.core.readers._pdf import page_lines, strip_furniture  # noqa: E402

_WS_RE = re.compile(r"\s+")

Extractor = Callable[[Path], list[list[str]]]  # path -> pages of lines


def pypdfium2_pages(path: Path) -> list[list[str]]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        pages = []
        for i in range(len(pdf)):
            page = pdf[i]
            pages.append(page_lines(page))
            page.close()
        return pages
    finally:
        pdf.close()


def pdfminer_pages(path: Path) -> list[list[str]]:
    from pdfminer.high_level import extract_text

    text = extract_text(str(path))  # default LAParams; pages end with a form feed
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [[ln.rstrip() for ln in page.split("\n")] for page in pages]


def reference_for(pdf: Path, corpus: Path) -> Path | None:
    stem = pdf.name.removesuffix(".en.pdf")
    exact = corpus / "en" / f"{stem}.txt"
    if exact.exists():
        return exact
    joint = sorted((corpus / "en").glob(f"{stem}-*.txt"))
    return joint[0] if joint else None


def normalise(text: str) -> str:
    return _WS_RE.sub(" ", text).strip()


def char_ratio(a: str, b: str) -> float:
    try:
        from rapidfuzz import fuzz

        return fuzz.ratio(normalise(a), normalise(b))
    except ImportError:
        import difflib

        return 100 * difflib.SequenceMatcher(None, normalise(a), normalise(b)).ratio()


def line_match(output: str, reference: str) -> float:
    # Spaces are ignored inside a line: pdftotext adds stray ones ("anti -tank", "i mperative").
    want = Counter(_WS_RE.sub("", ln) for ln in reference.splitlines() if ln.strip())
    have = Counter(_WS_RE.sub("", ln) for ln in output.splitlines() if ln.strip())
    found = sum(min(n, have[line]) for line, n in want.items())
    return 100 * found / max(sum(want.values()), 1)


def measure(name: str, extract: Extractor, pdfs: list[Path], corpus: Path, repeat: int) -> dict:
    rows = []
    total_pages = 0
    total_time = 0.0
    for pdf in pdfs:
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            pages = extract(pdf)
            best = min(best, time.perf_counter() - start)
        text = "\n".join("\n".join(lines) for lines in strip_furniture(pages))
        total_pages += len(pages)
        total_time += best
        row: dict = {"file": pdf.name, "pages": len(pages), "seconds": round(best, 4)}
        ref = reference_for(pdf, corpus)
        if ref is None:
            row["reference"] = None  # e.g. A_39_361, the scanned 1984 report
        else:
            reference = ref.read_text(encoding="utf-8")
            row["reference"] = ref.name
            row["char_ratio"] = round(char_ratio(text, reference), 2)
            row["line_match"] = round(line_match(text, reference), 2)
        rows.append(row)
    scored = [r for r in rows if r.get("reference")]
    return {
        "library": name,
        "version": _version(name),
        "files": rows,
        "mean_char_ratio": round(sum(r["char_ratio"] for r in scored) / max(len(scored), 1), 2),
        "min_char_ratio": min((r["char_ratio"] for r in scored), default=None),
        "mean_line_match": round(sum(r["line_match"] for r in scored) / max(len(scored), 1), 2),
        "pages": total_pages,
        "pages_per_s": round(total_pages / total_time, 1) if total_time else None,
    }


def _version(dist: str) -> str | None:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--summary", action="store_true", help="omit the per-file rows")
    args = parser.parse_args(argv)
    pdfs = sorted((args.corpus / "pdf").glob("*.pdf"))
    if not pdfs:
        print(json.dumps({"error": f"no PDFs under {args.corpus / 'pdf'}"}))
        return 1
    results = [measure("pypdfium2", pypdfium2_pages, pdfs, args.corpus, args.repeat)]
    try:
        import pdfminer  # noqa: F401
    except ImportError:
        results.append({"library": "pdfminer.six", "skipped": "not installed"})
    else:
        results.append(measure("pdfminer.six", pdfminer_pages, pdfs, args.corpus, args.repeat))
    if args.summary:
        for r in results:
            r.pop("files", None)
    print(json.dumps(results, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
