"""The bot end to end through dpytest: prefix commands, mentions, replies, uploads, errors."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import discord
import discord.ext.test as dpytest
import pytest
import pytest_asyncio
from discord.ext import commands
from discord_fakes import (
    DATA,
    configure_dpytest,
    library_fixture,  # noqa: F401  (the shared `library` fixture)
    make_settings,
    message_with_files,
    reply_to,
    stop_views,
)

from bot.core.library import Library, guild_scope
from bot.discord.client import Rapporteur, create_bot
from bot.discord.moderators import NotModerator, is_moderator


@pytest_asyncio.fixture
async def bot(library: Library, tmp_path: Path) -> AsyncIterator[Rapporteur]:
    b = create_bot(make_settings(tmp_path), library, sharded=False)  # dpytest: unsharded
    await configure_dpytest(b, members=["alice", "bob"])
    await b.setup_hook()
    yield b
    await dpytest.empty_queue()
    stop_views(b)


def everything(msg: discord.Message) -> str:
    """A sent message's content and embeds as one text, for assertions."""
    parts = [msg.content or ""]
    for e in msg.embeds:
        parts += [e.title or "", e.url or "", e.description or "", e.footer.text or ""]
        parts += [f"{f.name}\n{f.value}" for f in e.fields]
    return "\n".join(parts)


def all_sent() -> list[discord.Message]:
    out = []
    while not dpytest.runner.sent_queue.empty():
        out.append(dpytest.get_message())
    return out


async def test_every_cog_loads(bot: Rapporteur) -> None:
    assert not bot.failed_extensions
    names = {c.qualified_name for c in bot.commands}
    assert {
        "docs",
        "doc",
        "summary",
        "resolutions",
        "find",
        "cites",
        "load",
        "remove",
        "help",
        "sync",
        "modrole",
    } <= names


async def test_summary_prefix_command(bot: Rapporteur) -> None:
    await dpytest.message("!summary S/2025/40")
    msg = dpytest.get_message()
    assert msg.embeds, "an embed is expected where the bot may embed links"
    body = everything(msg)
    assert "S/2025/40" in body
    assert "https://undocs.org/en/A/RES/78/234" in body  # the cited resolution, linked
    assert "Azerbaijan" in body


async def test_plain_text_without_embed_links(bot: Rapporteur) -> None:
    guild = dpytest.get_config().guilds[0]
    # Not a channel overwrite: dpytest 0.7 writes overwrite types as strings, which
    # discord.py 2 ignores. Taking Embed Links from @everyone has the same effect here.
    perms = guild.default_role.permissions
    perms.update(embed_links=False)
    dpytest.backend.update_role(guild.default_role, permissions=perms.value)
    await dpytest.message("!resolutions S/2025/40")
    msg = dpytest.get_message()
    assert not msg.embeds
    assert "S/2025/40" in msg.content and "undocs.org" in msg.content
    assert len(msg.content) <= 2000


async def test_mention_asks_which_resolutions(bot: Rapporteur) -> None:
    await dpytest.message(f"<@{bot.user.id}> which resolutions does S/2025/274 cite?")
    msg = dpytest.get_message()
    body = everything(msg)
    assert "S/2025/274" in body
    assert "undocs.org" in body


async def test_mention_in_reply_to_a_pasted_paragraph(bot: Rapporteur) -> None:
    config = dpytest.get_config()
    channel, bob = config.channels[0], config.members[1]
    pasted = await dpytest.message(
        "The Council recalls its resolution 2231 (2015) and calls on all parties to comply.",
        member=bob,
    )
    assert dpytest.runner.sent_queue.empty()  # not addressed to the bot: no answer
    await reply_to(
        f"<@{bot.user.id}> which resolutions does this cite?", config.members[0], channel, pasted
    )
    body = everything(dpytest.get_message())
    assert "S/RES/2231 (2015)" in body
    assert "undocs.org/en/S/RES/2231" in body


