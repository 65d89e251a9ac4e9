"""The Discord front end: the bot (client), what the cogs share (context, moderators), and
answers as Discord messages (embeds, pages, views, files). bot.core knows nothing of it."""
