"""French: the words and phrases people use when they ask Rapporteur something (folded)."""

from bot.core.lexicon import month_words

# ruff: noqa: SIM905  (word lists are data: one string per list reads best)
# fmt: off
LEX = {
    "hints": "bonjour salut merci le les des du une un est quel quelle quels quelles qui que quoi ou tu vous "
    "moi peux pouvez resume resumer verbale verbales cherche trouve lettre lettres sur dans cette ce et pour pas "
    "c est qu as avez stp svp suite suivants ouvre montre affiche lis peux veux celle celui meme elle il quand".split(),
    "greeting": ["salut", "bonjour", "bonsoir", "coucou", "hello", "allo"],
    "help": [
        "que fais-tu", "comment on s'en sert", "comment s'en servir", "des exemples", "aide-moi a comprendre", "a quoi ca sert",
        "aide", "aide-moi", "tu sers a quoi", "a quoi tu sers", "a quoi sers-tu",
        "que sais-tu faire", "qu'est-ce que tu sais faire", "que peux-tu faire",
        "qu'est-ce que tu peux faire", "tu peux faire quoi", "tu fais quoi",
        "comment t'utiliser", "comment tu marches", "comment ca marche", "comment fonctionnes",
        "mode d'emploi", "tes commandes", "quelles commandes", "liste des commandes",
        "commandes", "que puis-je te demander", "quoi te demander", "quelles questions",
        "comment m'aider", "comment peux-tu m'aider", "qui es-tu", "tu es qui",
    ],
    "thanks": ["merci", "super", "parfait", "genial", "d'accord", "ok", "top"],
    "decline": [
        "poeme", "chanson", "film", "devoirs", "horoscope", "joue",
        "meteo", "temps qu'il fait", "reserve", "reserver", "reservation", "redige", "rediger",
        "ecris-moi", "ecrire mon", "ecrire un discours", "courriel", "mail", "envoie ca",
        "envoie-le", "transfere", "traduis", "traduire", "capitale de", "blague", "dejeuner",
        "diner", "restaurant", "taxi", "vol pour", "hotel", "salle de reunion", "une salle",
        "rappelle-moi", "rendez-vous", "ton avis", "tu penses", "qui va gagner", "recette",
    ],
    "summary": [
        "fais-moi un resume", "un resume de", "en gros", "que demande", "peux-tu resumer", "les points principaux", "l'idee generale", "que veut",
        "resum*", "en bref", "en resume", "synthese", "synthetise", "l'essentiel", "points cles",
        "de quoi parle", "de quoi ca parle", "de quoi il s'agit", "c'est quoi", "qu'est-ce que",
        "que dit", "qu'y a-t-il dans", "que contient", "explique", "presente", "decris",
        "en deux mots", "les grandes lignes", "tl;dr", "tldr", "qui a ecrit", "qu'a envoye",
        "qu'a ecrit", "qu'ont envoye", "ce que ~ a ecrit", "ce que ~ a envoye", "ce que dit",
        "fais-moi un point", "brief",
    ],
    "sent_what": ["qu'a envoye", "qu'ont envoye", "qu'a ecrit", "qu'a transmis", "qu'a soumis",
                  "qu'est-ce que ~ a envoye", "qu'est-ce que ~ ont envoye", "ce que ~ a envoye",
                  "ce que ~ a ecrit", "qu'avons-nous de", "qu'a-t-on de"],
    "doc": [
        "montre", "montre-moi", "affiche", "ouvre", "texte integral", "texte complet",
        "tout le texte", "le texte de", "lire", "lis-moi", "voir le texte", "fais voir",
    ],
    "docs": [
        "liste", "lister", "quels documents", "quels textes", "as-tu", "avez-vous",
        "tu as", "vous avez", "documents de", "documents du", "les documents", "lettres de",
        "lettres du", "les lettres", "les rapports", "les notes verbales", "rapports de", "quelles lettres", "quels rapports", "quelles notes", "sont charges", "est charge", "dans la bibliotheque",
        "disponibles", "tous les", "toutes les", "combien", "a envoye quoi", "ont envoye",
        "a-t-il envoye", "a-t-elle envoye", "a soumis", "inventaire", "catalogue",
    ],
    "resolutions": [
        "resolutions", "resolution", "cite*", "invoque*", "mentionne*", "evoque*",
        "fait reference", "font reference", "se refere", "s'appuie", "s'appuient",
        "fonde sur", "base juridique", "reference*",
    ],
    "find": [
        "cherche", "chercher", "recherche", "trouve", "trouver", "ou parle-t-on",
        "ou est-il question", "ou il est question", "ou est-ce qu", "ou dit-on", "ou dit-il",
        "ou dit-elle", "ou parle", "ou mentionne", "ou evoque", "ou se trouve", "quel paragraphe",
        "quel passage", "le passage", "le paragraphe", "passages sur", "dit-elle quelque chose",
        "dit-il quelque chose", "parle-t-elle", "parle-t-il", "est-il question", "ou ca parle",
    ],
    "query_intro": [
        "-t-elle", "-t-il", "-elle", "-il", "-t-on", "-ils", "-elles",
        "le passage sur", "le passage ou", "le passage qui parle de", "le paragraphe sur",
        "le paragraphe ou", "les passages sur", "passages sur", "il est question de",
        "il est question du", "il est question des", "il est question d'", "question de",
        "question du", "question des", "question d'", "parle-t-on de", "parle-t-on du",
        "parle-t-on des", "parle-t-on d'", "on parle de", "on parle du", "on parle des",
        "parle de", "parle du", "parle des", "mentionne", "evoque", "dit que", "concernant",
        "a propos de", "au sujet de", "sur", "de", "du", "des", "d'", "les", "le", "la", "l'",
        "ou",
    ],
    "cites": [
        "cite*", "invoque*", "mentionne*", "evoque*", "font reference", "fait reference",
        "se referent", "se refere", "quels textes", "quels documents", "quelles lettres",
        "qui cite", "qui citent", "quelqu'un", "documents qui", "textes qui", "lettres qui",
    ],
    "meta": {
        "signatories": ["qui a sign*", "qui l'a sign*", "qui les a sign*", "signe par",
                        "signee par", "signataire*", "signature", "qui signe"],
        "distributed": ["distribue*", "distribution", "publie*", "diffuse*", "parue", "paru"],
        "date": ["quand", "quelle date", "date de quand", "de quand", "quel jour", "la date",
                 "sa date"],
        "sender": ["qui l'a envoy*", "qui a envoy*", "qui l'a ecrit*", "qui l'a redig*",
                   "qui l'a transmi*", "qui en est l'auteur",
                   "expediteur", "auteur", "de qui", "qui est derriere"],
        "addressees": ["adresse*", "a qui", "destinataire*", "pour qui"],
        "agenda": ["ordre du jour", "ordres du jour"],
        "annexes": ["annexe*", "en piece jointe", "piece jointe", "joint", "jointe"],
        "circulate": ["faire distribuer", "distribuer comme", "comme document", "diffuser comme",
                      "demande de distribution", "circuler"],
        "symbol": ["cote", "symbole", "numero du document", "quel numero", "sa cote"],
        "language": ["quelle langue", "en quelle langue", "langue originale", "langue"],
        "kind": ["quel type", "quel genre", "quelle sorte"],
    },
    "back": [
        "il", "elle", "le", "la", "l'", "ce", "cette", "celle-ci", "celui-ci", "celle-la",
        "celui-la", "la meme", "le meme", "cette lettre", "ce document", "ce rapport",
        "ce texte", "cette note", "dedans", "y", "cette resolution", "la-dedans", "en",
        "cite-t-elle", "cite-t-il",
    ],
    "command_back": ["cette lettre", "ce document", "celle-ci", "celui-ci", "la", "le"],
    "articles": ["le", "la", "les", "l'", "du", "des", "de la", "de l'"],
    "day_links": ["du"],
    "determiners": ["le", "la", "les", "l'", "un", "une", "des", "du"],
    "back_find": ["cette lettre", "ce document", "ce rapport", "ce texte", "cette note", "cette resolution", "dedans", "la-dedans", "celle-ci", "celui-ci", "la meme", "le meme", "y parle", "elle"],
    "more": ["la suite", "suite", "suivants", "les suivants", "page suivante", "encore", "continue", "plus"],
    # "which documents mention X": a search for X in every document
    "mentions": ["mentionne*", "parle* de", "parle* du", "parle* des", "evoque*", "traite* de", "traite* du", "traite* des", "sur", "concernant", "au sujet de"],
    "ordinals": {
        "premier": 1, "premiere": 1, "1er": 1, "1re": 1, "deuxieme": 2, "second": 2,
        "seconde": 2, "2e": 2, "troisieme": 3, "3e": 3, "quatrieme": 4, "4e": 4,
        "cinquieme": 5, "5e": 5, "sixieme": 6, "septieme": 7, "huitieme": 8, "neuvieme": 9,
        "dixieme": 10, "derniere": -1, "dernier": -1, "plus recente": -1, "plus recent": -1,
        "plus ancienne": 1, "plus ancien": 1, "numero": 0, "no": 0,
    },
    "one": ["celle", "celui", "celles", "ceux", "la", "le", "numero", "no", "n°", "#",
            "de la liste"],
    "plural_kinds": ["lettres", "rapports", "resolutions", "notes verbales", "documents",
                     "textes"],
    "kinds": {
        "lettre": "letter", "lettres": "letter", "lettre conjointe": "letter", "lettres identiques": "letter",
        "note verbale": "note verbale", "notes verbales": "note verbale",
        "rapport": "report", "rapports": "report", "resolution": "resolution",
        "resolutions": "resolution", "note de cadrage": "letter", "note conceptuelle": "letter",
    },
    "months": month_words("fr"),  # lexicon.words: the one month table
    "bodies": {
        "conseil de securite": "SC", "le conseil": "SC", "conseil": "SC", "csnu": "SC",
        "assemblee generale": "GA", "l'assemblee": "GA", "l'ag": "GA", "ag": "GA",
        "secretaire general": "SG", "secretaire generale": "SG", "sg": "SG",
        "conseil des droits de l'homme": "HRC",
    },
    "about": ["sur", "en", "au sujet de", "a propos de", "concernant", "relative a", "relatif a",
              "quant a"],
    "to": ["au", "a la", "aux", "a l'", "adressee a", "adresse a", "destinee a",
           "au president du", "a la presidente du", "au president de", "comme", "en tant que"],
    "from": ["de", "du", "des", "par", "envoyee par", "ecrite par"],
    "within": ["dans", "en", "au sein de"],
    "languages": {"en francais": "fr", "en anglais": "en", "en espagnol": "es", "en russe": "ru",
                  "en arabe": "ar", "en chinois": "zh", "francaise": "fr", "anglaise": "en"},
    "resolution_words": ["resolution", "resolutions", "res"],
    "filler": (
        "le la les l un une des de du d au aux chaque a en et ou mais donc sur dans par pour avec "
        "ce cet cette ces celle celui ca cela c est sont etait qui que quoi qu quel quelle "
        "quels quelles tu te toi vous moi me m mon ma mes ton ta tes s il elle ils elles y "
        "peux peut pourrais pouvez stp svp plait merci ok bon alors fais fait faire dis donne "
        "as a ai avez ont chose document documents texte textes lettre lettres rapport "
        "rapports note verbale notes verbales envoye envoyee envoyees envoyes transmis transmise soumis soumise ecrit ecrite date datee "
        "bibliotheque juste vite exactement encore aussi deja ne pas plus tout tous toutes "
        "sais savoir veux voudrais aimerais ete signe signee signees distribue distribuee quand"
    ).split(),
}
# fmt: on
