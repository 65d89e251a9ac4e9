"""The words the core knows, per language: data read by code (the conversation's phrases are
in the language modules beside this one)."""

from __future__ import annotations

# ruff: noqa: SIM905  (word lists are data: one string per list reads best)

# Function words that carry no meaning on their own in a query (folded), per language.
QUERY_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "a an and are as at be by for from has have in into is it its of on or that the their this "
        "to was were which with not no all any can did does do what where who whom whose how about".split()
    ),
    "fr": frozenset(
        "le la les l un une des de du d et en au aux a par pour sur dans que qui quoi ou ne pas se "
        "sa son ses leur leurs ce cet cette ces il elle est sont avec sans plus".split()
    ),
}
STOPWORDS = frozenset().union(*QUERY_STOPWORDS.values())
# Function words of the languages find does not treat as stop words (its queries keep them);
# the find evaluation leaves them out of the queries it makes.
MORE_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "es": frozenset(
        "el los las del al y o que se su sus por para con una uno como es son lo mas este esta "
        "estos estas sobre entre sin ha han".split()
    ),
    "ru": frozenset(
        "и в во не на с со по к о об от до за из что как это его ее их для или а но же бы был "
        "была были быть также при".split()
    ),
    "ar": frozenset(
        "في من على إلى عن أن إن التي الذي الذين مع هذا هذه ذلك تلك كان و أو ما لا قد".split()
    ),
}

# The commonest function words of running text, as printed (lower case, accents kept): they tell
# the Latin-script languages apart (bot.core.lang).
TEXT_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the of and to in is that for with by on as are this be which from at it has have its was "
        "were or not an shall".split()
    ),
    "fr": frozenset(
        "le la les des du de et à en un une est que qui dans pour par sur au aux ce cette sont ont "
        "avec l' d' qu' ne pas".split()
    ),
    "es": frozenset(
        "el la los las del de y en un una es que por para con su sus se al lo como ha han son este "
        "esta".split()
    ),
}

# The twelve months as documents print them (lower case, accents kept), January first. The
# conversation's month words are these, folded, with the short forms (lexicon.month_words);
# Russian, Arabic and Chinese ones are only in their LEX["months"].
MONTH_NAMES: dict[str, tuple[str, ...]] = {
    "en": tuple(
        "january february march april may june july august september october november december".split()
    ),
    "fr": tuple(
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
    ),
    "es": tuple(
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split()
    ),
}
# Other spellings documents use: Latin American Spanish "setiembre".
MONTH_VARIANTS: dict[str, dict[str, int]] = {"es": {"setiembre": 9}}
# Short forms of the months ("Jan", "Sept", "janv."), folded.
MONTH_SHORT: dict[str, dict[str, int]] = {
    "en": {
        **{name[:3]: i for i, name in enumerate(MONTH_NAMES["en"], start=1)},
        "sept": 9,
    },
    "fr": {"janv": 1, "fev": 2, "avr": 4, "juil": 7, "sept": 9, "oct": 10, "nov": 11, "dec": 12},
}

# The word printed in brackets before a signatory's name: "(Signed) Vassily Nebenzia".
# Signs written before a number in any language ("#3", "n° 3", "no. 3"); the words that do the
# same ("number", "numéro") are each language's ordinals worth 0.
NUMBER_SIGNS = ("#", "n°", "no.")

SIGNED_MARKERS: dict[str, tuple[str, ...]] = {
    "en": ("signed",),
    "fr": ("signé", "signée"),
    "es": ("firmado", "firmada"),
    "ru": ("подпись",),
    "ar": ("توقيع",),
}


def signed_markers(*langs: str) -> str:
    """A regex alternation of the signature markers of `langs` (all languages when none)."""
    return "|".join(m for lang in (langs or SIGNED_MARKERS) for m in SIGNED_MARKERS.get(lang, ()))


# Language names as mastheads and running headers print them ("English", "Français"), per
# language of the document, with the language they name.
LANGUAGE_NAMES: dict[str, dict[str, str]] = {
    "en": {"english": "en", "french": "fr", "spanish": "es", "russian": "ru", "arabic": "ar",
           "chinese": "zh"},
    "fr": {"anglais": "en", "français": "fr", "espagnol": "es", "russe": "ru", "arabe": "ar",
           "chinois": "zh"},
    "es": {"inglés": "en", "francés": "fr", "español": "es", "ruso": "ru", "árabe": "ar",
           "chino": "zh"},
}  # fmt: skip

