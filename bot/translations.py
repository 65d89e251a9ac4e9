"""Labels and help in Spanish, Russian, Arabic and Chinese (English and French are in render.py),
# fmt: off
so that an answer is in one language: the asker's."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "es": {
        "from": "Remitente",
        "to": "Destinatario",
        "date": "Fecha",
        "letter_date": "Carta de fecha",
        "distributed": "Distribución",
        "adopted": "Aprobada el",
        "agenda": "Programa",
        "annex": "Anexo",
        "key": "Puntos clave",
        "resolutions": "Resoluciones citadas",
        "none_cited": "No cita ninguna resolución.",
        "signed": "Firmado",
        "circulate": "Pide su distribución como documento de",
        "kind": "Tipo",
        "language": "Idioma",
        "original": "original",
        "subject": "Asunto",
        "decisions": "Decisiones",
        "other": "Resoluciones de otros órganos",
        "loaded": "texto cargado",
        "inferred": "año deducido de la numeración",
        "mentions": "menciones",
        "para": "párr.",
        "nothing": "No se encontró nada para",
        "also": "buscado también como",
        "cited_by": "Documentos que citan",
        "no_cites": "Ningún documento cargado cita",
        "docs": "Documentos",
        "did_you_mean": "Quizás quiso decir",
        "paragraphs": "párrafos",
        "in": "en",
        "session": "período de sesiones",
        "year": "año",
    },
    "ru": {
        "from": "Отправитель",
        "to": "Адресат",
        "date": "Дата",
        "letter_date": "Письмо от",
        "distributed": "Распространено",
        "adopted": "Принята",
        "agenda": "Повестка дня",
        "annex": "Приложение",
        "key": "Основные положения",
        "resolutions": "Цитируемые резолюции",
        "none_cited": "Резолюции не цитируются.",
        "signed": "Подписали",
        "circulate": "Просьба распространить в качестве документа",
        "kind": "Вид",
        "language": "Язык",
        "original": "оригинал",
        "subject": "Тема",
        "decisions": "Решения",
        "other": "Резолюции других органов",
        "loaded": "текст загружен",
        "inferred": "год выведен из нумерации",
        "mentions": "упоминаний",
        "para": "п.",
        "nothing": "Ничего не найдено по запросу",
        "also": "также искали как",
        "cited_by": "Документы, цитирующие",
        "no_cites": "Ни один загруженный документ не цитирует",
        "docs": "Документы",
        "did_you_mean": "Возможно, вы имели в виду",
        "paragraphs": "абзацев",
        "in": "в",
        "session": "сессия",
        "year": "год",
    },
    "ar": {
        "from": "المرسل",
        "to": "المرسل إليه",
        "date": "التاريخ",
        "letter_date": "رسالة مؤرخة",
        "distributed": "التوزيع",
        "adopted": "اعتُمد في",
        "agenda": "جدول الأعمال",
        "annex": "المرفق",
        "key": "النقاط الرئيسية",
        "resolutions": "القرارات المذكورة",
        "none_cited": "لا تذكر أي قرار.",
        "signed": "التوقيع",
        "circulate": "تطلب تعميمها بوصفها وثيقة من وثائق",
        "kind": "النوع",
        "language": "اللغة",
        "original": "الأصل",
        "subject": "الموضوع",
        "decisions": "المقررات",
        "other": "قرارات هيئات أخرى",
        "loaded": "النص محمّل",
        "inferred": "السنة مستنتجة من الترقيم",
        "mentions": "إشارات",
        "para": "الفقرة",
        "nothing": "لم يُعثر على شيء بشأن",
        "also": "بُحث أيضا بصيغة",
        "cited_by": "الوثائق التي تذكر",
        "no_cites": "لا توجد وثيقة محمّلة تذكر",
        "docs": "الوثائق",
        "did_you_mean": "هل تقصد",
        "paragraphs": "فقرات",
        "in": "في",
        "session": "الدورة",
        "year": "السنة",
    },
    "zh": {
        "from": "发文方",
        "to": "收文方",
        "date": "日期",
        "letter_date": "信函日期",
        "distributed": "分发",
        "adopted": "通过日期",
        "agenda": "议程",
        "annex": "附件",
        "key": "要点",
        "resolutions": "引用的决议",
        "none_cited": "未引用任何决议。",
        "signed": "签署",
        "circulate": "请求作为以下机构文件分发",
        "kind": "类型",
        "language": "语言",
        "original": "原文",
        "subject": "主题",
        "decisions": "决定",
        "other": "其他机构的决议",
        "loaded": "文本已加载",
        "inferred": "年份由编号推断",
        "mentions": "次提及",
        "para": "第",
        "nothing": "未找到",
        "also": "也搜索了",
        "cited_by": "引用以下决议的文件",
        "no_cites": "没有已加载的文件引用",
        "docs": "文件",
        "did_you_mean": "您是不是指",
        "paragraphs": "段",
        "in": "在",
        "session": "届会",
        "year": "年",
    },
}

HELP: dict[str, str] = {
    "es": """**Rapporteur**: documentos de la ONU en la conversación. Comandos:
