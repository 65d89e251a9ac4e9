"""Adjectives and French names people use for the senders of UN letters, mapped to the name in titles.

Only what a reference like "the Greek letter" or "la lettre de l'Azerbaïdjan" needs: the word a
person types (folded: lower case, no accents) -> the word the English title holds.
"""

from __future__ import annotations

from dataclasses import dataclass

DEMONYMS: dict[str, str] = {
    # English adjectives
    "afghan": "afghanistan",
    "albanian": "albania",
    "algerian": "algeria",
    "american": "united states",
    "argentine": "argentina",
    "argentinian": "argentina",
    "armenian": "armenia",
    "australian": "australia",
    "austrian": "austria",
    "azerbaijani": "azerbaijan",
    "azeri": "azerbaijan",
    "bahraini": "bahrain",
    "belarusian": "belarus",
    "belgian": "belgium",
    "bolivian": "bolivia",
    "bosnian": "bosnia",
    "brazilian": "brazil",
    "british": "united kingdom",
    "burundian": "burundi",
    "cambodian": "cambodia",
    "cameroonian": "cameroon",
    "canadian": "canada",
    "chilean": "chile",
    "chinese": "china",
    "colombian": "colombia",
    "congolese": "congo",
    "croatian": "croatia",
    "cuban": "cuba",
    "cypriot": "cyprus",
    "czech": "czechia",
    "danish": "denmark",
    "egyptian": "egypt",
    "eritrean": "eritrea",
    "ethiopian": "ethiopia",
    "finnish": "finland",
    "french": "france",
    "georgian": "georgia",
    "german": "germany",
    "ghanaian": "ghana",
    "greek": "greece",
    "guatemalan": "guatemala",
    "haitian": "haiti",
    "hungarian": "hungary",
    "indian": "india",
    "indonesian": "indonesia",
    "iranian": "iran",
    "iraqi": "iraq",
    "irish": "ireland",
    "israeli": "israel",
    "italian": "italy",
    "japanese": "japan",
    "jordanian": "jordan",
    "kazakh": "kazakhstan",
    "kenyan": "kenya",
    "korean": "korea",
    "kosovar": "kosovo",
    "kuwaiti": "kuwait",
    "lebanese": "lebanon",
    "libyan": "libya",
    "lithuanian": "lithuania",
    "malian": "mali",
    "malaysian": "malaysia",
    "mexican": "mexico",
    "moldovan": "moldova",
    "moroccan": "morocco",
    "mozambican": "mozambique",
    "dutch": "netherlands",
    "nigerian": "nigeria",
    "nigerien": "niger",
    "norwegian": "norway",
    "omani": "oman",
    "pakistani": "pakistan",
    "palestinian": "palestine",
    "peruvian": "peru",
    "philippine": "philippines",
    "polish": "poland",
    "portuguese": "portugal",
    "qatari": "qatar",
    "romanian": "romania",
    "russian": "russian",
    "rwandan": "rwanda",
    "saudi": "saudi",
    "senegalese": "senegal",
    "serbian": "serbia",
    "slovak": "slovakia",
    "somali": "somalia",
    "spanish": "spain",
    "sudanese": "sudan",
    "swedish": "sweden",
    "swiss": "switzerland",
    "syrian": "syrian",
    "thai": "thailand",
    "tunisian": "tunisia",
    "turkish": "turkiye",
    "turk": "turkiye",
    "ukrainian": "ukraine",
    "emirati": "emirates",
    "venezuelan": "venezuela",
    "vietnamese": "viet",
    "yemeni": "yemen",
    "zimbabwean": "zimbabwe",
    # French names and adjectives (folded)
    "azerbaidjan": "azerbaijan",
    "azerbaidjanais": "azerbaijan",
    "armenie": "armenia",
    "armenien": "armenia",
    "grece": "greece",
    "grecque": "greece",
    "grec": "greece",
    "kenya": "kenya",
    "kenyane": "kenya",
    "israel": "israel",
    "israelienne": "israel",
    "israelien": "israel",
    "russie": "russian",
    "russe": "russian",
    "federation": "federation",
    "ukraine": "ukraine",
    "ukrainienne": "ukraine",
    "ukrainien": "ukraine",
    "palestine": "palestine",
    "palestinienne": "palestine",
    "palestinien": "palestine",
    "etat": "state",
    "iran": "iran",
    "iranienne": "iran",
    "irak": "iraq",
    "koweit": "kuwait",
    "liban": "lebanon",
    "libanaise": "lebanon",
    "libye": "libya",
    "syrie": "syrian",
    "syrienne": "syrian",
    "soudan": "sudan",
    "somalie": "somalia",
    "allemagne": "germany",
    "espagne": "spain",
    "chine": "china",
    "chinoise": "china",
    "etats": "states",
    "unis": "united",
    "royaume": "kingdom",
    "uni": "united",
    "turquie": "turkiye",
    "egypte": "egypt",
    "jordanie": "jordan",
    "algerie": "algeria",
    "maroc": "morocco",
    "serbie": "serbia",
    "georgie": "georgia",
    "bielorussie": "belarus",
    "japon": "japan",
    "inde": "india",
    "pakistan": "pakistan",
    "afghanistan": "afghanistan",
    "haiti": "haiti",
    "mexique": "mexico",
    "bresil": "brazil",
    "colombie": "colombia",
    "venezuela": "venezuela",
    "cuba": "cuba",
    "chili": "chile",
    "qatar": "qatar",
    "arabie": "arabia",
    "saoudite": "saudi",
    "emirats": "emirates",
    "grece's": "greece",
}