# How a title opens, per language, and the kind of document it makes (bot.core.parse._kind).
TITLE_KINDS: dict[str, dict[str, str]] = {
    "en": {"identical letters": "identical letters", "note verbale": "note verbale",
           "notes verbales": "note verbale", "letter": "letter", "resolution": "resolution",
           "report": "report"},
    "fr": {"lettres identiques": "identical letters", "note verbale": "note verbale",
           "notes verbales": "note verbale", "lettre": "letter", "résolution": "resolution",
           "rapport": "report"},
    "es": {"cartas idénticas": "identical letters", "nota verbal": "note verbale",
           "carta": "letter", "resolución": "resolution", "informe": "report"},
}  # fmt: skip


def title_openings(kind: str) -> tuple[str, ...]:
    """Every title opening (lower case) that gives `kind`, in all languages."""
    return tuple(o for table in TITLE_KINDS.values() for o, k in table.items() if k == kind)


# Words of a typed reference that say what kind of thing is meant, not which one (folded).
REFERENCE_GENERIC: dict[str, frozenset[str]] = {
    "en": frozenset(
        "letter letters document documents doc note verbale verbal text texts dated date from "
        "sent send written wrote by the of in mission permanent representative me about that "
        "this those one annex report".split()
    ),
    "fr": frozenset(
        "lettre lettres texte textes datee envoyee envoye ecrit ecrite par de des du en dans il "
        "y representant permanente moi sur ce cette un une annexe rapport".split()
    ),
}

# The Organization's name and its principal organs as mastheads print them (lower case), with
# the code the record uses.
UN_NAMES: dict[str, str] = {"en": "united nations", "fr": "nations unies", "es": "naciones unidas"}
ORGANS: dict[str, dict[str, str]] = {
    "en": {"general assembly": "GA", "security council": "SC",
           "economic and social council": "ECOSOC"},
    "fr": {"assemblée générale": "GA", "conseil de sécurité": "SC",
           "conseil économique et social": "ECOSOC"},
    "es": {"asamblea general": "GA", "consejo de seguridad": "SC",
           "consejo económico y social": "ECOSOC"},
}  # fmt: skip
# The record's codes of the bodies and the names answers give them.
ORGAN_NAMES = {
    "GA": "General Assembly",
    "SC": "Security Council",
    "ECOSOC": "Economic and Social Council",
    "HRC": "Human Rights Council",
}

# How a masthead names the agenda items a document is filed under: the word for an item, then
# the numbers, then (optionally) the agenda or list they belong to, which may be qualified.
AGENDA_ITEM_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("Agenda item", "Agenda items", "Item", "Items"),
    "fr": ("Point", "Points"),
    "es": ("Tema", "Temas", "Punto", "Puntos"),
}
AGENDA_NOUNS: dict[str, tuple[str, ...]] = {
    "en": ("agenda", "list"),
    "fr": ("ordre du jour", "liste"),
    "es": ("programa", "lista"),
}
AGENDA_QUALIFIERS: dict[str, tuple[str, ...]] = {
    "en": ("provisional", "preliminary"),
    "fr": ("provisoire", "préliminaire"),
    "es": ("provisional", "preliminar"),
}

# Function words a printed line ends on only when its sentence goes on to the next line (at most
# five letters: paragraphs looks at a line's last eight characters).
CONTINUING_WORDS: dict[str, tuple[str, ...]] = {
    "en": tuple("of the and to in by for with its their a an on at from under".split()),
    "fr": tuple("de du des la le les et à au aux par pour sur dans en".split()),
    "es": tuple("y el los las con por para".split()),
}

# Words that never stand between a resolution keyword and its number (Arabic puts the body's
# name there: قرار مجلس الأمن 1325); one of them means the number belongs to something else.
CITATION_GAP_WORDS: dict[str, frozenset[str]] = {
    "ar": frozenset(
        "في الذي التي الذين اللذين من على إلى عن عام لعام العام سنة لسنة الساعة المؤرخ المؤرخة بتاريخ يوم مع أو كل بعد قبل منذ حتى الفقرة الفقرتين الفقرات المادة المواد البند".split()
    ),
}
