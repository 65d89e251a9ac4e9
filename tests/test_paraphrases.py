"""Plain-language messages in the six languages -> the right intent (and fact, for `meta`).

Written for these tests, the way members of a UN-affairs server type: not copied from the dev
dialogues, and mostly about other documents. Each row: message, language, intent, meta field.
"""

from __future__ import annotations

import pytest

from bot.core.intents import parse_mention

M = "@Rapporteur "

EN = [
    ("hi there", "help", None),
    ("what are you able to do?", "help", None),
    ("how does this bot work", "help", None),
    ("yo, commands?", "help", None),
    ("which commands do you understand?", "help", None),
    ("tell me a joke", "decline", None),
    ("book me a taxi to JFK", "decline", None),
    ("could you translate this paragraph into German for me", "decline", None),
    ("who will win the election in Chile?", "decline", None),
    ("what's the capital of Kenya", "decline", None),
    ("banana", "decline", None),
    ("give me a quick overview of the Greek letter from May", "summary", None),
    ("recap S/2025/402 please", "summary", None),
    ("what is the Cypriot note verbale about", "summary", None),
    ("sum up the Venezuelan letter", "summary", None),
    ("main points of the Danish letter of March?", "summary", None),
    ("what did Pakistan write to the Council in February", "summary", None),
    ("open S/2025/274", "doc", None),
    ("I want to read the full text of the Slovenian note verbale", "doc", None),
    ("display resolution 2773", "doc", None),
    ("which resolutions does the Lebanese letter refer to?", "resolutions", None),
    ("what resolutions is the German letter based on", "resolutions", None),
    ("resolutions cited in S/2025/492?", "resolutions", None),
    ("who cites resolution 2250 (2015)?", "cites", None),
    ("which letters mention UNSCR 2334", "cites", None),
    ("is resolution 1540 referred to anywhere?", "cites", None),
    ("look for mentions of hostages", "find", None),
    ("search the library for ballistic missiles", "find", None),
    ("where does the Kenyan note talk about the police mission?", "find", None),
    ("which paragraph mentions humanitarian corridors", "find", None),
    ("list the notes verbales", "docs", None),
    ("what reports do you have?", "docs", None),
    ("show all documents from March 2025", "docs", None),
    ("which letters did Greece send this year? 2025", "docs", None),
    ("how many resolutions are loaded", "docs", None),
    ("who signed the Danish letter of 6 March?", "meta", "signatories"),
    ("when was the Kenyan note verbale of July distributed?", "meta", "distributed"),
    ("to whom is the Cypriot note addressed", "meta", "addressees"),
    ("which agenda items is it filed under?", "meta", "agenda"),
    ("is there an annex?", "meta", "annexes"),
    ("does it request circulation as a Council document?", "meta", "circulate"),
    ("what's its symbol?", "meta", "symbol"),
    ("what language was it originally written in?", "meta", "language"),
    ("when is that letter dated", "meta", "date"),
    ("the third one", "summary", None),
    ("number 4", "summary", None),
    ("the last one", "summary", None),
]

FR = [
    ("bonjour !", "help", None),
    ("qu'est-ce que tu sais faire ?", "help", None),
    ("comment ça marche ?", "help", None),
    ("tu peux me réserver un taxi ?", "decline", None),
    ("rédige un discours pour la Cinquième Commission", "decline", None),
    ("quel temps fait-il à New York ? la météo", "decline", None),
    ("résume la lettre de la Grèce de juillet", "summary", None),
    ("de quoi parle la note verbale du Kenya ?", "summary", None),
    ("fais-moi une synthèse de S/2025/501", "summary", None),
    ("affiche le texte intégral de la résolution 2770", "doc", None),
    ("quelles résolutions la lettre libanaise invoque-t-elle ?", "resolutions", None),
    ("la lettre du Pakistan cite quelles résolutions ?", "resolutions", None),
    ("quels documents citent la résolution 2334 (2016) ?", "cites", None),
    ("qui fait référence à la résolution 1540 ?", "cites", None),
    ("cherche les passages sur les otages", "find", None),
    ("où est-il question de la force de police au Kenya ?", "find", None),
    ("liste les lettres de l'Azerbaïdjan", "docs", None),
    ("quels rapports as-tu ?", "docs", None),
    ("qui a signé la lettre du Danemark ?", "meta", "signatories"),
    ("elle a été distribuée quand ?", "meta", "distributed"),
    ("à qui est-elle adressée ?", "meta", "addressees"),
    ("qu'y a-t-il en annexe ?", "meta", "annexes"),
    ("quelle est sa cote ?", "meta", "symbol"),
    ("la troisième", "summary", None),
    ("celle d'août", "summary", None),
]

ES = [
    ("hola", "help", None),
    ("¿qué sabes hacer?", "help", None),
    ("¿me reservas una sala para el lunes?", "decline", None),
    ("resume la carta de Grecia de julio", "summary", None),
    ("¿de qué trata la nota verbal de Kenia?", "summary", None),
    ("muéstrame el texto completo de la resolución 2773", "doc", None),
    ("¿qué resoluciones cita la carta del Líbano?", "resolutions", None),
    ("¿qué documentos citan la resolución 1540?", "cites", None),
    ("busca los pasajes sobre rehenes", "find", None),
    ("lista las cartas de Azerbaiyán", "docs", None),
    ("¿quién firmó la carta de Dinamarca?", "meta", "signatories"),
    ("¿a quién está dirigida?", "meta", "addressees"),
    ("la segunda", "summary", None),
]

