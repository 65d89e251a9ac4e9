"""Short messages of the conversation in the six languages: one language per answer."""

from __future__ import annotations

import babel
from babel import Locale

MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        "use_commands": "To load or remove documents, use the `load` and `remove` commands (`{prefix}help`)",
        "no_symbol": "No loaded document has the symbol {symbol}; `!docs` lists what is loaded",
        "res_not_loaded": "The text of {symbol} is not loaded; `!cites {symbol}` lists the documents that cite it",
        "say_more": "say “more” for the next page",
        "no_sender": "No loaded letter or note was sent by {name}",
        "several": "That could be several documents: which one? Answer with its number",
        "no_list": "There is no list to pick from yet: ask me to list documents first",
        "no_number": "There is no number {n} in the last list (it has {total})",
        "no_document": "No loaded document fits that description; `!docs` lists what is loaded",
        "which": "Which document? Name it by symbol (e.g. S/2025/40), number or words",
        "decline": "That is outside what I do: I answer questions about the UN documents loaded "
        "here (summaries, who signed, resolutions cited, passages, lists). For example: "
        "“@Rapporteur who signed the latest letter from Armenia?”",
        "more": "… and {n} more",
        "pick": "Reply with a number, e.g. “2”",
        "none": "not stated in the document",
        "yes_circulate": "yes, it asks to be circulated as a document of {where}",
        "no_circulate": "no request to circulate it",
    },
    "fr": {
        "use_commands": "Pour charger ou retirer des documents, utilisez les commandes `load` et `remove` (`{prefix}aide`)",
        "no_symbol": "Aucun document chargé ne porte la cote {symbol} ; `!docs` liste ce qui est chargé",
        "res_not_loaded": "Le texte de {symbol} n'est pas chargé ; `!cites {symbol}` liste les documents qui la citent",
        "say_more": "dites « la suite » pour la page suivante",
        "no_sender": "Aucune lettre ni note chargée n'émane de {name}",
        "several": "Cela peut désigner plusieurs documents : lequel ? Répondez par son numéro",
        "no_list": "Il n'y a pas encore de liste où choisir : demandez-moi d'abord une liste",
        "no_number": "Il n'y a pas de numéro {n} dans la dernière liste (elle en compte {total})",
        "no_document": "Aucun document chargé ne correspond ; `!docs` liste ce qui est chargé",
        "which": "Quel document ? Donnez sa cote (p. ex. S/2025/40), son numéro ou des mots",
        "decline": "Cela sort de mon rôle : je réponds aux questions sur les documents de l'ONU "
        "chargés ici (résumés, signataires, résolutions citées, passages, listes). Par exemple : "
        "« @Rapporteur qui a signé la dernière lettre de l'Arménie ? »",
        "more": "… et {n} de plus",
        "pick": "Répondez par un numéro, p. ex. « 2 »",
        "none": "non indiqué dans le document",
        "yes_circulate": "oui, elle demande sa distribution comme document {where}",
        "no_circulate": "aucune demande de distribution",
    },
    "es": {
        "use_commands": "Para cargar o retirar documentos, use los comandos `load` y `remove` (`{prefix}ayuda`)",
        "no_symbol": "Ningún documento cargado tiene la signatura {symbol}; `!docs` muestra lo cargado",
        "res_not_loaded": "El texto de {symbol} no está cargado; `!cites {symbol}` muestra los documentos que la citan",
        "say_more": "diga «más» para ver la página siguiente",
        "no_sender": "Ninguna carta o nota cargada fue enviada por {name}",
        "several": "Puede tratarse de varios documentos: ¿cuál? Responda con su número",
        "no_list": "Todavía no hay ninguna lista para elegir: pídame primero una lista",
        "no_number": "No hay número {n} en la última lista (tiene {total})",
        "no_document": "Ningún documento cargado corresponde; `!docs` muestra lo que está cargado",
        "which": "¿Qué documento? Indique su signatura (p. ej. S/2025/40), número o palabras",
        "decline": "Eso no está entre mis funciones: respondo preguntas sobre los documentos de "
        "la ONU cargados aquí (resúmenes, firmantes, resoluciones citadas, pasajes, listas). "
        "Por ejemplo: «@Rapporteur ¿quién firmó la última carta de Armenia?»",
        "more": "… y {n} más",
        "pick": "Responda con un número, p. ej. «2»",
        "none": "no consta en el documento",
        "yes_circulate": "sí, pide que se distribuya como documento {where}",
        "no_circulate": "no pide que se distribuya",
    },
    "ru": {
        "use_commands": "Чтобы загрузить или удалить документы, используйте команды `load` и `remove` (`{prefix}справка`)",
        "no_symbol": "Нет загруженного документа с обозначением {symbol}; `!docs` покажет, что загружено",
        "res_not_loaded": "Текст {symbol} не загружен; `!cites {symbol}` покажет документы, которые ее цитируют",
        "say_more": "напишите «ещё», чтобы увидеть следующую страницу",
        "no_sender": "Среди загруженных нет писем или нот от {name}",
        "several": "Под это подходят несколько документов: какой именно? Ответьте номером",
        "no_list": "Пока нет списка для выбора: сначала попросите список документов",
        "no_number": "В последнем списке нет номера {n} (в нем {total})",
        "no_document": "Ни один загруженный документ не подходит; `!docs` покажет, что загружено",
        "which": "Какой документ? Укажите условное обозначение (напр. S/2025/40), номер или слова",
        "decline": "Это не входит в мои задачи: я отвечаю на вопросы о загруженных документах "
        "ООН (краткое содержание, подписавшие, цитируемые резолюции, фрагменты, списки). "
        "Например: «@Rapporteur перескажи письмо Армении»",
        "more": "… и еще {n}",
        "pick": "Ответьте номером, например «2»",
        "none": "в документе не указано",
        "yes_circulate": "да, содержит просьбу распространить его в качестве документа {where}",
        "no_circulate": "просьбы о распространении нет",
    },
    "ar": {
        "use_commands": "لتحميل الوثائق أو حذفها استخدم الأمرين `load` و`remove` (`{prefix}help`)",
        "no_symbol": "لا توجد وثيقة محمّلة بالرمز {symbol}؛ `!docs` يعرض الوثائق المحمّلة",
        "res_not_loaded": "نص {symbol} غير محمّل؛ `!cites {symbol}` يعرض الوثائق التي تذكره",
        "say_more": "اكتب «المزيد» لعرض الصفحة التالية",
        "no_sender": "لا توجد رسالة أو مذكرة محمّلة من {name}",
        "several": "قد يقصد ذلك عدة وثائق: أيها تقصد؟ أجب برقمها",
        "no_list": "لا توجد قائمة للاختيار منها بعد: اطلب قائمة الوثائق أولا",
        "no_number": "لا يوجد الرقم {n} في القائمة الأخيرة (فيها {total})",
        "no_document": "لا توجد وثيقة محمّلة تطابق ذلك؛ `!docs` يعرض الوثائق المحمّلة",
        "which": "أي وثيقة؟ اذكر رمزها (مثل S/2025/40) أو رقمها أو كلمات منها",
        "decline": "هذا خارج ما أقوم به: أجيب عن الأسئلة المتعلقة بوثائق الأمم المتحدة المحمّلة هنا "
        "(ملخصات، الموقّعون، القرارات المذكورة، مقاطع، قوائم). مثال: «@Rapporteur لخّص رسالة أرمينيا»",
        "more": "… و{n} أخرى",
        "pick": "أجب برقم، مثل «2»",
        "none": "غير مذكور في الوثيقة",
        "yes_circulate": "نعم، تطلب تعميمها بوصفها وثيقة من وثائق {where}",
        "no_circulate": "لا تطلب تعميمها",
    },
    "zh": {
        "use_commands": "要加载或删除文件，请使用 `load` 和 `remove` 命令（`{prefix}help`）",
        "no_symbol": "没有文号为 {symbol} 的已加载文件；`!docs` 可列出已加载的文件",
        "res_not_loaded": "{symbol} 的文本未加载；`!cites {symbol}` 可列出引用它的文件",
        "say_more": "回复“更多”查看下一页",
        "no_sender": "没有{name}发出的已加载信函或照会",
        "several": "这可能指多份文件：是哪一份？请回复编号",
        "no_list": "目前还没有可供选择的列表：请先让我列出文件",
        "no_number": "上一个列表中没有第 {n} 项（共 {total} 项）",
        "no_document": "没有符合描述的已加载文件；`!docs` 可列出已加载的文件",
        "which": "哪一份文件？请给出文号（如 S/2025/40）、编号或关键词",
        "decline": "这超出了我的职能：我回答有关此处已加载的联合国文件的问题（摘要、签署人、引用的决议、段落、列表）。"
        "例如：“@Rapporteur 概括一下亚美尼亚的信”",
        "more": "……另有 {n} 项",
        "pick": "请回复编号，例如“2”",
        "none": "文件中未说明",
        "yes_circulate": "是，要求将其作为{where}文件分发",
        "no_circulate": "未要求分发",
    },
}


