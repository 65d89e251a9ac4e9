"""The library facade on the bundled corpus: loading, naming documents, the three answers, scopes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import bot.core.storage_write as storage_write
from bot.core.errors import Ambiguous, BadInput, NotFound, PermissionDenied
from bot.core.library import Actor, Library, guild_scope, visible_scopes
from conftest import DATA

SEED = "seed/000_d7938d8b0aeb43da.txt"
CORPUS = ["corpus"]


async def test_bundled_corpus_loads_every_file(corpus_lib: Library) -> None:
    docs = await corpus_lib.documents(CORPUS)
    files = [
        p
        for p in DATA.rglob("*")
        if p.suffix in (".txt", ".md") and p.name not in ("README.md", "SOURCES.md")
    ]
    assert len(docs) == len(files)
    assert await corpus_lib.store.integrity_check() == "ok"


async def test_seed_resolutions_are_exactly_the_four_of_1993(corpus_lib: Library) -> None:
    doc = await corpus_lib.resolve("000_d7938d8b0aeb43da", CORPUS)
    res = await corpus_lib.resolutions(doc, CORPUS)
    symbols = [c.symbol for c in res.items if c.kind == "resolution"]
    assert symbols == [
        "S/RES/822 (1993)",
        "S/RES/853 (1993)",
        "S/RES/874 (1993)",
        "S/RES/884 (1993)",
    ]
    assert all(c.url.startswith("https://undocs.org/en/S/RES/") for c in res.items)
    # Their own texts are bundled, so each is marked as openable.
    assert all(c.loaded_doc is not None for c in res.items)


@pytest.mark.parametrize(
    ("ref", "symbol"),
    [
        ("s/2025/40", "S/2025/40"),
        ("S / 2025 / 40", "S/2025/40"),
        ("A/79/729–S/2025/40", "A/79/729"),
        ("a/es-10/1029", "A/ES-10/1029"),
        ("s/res/822 (1993)", "S/RES/822 (1993)"),
        ("Kenya July 2025", "S/2025/472"),
        ("Armenia 20 February 2025", "A/79/798"),
    ],
)
async def test_references_as_people_type_them(corpus_lib: Library, ref: str, symbol: str) -> None:
    doc = await corpus_lib.resolve(ref, CORPUS)
    assert symbol in doc.symbols


async def test_french_words_name_the_seed(corpus_lib: Library) -> None:
    doc = await corpus_lib.resolve("Azerbaïdjan avril 2020", CORPUS)
    assert doc.source == SEED


async def test_number_in_the_list(corpus_lib: Library) -> None:
    docs = await corpus_lib.documents(CORPUS)
    assert (await corpus_lib.resolve("3", CORPUS)).id == docs[2].id
    with pytest.raises(NotFound, match="no document number 999"):
        await corpus_lib.resolve("999", CORPUS)


async def test_ambiguous_and_unknown_references(corpus_lib: Library) -> None:
    with pytest.raises(Ambiguous) as amb:
        await corpus_lib.resolve("Azerbaijan", CORPUS)
    assert len(amb.value.candidates) > 1
    with pytest.raises(NotFound) as nf:
        await corpus_lib.resolve("S/2025/4", CORPUS)
    assert any("S/2025/40" in d.symbols for d in nf.value.suggestions)
    with pytest.raises(NotFound):
        await corpus_lib.resolve("zzzz qqqq", CORPUS)


async def test_summary_of_the_seed(corpus_lib: Library) -> None:
    doc = await corpus_lib.resolve("Azerbaïdjan avril 2020", CORPUS)
    s = await corpus_lib.summary(doc, CORPUS)
    assert s.record["sender"]["entity"] == "Azerbaïdjan"
    assert s.record["letter_date"] == "2020-04-13"
    assert 2 <= len(s.key_points) <= 4
    text = " ".join(p.text for p in await corpus_lib.store.paragraphs(doc.id))
    assert all(p.rstrip("…").split()[0] in text for p in s.key_points)  # taken from the document
    assert [c.symbol for c in s.resolutions][0] == "S/RES/822 (1993)"


async def test_find_with_a_typo_and_without_accents(corpus_lib: Library) -> None:
    res = await corpus_lib.find("condems seizure agdam district", CORPUS)
    assert res.hits and res.hits[0].doc.source.endswith("S_RES_853_1993.txt")
    assert "Agdam" in res.hits[0].text
    marked = [res.hits[0].text[s:e] for s, e in res.hits[0].spans]
    assert "Agdam" in marked and "Condemns" in marked
    res = await corpus_lib.find("recentes violations cessez-le-feu armee", CORPUS)
    assert res.hits[0].doc.source == SEED


async def test_find_says_nothing_rather_than_noise(corpus_lib: Library) -> None:
    assert (await corpus_lib.find("skateboard kickflip halfpipe", CORPUS)).hits == []
    with pytest.raises(BadInput):
        await corpus_lib.find("   ", CORPUS)


async def test_find_within_one_document(corpus_lib: Library) -> None:
    res = await corpus_lib.find("ceasefire", CORPUS, within="S/2025/182")
    assert res.hits and all("S/2025/182" in h.doc.symbols for h in res.hits)


async def test_cites_lists_the_documents_citing_a_resolution(corpus_lib: Library) -> None:
    res = await corpus_lib.cites("1325 (2000)", CORPUS)
    assert res.symbol == "S/RES/1325 (2000)"
    cited_by = {s for item in res.items for s in item.doc.symbols}
    assert {"S/2025/492", "A/79/826", "A/79/923", "S/RES/1445 (2002)"} <= cited_by
    assert all(item.passage for item in res.items)
    bare = await corpus_lib.cites("resolution 1244", CORPUS)
    assert bare.symbol == "S/RES/1244 (1999)" and bare.year_inferred


async def test_reload_is_idempotent_and_replaces_changed_files(
    tmp_path: Path, new_db: str | Path
) -> None:
    folder = tmp_path / "data"
    shutil.copytree(DATA / "seed", folder / "seed")
    shutil.copy(DATA / "corpus" / "en" / "S_2025_182.txt", folder / "S_2025_182.txt")
    async with Library(new_db) as lib:
        first = await lib.load_directory(folder)
        assert len(first.loaded) == 2
        again = await lib.load_directory(folder)
        assert (len(again.loaded), again.unchanged) == (0, 2)
        letter = folder / "S_2025_182.txt"
        letter.write_text(letter.read_text() + "\nWe also condemn the kangaroo incident.\n")
        changed = await lib.load_directory(folder)
        assert [d.source for d in changed.loaded] == ["S_2025_182.txt"]
        assert len(await lib.documents(CORPUS)) == 2
        assert (await lib.find("kangaroo incident", CORPUS)).hits
        letter.unlink()
        gone = await lib.load_directory(folder)
        assert gone.removed == 1 and len(await lib.documents(CORPUS)) == 1
        assert not (await lib.find("kangaroo incident", CORPUS)).hits  # FTS rows went too


async def test_a_bad_file_is_named_and_the_rest_load(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(DATA / "corpus" / "en" / "S_2025_182.txt", folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    async with Library(tmp_path / "t.db") as lib:
        report = await lib.load_directory(folder)
        assert [d.source for d in report.loaded] == ["S_2025_182.txt"]
        reasons = dict(report.failed)
        assert set(reasons) == {"empty.txt", "binary.txt"}
        assert "empty" in reasons["empty.txt"]


async def test_a_failed_load_leaves_nothing_behind(tmp_path: Path, monkeypatch) -> None:
    async with Library(tmp_path / "t.db") as lib:
        store = lib.store
        real = storage_write._insert_sync
        calls = 0

        def failing(*args, **kwargs):  # type: ignore[no-untyped-def]
            nonlocal calls
            calls += 1
            if calls == 2:
                raise RuntimeError("disk full")
            return real(*args, **kwargs)

        monkeypatch.setattr(storage_write, "_insert_sync", failing)
        files = [
            (p.name, p.read_bytes()) for p in sorted((DATA / "corpus" / "en").glob("S_2025_1*.txt"))
        ]
        with pytest.raises(RuntimeError):
            await lib.load_files(files, "guild:1", Actor("mod", moderator=True))
        assert await lib.documents(["guild:1"]) == []
        assert await store.paragraph_count() == 0


async def test_uploads_are_private_to_their_server_and_need_the_right(
    tmp_path: Path, new_db: str | Path
) -> None:
    letter = (DATA / "corpus" / "en" / "S_2025_182.txt").read_bytes()
    async with Library(new_db) as lib:
        with pytest.raises(PermissionDenied):
            await lib.load_files([("x.txt", letter)], guild_scope(1), Actor("member"))
        assert await lib.documents([guild_scope(1)]) == []
        report = await lib.load_files([("x.txt", letter)], guild_scope(1), Actor("mod", True))
        assert len(report.loaded) == 1 and report.loaded[0].citations >= 1
        mine, theirs = visible_scopes(guild_scope(1)), visible_scopes(guild_scope(2))
        assert (await lib.resolve("S/2025/182", mine)).scope == "guild:1"
        with pytest.raises(NotFound):
            await lib.resolve("S/2025/182", theirs)
        assert (await lib.find("Arab-Islamic Ministerial Committee", theirs)).hits == []
        assert (await lib.cites("2735 (2024)", theirs)).items == []
        assert (await lib.cites("2735 (2024)", mine)).items
        assert await lib.autocomplete("S/2025/182", theirs) == []
        with pytest.raises(PermissionDenied):
            await lib.remove("S/2025/182", guild_scope(1), Actor("member"))
        await lib.remove("S/2025/182", guild_scope(1), Actor("mod", True))
        assert await lib.documents(mine) == []


async def test_autocomplete_fits_discord(corpus_lib: Library) -> None:
    choices = await corpus_lib.autocomplete("", CORPUS)
    assert len(choices) == 25
    assert all(len(label) <= 100 and len(value) <= 100 for label, value in choices)
    armenia = await corpus_lib.autocomplete("armenia", CORPUS)
    assert armenia and all("armenia" in label.lower() for label, _ in armenia)


async def test_removing_a_bundled_document_says_why_not(tmp_path: Path, new_db: str | Path) -> None:
    async with Library(new_db) as lib:
        await lib.load_directory(DATA / "seed")
        with pytest.raises(PermissionDenied, match="bundled corpus"):
            await lib.remove("000_d7938d8b0aeb43da", guild_scope(1), Actor("mod", True))
        with pytest.raises(NotFound):
            await lib.remove("S/2099/1", guild_scope(1), Actor("mod", True))
        assert len(await lib.documents(["corpus"])) == 1
