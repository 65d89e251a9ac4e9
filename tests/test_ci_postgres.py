""".ci/postgres.sh, which .ci/run sources: PostgreSQL's server programs put on PATH, installed
when missing and allowed, and never a failure. Run in bash with stand-ins for id, sudo and
apt-get on a PATH without PostgreSQL, so nothing is installed for real."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT

SCRIPT = ROOT / ".ci" / "postgres.sh"

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")

APT = """#!/bin/sh
echo "apt-get $* DEBIAN_FRONTEND=$DEBIAN_FRONTEND" >> "$CALLS"
if [ "$1" = install ]; then
    if [ "${APT_FAILS:-}" ]; then echo "E: Unable to locate package postgresql"; exit 100; fi
    mkdir -p "$FAKE_ROOT/usr/lib/postgresql/16/bin"
    for p in initdb pg_ctl; do
        printf '#!/bin/sh\\n' > "$FAKE_ROOT/usr/lib/postgresql/16/bin/$p"
        chmod +x "$FAKE_ROOT/usr/lib/postgresql/16/bin/$p"
    done
fi
"""
SUDO = """#!/bin/sh
echo "sudo $*" >> "$CALLS"
[ "$1" = -n ] && shift
[ "${SUDO_OK:-}" ] || exit 1
exec "$@"
"""


def _exe(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


def _run(tmp: Path, uid: int, **env: str) -> tuple[str, list[str], str]:
    """ensure_postgres's output, the stand-ins' calls, and where initdb is found after."""
    stubs = tmp / "stubs"
    _exe(stubs / "id", f"#!/bin/sh\necho {uid}\n")
    _exe(stubs / "apt-get", APT)
    _exe(stubs / "sudo", SUDO)
    calls = tmp / "calls"
    calls.touch()
    out = subprocess.run(
        [
            "bash",
            "-c",
            f'set -uo pipefail; source "{SCRIPT}"; ensure_postgres; echo "rc=$?"; command -v initdb || true',
        ],
        capture_output=True,
        text=True,
        env={
            "PATH": f"{tmp / 'on-path'}:{stubs}:/usr/bin:/bin",
            "CALLS": str(calls),
            "FAKE_ROOT": str(tmp),
            "CI_PG_DIRS": f"{tmp}/usr/lib/postgresql/*/bin {tmp}/usr/pgsql-*/bin",
            "CI_PG_LOG": str(tmp / "install.log"),
            **env,
        },
        timeout=60,  # guards against a hang only
        check=False,
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    rc = lines.index("rc=0")  # ensure_postgres itself never fails
    return "\n".join(lines[:rc]), calls.read_text().splitlines(), "\n".join(lines[rc + 1 :])


def _server(folder: Path) -> None:
    for p in ("initdb", "pg_ctl"):
        _exe(folder / p, "#!/bin/sh\n")


def test_programs_on_path_are_used_as_they_are(tmp_path: Path) -> None:
    _server(tmp_path / "on-path")
    said, calls, initdb = _run(tmp_path, uid=0)
    assert calls == [] and initdb == str(tmp_path / "on-path" / "initdb")
    assert "server programs" in said


def test_the_newest_version_outside_path_is_put_on_it(tmp_path: Path) -> None:
    for version in ("9.6", "15", "13"):
        _server(tmp_path / "usr" / "lib" / "postgresql" / version / "bin")
    said, calls, initdb = _run(tmp_path, uid=1000)
    assert calls == []  # found, nothing installed
    assert initdb == str(tmp_path / "usr/lib/postgresql/15/bin/initdb"), said


def test_root_installs_with_apt_non_interactively(tmp_path: Path) -> None:
    said, calls, initdb = _run(tmp_path, uid=0)
    assert calls == [
        "apt-get update -qq DEBIAN_FRONTEND=noninteractive",
        "apt-get install -y -qq --no-install-recommends postgresql DEBIAN_FRONTEND=noninteractive",
    ]
    assert initdb == str(tmp_path / "usr/lib/postgresql/16/bin/initdb")
    assert "PostgreSQL installed" in said


def test_a_user_with_password_less_sudo_installs_through_it(tmp_path: Path) -> None:
    _, calls, initdb = _run(tmp_path, uid=1000, SUDO_OK="1")
    assert calls[0] == "sudo -n true"
    assert "sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq" in calls[-2]
    assert calls[-1].startswith("apt-get install") and initdb.endswith("16/bin/initdb")


def test_without_the_right_to_install_the_tests_skip(tmp_path: Path) -> None:
    said, calls, initdb = _run(tmp_path, uid=1000)
    assert not any(c.startswith("apt-get") for c in calls)
    assert initdb == ""
    assert "not root and no password-less sudo" in said and "tests will skip" in said


def test_a_failed_install_is_reported_and_not_fatal(tmp_path: Path) -> None:
    said, _, initdb = _run(tmp_path, uid=0, APT_FAILS="1")
    assert initdb == ""
    assert "Unable to locate package postgresql" in said and "tests will skip" in said


def test_ci_run_sources_it_before_lint_and_test() -> None:
    run = (ROOT / ".ci" / "run").read_text()
    assert run.index("source .ci/postgres.sh") < run.index("make lint") < run.index("make test")
    assert os.access(ROOT / ".ci" / "run", os.X_OK)