def canonical_word(word: str) -> str:
    """Map a folded word to the form the titles use, if it names a country."""
    return DEMONYMS.get(word, word)


# ---- every UN member and observer, in the six languages --------------------------------------
#
# Names come from CLDR (through Babel, the Unicode consortium's locale data, kept current by the
# Babel maintainers): one well-kept source for six scripts. CLDR gives the short names people
# say ("Russia", "Россия", "俄罗斯"); UN documents print the formal ones ("Russian Federation"),
# and people type abbreviations: those are the small table below.

import re  # noqa: E402
from functools import lru_cache  # noqa: E402

from bot.core.groups import GROUP_BY_CODE  # noqa: E402
from bot.core.lexicon.adjectives import IRREGULAR as _IRREGULAR  # noqa: E402
from bot.core.textnorm import fold  # noqa: E402

LANGS = ("en", "fr", "es", "ru", "ar", "zh")

# CLDR codes that are not states (continents, unions, "unknown region", outlying areas).
NOT_STATES = frozenset(
    [
        "EU",
        "EZ",
        "UN",
        "QO",
        "ZZ",
        "AQ",
        "BV",
        "HM",
        "UM",
        "TF",
        "IO",
        "AC",
        "CP",
        "DG",
        "EA",
        "IC",
        "TA",
        "XA",
        "XB",
    ]
)

