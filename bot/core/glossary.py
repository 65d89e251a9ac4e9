"""English <-> French UN terms, so that find also searches the other language.

A query in one language ("ceasefire violations") misses a passage written in the other ("violations
du cessez-le-feu"). `translate` rewrites the terms it knows, longest first, and leaves every other
word as it is (names, numbers and words shared by both languages match either way); find then runs
both queries and merges the hits. The pairs are the terms of UN correspondence and resolutions,
country names that differ between the two languages, and the organs' names, as UNTERM gives them.
Terms are written folded, the way FTS5 indexes them (lower case, no accents, "l'homme" -> l homme).
"""

from __future__ import annotations

from rapidfuzz.distance import OSA

from bot.core.vocab_index import fts_tokens

# (English, French)
PAIRS: list[tuple[str, str]] = [
    # organs, offices and documents
    ("security council", "conseil de securite"),
    ("general assembly", "assemblee generale"),
    ("secretary general", "secretaire general"),
    ("human rights council", "conseil des droits de l homme"),
    ("economic and social council", "conseil economique et social"),
    ("international court of justice", "cour internationale de justice"),
    ("international criminal court", "cour penale internationale"),
    ("united nations", "nations unies"),
    ("permanent representative", "representant permanent"),
    ("permanent mission", "mission permanente"),
    ("agenda item", "point de l ordre du jour"),
    ("annex", "annexe"),
    ("letter", "lettre"),
    ("report", "rapport"),
    # subjects
    ("ceasefire", "cessez le feu"),
    ("cease fire", "cessez le feu"),
    ("peacekeeping operations", "operations de maintien de la paix"),
    ("peacekeeping", "maintien de la paix"),
    ("peace", "paix"),
    ("security", "securite"),
    ("human rights", "droits de l homme"),
    ("international humanitarian law", "droit international humanitaire"),
    ("international law", "droit international"),
    ("humanitarian assistance", "assistance humanitaire"),
    ("humanitarian aid", "aide humanitaire"),
    ("humanitarian", "humanitaire"),
    ("refugees", "refugies"),
    ("internally displaced persons", "personnes deplacees"),
    ("displaced persons", "personnes deplacees"),
    ("territorial integrity", "integrite territoriale"),
    ("sovereignty", "souverainete"),
    ("armed forces", "forces armees"),
    ("armed conflict", "conflit arme"),
    ("armed groups", "groupes armes"),
    ("war crimes", "crimes de guerre"),
    ("crimes against humanity", "crimes contre l humanite"),
    ("ethnic cleansing", "nettoyage ethnique"),
    ("terrorism", "terrorisme"),
    ("terrorist", "terroriste"),
    ("nuclear weapons", "armes nucleaires"),
    ("weapons", "armes"),
    ("disarmament", "desarmement"),
    ("landmines", "mines terrestres"),
    ("civilians", "civils"),
    ("civilian population", "population civile"),
    ("children", "enfants"),
    ("women", "femmes"),
    ("negotiations", "negociations"),
    ("peace process", "processus de paix"),
    ("climate change", "changements climatiques"),
    ("sustainable development", "developpement durable"),
    ("shelling", "bombardements"),
    ("attacks", "attaques"),
    ("attack", "attaque"),
    ("army", "armee"),
    ("government", "gouvernement"),
    ("republic", "republique"),
    ("occupied territories", "territoires occupes"),
    # states and places whose names differ
    ("azerbaijan", "azerbaidjan"),
    ("armenia", "armenie"),
    ("nagorno karabakh", "haut karabakh"),
    ("russian federation", "federation de russie"),
    ("syrian arab republic", "republique arabe syrienne"),
    ("syria", "syrie"),
    ("lebanon", "liban"),
    ("state of palestine", "etat de palestine"),
    ("democratic republic of the congo", "republique democratique du congo"),
    ("central african republic", "republique centrafricaine"),
    ("libya", "libye"),
    ("somalia", "somalie"),
    ("south sudan", "soudan du sud"),
    ("sudan", "soudan"),
    ("cyprus", "chypre"),
    ("greece", "grece"),
    ("turkey", "turquie"),
    ("western sahara", "sahara occidental"),
    ("georgia", "georgie"),
    ("morocco", "maroc"),
    ("algeria", "algerie"),
    ("ethiopia", "ethiopie"),
    ("eritrea", "erythree"),
    ("colombia", "colombie"),
    ("mexico", "mexique"),
    ("germany", "allemagne"),
    ("china", "chine"),
    ("united states", "etats unis"),
    ("united kingdom", "royaume uni"),
    ("spain", "espagne"),
    ("egypt", "egypte"),
    ("jordan", "jordanie"),
    ("saudi arabia", "arabie saoudite"),
    ("bahrain", "bahrein"),
    ("indonesia", "indonesie"),
    ("denmark", "danemark"),
    ("chile", "chili"),
]

FUZZY_MIN = 6  # a single word this long may differ by one edit ("ceasfire")
# A hit for the translated query weighs a little less than one for the words typed: a passage in
# the asker's own language comes first when both match as well.
TRANSLATED_WEIGHT = 0.85


def _table() -> dict[tuple[str, ...], tuple[str, ...]]:
    out: dict[tuple[str, ...], tuple[str, ...]] = {}
    for en, fr in PAIRS:
        e, f = tuple(fts_tokens(en)), tuple(fts_tokens(fr))
        if e != f:
            out.setdefault(e, f)
            out.setdefault(f, e)
    return out


_TABLE = _table()
_LONGEST = max(len(k) for k in _TABLE)
_SINGLE = [k[0] for k in _TABLE if len(k) == 1 and len(k[0]) >= FUZZY_MIN]


def translate(query: str) -> str | None:
    """`query` with the glossary's terms in the other language, or None if it has none."""
    words = fts_tokens(query)
    out: list[str] = []
    changed = False
    i = 0
    while i < len(words):
        for n in range(min(_LONGEST, len(words) - i), 0, -1):
            other = _TABLE.get(tuple(words[i : i + n]))
            if other is None and n == 1 and len(words[i]) >= FUZZY_MIN:
                near = [w for w in _SINGLE if OSA.distance(words[i], w, score_cutoff=1) <= 1]
                other = _TABLE[(near[0],)] if len(near) == 1 else None
            if other is not None:
                out.extend(other)
                changed = True
                i += n
                break
        else:
            out.append(words[i])
            i += 1
    return " ".join(out) if changed else None
