"""The words of the text answers, per language: labels, help, notes on partial answers.

English and French here; the other four languages come from bot.translations.
"""

from __future__ import annotations

from bot import translations

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "from": "From",
        "to": "To",
        "date": "Date",
        "letter_date": "Letter dated",
        "distributed": "Distributed",
        "adopted": "Adopted",
        "agenda": "Agenda",
        "annex": "Annex",
        "key": "Key points",
        "contents": "Contents",
        "resolutions": "Resolutions cited",
        "none_cited": "No resolution cited.",
        "signed": "Signed",
        "circulate": "Asks to circulate it as a document of",
        "kind": "Kind",
        "language": "Language",
        "original": "original",
        "subject": "Subject",
        "decisions": "Decisions",
        "other": "Other bodies' resolutions",
        "loaded": "text loaded",
        "inferred": "year inferred from the numbering",
        "mentions": "mentions",
        "para": "¶",
        "nothing": "Nothing found for",
        "also": "also searched as",
        "cited_by": "Documents citing",
        "no_cites": "No loaded document cites",
        "docs": "Documents",
        "did_you_mean": "Did you mean",
        "paragraphs": "paragraphs",
        "replaces": "replaces",
        "loaded_by": "loaded by",
        "on": "on",
        "kept_as": "kept as",
        "renamed": "another file of this upload is named",
        "in": "in",
        "session": "session",
        "year": "year",
        # The Discord pages, buttons and attached files.
        "page": "Page",
        "only_asker": "Only the person who asked can use these buttons.",
        "dates": "Dates",
        "cited_here": "Resolutions cited in this message",
        "none_here": "I see no resolution cited in that message.",
        "more": "… and {n} more: `{prefix}resolutions {ref}`",
        "loading": "Loading",
        "loaded_title": "Loaded in this server",
        "removed": "Removed",
        "help": "Help",
        "no_text": "(no text)",
        "attached": "The whole text is attached.",
        "first_pages": "The first {n} pages are here; the whole text is attached.",
        "too_big": "The whole text ({size}) is over Discord's {limit} file limit, so it is not"
        " attached: here are its first pages. Search it with `{prefix}find WORDS in {ref}`.",
    },
    "fr": {
        "from": "Expéditeur",
        "to": "Destinataire",
        "date": "Date",
        "letter_date": "Lettre datée du",
        "distributed": "Distribution",
        "adopted": "Adoptée le",
        "agenda": "Ordre du jour",
        "annex": "Annexe",
        "key": "Points clés",
        "contents": "Sommaire",
        "resolutions": "Résolutions citées",
        "none_cited": "Aucune résolution citée.",
        "signed": "Signé",
        "circulate": "Demande de distribution comme document de",
        "kind": "Type",
        "language": "Langue",
        "original": "original",
        "subject": "Objet",
        "decisions": "Décisions",
        "other": "Résolutions d'autres organes",
        "loaded": "texte chargé",
        "inferred": "année déduite de la numérotation",
        "mentions": "mentions",
        "para": "§",
        "nothing": "Rien trouvé pour",
        "also": "cherché aussi sous la forme",
        "cited_by": "Documents qui citent",
        "no_cites": "Aucun document chargé ne cite",
        "docs": "Documents",
        "did_you_mean": "Vouliez-vous dire",
        "paragraphs": "paragraphes",
        "replaces": "remplace",
        "loaded_by": "chargé par",
        "on": "le",
        "kept_as": "gardé sous le nom",
        "renamed": "un autre fichier de cet envoi s'appelle",
        "in": "dans",
        "session": "session",
        "year": "année",
        # The Discord pages, buttons and attached files.
        "page": "Page",
        "only_asker": "Seule la personne qui a demandé peut utiliser ces boutons.",
        "dates": "Dates",
        "cited_here": "Résolutions citées dans ce message",
        "none_here": "Je ne vois aucune résolution citée dans ce message.",
        "more": "… et {n} de plus : `{prefix}resolutions {ref}`",
        "loading": "Chargement",
        "loaded_title": "Chargé sur ce serveur",
        "removed": "Retiré",
        "help": "Aide",
        "no_text": "(pas de texte)",
        "attached": "Le texte entier est joint.",
        "first_pages": "Voici les {n} premières pages ; le texte entier est joint.",
        "too_big": "Le texte entier ({size}) dépasse la limite de {limit} de Discord pour les"
        " fichiers, il n'est donc pas joint : en voici les premières pages. Cherchez-y avec"
        " `{prefix}find MOTS in {ref}`.",
    },
}