async def test_reply_to_the_bots_own_answer_names_the_document(bot: Rapporteur) -> None:
    config = dpytest.get_config()
    await dpytest.message("!summary S/2025/40")
    answer = dpytest.get_message()
    await reply_to(
        f"<@{bot.user.id}> which resolutions does it cite?",
        config.members[0],
        config.channels[0],
        answer,
    )
    body = everything(dpytest.get_message())
    assert "S/2025/40" in body and "A/RES/78/234" in body


async def test_mention_in_french_answers_in_french(bot: Rapporteur) -> None:
    await dpytest.message(f"<@{bot.user.id}> quelles résolutions cite la lettre S/2025/40 ?")
    body = everything(dpytest.get_message())
    assert "Résolutions citées" in body


async def test_resolutions_say_the_command_that_opens_a_loaded_text(bot: Rapporteur) -> None:
    """As the terminal shows: "text loaded: `!doc S/RES/822 (1993)`", and a counted footer."""
    await dpytest.message("!resolutions 000_d7938d8b0aeb43da")
    msg = dpytest.get_message()
    body = everything(msg)
    assert "`!doc S/RES/822 (1993)`" in body
    assert msg.embeds[0].footer.text == "4 resolutions cited"


async def test_one_resolution_is_counted_in_the_singular(bot: Rapporteur) -> None:
    config = dpytest.get_config()
    pasted = await dpytest.message("The Council recalls its resolution 2231 (2015).")
    await reply_to(
        f"<@{bot.user.id}> which resolutions does this cite?",
        config.members[0],
        config.channels[0],
        pasted,
    )
    msg = dpytest.get_message()
    assert msg.embeds[0].footer.text == "1 resolution cited"


async def test_bots_are_ignored(bot: Rapporteur) -> None:
    config = dpytest.get_config()
    other = dpytest.backend.make_user("OtherBot", "0002")
    other.bot = True
    member = dpytest.backend.make_member(other, config.guilds[0])
    await dpytest.message(f"<@{bot.user.id}> which resolutions does S/2025/40 cite?", member=member)
    assert dpytest.runner.sent_queue.empty()


async def test_unknown_document_says_did_you_mean(bot: Rapporteur) -> None:
    await dpytest.message("!summary S/2025/9999")
    msg = dpytest.get_message()
    assert not msg.embeds
    assert msg.content and len(msg.content) <= 2000


async def test_missing_argument_gives_usage(bot: Rapporteur) -> None:
    with pytest.raises(commands.MissingRequiredArgument):
        await dpytest.message("!summary")
    assert "Usage: `!summary <ref>`" in dpytest.get_message().content


async def test_cooldown_says_seconds_left(bot: Rapporteur) -> None:
    for _ in range(3):
        await dpytest.message("!summary S/2025/40")
    with pytest.raises(commands.CommandOnCooldown):
        await dpytest.message("!summary S/2025/40")
    msgs = all_sent()
    assert "again in" in msgs[-1].content and " s." in msgs[-1].content


async def test_moderator_uploads_a_real_letter(
    bot: Rapporteur, library: Library, tmp_path: Path
) -> None:
    config = dpytest.get_config()
    guild, channel, alice = config.guilds[0], config.channels[0], config.members[0]
    role = dpytest.backend.make_role("Moderator", guild)
    await dpytest.add_role(alice, role)
    bundled = sorted((DATA / "corpus" / "en").glob("A_79_7*-S_2025_*.txt"))[0]
    # The bundled letter itself is already here: not stored twice, and the reply says as what.
    await message_with_files("!load", alice, channel, [bundled])
    body = everything(dpytest.get_message())
    assert "0 ✅ · 1 ☑️ · 0 ❌" in body and "already loaded as A/79/7" in body, body
    # A changed copy is another version: kept in this server, with a word about the other.
    letter = tmp_path / bundled.name
    letter.write_text(bundled.read_text(encoding="utf-8") + "\nAdded.\n", encoding="utf-8")
    await message_with_files("!load", alice, channel, [letter])
    body = everything(dpytest.get_message())
    assert "✅" in body and "paragraphs" in body and "another version of" in body, body
    docs = await library.documents([guild_scope(guild.id)])
    assert [d.source for d in docs] == [letter.name]
    # Visible in this server only: it is not in the corpus scope.
    assert letter.name not in {
        d.source for d in await library.documents(["corpus"]) if d.scope != "corpus"
    }
    await dpytest.message(f"!remove {docs[0].symbols[0]}", member=alice)
    assert "Removed" in everything(dpytest.get_message())
    assert await library.documents([guild_scope(guild.id)]) == []


