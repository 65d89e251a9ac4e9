"""Adjectives and French names people use for the senders of UN letters, mapped to the name in titles.

Only what a reference like "the Greek letter" or "la lettre de l'Azerbaïdjan" needs: the word a
person types (folded: lower case, no accents) -> the word the English title holds.
"""

from __future__ import annotations

DEMONYMS: dict[str, str] = {
    # English adjectives
    "afghan": "afghanistan", "albanian": "albania", "algerian": "algeria", "american": "united states",
    "argentine": "argentina", "argentinian": "argentina", "armenian": "armenia",
    "australian": "australia", "austrian": "austria", "azerbaijani": "azerbaijan",
    "azeri": "azerbaijan", "bahraini": "bahrain", "belarusian": "belarus", "belgian": "belgium",
    "bolivian": "bolivia", "bosnian": "bosnia", "brazilian": "brazil", "british": "united kingdom",
    "burundian": "burundi", "cambodian": "cambodia", "cameroonian": "cameroon",
    "canadian": "canada", "chilean": "chile", "chinese": "china", "colombian": "colombia",
    "congolese": "congo", "croatian": "croatia", "cuban": "cuba", "cypriot": "cyprus",
    "czech": "czechia", "danish": "denmark", "egyptian": "egypt", "eritrean": "eritrea",
    "ethiopian": "ethiopia", "finnish": "finland", "french": "france", "georgian": "georgia",
    "german": "germany", "ghanaian": "ghana", "greek": "greece", "guatemalan": "guatemala",
    "haitian": "haiti", "hungarian": "hungary", "indian": "india", "indonesian": "indonesia",
    "iranian": "iran", "iraqi": "iraq", "irish": "ireland", "israeli": "israel",
    "italian": "italy", "japanese": "japan", "jordanian": "jordan", "kazakh": "kazakhstan",
    "kenyan": "kenya", "korean": "korea", "kosovar": "kosovo", "kuwaiti": "kuwait",
    "lebanese": "lebanon", "libyan": "libya", "lithuanian": "lithuania", "malian": "mali",
    "malaysian": "malaysia", "mexican": "mexico", "moldovan": "moldova", "moroccan": "morocco",
    "mozambican": "mozambique", "dutch": "netherlands", "nigerian": "nigeria",
    "nigerien": "niger", "norwegian": "norway", "omani": "oman", "pakistani": "pakistan",
    "palestinian": "palestine", "peruvian": "peru", "philippine": "philippines",
    "polish": "poland", "portuguese": "portugal", "qatari": "qatar", "romanian": "romania",
    "russian": "russian", "rwandan": "rwanda", "saudi": "saudi", "senegalese": "senegal",
    "serbian": "serbia", "slovak": "slovakia", "somali": "somalia", "spanish": "spain",
    "sudanese": "sudan", "swedish": "sweden", "swiss": "switzerland", "syrian": "syrian",
    "thai": "thailand", "tunisian": "tunisia", "turkish": "turkiye", "turk": "turkiye",
    "ukrainian": "ukraine", "emirati": "emirates", "venezuelan": "venezuela",
    "vietnamese": "viet", "yemeni": "yemen", "zimbabwean": "zimbabwe",
    # French names and adjectives (folded)
    "azerbaidjan": "azerbaijan", "azerbaidjanais": "azerbaijan", "armenie": "armenia",
    "armenien": "armenia", "grece": "greece", "grecque": "greece", "grec": "greece",
    "kenya": "kenya", "kenyane": "kenya", "kenyan": "kenya", "israel": "israel",
    "israelienne": "israel", "israelien": "israel", "russie": "russian", "russe": "russian",
    "federation": "federation", "ukraine": "ukraine", "ukrainienne": "ukraine",
    "ukrainien": "ukraine", "palestine": "palestine", "palestinienne": "palestine",
    "palestinien": "palestine", "etat": "state", "iran": "iran", "iranienne": "iran",
    "irak": "iraq", "koweit": "kuwait", "liban": "lebanon", "libanaise": "lebanon",
    "libye": "libya", "syrie": "syrian", "syrienne": "syrian", "soudan": "sudan",
    "somalie": "somalia", "allemagne": "germany", "espagne": "spain", "chine": "china",
    "chinoise": "china", "etats": "states", "unis": "united", "royaume": "kingdom",
    "uni": "united", "turquie": "turkiye", "egypte": "egypt", "jordanie": "jordan",
    "algerie": "algeria", "maroc": "morocco", "serbie": "serbia", "georgie": "georgia",
    "bielorussie": "belarus", "japon": "japan", "inde": "india", "pakistan": "pakistan",
    "afghanistan": "afghanistan", "haiti": "haiti", "mexique": "mexico", "bresil": "brazil",
    "colombie": "colombia", "venezuela": "venezuela", "cuba": "cuba", "chili": "chile",
    "qatar": "qatar", "arabie": "arabia", "saoudite": "saudi", "emirats": "emirates",
    "grece's": "greece",
}


def canonical_word(word: str) -> str:
    """Map a folded word to the form the titles use, if it names a country."""
    return DEMONYMS.get(word, word)