UN_NAMES: dict[str, list[str]] = {
    "GB": [
        "uk",
        "u.k.",
        "britain",
        "great britain",
        "united kingdom of great britain and northern ireland",
        "royaume-uni de grande-bretagne et d'irlande du nord",
        "британия",
        "соединенное королевство",
        "المملكة المتحدة لبريطانيا العظمى",
        "联合王国",
    ],
    "US": [
        "us",
        "u.s.",
        "usa",
        "u.s.a.",
        "united states of america",
        "america",
        "etats-unis d'amerique",
        "estados unidos de america",
        "eeuu",
        "ee.uu.",
        "сша",
        "соединенные штаты америки",
        "الولايات المتحدة الأمريكية",
        "美利坚合众国",
    ],
    "CD": [
        "drc",
        "dr congo",
        "democratic republic of the congo",
        "rdc",
        "rd congo",
        "republique democratique du congo",
        "republica democratica del congo",
        "дрк",
        "демократическая республика конго",
        "جمهورية الكونغو الديمقراطية",
        "刚果民主共和国",
        "刚果金",
    ],
    "CG": ["republic of the congo", "congo-brazzaville"],
    # Arabic spellings in common use beside CLDR's
    "DK": ["الدنمارك"],
    "CL": ["شيلي"],
    "TR": ["turkey", "turkiye", "türkiye", "turquia", "турция", "тюркийе", "تركيا", "土耳其"],
    "RU": [
        "russian federation",
        "federation de russie",
        "federacion de rusia",
        "российская федерация",
        "рф",
        "الاتحاد الروسي",
        "俄罗斯联邦",
        "俄国",
    ],
    "IR": [
        "iran",
        "islamic republic of iran",
        "republique islamique d'iran",
        "republica islamica del iran",
        "исламская республика иран",
        "جمهورية إيران الإسلامية",
        "伊朗伊斯兰共和国",
    ],
    "SY": [
        "syria",
        "syrian arab republic",
        "republique arabe syrienne",
        "republica arabe siria",
        "сирийская арабская республика",
        "الجمهورية العربية السورية",
        "阿拉伯叙利亚共和国",
    ],
    "VE": [
        "venezuela",
        "bolivarian republic of venezuela",
        "republique bolivarienne du venezuela",
        "republica bolivariana de venezuela",
        "боливарианская республика венесуэла",
        "委内瑞拉玻利瓦尔共和国",
    ],
    "BO": ["bolivia", "plurinational state of bolivia", "etat plurinational de bolivie"],
    "PS": [
        "palestine",
        "state of palestine",
        "etat de palestine",
        "estado de palestina",
        "государство палестина",
        "палестина",
        "دولة فلسطين",
        "فلسطين",
        "巴勒斯坦国",
        "巴勒斯坦",
    ],
    "VA": ["holy see", "saint-siege", "santa sede", "святейший престол", "الكرسي الرسولي", "教廷"],
    "AE": ["uae", "u.a.e.", "eau", "emirates", "emirats", "emiratos", "оаэ", "الإمارات", "阿联酋"],
    "KR": ["republic of korea", "south korea", "republique de coree", "republica de corea"],
    "KP": ["dprk", "north korea", "democratic people's republic of korea", "кндр", "朝鲜"],
    "MD": ["republic of moldova"],
    "TZ": ["united republic of tanzania"],
    "LA": ["lao people's democratic republic", "laos"],
    "VN": ["viet nam", "vietnam"],
    "CZ": ["czech republic", "czechia"],
    "MK": ["north macedonia", "macedonia"],
    "NL": ["netherlands", "holland", "kingdom of the netherlands"],
    "SD": ["the sudan", "le soudan"],
    "XK": ["kosovo"],
    "CN": ["people's republic of china", "prc", "кнр", "中华人民共和国"],
    "SA": ["saudi arabia", "ksa"],
    "SI": ["republic of slovenia"],
    "MM": ["myanmar", "burma"],
    "CI": ["cote d'ivoire", "ivory coast"],
    "CV": ["cabo verde", "cape verde"],
    "SZ": ["eswatini", "swaziland"],
}

# Adjectives and forms CLDR does not list (English and French ones are in DEMONYMS above).
_MORE_ADJECTIVES: dict[str, list[str]] = {
    "RU": ["russian", "russe", "ruso", "rusa"],
    "SY": ["syrian", "syrienne", "syrien", "sirio", "siria"],
    "SA": ["saudi", "saoudien", "saoudienne", "saudi"],
    "AE": ["emirati", "emirien", "emirienne", "emirati"],
    "KR": ["korean", "coreen", "coreano", "coreana"],
    "VN": ["vietnamese", "vietnamien"],
    "GB": ["british", "britannique", "britanico", "britanica"],
    "US": ["american", "americain", "americaine", "estadounidense"],
    "BA": ["bosnian"],
    "PS": ["palestinian", "palestinienne", "palestinien", "palestino", "palestina"],
    "CN": ["chinese", "chinois", "chinoise", "chino", "china"],
    "SD": ["sudanese", "soudanais", "soudanaise", "sudanes", "sudanesa"],
    "IR": ["iranien", "iranienne", "irani"],
    "IL": ["israeli", "israelien", "israelienne", "israeli", "israeli"],
}


