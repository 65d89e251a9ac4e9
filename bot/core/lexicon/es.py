"""Spanish: the words and phrases people use when they ask Rapporteur something (folded)."""

from bot.core.lexicon import month_words

# ruff: noqa: SIM905  (word lists are data: one string per list reads best)
# fmt: off
LEX = {
    "hints": "el los las del cual cuales quien donde cuando por favor puedes carta cartas "
    "resumen resume resumes busca sobre esta este y hay dice como cita firma hola gracias nota "
    "informe texto que quien muestrame dime trata mi lo ella segunda segundo primera primero "
    "tercera ultima ultimo citan documentos".split(),
    "greeting": ["hola", "buenas", "buenos dias", "buenas tardes", "saludos"],
    "help": [
        "como funciona", "ayudame", "que haces", "ejemplos", "para que sirve",
        "ayuda", "ayudame", "que puedes hacer", "que sabes hacer", "para que sirves",
        "como te uso", "como se usa", "como funcionas", "comandos", "lista de comandos",
        "que te puedo preguntar", "que puedo preguntarte", "en que me puedes ayudar",
        "como me puedes ayudar", "quien eres",
    ],
    "thanks": ["gracias", "vale", "genial", "perfecto", "ok"],
    "decline": [
        "poema", "cancion", "pelicula", "deberes", "horoscopo",
        "el tiempo", "clima", "reserva", "reservar", "redacta", "redactar", "escribe mi",
        "escribeme un", "discurso", "correo", "email", "envia esto", "reenvia", "traduce",
        "traducir", "capital de", "chiste", "almuerzo", "cena", "restaurante", "taxi", "vuelo",
        "hotel", "sala de reuniones", "una sala", "recuerdame", "tu opinion", "que opinas",
    ],
    "summary": [
        "hazme un resumen", "dame un resumen", "resumen de", "que pide", "cual es el contenido", "los puntos principales", "en resumen", "de que habla",
        "resum*", "sintesis", "sintetiza", "en breve", "en pocas palabras", "puntos clave",
        "de que trata", "de que va", "que dice", "que contiene", "explica", "explicame",
        "describe", "que es", "tl;dr", "tldr", "quien escribio", "que envio", "que mando",
    ],
    "sent_what": ["que envio", "que mando", "que ha enviado", "que han enviado", "que presento",
                  "que escribio", "que hay de", "que tenemos de"],
    "doc": [
        "muestra", "muestrame", "ensename", "abre", "texto completo", "texto integro",
        "todo el texto", "el texto de", "leer", "quiero leer", "ver el texto",
    ],
    "docs": [
        "lista", "listar", "enumera", "que documentos", "cuales documentos", "tienes", "documentos de", "documentos del", "los documentos", "cartas de", "las cartas",
        "los informes", "las notas verbales", "que cartas", "cuales cartas", "que informes", "que notas",
        "teneis", "estan cargados", "disponibles", "todos los", "todas las", "cuantos",
        "cuantas", "ha enviado", "han enviado", "envio", "presento",
    ],
    "resolutions": [
        "resoluciones", "resolucion", "cita*", "invoca*", "menciona*", "hace referencia",
        "hacen referencia", "se refiere", "se basa", "se apoya", "refiere",
    ],
    "find": [
        "busca", "buscar", "encuentra", "encontrar", "localiza", "donde dice", "donde se dice",
        "donde habla", "donde se habla", "donde menciona", "donde se menciona", "donde aparece",
        "en que parrafo", "que parrafo", "el pasaje", "el parrafo", "dice algo",
    ],
    "query_intro": [
        "donde dice que", "donde se dice que", "donde dice", "donde se dice", "donde habla de",
        "donde se habla de", "donde se habla del", "donde menciona", "donde se menciona",
        "donde aparece", "el pasaje sobre", "el parrafo sobre", "el pasaje donde",
        "el parrafo donde", "que dice que", "sobre", "acerca de", "de", "del", "la", "el",
        "los", "las", "donde", "que",
    ],
    "cites": [
        "cite*", "cita*", "citan", "invoca*", "menciona*", "hace referencia", "hacen referencia",
        "se refiere*", "algun documento", "que documentos", "que textos", "que cartas",
        "alguien", "documentos que", "textos que", "cartas que",
    ],
    "meta": {
        "signatories": ["quien firma", "quien firmo", "quien la firma", "quien lo firma",
                        "quien la firmo", "firmado por", "firmada por", "firmante*", "firma"],
        "distributed": ["distribui*", "distribuy*", "se distribu*", "distribucion", "publicad*", "publico"],
        "date": ["cuando", "que fecha", "cual es la fecha", "de cuando", "que dia", "la fecha de",
                 "su fecha"],
        "sender": ["quien la envio", "quien lo envio", "quien envio", "remitente", "autor",
                   "de quien"],
        "addressees": ["dirigida a", "dirigido a", "a quien", "destinatario*"],
        "agenda": ["orden del dia", "tema del programa", "que tema", "programa"],
        "annexes": ["anex*", "adjunt*"],
        "circulate": ["distribuya", "hacer circular", "circular", "como documento"],
        "symbol": ["signatura", "simbolo", "numero del documento", "que numero", "cota"],
        "language": ["que idioma", "en que idioma", "idioma"],
        "kind": ["que tipo", "que clase"],
    },
    "back": [
        "la", "lo", "le", "esta", "este", "eso", "esa", "ese", "esta carta", "esa carta",
        "este documento", "ese documento", "este informe", "la misma", "el mismo", "ahi",
        "alli", "en ella", "en el",
    ],
    "articles": ["el", "la", "los", "las", "del"],
    "day_links": ["del"],
    "determiners": ["el", "la", "los", "las"],
    "back_find": ["esta carta", "esa carta", "este documento", "ese documento", "este informe", "ahi", "alli", "en ella", "la misma"],
    "more": ["mas", "siguientes", "los siguientes", "pagina siguiente", "el resto", "sigue", "continua"],
    # "which documents mention X": a search for X in every document
    "mentions": ["menciona*", "habla* de", "habla* del", "trata* de", "trata* del", "sobre"],
    "ordinals": {
        "primero": 1, "primera": 1, "primer": 1, "segundo": 2, "segunda": 2, "tercero": 3,
        "tercera": 3, "cuarto": 4, "cuarta": 4, "quinto": 5, "quinta": 5, "ultimo": -1,
        "ultima": -1, "mas reciente": -1, "mas antigua": 1, "mas antiguo": 1, "numero": 0,
    },
    "one": ["la de", "el de", "la del", "el del", "la que", "el que", "numero", "la", "el"],
    "plural_kinds": ["cartas", "informes", "resoluciones", "notas verbales", "documentos",
                     "textos"],
    "kinds": {
        "carta": "letter", "cartas": "letter", "carta conjunta": "letter", "cartas identicas": "letter",
        "nota verbal": "note verbale", "notas verbales": "note verbale", "informe": "report",
        "informes": "report", "resolucion": "resolution", "resoluciones": "resolution",
        "nota conceptual": "letter",
    },
    "months": month_words("es"),  # lexicon.words: the one month table
    "bodies": {
        "consejo de seguridad": "SC", "el consejo": "SC", "consejo": "SC",
        "asamblea general": "GA", "la asamblea": "GA", "secretario general": "SG",
        "secretaria general": "SG", "consejo de derechos humanos": "HRC",
    },
    "about": ["sobre", "acerca de", "relativa a", "relativo a", "respecto a", "respecto de"],
    "to": ["al", "a la", "a los", "dirigida a", "dirigido a", "al presidente del",
           "a la presidenta del", "como"],
    "from": ["de", "del", "por", "enviada por"],
    "within": ["en"],
    "languages": {"en frances": "fr", "en ingles": "en", "en espanol": "es", "en ruso": "ru",
                  "en arabe": "ar", "en chino": "zh"},
    "resolution_words": ["resolucion", "resoluciones"],
    "filler": (
        "el la los las lo un una unos unas de del al a en y o pero sobre por para con que cada "
        "enviadas enviados mando mandaron enviaron presentadas presentados remitio remitida "
        "cual cuales quien quienes como me mi mis te tu tus se su sus le les es son fue "
        "esta este esto ese esa eso hay puedes podrias puede favor porfa gracias dime dame "
        "carta cartas documento documentos texto textos informe informes nota verbal notas "
        "verbales enviada enviado envio escribio fechada ya tambien solo algo algun alguna "
        "ha han"
    ).split(),
}
# fmt: on
