"""Words and patterns of the page-1 layout of UN documents (bot/core/series.py): organs,
bodies, sessions, agenda items, author lines and the kinds they give. Data, one place per
language: a language or a body is added here, not in the reader."""

from __future__ import annotations

import re

from bot.core.lexicon.words import ORGAN_NAMES as ORGAN_NAMES
from bot.core.lexicon.words import ORGANS as WORD_ORGANS

# The masthead's organ lines and how the record names them.
ORGANS = {name: code for names in WORD_ORGANS.values() for name, code in names.items()}
# Printed body names -> the record's name (prefix match on the joined, case-folded name).
BODY_NAMES = [
    ("human rights council", "HRC"),
    (
        "executive board of the united nations development programme, the united nations "
        "population fund and the united nations office for project services",
        "Executive Board of UNDP, UNFPA and UNOPS",
    ),
    ("united nations children’s fund executive board", "Executive Board of UNICEF"),
    ("united nations children's fund executive board", "Executive Board of UNICEF"),
    (
        "executive board of the united nations entity for gender equality and the "
        "empowerment of women",
        "Executive Board of UN-Women",
    ),
]
# Lines that close the masthead's organ part; the body block never reaches over them.
STOP_LINE_RE = re.compile(
    r"^(?:United Nations(?: System)?|Nations Unies|Naciones Unidas|UNITED|NATIONS"
    r"|For (?:decision|information|action|discussion)|Secretariat|(?:To|From|Subject):\s.*)$"
)
SKIP_LINE_RE = re.compile(
    r"^(?:Distr\b.*|Dist\.|GENERAL|General|Limited|Restricted|Original\s?:.*|ORIGINAL\s?:.*"
    r"|\[[A-Za-z ,]+only\]|(?i:(?:(?:English|French|Spanish|Russian|Arabic|Chinese)"
    r"(?:/|, | and | only|$))+))$"
)
# A session as printed: "Fifty-sixth session", "First regular session 2025", "Annual session
# of 2025", "2025 session", "Substantive session of 2025", "2025 regular session".
SESSION_LINE_RE = re.compile(
    r"^(?:(?P<ord>[A-Z][A-Za-z]*(?:-[a-z]+)?)(?: (?:substantive|regular|special|resumed|organizational))? session"
    r"|(?:First|Second|Third) regular session(?: of)? \d{4}"
    r"|Annual [Ss]ession(?: of)? \d{4}|Substantive session(?: of)? \d{4}"
    r"|Organizational session(?: of)? \d{4}|Resumed session(?: of)? \d{4}"
    r"|(?P<year>\d{4})(?: regular| resumed)? session)$"
)
PLACE_LINE_RE = re.compile(
    r"^(?:\(?[A-Z][a-z]+(?: [A-Z][a-z]+)?, \d.*\d{4}\)?|\(?\d{1,2}(?:\s\w+)?(?:\s\d{4})?\s?(?:–|-| to | and )"
    r"\s?\d.*\d{4}(?:, [A-Z][a-z]+(?: [A-Z][a-z]+)?)?\)?|\(\d{1,2}.*\d{4}\))$"
)
# "Item 11 (f) (i) of the provisional agenda*", "Agenda item 19 (f)", "Item 116 (c) of the
# preliminary list*".
ITEM_LINE_RE = re.compile(
    r"^(?:Agenda items?|Items?) (?P<items>\d{1,3}(?: ?\([a-z]+\))*(?:(?:,| and) \d{1,3}(?: ?\([a-z]+\))*)*)"
    r"(?: of the (?:provisional |preliminary |annotated provisional )?(?:agenda|list))?\*{0,2}$"
)
# "Third Meeting of States Parties to the Treaty ...", "Thirty-seventh meeting of Chairs ..."
NUMBERED_BODY_RE = re.compile(
    r"^(?P<ord>[A-Z][a-z]+(?:-[a-z]+)?) (?P<body>(?:[Mm]eeting|[Cc]onference|[Ss]ession) of .+)$"
)
# Author and title lines, and the kind each gives (first match wins).
TITLE_KINDS = [
    (re.compile(r"\bdraft resolutions?\b", re.I), "draft resolution"),
    (re.compile(r"\bdraft decisions?\b", re.I), "draft decision"),
    (re.compile(r"^Draft report\b"), "report"),
    (re.compile(r"^(?:Decision|Views) adopted by\b"), "decision"),
    (re.compile(r"^Note by\b"), "note"),
    (
        re.compile(r"^(?:(?:Provisional|Annotated provisional|Revised provisional) )?[Aa]genda\b"),
        "agenda",
    ),
    (re.compile(r"^Chair[’']s summary\b"), "report"),
    (re.compile(r"\breport\b(?!s)", re.I), "report"),
    (re.compile(r"^Information circular\b"), "other"),
]
AUTHOR_LINE_RE = re.compile(
    r"^(?:Report (?:of|on|by)\b|Note by\b|Draft (?:report|resolution|decision)\b|Chair[’']s summary\b"
    r"|(?:Provisional |Annotated provisional )?[Aa]genda\b|(?:[A-Z][a-z]+ )?[Rr]eport$|(?:[A-Z]+ )?REPORT$"
    r"|.+: draft (?:resolution|decision)\*?$|[,*]*\s?draft (?:resolution|decision)$|Information circular\b|(?:Decision|Views) adopted by\b)"
)
BODY_START_RE = re.compile(
    r"^(?:Summary|Contents|Addendum|Note|Introduction|Abstract|Background|Chapter\b.*"
    r"|[IVX]{1,4}\.(?:\s.*)?|\d{1,2}\.(?:\s.*)?|\(?[a-z]\)\s.*|Annex\b.*"
    r"|The [A-Z][\w’'-]*(?: [A-Za-z][\w’'-]*){0,7}(?:,|:)|The Executive Board)\**$"
)
SUPPLEMENT_RE = re.compile(r"^Supplement (?:No\.?|no)\s?\d+", re.I)
BRACKET_DATE_RE = re.compile(r"^\[(\d{1,2} [A-Z][a-z]+ \d{4})\]$")
REPORT_OF_RE = re.compile(
    r"^Report (?:of|by) (?:the )?(?P<who>.+?)(?: (?:at|on) its (?P<ord>[\w-]+) session| on its .+)?$"
)
REPORT_ON_SESSION_RE = re.compile(r"^Report on (?:the|its) (?P<ord>[\w-]+) session\b")
OWN_REPORT_RE = re.compile(
    r"^(?:Report on (?:the|its) (?:[\w-]+ ){1,3}session\b|Draft report\b|Draft final report\b)"
)
# Officials who report in their own name ("Report of the Executive Director").
OFFICIALS = (
    "Executive Director", "Administrator", "Director", "President", "Chair", "High Commissioner",
    "Under-Secretary-General", "Special Rapporteur", "Rapporteur", "Independent Expert",
    "Special Representative", "Special Envoy", "Ombudsperson", "Executive Secretary",
)  # fmt: skip
OFFICIAL_RE = re.compile(rf"^(?:[A-Z]+ )?(?:{'|'.join(OFFICIALS)})\b")
SG_RE = re.compile(
    r"^(?:Report|Note|Progress report|Annual report) (?:by|of) the Secretary-General\b"
)
SECRETARIAT_RE = re.compile(r"\bby the [Ss]ecretariat$")
FROM_TO_RE = re.compile(r"^(?P<which>From|To):\s+(?:The |the )?(?P<who>.+)$")
SUBJECT_LINE_RE = re.compile(r"^Subject:\s+(?P<s>.+)$")

# Words that make a heading the name of a body ("Special Committee on ...").
BODY_WORDS = (
    "Committee", "Commission", "Council", "Board", "Group", "Forum", "Conference", "Meeting",
    "Assembly", "Panel", "Subcommission", "Sub-Commission", "Working Group", "Mechanism",
)  # fmt: skip
BODY_WORD_RE = re.compile(
    rf"^(?:[A-Z][\w-]* |(?:and|of|on|for|the|with) ){{0,6}}(?i:{'|'.join(BODY_WORDS)})\b"
)
