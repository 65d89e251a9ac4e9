"""Property tests: no input makes parsing, citation extraction, find, intents or escaping raise,
hang, or break their invariants.

Hypothesis draws ordinary and adversarial text: long runs of digits, parentheses, slashes,
"resolution" over and over, whitespace, symbols, mixed scripts, Discord mentions. No wall-clock
bounds here (machines are shared and noisy): pytest-timeout ends a test that hangs, and
`bench/pathological_inputs.py` prints what such inputs cost against ordinary text.
Hypothesis' own deadline is off, as its timing includes data generation and shrinking.
"""

from __future__ import annotations

import asyncio
import os
import re
from collections.abc import Callable
from typing import TypeVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.citation_patterns import PREFILTER_RE
from bot.core.citations import _may_cite, extract_citations, resolution_symbol_from_query
from bot.core.errors import BadInput
from bot.core.intents import COMMANDS, INTENTS, parse_command
from bot.core.library import Actor, Library
from bot.core.mention import parse_mention
from bot.core.parse import parse_document
from bot.core.symbols import symbol_key
from bot.render import escape, unescape
from conftest import DATA

T = TypeVar("T")
# RAPPORTEUR_PROPERTY_SCALE=20 for a long hunt; the default keeps the module well under a minute.
SCALE = float(os.environ.get("RAPPORTEUR_PROPERTY_SCALE", "1"))


def n(examples: int) -> int:
    return max(1, int(examples * SCALE))


SETTINGS = settings(
    # The same examples on every run of the suite (CI must not turn red on a new draw); a hunt
    # with RAPPORTEUR_PROPERTY_SCALE draws fresh ones.
    derandomize="RAPPORTEUR_PROPERTY_SCALE" not in os.environ,
    deadline=None,
    max_examples=n(120),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def timed(fn: Callable[..., T], *args: object) -> T:
    """The call, by the name the tests were written with (the cost is the bench's business)."""
    return fn(*args)


# ---- strategies ---------------------------------------------------------------------------------

FRAGMENTS = [
    "resolution ",
    "résolution ",
    "resolutions ",
    "Resolution",
    "UNSCR ",
    "res. ",
    "Security Council ",
    "General Assembly ",
    "Council ",
    "decision ",
    "décision ",
    "S/RES/",
    "A/RES/",
    "E/RES/",
    "A/HRC/RES/",
    "E/CN.4/RES/",
    "A/DEC/",
    "S/2025/40",
    "A/79/729",
    "ES-10/",
    "S-10/",
    "(",
    ")",
    "((",
    "))",
    "/",
    "//",
    "-",
    "–",
    "—",
    ".",
    ",",
    ";",
    ":",
    "1",
    "0",
    "9",
    "12",
    "1325",
    "2000",
    "(2000)",
    "(1993)",
    "(XXI)",
    "(III)",
    " A",
    " B",
    "9999999999",
    "0000",
    "(1)",
    "1 (",
    "1/",
    "S/RES/1/",
    "resolution 1, 2 and ",
    "paragraph 4 of resolution ",
    "annex ",
    "No. ",
    "N° ",
    "Letter dated 1 January 2020 from ",
    "Seventy-ninth session\n",
    "Agenda item 5\n",
    "\n",
    "\n\n",
    " ",
    "  ",
    "\t",
    "\u00a0",
    "\u200b",
    "\r\n",
    "резолюция ",
    "резолюции ",
    "Совета Безопасности ",
    "решение ",
    "قرار ",
    "القرار ",
    "مجلس الأمن ",
    "决议",
    "第",
    "号",
    "安全理事会",
    "决定",
    "١٢٣",
    "一二三",
    "é",
    "ß",
    "İ",
    "ﬁ",
    "m³",
    "@everyone",
    "@here",
    "<@123>",
    "<@!42>",
    "<@&7>",
    "<#9>",
    "**",
    "__",
    "`",
    "```",
    "~~",
    "||",
    "> ",
    "[x](http://e.com)",
    "\\",
    "# ",
    "- ",
    "!find ",
    "!cites ",
    "!summary ",
    "!load ",
    "in ",
    "dans ",
    '"',
    "'",
]

fragments = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=250).map(
    "".join
)


