"""Who may do what: the moderator right in the library itself, servers that cannot see each
other's uploads (by name, search, `!cites`, autocomplete, lists and "text loaded" marks),
`!load PATH` only in the terminal chat, and document text that can neither ping nor inject
markup into what the bot writes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.answer import Asker, Dispatcher
from bot.core.errors import NotFound, PermissionDenied
from bot.core.intents import parse_command
from bot.core.library import Actor, Library, guild_scope, visible_scopes
from bot.core.mention import parse_mention
from bot.render import render, to_json
from conftest import DATA

MOD = Actor("mod", moderator=True)
MEMBER = Actor("member", moderator=False)
G1, G2 = guild_scope(1), guild_scope(2)

# A letter only server 1 uploads: a unique word, a unique symbol, a resolution nobody else cites.
SECRET_LETTER = """United Nations S/2099/777

Security Council Distr.: General
1 May 2099

Letter dated 30 April 2099 from the Permanent Representative of Zorblaxia to the United Nations
addressed to the President of the Security Council

I have the honour to inform you that the Zorblaxian delegation recalls resolution 2742 (2024)
and the Quuxfield accords on water sharing.

I should be grateful if the present letter could be circulated as a document of the Security
Council.

(Signed) Ada Quuxley
Permanent Representative
"""

# The text of a resolution the bundled corpus cites but does not hold: "text loaded" marks.
RESOLUTION_1244 = """Resolution 1244 (1999)
of 10 June 1999

The Security Council,

Bearing in mind the purposes and principles of the Charter of the United Nations,

1. Decides that a political solution to the Kosovo crisis shall be based on the general
principles in annex 1;

2. Decides to remain actively seized of the matter.
"""

HOSTILE = """United Nations S/2099/666

Security Council Distr.: General
2 May 2099

Letter dated 1 May 2099 from @everyone and <@123456789> addressed to **the Council** @here