def message(lang: str, key: str, **kw: object) -> str:
    table = MESSAGES.get(lang, MESSAGES["en"])
    text = table.get(key) or MESSAGES["en"][key]
    return text.format(**kw) if kw else text


FIELD_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "signatories": "Signed by",
        "date": "Dated",
        "distributed": "Distributed",
        "sender": "From",
        "addressees": "Addressed to",
        "agenda": "Agenda items",
        "annexes": "Annexed",
        "circulate": "Request to circulate",
        "symbol": "Symbol",
        "language": "Language",
        "kind": "Kind",
        "also_distributed": "distributed",
        "annex_signed": "signed in the annex by",
    },
    "fr": {
        "signatories": "Signé par",
        "date": "Datée du",
        "distributed": "Distribuée le",
        "sender": "Expéditeur",
        "addressees": "Adressée à",
        "agenda": "Points de l'ordre du jour",
        "annexes": "En annexe",
        "circulate": "Demande de distribution",
        "symbol": "Cote",
        "language": "Langue",
        "kind": "Type",
        "also_distributed": "distribuée le",
        "annex_signed": "signé en annexe par",
    },
    "es": {
        "signatories": "Firmado por",
        "date": "Fecha",
        "distributed": "Distribuido el",
        "sender": "Remitente",
        "addressees": "Dirigido a",
        "agenda": "Temas del programa",
        "annexes": "Anexo",
        "circulate": "Solicitud de distribución",
        "symbol": "Signatura",
        "language": "Idioma",
        "kind": "Tipo",
        "also_distributed": "distribuido el",
        "annex_signed": "firmado en el anexo por",
    },
    "ru": {
        "signatories": "Подписали",
        "date": "Дата",
        "distributed": "Распространено",
        "sender": "Отправитель",
        "addressees": "Адресат",
        "agenda": "Пункты повестки дня",
        "annexes": "Приложение",
        "circulate": "Просьба о распространении",
        "symbol": "Условное обозначение",
        "language": "Язык",
        "kind": "Вид",
        "also_distributed": "распространено",
        "annex_signed": "в приложении подписали",
    },
    "ar": {
        "signatories": "الموقّعون",
        "date": "التاريخ",
        "distributed": "تاريخ التوزيع",
        "sender": "المرسل",
        "addressees": "موجهة إلى",
        "agenda": "بنود جدول الأعمال",
        "annexes": "المرفق",
        "circulate": "طلب التعميم",
        "symbol": "الرمز",
        "language": "اللغة",
        "kind": "النوع",
        "also_distributed": "وُزعت في",
        "annex_signed": "وقّع المرفق",
    },
    "zh": {
        "signatories": "签署人",
        "date": "日期",
        "distributed": "分发日期",
        "sender": "发文方",
        "addressees": "收文方",
        "agenda": "议程项目",
        "annexes": "附件",
        "circulate": "分发请求",
        "symbol": "文号",
        "language": "语言",
        "kind": "类型",
        "also_distributed": "分发于",
        "annex_signed": "附件签署人",
    },
}