@st.composite
def repeated(draw: st.DrawFn, max_chars: int = 20_000) -> str:
    """One fragment (or a few) repeated thousands of times: the classic backtracking trap."""
    unit = draw(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=3).map("".join))
    unit = unit or "1"
    n = draw(st.integers(min_value=1, max_value=max(1, max_chars // len(unit))))
    tail = draw(st.sampled_from(["", "!", "x", ")", "(", " 1", "/"]))
    return unit * n + tail


scripts = st.text(
    alphabet=st.characters(
        codec="utf-8",
        categories=["L", "N", "P", "Z", "S", "M"],
    ),
    max_size=600,
)

any_text = st.one_of(fragments, repeated(), scripts, st.text(max_size=400))

PATHOLOGICAL = [
    unit * n
    for unit in [
        "1",
        "(",
        "/",
        " ",
        "\n",
        "resolution ",
        "1 (",
        "1/",
        "S/RES/1/",
        "1 ",
        "résolution 1, ",
        "resolutions 1, 2 and ",
        "قرار ",
        "决议第",
        "(2000) ",
        "A/RES/",
        "١",
        "-",
        "1-",
        ". ",
    ]
    for n in (20_000 // len(unit),)
]

# Canonical shapes of the symbols citations carry (kind resolution/decision).
SYMBOL_SHAPE = re.compile(
    r"(?:"
    r"S/RES/\d+ \(\d{4}\)"
    r"|[AE]/(?:RES|DEC)/\d+(?: [A-Z]{1,2})? \((?:E?S-)?[IVXLC]+\)"
    r"|A/(?:RES|DEC)/(?:E?S-)?\d+/\d+(?: [A-Z]{1,2})?"
    r"|A/HRC/(?:RES|DEC)/(?:S-)?\d+/\d+(?: [A-Z]{1,2})?"
    r"|E/(?:RES|DEC)/\d{4}/\d+"
    r"|E/CN\.4/(?:RES|DEC)/\d{4}/\d+"
    r")"
)


def check_citations(text: str, cits: list) -> None:
    last_end = 0
    for c in cits:
        assert 0 <= c.start < c.end <= len(text), (c, len(text))
        assert c.start >= last_end, "mentions overlap or are out of order"
        last_end = c.end
        assert text[c.start : c.end] == c.surface
        assert c.kind in ("resolution", "decision", "other")
        assert c.symbol == c.symbol.strip() and "  " not in c.symbol and "\n" not in c.symbol
        if c.kind in ("resolution", "decision"):
            assert SYMBOL_SHAPE.fullmatch(c.symbol), c.symbol
            assert symbol_key(c.symbol) == symbol_key(symbol_key(c.symbol))
        if c.year_inferred:
            assert c.symbol.startswith("S/RES/")


# ---- citation extraction ------------------------------------------------------------------------


@SETTINGS
@given(any_text)
def test_extract_citations_is_fast_and_well_formed(text: str) -> None:
    check_citations(text, timed(extract_citations, text))


@settings(SETTINGS, max_examples=n(60))
@given(any_text, st.sampled_from(["en", "fr", "es", "ru", "ar", "zh", None]))
def test_extract_citations_with_any_language_hint(text: str, lang: str | None) -> None:
    check_citations(text, timed(extract_citations, text, lang))


# Keyword pieces in every case, the letters IGNORECASE treats specially (İ ı ſ K), Cyrillic
# look-alike variants (ᲂ is a narrow о) and kashida: where the fast prefilter could part
# from the regex it stands for.
PREFILTER_PIECES = [
    *(
        w
        for k in ("resol", "résol", "decis", "décis", "unscr", "res", "/dec/")
        for w in (k, k.upper(), k.title())
    ),
    "РЕЗОЛ",
    "резол",
    "Решен",
    "рез\u1c82л",
    "决议",
    "決議",
    "决定",
    "قرار",
    "قـــرار",
    "قرر",
    "\u0130",
    "\u0131",
    "\u017f",
    "\u212a",
    "DEC\u0130S",
    "re\u017fol",
    "é",
    " ",
    "-",
    "1",
]


@settings(SETTINGS, max_examples=n(400))
@given(
    st.lists(st.one_of(st.sampled_from(PREFILTER_PIECES), st.text(max_size=3)), max_size=12).map(
        "".join
    )
)
def test_the_fast_prefilter_agrees_with_its_regex(text: str) -> None:
    assert _may_cite(text) == (PREFILTER_RE.search(text) is not None)


@pytest.mark.parametrize("text", PATHOLOGICAL, ids=lambda t: repr(t[:12]))
def test_pathological_runs_stay_fast(text: str) -> None:
    check_citations(text, timed(extract_citations, text))
    timed(resolution_symbol_from_query, text[:2000])


@SETTINGS
@given(
    st.integers(min_value=1, max_value=2800),
    st.integers(min_value=1946, max_value=2030),
    st.sampled_from(
        ["resolution {n} ({y})", "S/RES/{n} ({y})", "{n} ({y})", "résolution {n} ({y})"]
    ),
    st.text(alphabet=" ,;.\n", max_size=3),
)
def test_a_written_council_resolution_is_found_with_its_span(
    n: int, y: int, pattern: str, sep: str
) -> None:
    mention = pattern.format(n=n, y=y)
    text = f"Recalling its{sep} {mention}{sep} and the Charter"
    cits = timed(extract_citations, text)
    check_citations(text, cits)
    if pattern.startswith(("resolution", "résolution", "S/RES")):
        assert any(c.symbol.startswith(f"S/RES/{n} (") for c in cits), (text, cits)


@SETTINGS
@given(any_text)
def test_query_reading_never_raises(text: str) -> None:
    symbol = timed(resolution_symbol_from_query, text[:2000])
    assert symbol is None or symbol == symbol.strip()


# ---- parsing whole documents --------------------------------------------------------------------


@settings(SETTINGS, max_examples=n(80))
@given(any_text)
def test_parse_document_never_raises_and_paragraphs_are_consistent(text: str) -> None:
    rec = timed(parse_document, text)
    assert [p.index for p in rec.paragraphs] == list(range(len(rec.paragraphs)))
    for p in rec.paragraphs:
        assert p.section in ("masthead", "body", "annex", "footnote"), p.section
    own = set(rec.symbols)
    for c in rec.citations:
        assert c.paragraph is not None and 0 <= c.paragraph < len(rec.paragraphs)
        para = rec.paragraphs[c.paragraph].text
        assert para[c.start : c.end] == c.surface
        assert c.symbol not in own


@pytest.mark.parametrize("text", PATHOLOGICAL[:10], ids=lambda t: repr(t[:12]))
def test_parse_pathological_documents(text: str) -> None:
    timed(parse_document, text)


@settings(SETTINGS, max_examples=n(40))
@given(
    st.lists(
        st.sampled_from(sorted(p.name for p in (DATA / "corpus" / "en").glob("*.txt"))),
        min_size=1,
        max_size=1,
    ),
    st.integers(0, 10_000),
    any_text,
)
def test_real_documents_with_noise_spliced_in(names: list[str], at: int, noise: str) -> None:
    text = (DATA / "corpus" / "en" / names[0]).read_text(encoding="utf-8")
    at %= len(text) + 1
    rec = timed(parse_document, text[:at] + noise + text[at:])
    assert rec.paragraphs


# ---- intents ------------------------------------------------------------------------------------

commands = st.one_of(
    st.builds(
        lambda name, rest: f"!{name} {rest}",
        st.sampled_from([*COMMANDS, "res", "search", "cherche", "rm", "nope"]),
        any_text.map(lambda t: t[:2000]),
    ),
    any_text.map(lambda t: "!" + t[:2000]),
)


@SETTINGS
@given(commands)
def test_parse_command_never_raises(text: str) -> None:
    req = timed(parse_command, text)
    assert req is not None
    assert req.intent in (*COMMANDS, "unknown")
    assert req.lang in ("en", "fr", "es", "ru", "ar", "zh")
    if req.intent == "find" and not req.error:
        assert req.query


@SETTINGS
@given(any_text.map(lambda t: "<@123> " + t[:2000]))
def test_parse_mention_never_raises(text: str) -> None:
    req = timed(parse_mention, text)
    assert req.intent in INTENTS


# ---- escaping what documents and users wrote ----------------------------------------------------

PING = re.compile(r"@(everyone|here)|<@[!&]?\d+>|<#\d+>")
MARKUP = set("\\*_`~|>[]")


@settings(SETTINGS, max_examples=n(300))
@given(st.one_of(fragments, st.text(max_size=300), repeated(2000)))
def test_escape_makes_text_inert_and_loses_nothing(text: str) -> None:
    out = timed(escape, text)
    assert not PING.search(out), out
    # Every markup character is escaped: preceded by an odd number of backslashes. A quote
    # (">") or a heading ("#") is markup only at the start of a line.
    i = 0
    while i < len(out):
        if out[i] == "\\":
            assert i + 1 < len(out) and out[i + 1] in MARKUP | {"#", "-"}, (out, i)
            i += 2
            continue
        line_start = i == 0 or out[i - 1] == "\n"
        if out[i] in ">#":
            assert not line_start, (out, i)
        else:
            assert out[i] not in MARKUP, (out, i)
        i += 1
    # Nothing is lost: unescaping gives the text back, but for the zero-width spaces.
    assert unescape(out).replace("\u200b", "") == text.replace("\u200b", "")


# ---- find on a small library --------------------------------------------------------------------


@pytest.fixture(scope="module")
def small_library(tmp_path_factory: pytest.TempPathFactory):
    """A library of a few real documents, on its own event loop (hypothesis tests are sync)."""
    loop = asyncio.new_event_loop()
    lib = Library(tmp_path_factory.mktemp("props") / "small.db")
    loop.run_until_complete(lib.open())
    files = sorted((DATA / "corpus" / "en").glob("*.txt"))[:8]
    report = loop.run_until_complete(
        lib.load_files([(p.name, p.read_bytes()) for p in files], "guild:1", Actor("t", True))
    )
    assert len(report.loaded) == len(files), report.failed
    yield loop, lib
    loop.run_until_complete(lib.close())
    loop.close()


SCOPES = ["corpus", "guild:1"]


@settings(SETTINGS, max_examples=n(100))
@given(st.one_of(fragments, repeated(3000), scripts, st.text(max_size=200)))
def test_find_never_raises_and_hits_are_well_formed(small_library, query: str) -> None:
    loop, lib = small_library
    try:
        result = loop.run_until_complete(lib.find(query, SCOPES))
    except BadInput:
        return  # no words, or more than 30: said to the user
    assert len(result.hits) <= 10
    for h in result.hits:
        assert h.doc.scope in SCOPES
        for s, e in h.spans:
            assert 0 <= s < e <= len(h.text)


@settings(SETTINGS, max_examples=n(40))
@given(st.data())
def test_find_finds_a_paragraph_by_its_own_rare_words(small_library, data: st.DataObject) -> None:
    """Words taken from a stored paragraph find that paragraph (typo tolerance aside)."""
    loop, lib = small_library
    docs = loop.run_until_complete(lib.documents(["guild:1"]))
    doc = data.draw(st.sampled_from(docs))
    paras = [
        p for p in loop.run_until_complete(lib.store.paragraphs(doc.id)) if p.section != "masthead"
    ]
    para = data.draw(st.sampled_from(paras))
    # Whole words (an ASCII class would cut "présidentielle" into "sidentielle", no word of it).
    words = re.findall(r"\b[^\W\d_]{7,}\b", para.text)
    if len(words) < 3:
        return
    picked = data.draw(st.lists(st.sampled_from(words), min_size=2, max_size=4, unique=True))
    result = loop.run_until_complete(lib.find(" ".join(picked), SCOPES, limit=10))
    assert result.hits, picked
    best = {w.lower() for w in re.findall(r"[^\W\d_]+", result.hits[0].text)}
    assert all(w.lower() in best for w in picked) or any(
        h.doc.id == doc.id and h.paragraph == para.idx for h in result.hits
    ), (picked, [h.text[:80] for h in result.hits[:3]])


def test_find_cyrillic_short_i_and_superscripts(small_library) -> None:
    loop, lib = small_library
    text = (
        "Заявление\n\nПредставители ассоциаций беженцев обсудили бездействие властей "
        "и объём в 5 m³ воды.\n\nВторой абзац о воде.\n"
    )
    report = loop.run_until_complete(
        lib.load_files([("ru_probe.txt", text.encode())], "guild:2", Actor("t", True))
    )
    assert report.loaded
    missed = [
        q
        for q in ("ассоциаций", "бездействие", "объём", "m³")
        if not loop.run_until_complete(lib.find(q, ["guild:2"])).hits
    ]
    assert not missed, missed