def _adjective_codes(en_index: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for adj, word in DEMONYMS.items():
        code = en_index.get(word)
        if code:
            out[adj] = code
    for table in (_MORE_ADJECTIVES, _IRREGULAR):
        for code, adjs in table.items():
            for a in adjs:
                out.setdefault(fold(a), code)
    return out


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str], list[tuple[str, str]]]:
    """(name -> code for spaced scripts, Russian stem -> code, [(name, code)] for ar/zh)."""
    from babel import Locale

    spaced: dict[str, str] = {}
    stems: dict[str, str] = {}
    unspaced: list[tuple[str, str]] = []

    def add(name: str, code: str) -> None:
        n = fold(name).replace("’", "'").strip()
        n = re.sub(r"\s*\(.*?\)\s*|\s*（.*?）\s*", " ", n).strip()
        if not n:
            return
        if re.search(r"[\u0600-\u06ff\u4e00-\u9fff]", n):
            unspaced.append((n, code))
            return
        key = " ".join(re.findall(r"\w+", n))
        spaced.setdefault(key, code)
        if re.search(r"[а-я]", key) and " " not in key:
            stem = key[:-1] if key[-1] in "аяйьоеиы" and len(key) > 4 else key
            stems.setdefault(stem, code)

    for lang in LANGS:
        for code, name in Locale(lang).territories.items():
            if len(code) == 2 and code.isalpha() and code not in NOT_STATES:
                add(name, code)
    for code, names in UN_NAMES.items():
        for name in names:
            add(name, code)
    for adj, code in _adjective_codes(dict(spaced)).items():
        spaced.setdefault(adj, code)
    unspaced.sort(key=lambda x: -len(x[0]))  # longest first: "South Sudan" before "Sudan"
    return spaced, stems, unspaced


@dataclass(slots=True)
class CountryMention:
    code: str
    start: int  # position in the folded text
    end: int


_WORDS = re.compile(r"[\w.'’-]+")
_MAX_WORDS = 9


def find_countries(text: str) -> list[CountryMention]:
    """Every state named in `text`, in any of the six languages, in order; longest names win
    ("Democratic Republic of the Congo" is one mention, not two)."""
    spaced, stems, unspaced = _tables()
    t = fold(text).replace("’", "'")
    out: list[CountryMention] = []
    taken = [False] * (len(t) + 1)
    for name, iso in unspaced:  # Arabic and Chinese: no spaces to split on
        i = t.find(name)
        while i >= 0:
            if not any(taken[i : i + len(name)]):
                out.append(CountryMention(iso, i, i + len(name)))
                for k in range(i, i + len(name)):
                    taken[k] = True
            i = t.find(name, i + len(name))
    words = [(_bare(m.group(0)), m.start(), m.end()) for m in _WORDS.finditer(t)]
    i = 0
    while i < len(words):
        hit = None
        for n in range(min(_MAX_WORDS, len(words) - i), 0, -1):
            key = " ".join(w for w, _, _ in words[i : i + n])
            code = spaced.get(key)
            if code is None and n == 1:
                code = _stem_code(key, stems) or _adjective_code(key)
            if code is not None and not taken[words[i][1]]:
                hit = (code, n)
                break
        if hit:
            out.append(CountryMention(hit[0], words[i][1], words[i + hit[1] - 1][2]))
            i += hit[1]
        else:
            i += 1
    # "US"/"us": the abbreviation only in capitals, the pronoun never.
    out = [
        m
        for m in out
        if not (m.code == "US" and t[m.start : m.end] == "us" and text[m.start : m.end] != "US")
    ]
    return sorted(out, key=lambda m: m.start)