async def test_a_moderator_uploads_several_letters_at_once(
    bot: Rapporteur, library: Library, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Four files or more parse in worker processes, which start while the files download."""
    config = dpytest.get_config()
    guild, channel, alice = config.guilds[0], config.channels[0], config.members[0]
    role = dpytest.backend.make_role("Moderator", guild)
    await dpytest.add_role(alice, role)
    warmed = []
    real_warm = library.warm_parsers

    async def warm() -> int:
        warmed.append(1)
        return await real_warm()

    monkeypatch.setattr(library, "warm_parsers", warm)
    letters = []
    for bundled in sorted((DATA / "corpus" / "en").glob("S_2025_*.txt"))[:4]:
        # Bundled letters with a line added: other versions (the bundled ones are refused).
        letters.append(tmp_path / bundled.name)
        letters[-1].write_bytes(bundled.read_bytes() + b"\nA line added here.\n")
    await message_with_files("!load", alice, channel, letters)
    body = everything(dpytest.get_message())
    assert "4 ✅ · 0 ❌" in body and body.count("✅") == 5, body
    assert len(warmed) == 1 and library.parsing_processes >= 1
    docs = await library.documents([guild_scope(guild.id)])
    assert sorted(d.source for d in docs) == [p.name for p in letters]
    letters[0].write_bytes(letters[0].read_bytes() + b"\nAnd another.\n")
    await message_with_files("!load", alice, channel, letters[:1])  # one file: a thread
    assert "1 ✅ · 0 ❌" in everything(dpytest.get_message()) and len(warmed) == 1


async def test_bad_attachment_is_refused_with_its_reason(bot: Rapporteur, tmp_path: Path) -> None:
    config = dpytest.get_config()
    guild = config.guilds[0]
    role = dpytest.backend.make_role("mod", guild)
    await dpytest.add_role(config.members[0], role)
    image = tmp_path / "photo.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    await message_with_files("!load", config.members[0], config.channels[0], [image])
    body = everything(dpytest.get_message())
    assert "❌" in body and "photo.png" in body


async def test_member_without_the_right_cannot_upload(bot: Rapporteur, library: Library) -> None:
    config = dpytest.get_config()
    guild, channel, bob = config.guilds[0], config.channels[0], config.members[1]
    letter = sorted((DATA / "corpus" / "en").glob("*.txt"))[0]
    with pytest.raises(NotModerator):
        await message_with_files("!load", bob, channel, [letter])
    assert "Only moderators" in dpytest.get_message().content
    assert await library.documents([guild_scope(guild.id)]) == []


async def test_modrole_makes_a_role_moderator(bot: Rapporteur) -> None:
    config = dpytest.get_config()
    guild, bob = config.guilds[0], config.members[1]
    owner = config.members[0]
    admin = dpytest.backend.make_role(
        "Admins",
        guild,
        permissions=discord.Permissions(manage_guild=True, send_messages=True).value,
    )
    await dpytest.add_role(owner, admin)
    await dpytest.message("!modrole add Editors", member=owner)
    assert "Editors" in dpytest.get_message().content
    editors = dpytest.backend.make_role("Editors", guild)
    await dpytest.add_role(bob, editors)
    assert is_moderator(bot, guild.get_member(bob.id), guild)


async def test_mention_in_reply_to_a_message_naming_a_document(bot: Rapporteur) -> None:
    config = dpytest.get_config()
    named = await dpytest.message("Has anyone read S/2025/40 yet?", member=1)
    await reply_to(f"<@{bot.user.id}> summarize it", config.members[0], config.channels[0], named)
    msg = dpytest.get_message()
    assert msg.embeds, msg.content
    assert "S/2025/40" in msg.embeds[0].title


async def test_it_means_the_last_document_of_the_channel(bot: Rapporteur) -> None:
    await dpytest.message("!summary S/2025/40")
    dpytest.get_message()
    await dpytest.message(f"<@{bot.user.id}> resolutions it")  # a command, by mention prefix
    body = everything(dpytest.get_message())
    assert "S/2025/40" in body and "A/RES/78/234" in body


async def test_prefix_command_replying_to_a_pasted_paragraph(bot: Rapporteur) -> None:
    config = dpytest.get_config()
    pasted = await dpytest.message("Recalling resolution 1325 (2000) on women and peace.", member=1)
    await reply_to("!resolutions this", config.members[0], config.channels[0], pasted)
    assert "S/RES/1325 (2000)" in everything(dpytest.get_message())


async def test_a_misspelt_command_is_named(bot: Rapporteur) -> None:
    await dpytest.message("!sumary S/2025/40")
    msg = dpytest.get_message()
    assert "did you mean `!summary`" in msg.content
    await dpytest.message("!play some music")  # another bot's command: not ours to answer
    assert dpytest.runner.sent_queue.empty()


# ---- two servers: stored references never cross (issue 10) ----------------------------------


def _letter(word: str, symbol: str) -> str:
    return (
        f"United Nations {symbol}\n\nSecurity Council Distr.: General\n3 March 2099\n\n"
        f"Letter dated 2 March 2099 from the Permanent Representative of {word}land\n\n"
        f"I have the honour to report that the {word} delegation recalls resolution 2231 (2015)"
        f" and the {word} accords.\n\n(Signed) {word} Envoy\n"
    )


@pytest_asyncio.fixture
async def two_servers(library: Library, tmp_path: Path) -> AsyncIterator[Rapporteur]:
    b = create_bot(make_settings(tmp_path), library, sharded=False)  # dpytest: unsharded
    await configure_dpytest(b, members=["mallory", "bea"], guilds=2)
    await b.setup_hook()
    # These tests send more than a member's cooldown allows; cooldowns have their own test.
    for command in b.walk_commands():
        command._buckets = commands.CooldownMapping(None, commands.BucketType.user)
    yield b
    await dpytest.empty_queue()
    stop_views(b)


def _server(config: dpytest.RunnerConfig, n: int) -> tuple[discord.Guild, discord.TextChannel]:
    guild = config.guilds[n]
    return guild, next(c for c in guild.text_channels)


async def test_replies_to_old_answers_never_open_another_servers_upload(
    two_servers: Rapporteur, library: Library, tmp_path: Path
) -> None:
    """The exploit of issue 10: A's moderator has the bot answer about three decoys and removes
    them; B uploads three private letters; in A, `!doc this` replying to the old answers (and
    "it") must not print B's letters."""
    config = dpytest.get_config()
    (guild_a, chan_a), (guild_b, chan_b) = _server(config, 0), _server(config, 1)
    mallory = next(m for m in config.members if m.guild == guild_a and m.name == "mallory")
    bea = next(m for m in config.members if m.guild == guild_b and m.name == "bea")
    for guild, member in ((guild_a, mallory), (guild_b, bea)):
        await dpytest.add_role(member, dpytest.backend.make_role("Moderator", guild))

    decoys = []
    for i in range(3):
        path = tmp_path / f"decoy{i}.txt"
        path.write_text(_letter(f"Decoyish{i}", f"S/2099/10{i}"), encoding="utf-8")
        decoys.append(path)
    await message_with_files("!load", mallory, chan_a, decoys)
    assert "3 ✅ · 0 ❌" in everything(dpytest.get_message())
    answers = []
    for i in range(3):
        await dpytest.message(f"!doc S/2099/10{i}", channel=chan_a, member=mallory)
        answers.append(dpytest.get_message())
        assert f"Decoyish{i}" in everything(answers[-1])
    decoy_ids = [d.id for d in await library.documents([guild_scope(guild_a.id)])]
    for i in range(3):
        await dpytest.message(f"!remove S/2099/10{i}", channel=chan_a, member=mallory)
        assert "Removed" in everything(dpytest.get_message())

    letters = []
    for i in range(3):
        path = tmp_path / f"private{i}.txt"
        path.write_text(_letter(f"Secretive{i}", f"S/2099/20{i}"), encoding="utf-8")
        letters.append(path)
    await message_with_files("!load", bea, chan_b, letters)
    assert "3 ✅ · 0 ❌" in everything(dpytest.get_message())
    theirs = [d.id for d in await library.documents([guild_scope(guild_b.id)])]
    assert not set(theirs) & set(decoy_ids)  # no id given twice

    for n, old in enumerate(answers):
        # `!summary` has a cooldown (3 in 20 s a member): once is enough.
        for text in ("!doc this", "!resolutions this", *(["!summary it"] if n == 0 else [])):
            await reply_to(text, mallory, chan_a, old)
            body = everything(dpytest.get_message())
            assert "Secretive" not in body and "S/2099/20" not in body, body
            assert "no longer loaded here" in body
    # "@Rapporteur summarize this" is the summary command by mention: the same path.
    await reply_to(f"<@{two_servers.user.id}> summarize this", mallory, chan_a, answers[1])
    assert "Secretive" not in everything(dpytest.get_message())
    await dpytest.message("!doc it", channel=chan_a, member=mallory)
    assert "Secretive" not in everything(dpytest.get_message())
    # B still reads its own letters, and its answers work as references in B.
    await dpytest.message("!doc S/2099/201", channel=chan_b, member=bea)
    own = dpytest.get_message()
    assert "Secretive1" in everything(own)
    await reply_to("!summary this", bea, chan_b, own)
    assert "S/2099/201" in everything(dpytest.get_message())


async def test_modrole_refuses_everyone(two_servers: Rapporteur) -> None:
    config = dpytest.get_config()
    guild, _ = _server(config, 0)
    owner, bea = (m for m in config.members if m.guild == guild)
    admin = dpytest.backend.make_role(
        "Admins", guild, permissions=discord.Permissions(manage_guild=True).value
    )
    await dpytest.add_role(owner, admin)
    for typed in ("@everyone", "everyone", f"<@&{guild.default_role.id}>"):
        await dpytest.message(f"!modrole add {typed}", member=owner)
        reply = dpytest.get_message().content
        assert "Not added" in reply and "everyone" in reply, reply
    assert two_servers.guild_config.server_roles(guild.id) == []
    assert not is_moderator(two_servers, guild.get_member(bea.id), guild)
    # A role every member holds makes everyone a moderator just the same.
    members = dpytest.backend.make_role("Members", guild)
    for m in guild.members:
        await dpytest.add_role(m, members)
    # dpytest counts one member too many (it starts an empty guild at 1); Discord does not.
    guild._member_count = len(guild.members)
    await dpytest.message("!modrole add Members", member=owner)
    assert "Not added" in dpytest.get_message().content
    assert two_servers.guild_config.server_roles(guild.id) == []
    # Nor a role Discord or an integration hands out (boosting the server, a subscription).
    booster = dpytest.backend.make_role("Server Booster", guild)
    booster.managed = True  # dpytest cannot make managed roles
    await dpytest.message("!modrole add Server Booster", member=owner)
    assert "Not added" in dpytest.get_message().content
    # A settings file written before this check cannot make @everyone count either.
    await two_servers.guild_config.add(guild.id, "@everyone")
    assert not is_moderator(two_servers, guild.get_member(bea.id), guild)
    # A role only some members hold is still accepted.
    await dpytest.message("!modrole add Editors", member=owner)
    assert "are now moderators" in dpytest.get_message().content


async def test_uploads_never_replace_or_drop_a_file_without_a_word(
    two_servers: Rapporteur, library: Library, tmp_path: Path
) -> None:
    config = dpytest.get_config()
    guild, channel = _server(config, 0)
    first, second = (m for m in config.members if m.guild == guild)
    role = dpytest.backend.make_role("Moderator", guild)
    for m in (first, second):
        await dpytest.add_role(m, role)
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    (one / "letter.txt").write_text(_letter("Alphaish", "S/2099/401"), encoding="utf-8")
    (two / "letter.txt").write_text(_letter("Betaish", "S/2099/402"), encoding="utf-8")
    # Two files of one name in one message: both kept, the second renamed, and said so.
    await message_with_files("!load", first, channel, [one / "letter.txt", two / "letter.txt"])
    body = everything(dpytest.get_message())
    assert "2 ✅ · 0 ❌" in body and "letter.txt" in body and "another file" in body, body
    scope = guild_scope(guild.id)
    assert sorted(d.source for d in await library.documents([scope])) == [
        "letter (2).txt",
        "letter.txt",
    ]
    # Another moderator's file of the same name replaces it, and the answer says whose.
    (tmp_path / "letter.txt").write_text(_letter("Gammaish", "S/2099/403"), encoding="utf-8")
    await message_with_files("!load", second, channel, [tmp_path / "letter.txt"])
    body = everything(dpytest.get_message())
    assert f"replaces S/2099/401 (letter.txt), loaded by <@{first.id}> on 20" in body, body
    # The same content under a new name is refused, naming the document that holds it.
    (tmp_path / "again.txt").write_bytes((two / "letter.txt").read_bytes())
    await message_with_files("!load", first, channel, [tmp_path / "again.txt"])
    body = everything(dpytest.get_message())
    assert "0 ✅ · 1 ☑️ · 0 ❌" in body and "S/2099/402" in body, body


async def test_remove_takes_the_number_docs_shows(
    two_servers: Rapporteur, library: Library, tmp_path: Path
) -> None:
    config = dpytest.get_config()
    guild, channel = _server(config, 0)
    mod = next(m for m in config.members if m.guild == guild)
    await dpytest.add_role(mod, dpytest.backend.make_role("Moderator", guild))
    path = tmp_path / "numbered.txt"
    path.write_text(_letter("Numberish", "S/2099/501"), encoding="utf-8")
    await message_with_files("!load", mod, channel, [path])
    dpytest.get_message()
    await dpytest.message("!docs Numberish", channel=channel, member=mod)
    listing = everything(dpytest.get_message())
    scope = guild_scope(guild.id)
    total = len(await library.documents(["corpus", scope]))
    assert f"`{total:>3}` [S/2099/501]" in listing, listing
    await dpytest.message("!remove 1", channel=channel, member=mod)
    assert "bundled corpus" in everything(dpytest.get_message())
    assert [d.source for d in await library.documents([scope])] == ["numbered.txt"]
    await dpytest.message(f"!remove {total}", channel=channel, member=mod)
    assert "Removed" in everything(dpytest.get_message())
    assert await library.documents([scope]) == []


async def test_a_clarification_offers_a_menu_that_answers_it(bot: Rapporteur) -> None:
    from discord_fakes import make_interaction, make_member

    from cogs.mentions import CandidateSelect

    await dpytest.message(f"<@{bot.user.id}> give me a summary of the Kenyan note verbale")
    msg = dpytest.get_message()
    assert "S/2025/402" in everything(msg) and "S/2025/472" in everything(msg)
    view = next(
        v
        for v in bot._connection._view_store._synced_message_views.values()
        if any(isinstance(i, CandidateSelect) for i in v.children)
    )
    menu = next(i for i in view.children if isinstance(i, CandidateSelect))
    assert [o.value for o in menu.options] == ["1", "2"]
    stranger = make_interaction(make_member(12345))
    assert await view.interaction_check(stranger) is False  # only the asker chooses
    inter = make_interaction(make_member(view.author_id))
    answer = await menu.choose(inter, 2)
    assert answer.intent == "summary" and answer.doc is not None
    assert "S/2025/472" in answer.doc.symbols
    sent_kwargs = inter.response.send_message.call_args.kwargs
    assert "S/2025/472" in (sent_kwargs.get("content") or "") + str(
        sent_kwargs.get("embed") and sent_kwargs["embed"].to_dict()
    )


async def test_mentions_decline_and_answer_one_fact(bot: Rapporteur) -> None:
    await dpytest.message(f"<@{bot.user.id}> what's the weather like in Nairobi?")
    declined = everything(dpytest.get_message())
    assert "outside what I do" in declined and "¶" not in declined  # no passages
    await dpytest.message(f"<@{bot.user.id}> who signed the Kenyan note verbale of June?")
    fact = everything(dpytest.get_message())
    assert "S/2025/402" in fact and "Ruto" in fact
