"""Which Discord shards this process runs: `RAPPORTEUR_SHARDS` / `--shards`, e.g. `0-3/8`.

The part before the slash lists shard ids (numbers and ranges, comma-separated: `2`, `0-3`,
`0,2,5`, `0-1,6`), the part after it the total number of shards every process agrees on.
Pure parsing, no discord import: the command line checks the spec before anything starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ITEM = re.compile(r"(\d+)(?:-(\d+))?")


class BadShards(ValueError):
    """str() is the one line to show: what is wrong with the spec."""


@dataclass(frozen=True, slots=True)
class ShardSpec:
    ids: tuple[int, ...]  # sorted, distinct, each below count
    count: int

    def __str__(self) -> str:
        return f"{','.join(map(str, self.ids))}/{self.count}"


def parse_shards(text: str) -> ShardSpec:
    """`0-3/8` -> ShardSpec((0, 1, 2, 3), 8); BadShards saying what is wrong otherwise."""
    spec = text.strip()
    where = f"bad shard spec {spec!r} (--shards or RAPPORTEUR_SHARDS)"
    ids_part, slash, total_part = spec.partition("/")
    if not slash or "/" in total_part:
        raise BadShards(f"{where}: write the shard ids, a slash and the total, e.g. 0-3/8")
    total = total_part.strip()
    if not total.isdigit() or not total.isascii():
        raise BadShards(f"{where}: the total {total!r} is not a whole number")
    count = int(total)
    if count < 1:
        raise BadShards(f"{where}: the total number of shards must be at least 1")
    ids: list[int] = []
    for item in ids_part.split(","):
        ids += _item(item.strip(), count, where)
    distinct = sorted(set(ids))
    if len(distinct) < len(ids):
        twice = next(i for i, j in zip(sorted(ids), sorted(ids)[1:], strict=False) if i == j)
        raise BadShards(f"{where}: shard {twice} is listed twice")
    return ShardSpec(tuple(distinct), count)


def _item(item: str, count: int, where: str) -> list[int]:
    """The ids one comma-separated item names: `5` or `0-3`."""
    m = _ITEM.fullmatch(item) if item.isascii() else None
    if m is None:
        raise BadShards(f"{where}: {item!r} is not a shard id or a range of them (like 0-3)")
    first = int(m.group(1))
    last = int(m.group(2)) if m.group(2) is not None else first
    if last < first:
        raise BadShards(f"{where}: the range {item} runs backwards (write {last}-{first})")
    if last >= count:
        raise BadShards(
            f"{where}: shard {last} does not exist in a total of {count}"
            f" (ids run from 0 to {count - 1})"
        )
    return list(range(first, last + 1))
