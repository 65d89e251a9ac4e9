"""Commands and plain-language mentions, English and French, to the same requests."""

from __future__ import annotations

import pytest

from bot.core.intents import parse_command
from bot.core.mention import parse_mention


@pytest.mark.parametrize(
    ("text", "intent", "ref", "query"),
    [
        ("!summary S/2025/40", "summary", "S/2025/40", None),
        ("!resolutions s/2025/274", "resolutions", "s/2025/274", None),
        ("!find ceasefire violations Gazakh", "find", None, "ceasefire violations Gazakh"),
        ("!find ceasefire in S/2025/40", "find", "S/2025/40", "ceasefire"),
        ("!cites 1325 (2000)", "cites", None, "1325 (2000)"),
        ("!docs Armenia 2025", "docs", None, "Armenia 2025"),
        ("!help", "help", None, None),
        ("!résumé 3", "summary", "3", None),
    ],
)
def test_commands(text: str, intent: str, ref: str | None, query: str | None) -> None:
    req = parse_command(text)
    assert req is not None
    assert (req.intent, req.ref, req.query) == (intent, ref, query)
    assert req.error is None


def test_malformed_commands_explain_themselves() -> None:
    assert "which document" in (parse_command("!summary").error or "")
    assert "unknown command" in (parse_command("!frobnicate x").error or "")
    assert parse_command("hello") is None


@pytest.mark.parametrize(
    ("text", "intent", "senders", "month", "year"),
    [
        ("@Rapporteur summarize the Azerbaijan letter of April 2020", "summary", ["AZ"], 4, 2020),
        (
            "@Rapporteur quelles résolutions cite la lettre de l'Azerbaïdjan ?",
            "resolutions",
            ["AZ"],
            None,
            None,
        ),
        (
            "<@123> which resolutions does the Azerbaijan letter cite?",
            "resolutions",
            ["AZ"],
            None,
            None,
        ),
    ],
)
def test_mentions_describe_a_document(
    text: str, intent: str, senders: list[str], month: int | None, year: int | None
) -> None:
    req = parse_mention(text)
    assert req.intent == intent and req.slots is not None
    assert (req.slots.senders, req.slots.month, req.slots.year) == (senders, month, year)


@pytest.mark.parametrize(
    ("text", "intent", "symbol"),
    [
        ("@Rapporteur who wrote S/2025/182?", "summary", "S/2025/182"),
        ("@Rapporteur résume S/2025/85 s'il te plaît", "summary", "S/2025/85"),
    ],
)
def test_mentions_name_a_document(text: str, intent: str, symbol: str) -> None:
    req = parse_mention(text)
    assert (req.intent, req.ref) == (intent, symbol)


def test_mentions_find_and_cites_and_help() -> None:
    req = parse_mention("@Rapporteur find ceasefire violations Gazakh")
    assert (req.intent, req.query) == ("find", "ceasefire violations Gazakh")
    req = parse_mention(
        "@Rapporteur cherche le passage sur la coexistence pacifique avec les Arméniens"
    )
    assert req.intent == "find" and req.query == "coexistence pacifique avec les Arméniens"
    assert req.lang == "fr"
    req = parse_mention("@Rapporteur which documents refer to resolution 1325 (2000)?")
    assert req.intent == "cites" and "1325 (2000)" in (req.query or "")
    assert parse_mention("@Rapporteur quelles sont tes commandes ?").intent == "help"


def test_pronouns_refer_back() -> None:
    req = parse_mention("@Rapporteur summarize it")
    assert req.intent == "summary" and req.refers_back and req.ref is None
    req = parse_mention("@Rapporteur which resolutions does this letter cite?")
    assert req.intent == "resolutions" and req.slots is not None and req.slots.back


def test_it_as_a_command_reference_means_the_last_document() -> None:
    req = parse_command("!resolutions it")
    assert req is not None and req.refers_back and req.ref is None and req.error is None
    assert parse_command("!summary this letter").refers_back  # type: ignore[union-attr]
    assert parse_command("!remove it").ref == "it"  # type: ignore[union-attr]  # never implied
