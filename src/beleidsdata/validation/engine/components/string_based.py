"""sh:pattern, sh:languageIn and sh:uniqueLang: the text and language of literals.

https://www.w3.org/TR/shacl/#core-components-string. As in pyshacl, sh:pattern reads a
literal's value (its lexical form for other datatypes), and sh:uniqueLang gives one result
per duplicated language, without a value.
"""

from __future__ import annotations

import re

from rdflib.namespace import RDF, SH, XSD
from rdflib.term import BNode, Literal, Node

from ..component import Context, component
from ..index import DataIndex
from ..shape import Check, Finding

_TEXTUAL = (None, RDF.langString, XSD.string)


def _string_of(v: Node) -> str:
    if isinstance(v, Literal):
        if v.value is not None and v.datatype in _TEXTUAL:
            return str(v.value)
        return str(v)
    return str(v)


@component(SH.pattern, "Pattern", also=(SH.flags,))
def pattern(c: Context) -> Check:
    flags = 0
    flag_values = c.values(SH.flags)
    if flag_values:
        text = str(flag_values[0]).lower()
        flags = (re.I if "i" in text else 0) | (re.M if "m" in text else 0)
    patterns = []
    for p in c.values():
        source = str(p)
        if isinstance(p, Literal) and p.value is not None and len(p.value) > 1:
            source = str(p.value)
        patterns.append(re.compile(source, flags))
    report = c.report()

    def check(ix: DataIndex, f: Node, vs: list[Node], found: list[Finding]) -> None:
        for rx in patterns:
            for v in vs:
                if isinstance(v, BNode) or not rx.search(_string_of(v)):
                    report(f, v, found)

    return check


@component(SH.languageIn, "LanguageIn")
def language_in(c: Context) -> Check:
    langs: set[str] = set()
    for lst in c.values():
        langs.update(str(x).lower() for x in c.items(lst))
    report = c.report()

    def check(ix: DataIndex, f: Node, vs: list[Node], found: list[Finding]) -> None:
        for v in vs:
            lang = v.language if isinstance(v, Literal) else None
            if not lang or not (
                "*" in langs or lang.lower() in langs or lang.split("-")[0].lower() in langs
            ):
                report(f, v, found)

    return check


@component(SH.uniqueLang, "UniqueLang")
def unique_lang(c: Context) -> Check | None:
    if c.one() != Literal(True):
        return None
    report = c.report()

    def check(ix: DataIndex, f: Node, vs: list[Node], found: list[Finding]) -> None:
        seen: set[str] = set()
        dup: set[str] = set()
        for v in vs:
            if isinstance(v, Literal) and v.language:
                low = v.language.lower()
                (dup if low in seen else seen).add(low)
        for _ in dup:
            report(f, None, found)

    return check