def field_label(lang: str, key: str) -> str:
    return FIELD_LABELS.get(lang, FIELD_LABELS["en"]).get(key) or FIELD_LABELS["en"][key]


# fmt: off
KINDS: dict[str, dict[str, str]] = {
    "fr": {"letter": "lettre", "identical letters": "lettres identiques",
           "note verbale": "note verbale", "report": "rapport", "resolution": "résolution"},
    "es": {"letter": "carta", "identical letters": "cartas idénticas",
           "note verbale": "nota verbal", "report": "informe", "resolution": "resolución"},
    "ru": {"letter": "письмо", "identical letters": "идентичные письма",
           "note verbale": "вербальная нота", "report": "доклад", "resolution": "резолюция"},
    "ar": {"letter": "رسالة", "identical letters": "رسائل متطابقة", "note verbale": "مذكرة شفوية",
           "report": "تقرير", "resolution": "قرار"},
    "zh": {"letter": "信", "identical letters": "相同内容的信", "note verbale": "普通照会",
           "report": "报告", "resolution": "决议"},
}
# fmt: on


def kind_name(kind: str, lang: str) -> str:
    return KINDS.get(lang, {}).get(kind, kind)


def language_name(code: str, lang: str) -> str:
    """ "fr" -> "French" / "français" / "французский" (CLDR, as the state names)."""
    from babel import Locale

    try:
        return Locale(lang).languages.get(code, code)
    except (ValueError, TypeError):
        return code