HELP = {
    "en": """**Rapporteur** — UN documents in chat. Commands:
`!docs [words]` list the documents (filter by words, country, month and year)
`!doc REF` show a document's text
`!summary REF` who writes to whom, when, agenda, annex, key points, resolutions cited
`!resolutions REF` the resolutions a document cites, with links
`!find WORDS [in REF]` passages matching words, typos and missing accents welcome, in English or French
`!cites RESOLUTION` the documents that cite a resolution, e.g. `!cites 1325 (2000)`
`!load` (moderators) load documents: attach .txt .md .pdf .docx .html files
`!remove REF` (moderators) remove a document this server loaded
REF is a symbol (`S/2025/40`), a number from `!docs`, or words (`Azerbaijan April 2020`).
Or just mention me: “@Rapporteur which resolutions does the Azerbaijan letter cite?”; in reply to a
message, “@Rapporteur which resolutions does this cite?” reads that message; “it” is the last document.
On Discord, `!modrole add ROLE` (Manage Server) lets a role load and remove documents.""",
    "fr": """**Rapporteur** — les documents de l'ONU dans la discussion. Commandes :
`!docs [mots]` liste des documents (filtre par mots, pays, mois et année)
`!doc REF` le texte d'un document
`!summary REF` qui écrit à qui, quand, ordre du jour, annexe, points clés, résolutions citées
`!resolutions REF` les résolutions citées par un document, avec liens
`!find MOTS [in REF]` les passages qui correspondent, fautes de frappe et accents manquants compris, en français ou en anglais
`!cites RÉSOLUTION` les documents qui citent une résolution, p. ex. `!cites 1325 (2000)`
`!load` (modérateurs) charger des documents : joindre des fichiers .txt .md .pdf .docx .html
`!remove REF` (modérateurs) retirer un document chargé sur ce serveur
REF : une cote (`S/2025/40`), un numéro de `!docs`, ou des mots (`Azerbaïdjan avril 2020`).
Ou mentionnez-moi : « @Rapporteur quelles résolutions cite la lettre de l'Azerbaïdjan ? » ; en réponse
à un message, « @Rapporteur quelles résolutions ce texte cite-t-il ? » lit ce message.
Sur Discord, `!modrole add RÔLE` (Gérer le serveur) permet à un rôle de charger des documents.""",
}

LABELS.update(translations.LABELS)
HELP.update(translations.HELP)

# Said when an answer covers only part of a long document (bot.core.fairness, search.SCAN_*).
NOTES = {
    "en": {
        "long_find": "{ref} is long ({n} paragraphs): I ranked the first {k} passages the"
        " index found holding these words, not every paragraph. Add words to narrow it down.",
        "long_doc": "{name} is too long to show whole ({size}, {n} paragraphs): here is its"
        " beginning. Search it with `{prefix}find WORDS in {ref}` or read `{prefix}summary {ref}`.",
    },
    "fr": {
        "long_find": "{ref} est long ({n} paragraphes) : j'ai classé les {k} premiers passages"
        " que l'index a trouvés avec ces mots, pas tous les paragraphes. Ajoutez des mots pour préciser.",
        "long_doc": "{name} est trop long pour être montré en entier ({size}, {n} paragraphes) :"
        " en voici le début. Cherchez-y avec `{prefix}find MOTS in {ref}` ou lisez"
        " `{prefix}summary {ref}`.",
    },
}