RU = [
    ("привет", "help", None),
    ("какие у тебя команды?", "help", None),
    ("какая погода в Женеве?", "decline", None),
    ("перескажи письмо Греции от 7 мая", "summary", None),
    ("о чем вербальная нота Кении?", "summary", None),
    ("покажи полный текст резолюции 2773", "doc", None),
    ("какие резолюции упоминает письмо Ливана?", "resolutions", None),
    ("какие документы ссылаются на резолюцию 1540?", "cites", None),
    ("найди, где говорится о заложниках", "find", None),
    ("перечисли письма Азербайджана", "docs", None),
    ("кто подписал письмо Дании?", "meta", "signatories"),
    ("когда оно было распространено?", "meta", "distributed"),
    ("третье", "summary", None),
]

AR = [
    ("مرحبا", "help", None),
    ("ماذا تستطيع أن تفعل؟", "help", None),
    ("احجز لي فندقا في جنيف", "decline", None),
    ("لخص رسالة اليونان", "summary", None),
    ("اعرض النص الكامل للقرار 2773", "doc", None),
    ("ما هي القرارات التي تشير إليها رسالة لبنان؟", "resolutions", None),
    ("ما هي الوثائق التي تستشهد بالقرار 1540؟", "cites", None),
    ("ابحث عن الرهائن", "find", None),
    ("من وقع رسالة الدانمرك؟", "meta", "signatories"),
    ("الثانية", "summary", None),
]

ZH = [
    ("你好", "help", None),
    ("怎么用你？", "help", None),
    ("明天日内瓦天气怎么样", "decline", None),
    ("概括一下希腊的信", "summary", None),
    ("显示第2773号决议全文", "doc", None),
    ("黎巴嫩的信引用了哪些决议？", "resolutions", None),
    ("哪些文件提到第1540号决议？", "cites", None),
    ("搜索人质", "find", None),
    ("丹麦的信是谁签署的？", "meta", "signatories"),
    ("第二个", "summary", None),
]

ROWS = [
    (m, lang, intent, fld)
    for lang, rows in (("en", EN), ("fr", FR), ("es", ES), ("ru", RU), ("ar", AR), ("zh", ZH))
    for m, intent, fld in rows
]


def test_there_are_enough_messages_in_every_language() -> None:
    assert len(ROWS) >= 100
    assert {lang for _, lang, _, _ in ROWS} == {"en", "fr", "es", "ru", "ar", "zh"}


@pytest.mark.parametrize(("message", "lang", "intent", "field"), ROWS)
def test_paraphrase(message: str, lang: str, intent: str, field: str | None) -> None:
    req = parse_mention(M + message)
    assert req.intent == intent, (req.intent, req)
    assert req.lang == lang
    if field is not None:
        assert req.field == field


def test_a_document_described_around_the_find_verb_is_where_to_look() -> None:
    req = parse_mention(M + "where does the Danish letter talk about Ukraine?")
    assert req.intent == "find" and req.query == "Ukraine"
    assert req.slots is not None and req.slots.senders == ["DK"] and req.slots.kind == "letter"
    req = parse_mention(M + 'find "maritime boundary" in the Greek letter')
    assert req.query == "maritime boundary" and req.slots is not None
    assert req.slots.senders == ["GR"]


def test_plural_kinds_ask_for_a_list_and_numbers_name_resolutions() -> None:
    assert parse_mention(M + "what are the UNSC resolutions from 1993?").intent == "docs"
    req = parse_mention(M + "gimme the text of GA resolution 80/4")
    assert (req.intent, req.ref) == ("doc", "A/RES/80/4")
    req = parse_mention(M + "search 'Bagram'")
    assert (req.intent, req.query) == ("find", "Bagram")


@pytest.mark.parametrize(
    ("message", "intent", "query"),
    [
        ("which docs mention the Wagner group", "find", "Wagner group"),
        ("quels documents parlent de la Libye ?", "find", "Libye"),
        ("any letters about Kosovo?", "find", "Kosovo"),
        ("qué cartas hablan de Haití", "find", "Haití"),
        ("letters from Azerbaijan about Armenia", "docs", None),
        ("anything on the DRC from May?", "summary", None),
    ],
)
def test_documents_about_a_subject_are_searched(
    message: str, intent: str, query: str | None
) -> None:
    req = parse_mention(M + message)
    assert req.intent == intent
    if query is not None:
        assert req.query == query


def test_a_subject_in_chinese_and_arabic_is_not_the_sender() -> None:
    req = parse_mention(M + "概括一下秘书长关于索马里的报告")
    assert req.slots is not None and req.slots.senders == ["SG"] and req.slots.topics == ["SO"]
    req = parse_mention(M + "¿cuándo se distribuyó la nota verbal de Chipre?")
    assert (req.intent, req.field) == ("meta", "distributed")
