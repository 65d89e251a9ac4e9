"""`python -m bot` with a fault injected, for tests/test_startup.py (not a test module itself):

    python tests/startup_harness.py [--pages-left N] [--busy-ms MS] [--fake-discord 401|ok] ARGS…

--pages-left N   the database may grow by N pages only (SQLite's max_page_count): disk full
--busy-ms MS     wait MS for another process's write lock instead of 10 s
--fake-discord   Discord's API answered by a local server: 401 refuses every token, ok logs in
"""

from __future__ import annotations

import argparse
import http.server
import json
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

_USER = {"id": "1", "username": "rapporteur", "discriminator": "0", "avatar": None, "bot": True}
_APP = {
    "id": "1",
    "name": "Rapporteur",
    "description": "",
    "icon": None,
    "bot_public": False,
    "bot_require_code_grant": False,
    "owner": _USER,
    "verify_key": "0",
    "flags": 0,
}


def _fake_discord(mode: str) -> str:
    """A local stand-in for Discord's HTTP API, enough for discord.py's login; its base URL."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body: object = {"message": "401: Unauthorized", "code": 0}
            status = 401
            if mode == "ok" and self.path.endswith("/users/@me"):
                status, body = 200, _USER
            elif mode == "ok" and self.path.endswith("/applications/@me"):
                status, body = 200, _APP
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/api/v10"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages-left", type=int)
    ap.add_argument("--busy-ms", type=int)
    ap.add_argument("--fake-discord", choices=["401", "ok"])
    opts, rest = ap.parse_known_args()
    from bot.core import storage

    if opts.pages_left is not None:
        real_open = storage.Store.open

        async def open_nearly_full(self: storage.Store) -> None:
            await real_open(self)
            assert self._write is not None
            cur = await self._write.execute("PRAGMA page_count")
            row = await cur.fetchone()
            assert row is not None
            await self._write.execute(f"PRAGMA max_page_count={row[0] + opts.pages_left}")

        storage.Store.open = open_nearly_full  # type: ignore[method-assign]
    if opts.busy_ms is not None:
        storage.BUSY_TIMEOUT_MS = opts.busy_ms
    if opts.fake_discord:
        import discord.http

        discord.http.Route.BASE = _fake_discord(opts.fake_discord)  # type: ignore[misc]
    from bot import __main__ as cli

    cli._exit(cli.main(rest))


if __name__ == "__main__":  # parsing processes import this file again: only run it once
    main()
