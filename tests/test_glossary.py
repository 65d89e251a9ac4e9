"""Find in the other language: English queries reach French passages and back."""

from __future__ import annotations

from bot.core.glossary import TRANSLATED_WEIGHT, translate, translations
from bot.core.glossary_terms import TERMS
from bot.core.library import Library
from bot.core.vocab_index import fts_tokens
from bot.render import render_find


def test_terms_are_rewritten_longest_first_and_other_words_kept() -> None:
    assert translate("ceasefire violations Gazakh") == "cessez le feu violations gazakh"
    assert translate("violations du cessez-le-feu") == "violations du ceasefire"
    assert translate("Conseil de sécurité") == "security council"
    assert translate("human rights council") == "conseil des droits de l homme"
    assert translate("ceasfire") == "cessez le feu"  # one typo in a long term
    assert translate("skateboard kickflip halfpipe") is None
    assert translate("1325") is None


def test_every_term_is_written_in_english_folded_and_differs_in_another_language() -> None:
    for row in TERMS:
        assert fts_tokens(row[0]) == row[0].split(), row[0]
        assert len({tuple(fts_tokens(t)) for t in row if t}) > 1, row


async def test_an_english_query_finds_the_french_seed_letter(corpus_lib: Library) -> None:
    res = await corpus_lib.find("ceasefire violations", ["corpus"])
    assert res.translated is not None and "cessez le feu violations" in res.translated
    seed = [h for h in res.hits if h.doc.source.startswith("seed/")]
    assert seed and "cessez-le-feu" in seed[0].text
    assert "also searched as “cessez le feu violations”" in render_find(res, "en")


async def test_a_french_query_finds_english_passages(corpus_lib: Library) -> None:
    res = await corpus_lib.find("droits de l'homme", ["corpus"], limit=30)
    assert res.translated is not None and "human rights" in res.translated.split(" · ")
    assert any("human rights" in h.text.lower() for h in res.hits)
    # The words as typed come first: the French passages outrank the translated hits.
    assert "droits de l" in res.hits[0].text.lower().replace("’", "'")
    first_english = next(i for i, h in enumerate(res.hits) if "human rights" in h.text.lower())
    assert all("droits" in h.text.lower() for h in res.hits[:first_english])


async def test_words_absent_in_both_languages_still_find_nothing(corpus_lib: Library) -> None:
    res = await corpus_lib.find("zucchini lasagna nutmeg", ["corpus"])
    assert res.hits == [] and res.translated is None


def test_terms_are_translated_into_the_five_other_languages() -> None:
    # The UN's own terms (organs, recurring terms) and CLDR's state names, in any direction.
    got = dict(translations("Conseil de sécurité"))
    assert got == {
        "en": "security council",
        "es": "consejo de seguridad",
        "ru": "совет безопасности",
        "ar": "مجلس الأمن",
        "zh": "安全理事会",
    }
    assert dict(translations("人权"))["en"] == "human rights"
    assert dict(translations("联合国安全理事会"))["fr"] == "nations unies conseil de securite"
    assert (
        dict(translations("Azerbaijan Armenia"))["ru"] == "азербайджан армения"
    )  # й kept, as FTS5 keeps it
    assert dict(translations("machine guns against civilians"))["fr"] == (
        "mitrailleuses against civils"
    )
    assert translations("skateboard kickflip halfpipe") == []


async def test_an_english_question_finds_the_french_letter_through_its_words(
    corpus_lib: Library,
) -> None:
    """The seed letter says "mitrailleuses … civils" about Gazakh; asked in English, its
    paragraph comes first and the answer says what else was searched."""
    res = await corpus_lib.find("machine guns against civilians in Gazakh", ["corpus"])
    assert res.hits and res.hits[0].doc.source.startswith("seed/")
    assert "Gazakh" in res.hits[0].text and "mitrailleuses" in res.hits[0].text
    assert res.translated is not None and "mitrailleuses" in res.translated


async def test_translated_hits_stay_below_equal_hits_in_the_words_typed(
    corpus_lib: Library,
) -> None:
    res = await corpus_lib.find("人权", ["corpus"], limit=20)
    chinese = [h for h in res.hits if h.doc.source.endswith("_zh.txt")]
    others = [h for h in res.hits if not h.doc.source.endswith("_zh.txt")]
    assert chinese and others and res.translated is not None
    assert min(h.score for h in chinese) > max(h.score for h in others)
    assert max(h.score for h in others) <= TRANSLATED_WEIGHT
