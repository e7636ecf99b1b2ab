"""Content negotiation: which of our representations a client's ``Accept`` asks for.

Parsing is forgiving (a malformed header never causes an error, it is read as far as it
makes sense); the choice follows RFC 9110: highest q wins, then the most specific range,
then our own order of preference.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MediaRange:
    type: str
    subtype: str
    q: float
    params: tuple[tuple[str, str], ...]

    def matches(self, media_type: str) -> bool:
        t, _, s = media_type.partition("/")
        return (self.type in ("*", t)) and (self.subtype in ("*", s))

    @property
    def specificity(self) -> int:
        return (self.type != "*") + (self.subtype != "*") + bool(self.params)


def parse_accept(header: str | None) -> list[MediaRange]:
    if not header or not header.strip():
        return [MediaRange("*", "*", 1.0, ())]
    ranges: list[MediaRange] = []
    for raw in header.split(","):
        parts = [p.strip() for p in raw.split(";")]
        media = parts[0].lower()
        if "/" not in media:
            media = "*/*" if media == "*" else ""
        if not media:
            continue
        t, _, s = media.partition("/")
        q = 1.0
        params: list[tuple[str, str]] = []
        for p in parts[1:]:
            name, _, value = p.partition("=")
            name, value = name.strip().lower(), value.strip().strip('"')
            if name == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
            elif name:
                params.append((name, value))
        ranges.append(MediaRange(t or "*", s or "*", q, tuple(params)))
    return ranges


def choose(header: str | None, offered: list[str]) -> str | None:
    """The offered media type the client prefers, or None when nothing is acceptable.

    ``offered`` is in our order of preference; it is also the tie-breaker.
    """
    ranges = parse_accept(header)
    best: tuple[float, int, int] | None = None
    choice: str | None = None
    for index, media_type in enumerate(offered):
        matching = [r for r in ranges if r.matches(media_type)]
        if not matching:
            continue
        top = max(matching, key=lambda r: r.specificity)
        if top.q <= 0:
            continue
        rank = (top.q, top.specificity, -index)
        if best is None or rank > best:
            best, choice = rank, media_type
    return choice


def wants_profile(header: str | None, media_type: str, profile: str) -> bool:
    """Whether the client asked for ``media_type`` with this ``profile`` parameter."""
    for r in parse_accept(header):
        if r.matches(media_type) and ("profile", profile) in r.params and r.q > 0:
            return True
    return False