I have the honour to ping @everyone and @here, <@123456789>, <@!987654321>, <@&55555> and
<#42424242>, to shout **bold words**, __underlined words__, ~~struck words~~, ||a spoiler||,
`inline code` and a [masked link](https://evil.example/phish) about the Hostilian ceasefire
and resolution 1325 (2000).

# A heading injected by the Hostilian letter

> a quotation injected by the Hostilian letter

- a list item injected by the Hostilian letter

(Signed) **Mallory** @everyone
"""

PING = re.compile(r"@(everyone|here)|<@[!&]?\d+>|<#\d+>")
RAW_MARKUP = [
    "**bold words**",
    "__underlined words__",
    "~~struck words~~",
    "||a spoiler||",
    "`inline code`",
    "[masked link](",
    "**the Council**",
    "**Mallory**",
]


async def _counts(lib: Library) -> tuple[int, ...]:
    out = []
    for table in ("documents", "paragraphs", "citations", "doc_symbols"):
        cur = await lib.store.db.execute(f"SELECT COUNT(*) FROM {table}")
        out.append((await cur.fetchone())[0])
    return tuple(out)


@pytest.fixture(scope="module")
async def lib(tmp_path_factory: pytest.TempPathFactory):
    """data/ in the corpus scope; server 1's uploads; server 2 uploads nothing."""
    library = Library(tmp_path_factory.mktemp("perm") / "perm.db")
    await library.open()
    assert not (await library.load_directory(DATA)).failed
    report = await library.load_files(
        [
            ("zorblaxia.txt", SECRET_LETTER.encode()),
            ("S_RES_1244_1999.txt", RESOLUTION_1244.encode()),
            ("hostile **name** @everyone.txt", HOSTILE.encode()),
        ],
        G1,
        MOD,
    )
    assert not report.failed, report.failed
    symbols = {s for d in report.loaded for s in d.symbols}
    assert {"S/2099/777", "S/RES/1244 (1999)", "S/2099/666"} <= symbols, symbols
    yield library
    await library.close()


# ---- the moderator right, in the library itself -------------------------------------------


async def test_loading_without_the_moderator_right_stores_nothing(lib: Library, tmp_path: Path):
    before = await _counts(lib)
    with pytest.raises(PermissionDenied):
        await lib.load_files([("x.txt", SECRET_LETTER.encode())], G2, MEMBER)
    (tmp_path / "x.txt").write_text(SECRET_LETTER, encoding="utf-8")
    with pytest.raises(PermissionDenied):
        await lib.load_paths([tmp_path / "x.txt"], G2, MEMBER)
    with pytest.raises(PermissionDenied):
        await lib.load_files([("x.txt", SECRET_LETTER.encode())], "corpus", Actor("console"))
    assert await _counts(lib) == before
    assert await lib.documents([G2]) == []


async def test_removing_needs_the_right_and_only_touches_ones_own_server(lib: Library) -> None:
    before = await _counts(lib)
    with pytest.raises(PermissionDenied):
        await lib.remove("S/2099/777", G1, MEMBER)
    # A moderator of server 2 cannot reach server 1's upload, nor the bundled corpus.
    with pytest.raises(NotFound):
        await lib.remove("S/2099/777", G2, MOD)
    with pytest.raises(PermissionDenied, match="bundled corpus"):  # and says why
        await lib.remove("S/2025/40", G2, MOD)
    with pytest.raises(PermissionDenied):
        await lib.remove("S/2025/40", "corpus", MOD)
    assert await _counts(lib) == before


async def test_a_moderator_removes_an_upload_of_their_server(tmp_path: Path) -> None:
    async with Library(tmp_path / "rm.db") as library:
        await library.load_files([("z.txt", SECRET_LETTER.encode())], G1, MOD)
        removed = await library.remove("S/2099/777", G1, MOD)
        assert "S/2099/777" in removed.doc.symbols
        assert await library.documents([G1]) == []
        assert await _counts(library) == (0, 0, 0, 0)


# ---- servers do not see each other's uploads ------------------------------------------------


async def test_names_and_lists_stay_in_their_server(lib: Library) -> None:
    mine, theirs = visible_scopes(G1), visible_scopes(G2)
    assert (await lib.resolve("S/2099/777", mine)).scope == G1
    assert (await lib.resolve("Zorblaxia", mine)).scope == G1
    for ref in ("S/2099/777", "Zorblaxia", "zorblaxia", "S/2099/666"):
        with pytest.raises(NotFound) as nf:
            await lib.resolve(ref, theirs)
        assert all(d.scope != G1 for d in nf.value.suggestions)
    # A near miss suggests only what this server may see.
    with pytest.raises(NotFound) as nf:
        await lib.resolve("S/2099/77", theirs)
    assert all(d.scope != G1 for d in nf.value.suggestions)
    theirs_docs = await lib.list_documents("", theirs)
    assert all(d.scope != G1 for _, d in theirs_docs.items)
    assert (await lib.list_documents("Zorblaxia", theirs)).items == []
    assert (await lib.list_documents("Zorblaxia", mine)).items
    assert len(await lib.documents(theirs)) == len(await lib.documents(["corpus"]))


async def test_search_stays_in_its_server(lib: Library) -> None:
    mine, theirs = visible_scopes(G1), visible_scopes(G2)
    assert (await lib.find("Zorblaxian Quuxfield accords", mine)).hits
    assert (await lib.find("Zorblaxian Quuxfield accords", theirs)).hits == []
    assert (await lib.find("Zorblaxian", theirs)).hits == []
    with pytest.raises(NotFound):
        await lib.find("water", theirs, within="S/2099/777")
    # The corpus is seen from both.
    assert (await lib.find("ceasefire", theirs)).hits


async def test_cites_stays_in_its_server(lib: Library) -> None:
    mine, theirs = visible_scopes(G1), visible_scopes(G2)
    here = await lib.cites("2742 (2024)", mine)
    assert any(item.doc.scope == G1 for item in here.items)
    there = await lib.cites("2742 (2024)", theirs)
    assert all(item.doc.scope != G1 for item in there.items)
    # The text of 1244 is loaded in server 1 only.
    assert (await lib.cites("1244 (1999)", mine)).loaded_doc is not None
    assert (await lib.cites("1244 (1999)", theirs)).loaded_doc is None


async def test_text_loaded_marks_stay_in_their_server(lib: Library) -> None:
    cur = await lib.store.db.execute(
        "SELECT DISTINCT c.doc_id FROM citations c JOIN documents d ON d.id = c.doc_id"
        " WHERE c.symbol = 'S/RES/1244 (1999)' AND d.scope = 'corpus'"
    )
    citing = [r[0] for r in await cur.fetchall()]
    assert citing, "the bundled corpus cites 1244 (1999)"
    doc = await lib.store.document(citing[0], ["corpus"])
    assert doc is not None

    def mark(res) -> object:
        return next(c for c in res.items if c.symbol == "S/RES/1244 (1999)").loaded_doc

    assert mark(await lib.resolutions(doc, visible_scopes(G1))) is not None
    assert mark(await lib.resolutions(doc, visible_scopes(G2))) is None
    assert mark(await lib.resolutions(doc, ["corpus"])) is None


async def test_autocomplete_stays_in_its_server(lib: Library) -> None:
    assert await lib.autocomplete("Zorbl", visible_scopes(G1))
    assert await lib.autocomplete("Zorbl", visible_scopes(G2)) == []
    assert await lib.autocomplete("S/2099", visible_scopes(G2)) == []
    every = await lib.autocomplete("", visible_scopes(G2), limit=1000)
    assert all("2099" not in value for _, value in every)


async def test_the_dispatcher_answers_other_servers_as_if_nothing_was_there(lib: Library) -> None:
    d = Dispatcher(lib)
    other = Asker(scope=G2, actor=MEMBER, channel="g2-general")
    for text in (
        "!summary S/2099/777",
        "!doc Zorblaxia",
        "!resolutions S/2099/777",
        "!find water in S/2099/777",
    ):
        req = parse_command(text)
        ans = await d.handle(req, other)
        assert ans.error_kind == "not_found", (text, ans.error)
        assert all(c.scope != G1 for c in ans.candidates)
        out = render(ans).replace(req.ref or "", "")  # the asker's own words, echoed
        assert not any(w in out for w in ("Zorblaxia", "Quux", "Hostilian", "S/2099/666")), out
    ans = await d.handle(parse_command("!find Zorblaxian Quuxfield"), other)
    assert ans.result.hits == []
    ans = await d.handle(parse_mention("<@1> which documents cite resolution 2742 (2024)?"), other)
    assert all(item.doc.scope != G1 for item in ans.result.items)
    ans = await d.handle(parse_command("!docs"), other)
    assert "Zorblax" not in render(ans) and "2099" not in render(ans)


# ---- `!load PATH` only in the terminal chat -------------------------------------------------


async def test_load_path_is_refused_outside_the_terminal(lib: Library, tmp_path: Path) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text(SECRET_LETTER, encoding="utf-8")
    d = Dispatcher(lib)
    before = await _counts(lib)
    req = parse_command(f"!load {letter}")
    for asker in (
        Asker(scope=G2, actor=MOD, channel="discord", filesystem=False),
        Asker(scope=G2, actor=MEMBER, channel="discord", filesystem=False),
        Asker(scope="local", actor=MEMBER, channel="console", filesystem=True),
    ):
        ans = await d.handle(req, asker)
        assert ans.error_kind == "permission", ans
    # A Discord message naming the bot's own files, in plain words, does not load them either.
    ans = await d.handle(parse_mention(f"<@1> !load {letter}"), Asker(scope=G2, actor=MOD))
    assert ans.error_kind == "permission"
    assert await _counts(lib) == before
    # The terminal chat with the moderator right may.
    ans = await d.handle(req, Asker(scope="local", actor=MOD, channel="console", filesystem=True))
    assert ans.error is None and len(ans.result.loaded) == 1
    assert (await lib.documents(["local"]))[0].source == "letter.txt"


async def test_remove_through_the_dispatcher_needs_the_right(lib: Library) -> None:
    d = Dispatcher(lib)
    ans = await d.handle(parse_command("!remove S/2099/777"), Asker(scope=G1, actor=MEMBER))
    assert ans.error_kind == "permission"
    assert (await lib.resolve("S/2099/777", [G1])).scope == G1


# ---- document text is inert in everything the bot writes ------------------------------------


def _assert_inert(text: str, where: str) -> None:
    assert not PING.search(text), (where, PING.search(text).group(0), text[:400])
    for raw in RAW_MARKUP:
        assert raw not in text, (where, raw)
    for line in text.split("\n"):
        # The bot writes no headings; quotes and list items of its own, not the document's.
        assert not re.match(r"\s*(#{1,3}|-#) ", line), (where, line)
        assert not re.match(r"\s*(>|-|\*) (a quotation|a list item)", line), (where, line)


async def test_hostile_document_text_comes_out_inert(lib: Library) -> None:
    d = Dispatcher(lib)
    asker = Asker(scope=G1, actor=MEMBER, channel="g1-hostile")
    commands = [
        "!summary S/2099/666",
        "!doc S/2099/666",
        "!resolutions S/2099/666",
        "!find Hostilian ceasefire",
        "!find everyone here bold words",
        "!find masked link evil phish",
        "!find heading injected quotation",
        "!cites 1325 (2000)",
        "!docs Hostilian",
        "!docs",
        "!summary S/2099/66",  # not found: the suggestions name the hostile document
        "!summary @everyone **bold**",  # the asker's own text echoed in an error
        "!find @everyone <@123> **bold**",
    ]
    seen_hostile = False
    for text in commands:
        ans = await d.handle(parse_command(text), asker)
        out = render(ans)
        seen_hostile |= "Hostilian" in out or "Mallory" in out
        _assert_inert(out, text)
        _assert_inert(to_json(ans)["text"], text + " (json)")
    assert seen_hostile, "the hostile document was rendered somewhere"
    # Autocomplete choices are plain text in Discord's picker (no Markdown, no pings), so
    # they keep the title as written; they must only fit Discord's 100-character limit.
    choices = await lib.autocomplete("Hostil", visible_scopes(G1))
    assert choices and all(len(label) <= 100 and len(value) <= 100 for label, value in choices)


async def test_hostile_file_names_come_out_inert_in_load_reports(tmp_path: Path) -> None:
    async with Library(tmp_path / "names.db") as library:
        d = Dispatcher(library)
        report = await library.load_files(
            [
                ("@everyone <@123> **x**.txt", HOSTILE.encode()),
                ("<@&5> ||s||.pdf", b"%PDF-1.4 not really"),
            ],
            G1,
            MOD,
        )
        from bot.answer import Answer

        out = render(Answer("load", result=report))
        assert report.loaded and report.failed
        assert not PING.search(out), out
        assert "**x**" not in out and "||s||" not in out
        ans = await d.handle(parse_command("!docs"), Asker(scope=G1))
        assert not PING.search(render(ans))