# Counted nouns, one form per CLDR plural category (babel picks it): "1 resolution cited",
# "2 resolutions cited", "21 документ". A missing category falls back to "other".
COUNTED: dict[str, dict[str, dict[str, str]]] = {
    "en": {
        "resolutions_cited": {"one": "resolution cited", "other": "resolutions cited"},
        "results": {"one": "result", "other": "results"},
        "documents": {"one": "document", "other": "documents"},
        "paragraphs": {"one": "paragraph", "other": "paragraphs"},
        "mentions": {"one": "mention", "other": "mentions"},
    },
    "fr": {
        "resolutions_cited": {"one": "résolution citée", "other": "résolutions citées"},
        "results": {"one": "résultat", "other": "résultats"},
        "documents": {"one": "document", "other": "documents"},
        "paragraphs": {"one": "paragraphe", "other": "paragraphes"},
        "mentions": {"one": "mention", "other": "mentions"},
    },
    "es": {
        "resolutions_cited": {"one": "resolución citada", "other": "resoluciones citadas"},
        "results": {"one": "resultado", "other": "resultados"},
        "documents": {"one": "documento", "other": "documentos"},
        "paragraphs": {"one": "párrafo", "other": "párrafos"},
        "mentions": {"one": "mención", "other": "menciones"},
    },
    "ru": {
        "resolutions_cited": {
            "one": "цитируемая резолюция",
            "few": "цитируемые резолюции",
            "other": "цитируемых резолюций",
        },
        "results": {"one": "результат", "few": "результата", "other": "результатов"},
        "documents": {"one": "документ", "few": "документа", "other": "документов"},
        "paragraphs": {"one": "абзац", "few": "абзаца", "other": "абзацев"},
        "mentions": {"one": "упоминание", "few": "упоминания", "other": "упоминаний"},
    },
    "ar": {
        "resolutions_cited": {
            "two": "قراران مذكوران",
            "few": "قرارات مذكورة",
            "many": "قرارًا مذكورًا",
            "other": "قرار مذكور",
        },
        "results": {"two": "نتيجتان", "few": "نتائج", "other": "نتيجة"},
        "documents": {"two": "وثيقتان", "few": "وثائق", "other": "وثيقة"},
        "paragraphs": {"two": "فقرتان", "few": "فقرات", "other": "فقرة"},
        "mentions": {"two": "إشارتان", "few": "إشارات", "other": "إشارة"},
    },
    "zh": {
        "resolutions_cited": {"other": "项被引用的决议"},
        "results": {"other": "个结果"},
        "documents": {"other": "份文件"},
        "paragraphs": {"other": "段"},
        "mentions": {"other": "次提及"},
    },
}


def counted(lang: str, key: str, n: int) -> str:
    """ "1 resolution cited", "3 resolutions cited": the number and its noun in the right form."""
    forms = COUNTED.get(lang, COUNTED["en"]).get(key) or COUNTED["en"][key]
    try:
        category = Locale.parse(lang).plural_form(n)
    except (ValueError, babel.UnknownLocaleError):
        category = "one" if n == 1 else "other"
    return f"{n} {forms.get(category, forms['other'])}"