# Adjective endings in English, French and Spanish, longest first: "guyan|ese", "dan|oise",
# "ruman|o", "slovaqu|e". What is left must begin exactly one state's one-word name.
_ADJ_ENDINGS = sorted(
    (  # noqa: SIM905
        "ese ians ian eans ean ans an ish ic i "  # English
        "iennes ienne ien eennes eenne een aises aise ais oises oise ois aines aine ain "
        "ines ine in ota ote ite ique que ole ol onne on enne en ande and e "  # French
        "enses ense esas esa eses es enos enas eno ena anos anas ano ana inos inas ino ina "
        "ianos iano iana acos aco aca teco teca teque ita os as io ia o a"  # Spanish
    ).split(),
    key=len,
    reverse=True,
)


@lru_cache(maxsize=8192)
def _adjective_code(word: str) -> str | None:
    """ "Guyanese", "danoise", "panaméen", "rumano": a state's name with an adjective ending,
    when exactly one state's one-word name (in any of the six languages) starts with the rest."""
    if len(word) < 5 or not word.isascii() or word in _NOT_ADJECTIVES:
        return None
    names = _single_names()
    for ending in [""] + [e for e in _ADJ_ENDINGS if word.endswith(e)]:
        stem = word[: len(word) - len(ending)] if ending else word
        if ending == "" and len(word) < 5:
            continue
        if len(stem) < (4 if len(ending) >= 3 else 5):
            continue  # "autr|es" is not Austria, "ban|ana" not Bangladesh
        # A letter or two more may be cut ("mozambic|ain" -> "mozamb"), never below five:
        # "lettr|e" must not become "lett", the start of Latvia.
        shortest = 4 if len(ending) >= 3 else 5
        cuts = (stem[: len(stem) - c] for c in range(3) if len(stem) - c >= shortest or c == 0)
        for part in dict.fromkeys(cuts):
            codes = {code for name, code in names if name.startswith(part)}
            if len(codes) == 1:
                return codes.pop()
            if len(codes) > 1:
                break
    return None


# Words with an adjective ending that name no state.
_NOT_ADJECTIVES = frozenset(
    [
        "international",
        "european",
        "christian",
        "civilian",
        "guardian",
        "veteran",
        "parliamentarian",
        "humanitarian",
        "libraries",
        "documents",
        "questions",
        "resolutions",
        "representatives",
        "nations",
        "missions",
        "committees",
        "ministers",
        "partners",
        "camera",
        "cameras",
        "indiana",
        "montana",
    ]
)


@lru_cache(maxsize=1)
def _single_names() -> list[tuple[str, str]]:
    spaced, _, _ = _tables()
    return [(k, v) for k, v in spaced.items() if " " not in k and k.isascii() and len(k) >= 4]


def _bare(word: str) -> str:
    word = re.sub(r"^(?:l|d|qu|s)'", "", word.strip(".'-"))
    return word[:-2] if word.endswith("'s") else word


def _stem_code(word: str, stems: dict[str, str]) -> str | None:
    """Russian cases and adjectives: "Украины", "украинское" -> UA."""
    if not re.match(r"[а-я]", word):
        return None
    for cut in range(0, min(len(word) - 3, 7)):
        code = stems.get(word[: len(word) - cut] if cut else word)
        if code is not None:
            return code
    return None


@lru_cache(maxsize=4096)
def codes_in(text: str) -> frozenset[str]:
    """The states a sender or addressee string names: "Denmark, Sierra Leone and the United
    Kingdom" -> {DK, SL, GB}."""
    return frozenset(m.code for m in find_countries(text))


def english_name(code: str) -> str:
    from babel import Locale

    return Locale("en").territories.get(code, code)


def country_name(code: str, lang: str = "en") -> str:
    """A state's name in the asker's language (CLDR); a group by its abbreviation."""
    from babel import Locale

    if code in GROUP_BY_CODE:
        g = GROUP_BY_CODE[code]
        return g.abbreviations[0] if g.abbreviations else g.names[0].title()
    try:
        return Locale(lang).territories.get(code, code)
    except (ValueError, TypeError):
        return english_name(code)
