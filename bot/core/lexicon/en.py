"""English: the words and phrases people use when they ask Rapporteur something.

Entries are folded (lower case, no accents). In a phrase, `*` ends a word that may go on
("summar*" = summary, summarize, summarise), and `~` stands for up to eight words between two parts.
"""

from bot.core.lexicon import month_words

# ruff: noqa: SIM905  (word lists are data: one string per list reads best)
# fmt: off
LEX = {
    "hints": "the what which who is are of to in it does did can you me please pls show find "
    "letter letters about from where when have".split(),
    "greeting": ["hi", "hello", "hey", "good morning", "good afternoon", "greetings", "yo"],
    "help": [
        "what is this bot", "what does this bot do", "how can i use", "getting started", "tutorial", "examples", "show me examples", "what do you know", "what can i do here", "how to use",
        "help", "what can you do", "what ~ can you do", "what can i ask", "what ~ can i ask",
        "what can you help", "what ~ can you help", "how do i use", "how ~ use you",
        "how ~ use this", "how does this work", "how does ~ work", "commands", "command list", "how do you work", "list of commands",
        "your commands", "which commands", "what commands", "what are you", "who are you",
        "what do you do", "what else can you", "usage", "instructions", "what are you for",
        "what are you good for", "capabilities", "how can you help",
    ],
    "thanks": ["thanks", "thank you", "thx", "cheers", "great", "cool", "ok", "okay", "nice"],
    "decline": [
        "bitcoin", "sports", "movie", "song", "poem", "homework", "write code", "python script", "horoscope", "recipe for", "cook", "who are you voting", "play a game",
        "weather", "forecast", "book a", "book me", "reserve", "reservation", "draft my",
        "draft a", "write my", "write me a", "write a speech", "write a statement", "email",
        "e-mail", "mail this", "send this to", "forward this", "forward it", "translate",
        "capital of", "joke", "lunch", "dinner", "restaurant", "taxi", "flight", "hotel",
        "meeting room", "schedule a", "remind me", "set a reminder", "call my", "phone",
        "stock price", "football", "score of the", "recipe", "who will win", "predict",
        "your opinion", "do you think", "vote for", "how old are you",
    ],
    "summary": [
        "what's the deal with", "what is this about", "fill me in on", "walk me through", "key takeaways", "takeaways", "what does ~ want", "what is ~ asking for", "what ~ asking", "what's the story", "bottom line", "short summary", "quick summary", "can you summarize", "in brief", "headline",
        "summar*", "tl;dr", "tldr", "tl dr", "gist", "brief me", "brief on", "briefing",
        "overview", "rundown", "recap", "key points", "main points", "highlights",
        "what ~ about", "what is ~ about", "what does ~ say", "what ~ say", "what ~ do",
        "what did ~ send", "what did ~ write", "what has ~ sent", "what ~ in it",
        "what was in", "what is in", "what's in", "whats in", "tell me about", "explain",
        "describe", "who wrote", "who sent", "in short", "in a nutshell", "short version",
        "boil down", "digest", "sum up", "break down", "catch me up",
    ],
    # "what did X send (in 2025)?": open in number, a list when X sent several documents
    "sent_what": ["what did ~ send", "what did ~ submit", "what has ~ sent", "what have ~ sent",
                  "what ~ sent", "what did ~ write", "what has ~ written", "anything from",
                  "what came from", "what do we have from", "what's there from"],
    "doc": [
        "paste the text", "read me", "the actual text", "full version", "entire document", "whole document", "show the text",
        "show me", "show", "open", "display", "full text", "whole text", "entire text",
        "complete text", "text of", "read", "let me see", "pull up", "view", "verbatim",
        "print",
    ],
    "docs": [
        "list", "listing", "what documents", "which documents", "what docs", "which docs",
        "do you have", "have you got", "are loaded", "is loaded", "you hold", "in the library",
        "available", "what ~ do you have", "which ~ do you have", "everything", "all the",
        "all documents", "what have you got", "documents from", "documents of", "letters from",
        "reports from", "notes verbales from", "the letters", "the reports", "the notes verbales", "which letters", "what letters", "which reports",
        "what reports", "which notes", "what notes", "catalogue", "catalog", "inventory",
        "has ~ sent", "have ~ sent", "submitted", "how many",
    ],
    "resolutions": [
        "resolutions", "resolution", "unscrs", "cited resolutions", "which resolutions",
        "what resolutions", "references", "referenced", "rely on", "relies on", "relied on",
        "invoke*", "cite", "cites", "citing", "cited", "mention*", "bring up", "brings up",
        "refer to", "refers to", "based on", "legal basis", "quote*",
    ],
    "find": [
        "find", "search", "look for", "look up", "looking for", "grep", "locate",
        "where does", "where do", "where is", "where are", "where's", "wheres", "where ~ say",
        "where ~ mention", "where ~ discuss", "where ~ talk", "which paragraph",
        "which passage", "what paragraph", "the passage", "the paragraph", "the bit",
        "the part", "the section", "any mention of", "anything about", "anything on",
        "does it say", "does it mention", "does ~ mention", "do ~ mention", "did ~ mention",
        "does ~ talk about", "does ~ say anything about", "say anything", "show me where", "is there anything",
    ],
    # Words that introduce what to look for, after the find verb.
    "query_intro": [
        "the paragraph about", "the passage about", "the paragraph on", "the passage on",
        "the paragraph where", "the passage where", "the bit about", "the part about",
        "the section on", "the section about", "passages about", "paragraphs about",
        "passages on", "mentions of", "mention of", "anything about", "anything on",
        "discuss", "discusses", "discussed", "talk about", "talks about", "mention",
        "mentions", "say about", "says about", "say that", "says that", "say", "says",
        "about", "for", "on", "regarding", "concerning", "re", "where", "that",
    ],
    "cites": [
        "cite*", "citing", "cited by", "refer*", "mention*", "invoke*", "quote*", "rely on",
        "relies on", "based on", "bring up", "brings up", "who ~ cited", "who ~ citing",
        "which documents", "what documents", "which letters", "which texts", "anyone",
        "anybody", "anything", "documents that", "letters that", "texts that",
    ],
    "meta": {
        "signatories": ["sigs", "signers", "signed?", "who signed", "signed by", "signatory", "signatories", "signature",
                        "who sign*", "whose signature", "who put their name"],
        "distributed": ["distributed", "distribution", "circulated on", "issued", "published",
                        "came out", "released"],
        "date": ["when", "what date", "which date", "how old", "what day", "the date",
                 "its date", "date of", "date on", "dated when"],
        "sender": ["who is it from", "who's it from", "who is the sender",
                   "sender", "author", "who authored", "from whom", "who is behind"],
        "addressees": ["addressed to", "to whom", "who ~ addressed", "who ~ sent to",
                       "addressee", "who is it for", "who ~ written to", "recipient"],
        "agenda": ["agenda item", "agenda items", "agenda", "under which item", "which item",
                   "what item"],
        "annexes": ["annex*", "attached", "attachment", "enclosed", "enclosure", "appended",
                    "appendix"],
        "circulate": ["circulat*", "asks to be circulated", "as a document of",
                      "request to circulate", "distributed as"],
        "symbol": ["symbol", "document number", "doc number", "reference number", "what number",
                   "its number", "the number of", "official number"],
        "language": ["what language", "which language", "in what language", "original language",
                     "language"],
        "kind": ["what kind", "what type", "which kind", "what sort of document",
                 "is it a letter", "is it a report", "is it a note"],
    },
    "back": [
        "it", "its", "this", "that", "this one", "that one", "the same", "same one",
        "this letter", "that letter", "this document", "that document", "this report",
        "that report", "there", "in there", "in it", "they",
        "them", "the above", "this note", "that note", "this resolution", "that resolution",
    ],
    # `!resolutions it`: a command's argument that means the last document.
    "command_back": ["it", "this", "that", "this letter", "this document"],
    # Articles that may stand between a marker word and what it introduces.
    "articles": ["the"],
    # Words after which a number is a day of the month ("dated the 4th"), not a place in a list.
    "day_links": ["from the", "of the", "on the", "dated the", "of", "on", "dated"],
    # Words after which "may" is the month, not the verb ("since may").
    "month_links": ["from", "of", "in", "since", "until", "till", "during", "dated", "early", "late", "mid", "last", "this"],
    # Words dropped from the front of what to look for ("the ceasefire").
    "determiners": ["the", "a", "an"],
    "back_find": ["it", "its", "they", "there", "in there", "in it", "this letter", "that letter", "this document", "that document", "this report", "that report", "this one", "that one", "this note", "that note", "this resolution", "that resolution", "the same"],
    "more": ["more", "next", "next page", "show more", "more please", "the rest", "and the rest", "keep going", "go on", "continue"],
    # "which documents mention X": a search for X in every document
    "mentions": ["mention", "mentions", "mentioning", "mentioned", "refer to", "refers to", "referring to", "talk about", "talks about", "talking about", "discuss", "discusses", "discussing", "deal with", "deals with", "dealing with", "about"],
    "ordinals": {
        "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
        "4th": 4, "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7,
        "eighth": 8, "8th": 8, "ninth": 9, "9th": 9, "tenth": 10, "10th": 10,
        "last": -1, "latest": -1, "most recent": -1, "newest": -1, "earliest": 1,
        "oldest": 1, "former": 1, "latter": -1, "number": 0,
    },
    "one": ["the one", "that one", "one", "ones", "number", "no.", "#"],
    # Plural kinds: "what are the Council resolutions of 1993?" asks for a list.
    "plural_kinds": ["letters", "reports", "resolutions", "notes verbales", "notes", "documents",
                     "docs", "texts"],
    "kinds": {
        "letter": "letter", "letters": "letter", "joint letter": "letter", "joint letters": "letter", "identical letters": "letter",
        "note verbale": "note verbale", "notes verbales": "note verbale",
        "note verbal": "note verbale", "notes verbale": "note verbale", "nv": "note verbale",
        "report": "report", "reports": "report", "resolution": "resolution",
        "resolutions": "resolution", "concept note": "letter",
    },
    "months": month_words("en"),  # lexicon.words: the one month table
    "bodies": {
        "security council": "SC", "the council": "SC", "council": "SC", "unsc": "SC",
        "general assembly": "GA", "the assembly": "GA", "unga": "GA", "ga": "GA",
        "secretary-general": "SG", "secretary general": "SG", "sg": "SG", "sgs": "SG",
        "guterres": "SG", "unsg": "SG", "human rights council": "HRC",
    },
    "about": ["about", "on", "in", "regarding", "concerning", "re", "over", "dealing with",
              "related to", "relating to", "with regard to"],
    "to": ["to", "addressed to", "for", "to the president of", "to the president of the",
           "to the chair of", "send", "sent", "sends", "write to", "wrote to", "as a", "as an",
           "as"],
    "from": ["from", "by", "sent by", "written by"],
    "within": ["in", "inside", "within", "in the text of", "from"],
    "languages": {"in french": "fr", "in english": "en", "in spanish": "es", "in russian": "ru",
                  "in arabic": "ar", "in chinese": "zh", "french": "fr", "english": "en",
                  "spanish": "es", "russian version": "ru", "arabic": "ar", "chinese version": "zh"},
    "resolution_words": ["resolution", "resolutions", "res", "unscr", "scr", "unsc resolution",
                         "ga resolution"],
    "filler": (
        "a an the of for to in on at by from with about and or but so then also just please pls every each "
        "plz can could would will you u me my i we us our your give tell get send show let "
        "is are was were be been being do does did have has had it its this that these those "
        "there here what which who whom whose where when how why any some all anything "
        "something one ones thing stuff bit part lol hey hi ok okay thanks thank cool quick "
        "quickly real really kindly maybe think probably like actually again now still exactly "
        "they them their he she his her him doc document documents text texts library "
        "written wrote write sent sends sending submitted came come comes latest recent dated date issued "
        "note verbale notes letter letters report reports said says say ask asked signed sign"
    ).split(),
}
# fmt: on