`!docs [palabras]` lista de documentos (filtre por país, tipo, mes y año)
`!doc REF` el texto de un documento
`!summary REF` quién escribe a quién, cuándo, programa, anexo, puntos clave, resoluciones citadas
`!resolutions REF` las resoluciones que cita un documento, con enlaces
`!find PALABRAS [in REF]` los pasajes que contienen esas palabras
`!cites RESOLUCIÓN` los documentos que citan una resolución, p. ej. `!cites 1325 (2000)`
REF es una signatura (`S/2025/40`), un número de `!docs` o palabras (`Panamá agosto 2025`).
O mencióneme: «@Rapporteur resume la nota verbal de Kenia de julio», y luego «@Rapporteur ¿a quién va dirigida?».""",
    "ru": """**Rapporteur**: документы ООН прямо в беседе. Команды:
`!docs [слова]` список документов (фильтр по стране, виду, месяцу и году)
`!doc REF` текст документа
`!summary REF` кто кому пишет, когда, повестка, приложение, основные положения, резолюции
`!resolutions REF` резолюции, которые цитирует документ, со ссылками
`!find СЛОВА [in REF]` фрагменты с этими словами
`!cites РЕЗОЛЮЦИЯ` документы, которые цитируют резолюцию, напр. `!cites 1325 (2000)`
REF: условное обозначение (`S/2025/40`), номер из `!docs` или слова (`Украина январь 2025`).
Или упомяните меня: «@Rapporteur о чем письмо Греции от 7 мая?», затем «@Rapporteur кто его подписал?».""",
    "ar": """**Rapporteur**: وثائق الأمم المتحدة في المحادثة. الأوامر:
`!docs [كلمات]` قائمة الوثائق (حسب البلد والنوع والشهر والسنة)
`!doc REF` نص الوثيقة
`!summary REF` من يكتب إلى من ومتى، جدول الأعمال، المرفق، النقاط الرئيسية، القرارات المذكورة
`!resolutions REF` القرارات التي تذكرها وثيقة، مع الروابط
`!find كلمات [in REF]` المقاطع التي ترد فيها هذه الكلمات
`!cites قرار` الوثائق التي تذكر قرارا، مثل `!cites 1325 (2000)`
REF رمز الوثيقة (`S/2025/40`) أو رقمها في `!docs` أو كلمات منها.
أو اذكرني: «@Rapporteur لخص مذكرة كينيا الشفوية»، ثم «@Rapporteur من وقعها؟».""",
    "zh": """**Rapporteur**：在对话中查阅联合国文件。命令：
`!docs [关键词]` 文件列表（按国家、类型、月份和年份筛选）
`!doc REF` 文件全文
`!summary REF` 谁致函谁、何时、议程、附件、要点、引用的决议
`!resolutions REF` 文件引用的决议及链接
`!find 关键词 [in REF]` 包含这些词的段落
`!cites 决议` 引用某项决议的文件，例如 `!cites 1325 (2000)`
REF 可以是文号（`S/2025/40`）、`!docs` 中的编号或关键词。
也可以直接提及我：“@Rapporteur 列出肯尼亚的照会”，然后“@Rapporteur 第二个是谁签署的？”。""",
}
