"""Groups of states that send joint letters, named by UN texts and by people alike."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.core.textnorm import fold

# UN texts name the senders of joint letters by group: "the E3", "the Nordic countries", "on
# behalf of the Group of 77 and China". A group is the sender of a document when all its members
# signed it (E3, P5, Nordic countries, GCC), or when the sender or title names the group (letters
# sent by a chair "on behalf of" the group). Abbreviations count only in capitals: "au", "eu"
# and "ua" are French words.


@dataclass(frozen=True, slots=True)
class Group:
    code: str
    members: frozenset[str]  # empty: a group known only by its name (G77, EU, AU)
    names: tuple[str, ...]  # folded; matched as words
    abbreviations: tuple[str, ...]  # matched in capitals only


def _g(code: str, members: str, names: str, abbreviations: str) -> Group:
    return Group(
        code,
        frozenset(members.split()),
        tuple(fold(n).strip() for n in names.split("|") if n.strip()),
        tuple(abbreviations.split()),
    )


GROUPS: tuple[Group, ...] = (
    _g(
        "E3",
        "FR DE GB",
        "e3|the three european states|trois etats europeens|tres estados europeos"
        "|европейская тройка|الترويكا الأوروبية|欧洲三国",
        "E3 EU3 E-3",
    ),
    _g(
        "P5",
        "CN FR RU GB US",
        "p5|permanent five|permanent members of the security council"
        "|cinq membres permanents|membres permanents du conseil de securite|cinco miembros permanentes"
        "|miembros permanentes del consejo de seguridad|постоянные члены совета безопасности"
        "|пятерка|الأعضاء الدائمون|الدول الخمس دائمة العضوية|五常|常任理事国",
        "P5 P-5",
    ),
    _g(
        "NORDIC",
        "DK FI IS NO SE",
        "nordic countries|nordic states|the nordics|nordic"
        "|pays nordiques|etats nordiques|paises nordicos|северные страны"
        "|страны северной европы|بلدان الشمال الأوروبي|الدول الاسكندنافية|北欧国家|北欧",
        "",
    ),
    _g(
        "GCC",
        "BH KW OM QA SA AE",
        "gulf cooperation council|cooperation council for the arab states"
        " of the gulf|conseil de cooperation du golfe|consejo de cooperacion del golfo"
        "|совет сотрудничества стран залива|مجلس التعاون الخليجي|مجلس التعاون لدول الخليج العربية"
        "|海湾阿拉伯国家合作委员会|海合会",
        "GCC CCG ССАГПЗ",
    ),
    _g(
        "G77",
        "",
        "group of 77|group of seventy-seven|g77|g-77|groupe des 77|grupo de los 77"
        "|группа 77|مجموعة الـ 77|مجموعة ال77|مجموعة الـ77|مجموعة السبعة والسبعين|77国集团",
        "G77 G-77",
    ),
    _g(
        "EU",
        "",
        "european union|union europeenne|union europea|европейский союз|евросоюз"
        "|الاتحاد الأوروبي|欧洲联盟|欧盟",
        "EU UE ЕС",
    ),
    _g(
        "AU",
        "",
        "african union|union africaine|union africana|африканский союз|الاتحاد الأفريقي"
        "|非洲联盟|非盟",
        "AU UA АС",
    ),
    _g(
        "OIC",
        "",
        "organisation of islamic cooperation|organization of islamic cooperation"
        "|organisation de la cooperation islamique|organizacion de cooperacion islamica"
        "|организация исламского сотрудничества|منظمة التعاون الإسلامي|伊斯兰合作组织",
        "OIC OCI ОИС",
    ),
    _g(
        "ASEAN",
        "",
        "association of southeast asian nations|association of south-east asian nations"
        "|association des nations de l'asie du sud-est|asociacion de naciones del asia sudoriental"
        "|ассоциация государств юго-восточной азии|رابطة أمم جنوب شرق آسيا|东南亚国家联盟|东盟",
        "ASEAN АСЕАН",
    ),
    _g(
        "CARICOM",
        "",
        "caribbean community|communaute des caraibes|comunidad del caribe"
        "|карибское сообщество|الجماعة الكاريبية|加勒比共同体",
        "CARICOM КАРИКОМ",
    ),
    _g(
        "LAS",
        "",
        "league of arab states|arab league|arab group|ligue des etats arabes|ligue arabe"
        "|groupe des etats arabes|liga de los estados arabes|liga arabe|grupo de los estados arabes"
        "|лига арабских государств|группа арабских государств|جامعة الدول العربية|المجموعة العربية"
        "|阿拉伯国家联盟|阿盟|阿拉伯国家集团",
        "LAS ЛАГ",
    ),
    _g(
        "NAM",
        "",
        "non-aligned movement|movement of non-aligned countries|mouvement des pays non alignes"
        "|movimiento de los paises no alineados|движение неприсоединения|حركة عدم الانحياز|不结盟运动",
        "NAM MNA MNOAL",
    ),
)
GROUP_BY_CODE = {g.code: g for g in GROUPS}


@dataclass(slots=True)
class GroupMention:
    code: str
    start: int  # position in the folded text
    end: int


def find_groups(text: str) -> list[GroupMention]:
    """The groups of states named in `text` ("the E3", "l'Union africaine", "G77"), as mentions
    whose code is the group's (E3, P5, NORDIC, GCC, G77, EU, AU, OIC, ASEAN, CARICOM, LAS, NAM).
    Positions are in the folded text, as find_countries gives them."""
    t = fold(text).replace("’", "'")
    names, abbreviations = _patterns()
    out = [
        GroupMention(code_of[m.group(0)], m.start(), m.end())
        for code_of, pat in [names]
        for m in pat.finditer(t)
    ]
    if len(text) == len(t):  # capitals are read in the text as typed: same positions
        code_of, pat = abbreviations
        out += [GroupMention(code_of[m.group(0)], m.start(), m.end()) for m in pat.finditer(text)]
    out.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[GroupMention] = []
    for m in out:
        if not any(k.start < m.end and m.start < k.end for k in kept):
            kept.append(m)
    return kept


_UNSPACED_NAME = re.compile(r"[\u0600-\u06ff\u4e00-\u9fff]")


def _bounded(name: str) -> str:
    lead = r"(?<!\w)" if re.match(r"\w", name) and not _UNSPACED_NAME.match(name) else ""
    tail = r"(?!\w)" if not _UNSPACED_NAME.search(name[-1:]) else ""
    return lead + re.escape(name) + tail


Patterns = tuple[dict[str, str], re.Pattern[str]]


@lru_cache(maxsize=1)
def _patterns() -> tuple[Patterns, Patterns]:
    """One alternation for the names (folded text), one for the abbreviations (as typed)."""
    names = {n: g.code for g in GROUPS for n in g.names}
    abbreviations = {a: g.code for g in GROUPS for a in g.abbreviations}
    by_length = sorted(names, key=len, reverse=True)
    return (
        (names, re.compile("|".join(_bounded(n) for n in by_length))),
        (
            abbreviations,
            re.compile("|".join(rf"(?<!\w){re.escape(a)}(?!\w)" for a in abbreviations)),
        ),
    )


@lru_cache(maxsize=65536)
def group_senders(states: frozenset[str], named: str) -> frozenset[str]:
    """The groups a document's senders make up: all members signed it, or the sender or title
    (`named`, folded) names the group."""
    named_codes, _ = _patterns()
    code_of, pat = named_codes
    out = {g.code for g in GROUPS if g.members and g.members <= states}
    out |= {code_of[m.group(0)] for m in pat.finditer(named) if len(m.group(0)) > 4}
    return frozenset(out)


def group_name(code: str) -> str | None:
    g = GROUP_BY_CODE.get(code)
    return g.names[0] if g is not None and g.names else None


def is_group(code: str) -> bool:
    return code in GROUP_BY_CODE
