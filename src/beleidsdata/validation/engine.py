"""A dedicated SHACL evaluator for the subset of SHACL Core our shapes use.

Our shapes are per resource: node shapes with ``sh:targetClass``, property shapes with
predicate or sequence paths, and a few logical conditions (``sh:or``/``sh:not`` over the
focus node's own triples). Such shapes can be evaluated focus node by focus node from an
index of the data by subject, built once, instead of pyshacl's generic graph queries.

The evaluator gives the *same results* as plain pyshacl with the options
:func:`beleidsdata.validation.validate_graph` uses (no inference, ``allow_warnings``): the
same focus nodes, paths, values, severities, messages, source shapes and constraint
components, and the same ``conforms`` (a shape whose severity is sh:Warning or sh:Info never
makes the data non-conforming; a nested shape conforms when it has no sh:Violation result).
Semantics follow pyshacl 0.40 where SHACL leaves room (what ``sh:datatype`` accepts, how
``sh:pattern`` reads a literal, one ``sh:uniqueLang`` result per duplicated language without
a value, literal comparison for ``sh:minInclusive``/``sh:lessThanOrEquals``).

:func:`compile_shapes` refuses (raises :class:`Unsupported`) a shapes graph that uses
anything it does not implement (other targets, other paths, other constraint components,
SPARQL, ``sh:closed true``…); callers then fall back to pyshacl. Implemented:
``sh:targetClass`` (with ``rdfs:subClassOf`` in the data, as pyshacl), ``sh:property``,
``sh:path`` (IRI or sequence of IRIs), ``sh:minCount``, ``sh:maxCount``, ``sh:datatype``,
``sh:class``, ``sh:nodeKind``, ``sh:in``, ``sh:pattern`` (with ``sh:flags``),
``sh:languageIn``, ``sh:uniqueLang``, ``sh:hasValue``, ``sh:equals``,
``sh:lessThanOrEquals``, ``sh:minInclusive``, ``sh:or``, ``sh:and``, ``sh:not``,
``sh:node``, ``sh:closed false``.

One deliberate difference from pyshacl concerns only ``focus_nodes``: pyshacl also filters
the nodes that *nested* shapes (``sh:or`` members…) are checked on by its ``focus_nodes``
option, so a link checked with ``sh:or ( [ sh:class A ] [ sh:class B ] )`` always passes
there when the linked node is not itself a focus node. Here nested shapes always look at the
linked node, as SHACL says (and as whole-graph validation does in both engines).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal

import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD

from ..errors import Unsupported
from . import SEQUENCE_SEPARATOR, SEVERITY_NAMES, ValidationResult, _short, result_key

# Shape parameters that carry no constraint (documentation, UI hints).
_IGNORED = {
    SH.name,
    SH.description,
    SH.order,
    SH.group,
    SH.defaultValue,
    SH.message,
    SH.severity,
    SH.path,
    SH.targetClass,
    SH.deactivated,
    SH.closed,
    SH.ignoredProperties,
    SH.declare,
    SH.prefixes,
}
_SUPPORTED = {
    SH.property,
    SH.minCount,
    SH.maxCount,
    SH.datatype,
    SH["class"],
    SH.nodeKind,
    SH["in"],
    SH.pattern,
    SH.flags,
    SH.languageIn,
    SH.uniqueLang,
    SH.hasValue,
    SH.equals,
    SH.lessThanOrEquals,
    SH.minInclusive,
    SH["or"],
    SH["and"],
    SH["not"],
    SH.node,
}
_SHAPE_TYPES = {SH.NodeShape, SH.PropertyShape, SH.Shape}
_NODE_KINDS = {
    SH.IRI: (URIRef,),
    SH.BlankNode: (BNode,),
    SH.Literal: (Literal,),
    SH.BlankNodeOrIRI: (BNode, URIRef),
    SH.BlankNodeOrLiteral: (BNode, Literal),
    SH.IRIOrLiteral: (URIRef, Literal),
}
_COMPONENT = {
    SH.minCount: "MinCount",
    SH.maxCount: "MaxCount",
    SH.datatype: "Datatype",
    SH["class"]: "Class",
    SH.nodeKind: "NodeKind",
    SH["in"]: "In",
    SH.pattern: "Pattern",
    SH.languageIn: "LanguageIn",
    SH.uniqueLang: "UniqueLang",
    SH.hasValue: "HasValue",
    SH.equals: "Equals",
    SH.lessThanOrEquals: "LessThanOrEquals",
    SH.minInclusive: "MinInclusive",
    SH.maxInclusive: "MaxInclusive",
    SH.minExclusive: "MinExclusive",
    SH.maxExclusive: "MaxExclusive",
    SH["or"]: "Or",
    SH["and"]: "And",
    SH["not"]: "Not",
    SH.node: "Node",
}


# --------------------------------------------------------------------------- data index


class DataIndex:
    """The data graph indexed once: subject → predicate → objects, and types."""

    def __init__(self, graph: rdflib.Graph) -> None:
        spo: dict = {}
        for s, p, o in graph:
            po = spo.get(s)
            if po is None:
                po = spo[s] = {}
            objs = po.get(p)
            if objs is None:
                po[p] = [o]
            else:
                objs.append(o)
        self.spo = spo
        self.size = len(graph)
        # rdfs:subClassOf in the data, as pyshacl reads it for targets and sh:class
        sub: dict = {}
        for s, po in spo.items():
            for o in po.get(RDFS.subClassOf, ()):
                sub.setdefault(s, set()).add(o)
        self._super = sub
        self._closure: dict = {}

    def objects(self, s: rdflib.term.Node, p: URIRef) -> list:
        po = self.spo.get(s)
        if po is None:
            return []
        return po.get(p, [])

    def superclasses(self, cls: rdflib.term.Node) -> set:
        """``cls`` and everything it is a (transitive) rdfs:subClassOf of."""
        found = self._closure.get(cls)
        if found is None:
            found = {cls}
            todo = [cls]
            while todo:
                for sup in self._super.get(todo.pop(), ()):
                    if sup not in found:
                        found.add(sup)
                        todo.append(sup)
            self._closure[cls] = found
        return found

    def is_instance(self, node: rdflib.term.Node, cls: rdflib.term.Node) -> bool:
        types = self.objects(node, RDF.type)
        if not self._super:
            return cls in types
        return any(cls in self.superclasses(t) for t in types)

    def instances(self, cls: rdflib.term.Node) -> list:
        out = []
        for s, po in self.spo.items():
            types = po.get(RDF.type)
            if types and (
                cls in types if not self._super else any(cls in self.superclasses(t) for t in types)
            ):
                out.append(s)
        return out

    def instances_of(self, classes: Iterable[rdflib.term.Node]) -> dict:
        """class → its instances, for many classes in one pass over the subjects."""
        wanted = set(classes)
        out: dict = {c: [] for c in wanted}
        for s, po in self.spo.items():
            types = po.get(RDF.type)
            if not types:
                continue
            seen = set()
            for t in types:
                for c in self.superclasses(t) if self._super else (t,):
                    if c in wanted and c not in seen:
                        seen.add(c)
                        out[c].append(s)
        return out


# --------------------------------------------------------------------------- compiled shapes


@dataclass
class Shape:
    node: rdflib.term.Node
    severity: URIRef = SH.Violation
    messages: dict[str, str] = field(default_factory=dict)
    path: tuple[URIRef, ...] | None = None  # None: a node shape
    targets: tuple[rdflib.term.Node, ...] = ()
    checks: list[tuple[str, Callable]] = field(default_factory=list)

    @property
    def path_text(self) -> str | None:
        return SEQUENCE_SEPARATOR.join(str(p) for p in self.path) if self.path else None

    @property
    def allows_conform(self) -> bool:
        """pyshacl with allow_warnings: a Warning/Info shape never fails conformance."""
        return self.severity in (SH.Warning, SH.Info)


@dataclass(frozen=True)
class Finding:
    """One result before it becomes a ValidationResult."""

    shape: Shape
    component: str
    focus: rdflib.term.Node
    value: rdflib.term.Node | None


class Evaluator:
    """Compiled shapes, ready to run on data indexes."""

    def __init__(self, top: list[Shape]) -> None:
        self.top = top

    # ---------------------------------------------------------------- evaluation

    def value_nodes(self, shape: Shape, index: DataIndex, focus: rdflib.term.Node) -> list:
        if shape.path is None:
            return [focus]
        nodes = [focus]
        for p in shape.path:
            nxt: dict = {}
            for n in nodes:
                for o in index.objects(n, p):
                    nxt[o] = None
            nodes = list(nxt)
        return nodes

    def evaluate(
        self, shape: Shape, index: DataIndex, focus: rdflib.term.Node, out: list[Finding]
    ) -> bool:
        """Append the findings of ``shape`` on ``focus`` to ``out``; True when it conforms
        (no sh:Violation among its findings, or the shape is a Warning/Info shape)."""
        values = self.value_nodes(shape, index, focus)
        start = len(out)
        for _, check in shape.checks:
            check(index, focus, values, out)
        if shape.allows_conform:
            return True
        return not any(f.shape.severity not in (SH.Warning, SH.Info) for f in out[start:])

    def conforms_on(self, shape: Shape, index: DataIndex, node: rdflib.term.Node) -> bool:
        return self.evaluate(shape, index, node, [])

    def run(
        self, index: DataIndex, focus_nodes: Iterable[str] | None = None
    ) -> tuple[bool, list[Finding]]:
        wanted = None if focus_nodes is None else {URIRef(n) for n in focus_nodes}
        classes = {c for s in self.top for c in s.targets}
        instances = index.instances_of(classes)
        findings: list[Finding] = []
        conforms = True
        for shape in self.top:
            focus: dict = {}
            for c in shape.targets:
                for n in instances.get(c, ()):
                    focus[n] = None
            for n in focus:
                if wanted is not None and (not isinstance(n, URIRef) or n not in wanted):
                    continue
                if not self.evaluate(shape, index, n, findings):
                    conforms = False
        return conforms, findings


# --------------------------------------------------------------------------- compiling


def _literal_value_ok(v: Literal, dtype: URIRef) -> bool:
    """pyshacl's check that a literal's value really is of its datatype."""
    value = v.value
    if dtype in (XSD.string, RDF.langString):
        return isinstance(value, str | bytes)
    if dtype == XSD.integer:
        return isinstance(value, int)
    if dtype == XSD.float:
        return isinstance(value, float)
    if dtype == XSD.decimal:
        return isinstance(value, Decimal)
    if dtype == XSD.boolean:
        return isinstance(value, bool)
    if dtype == XSD.date:
        return isinstance(value, date)
    if dtype == XSD.time:
        return isinstance(value, time)
    if dtype == XSD.dateTime:
        return isinstance(value, datetime)
    return True


def datatype_matches(v: rdflib.term.Node, dtype: URIRef) -> bool:
    if not isinstance(v, Literal):
        return False
    if v.datatype == dtype:
        return getattr(v, "ill_typed", None) is not True and _literal_value_ok(v, dtype)
    if dtype == RDFS.Literal:
        return True
    if dtype == RDFS.Datatype and v.datatype:
        return True
    if v.datatype is None and v.language is None and dtype == XSD.string:
        return _literal_value_ok(v, dtype)
    if dtype == RDF.langString and v.language:
        return _literal_value_ok(v, dtype)
    return False


def _string_of(v: rdflib.term.Node) -> str:
    if isinstance(v, Literal):
        if v.value is not None and v.datatype in (None, RDF.langString, XSD.string):
            return str(v.value)
        return str(v)
    return str(v)


def _compare(v: Literal, bound: Literal) -> int | None:
    """pyshacl's literal order: -1, 0, 1, or None when the two cannot be compared."""
    try:
        if v.eq(bound):
            return 0
        if type(v.value) in (datetime, time):
            if v.value == bound.value:
                return 0
            if v.value > bound.value:
                return 1
        elif v > bound:
            return 1
        return -1
    except (TypeError, NotImplementedError):
        return None


class _Compiler:
    def __init__(self, sg: rdflib.Graph) -> None:
        self.sg = sg
        self.shapes: dict = {}

    def one(self, node: rdflib.term.Node, p: URIRef) -> rdflib.term.Node | None:
        values = list(self.sg.objects(node, p))
        if len(values) > 1:
            raise Unsupported(f"{node} has more than one {_short(str(p))}")
        return values[0] if values else None

    def items(self, lst: rdflib.term.Node) -> list:
        if lst != RDF.nil and self.sg.value(lst, RDF.first) is None:
            raise Unsupported(f"{lst} is not an RDF list")
        return list(Collection(self.sg, lst))

    def path(self, node: rdflib.term.Node) -> tuple[URIRef, ...]:
        p = self.one(node, SH.path)
        if isinstance(p, URIRef):
            return (p,)
        if p is not None and self.sg.value(p, RDF.first) is not None:
            items = self.items(p)
            if items and all(isinstance(i, URIRef) for i in items):
                return tuple(items)
        raise Unsupported(f"{node}: only predicate and sequence paths are implemented")

    def shape(self, node: rdflib.term.Node) -> Shape:
        if node in self.shapes:
            return self.shapes[node]
        sg = self.sg
        for p, o in sg.predicate_objects(node):
            if p == SH.deactivated and o == Literal(True):
                raise Unsupported(f"{node}: sh:deactivated is not implemented")
            if p == SH.closed and o != Literal(False):
                raise Unsupported(f"{node}: sh:closed true is not implemented")
            if str(p).startswith(str(SH)) and p not in _IGNORED and p not in _SUPPORTED:
                raise Unsupported(f"{node}: {_short(str(p))} is not implemented")
        severity = self.one(node, SH.severity) or SH.Violation
        if severity not in SEVERITY_NAMES:
            raise Unsupported(f"{node}: severity {severity}")
        messages = {}
        for m in sg.objects(node, SH.message):
            if not isinstance(m, Literal):
                raise Unsupported(f"{node}: a message that is not a literal")
            messages[m.language or ""] = str(m)
        path = self.path(node) if (node, SH.path, None) in sg else None
        shape = Shape(
            node=node,
            severity=severity,
            messages=messages,
            path=path,
            targets=tuple(sg.objects(node, SH.targetClass)),
        )
        self.shapes[node] = shape  # before the checks: recursive shapes end here
        shape.checks = self.checks(shape)
        return shape

    def checks(self, shape: Shape) -> list[tuple[str, Callable]]:
        sg, node = self.sg, shape.node
        out: list[tuple[str, Callable]] = []
        params = {p for p in sg.predicates(node)}
        is_property = shape.path is not None

        def add(param: URIRef, fn: Callable) -> None:
            out.append((_COMPONENT[param], fn))

        def report(param: URIRef) -> Callable:
            component = "sh:" + _COMPONENT[param] + "ConstraintComponent"
            return lambda focus, value, found: found.append(Finding(shape, component, focus, value))

        if SH.minCount in params:
            n = int(self.one(node, SH.minCount).value)  # type: ignore[union-attr]
            r = report(SH.minCount)
            add(SH.minCount, lambda ix, f, vs, found: len(vs) < n and r(f, None, found))
        if SH.maxCount in params:
            n2 = int(self.one(node, SH.maxCount).value)  # type: ignore[union-attr]
            r2 = report(SH.maxCount)
            add(SH.maxCount, lambda ix, f, vs, found: len(vs) > n2 and r2(f, None, found))
        if SH.datatype in params:
            dtype = self.one(node, SH.datatype)
            r3 = report(SH.datatype)

            def datatype(ix, f, vs, found, dtype=dtype, r=r3):  # type: ignore[no-untyped-def]
                for v in vs:
                    if not datatype_matches(v, dtype):
                        r(f, v, found)

            add(SH.datatype, datatype)
        if SH["class"] in params:
            classes = list(sg.objects(node, SH["class"]))
            r4 = report(SH["class"])

            def klass(ix, f, vs, found, classes=classes, r=r4):  # type: ignore[no-untyped-def]
                for c in classes:
                    for v in vs:
                        if isinstance(v, Literal) or not ix.is_instance(v, c):
                            r(f, v, found)

            add(SH["class"], klass)
        if SH.nodeKind in params:
            kinds = _NODE_KINDS.get(self.one(node, SH.nodeKind))  # type: ignore[arg-type]
            if kinds is None:
                raise Unsupported(f"{node}: unknown sh:nodeKind")
            r5 = report(SH.nodeKind)

            def nodekind(ix, f, vs, found, kinds=kinds, r=r5):  # type: ignore[no-untyped-def]
                for v in vs:
                    if not isinstance(v, kinds):
                        r(f, v, found)

            add(SH.nodeKind, nodekind)
        if SH["in"] in params:
            allowed = set()
            for lst in sg.objects(node, SH["in"]):
                allowed.update(self.items(lst))
            r6 = report(SH["in"])

            def in_(ix, f, vs, found, allowed=allowed, r=r6):  # type: ignore[no-untyped-def]
                for v in vs:
                    if v not in allowed:
                        r(f, v, found)

            add(SH["in"], in_)
        if SH.pattern in params:
            flags = 0
            flag_values = list(sg.objects(node, SH.flags))
            if flag_values:
                text = str(flag_values[0]).lower()
                flags = (re.I if "i" in text else 0) | (re.M if "m" in text else 0)
            patterns = []
            for p in sg.objects(node, SH.pattern):
                source = str(p.value) if p.value is not None and len(p.value) > 1 else str(p)
                patterns.append(re.compile(source, flags))
            r7 = report(SH.pattern)

            def pattern(ix, f, vs, found, patterns=patterns, r=r7):  # type: ignore[no-untyped-def]
                for rx in patterns:
                    for v in vs:
                        if isinstance(v, BNode) or not rx.search(_string_of(v)):
                            r(f, v, found)

            add(SH.pattern, pattern)
        if SH.languageIn in params:
            langs = set()
            for lst in sg.objects(node, SH.languageIn):
                langs.update(str(x).lower() for x in self.items(lst))
            r8 = report(SH.languageIn)

            def language_in(ix, f, vs, found, langs=langs, r=r8):  # type: ignore[no-untyped-def]
                for v in vs:
                    lang = v.language if isinstance(v, Literal) else None
                    ok = bool(lang) and (
                        "*" in langs or lang.lower() in langs or lang.split("-")[0].lower() in langs
                    )
                    if not ok:
                        r(f, v, found)

            add(SH.languageIn, language_in)
        if SH.uniqueLang in params and self.one(node, SH.uniqueLang) == Literal(True):
            r9 = report(SH.uniqueLang)

            def unique_lang(ix, f, vs, found, r=r9):  # type: ignore[no-untyped-def]
                seen, dup = set(), set()
                for v in vs:
                    if isinstance(v, Literal) and v.language:
                        low = v.language.lower()
                        (dup if low in seen else seen).add(low)
                for _ in dup:
                    r(f, None, found)

            add(SH.uniqueLang, unique_lang)
        if SH.hasValue in params:
            wanted = list(sg.objects(node, SH.hasValue))
            r10 = report(SH.hasValue)

            def has_value(ix, f, vs, found, wanted=wanted, r=r10):  # type: ignore[no-untyped-def]
                for w in wanted:
                    if w not in vs:
                        r(f, None, found)

            add(SH.hasValue, has_value)
        if SH.equals in params:
            others = list(sg.objects(node, SH.equals))
            if not all(isinstance(o, URIRef) for o in others):
                raise Unsupported(f"{node}: sh:equals with a path")
            r11 = report(SH.equals)

            def equals(ix, f, vs, found, others=others, r=r11):  # type: ignore[no-untyped-def]
                mine = set(vs)
                for other in others:
                    theirs = set(ix.objects(f, other))
                    for v in mine - theirs:
                        r(f, v, found)
                    for v in theirs - mine:
                        r(f, v, found)

            add(SH.equals, equals)
        if SH.lessThanOrEquals in params:
            if not is_property:
                raise Unsupported(f"{node}: sh:lessThanOrEquals on a node shape")
            others = list(sg.objects(node, SH.lessThanOrEquals))
            r12 = report(SH.lessThanOrEquals)

            def ltoe(ix, f, vs, found, others=others, r=r12):  # type: ignore[no-untyped-def]
                for other in others:
                    theirs = set(ix.objects(f, other))
                    for v in dict.fromkeys(vs):
                        for t in theirs:  # pyshacl: one result per failing pair
                            if not _less_or_equal(v, t):
                                r(f, v, found)

            add(SH.lessThanOrEquals, ltoe)
        for param, ok in ((SH.minInclusive, lambda c: c >= 0),):
            if param not in params:
                continue
            bounds = list(sg.objects(node, param))
            if not all(isinstance(b, Literal) for b in bounds):
                raise Unsupported(f"{node}: {_short(str(param))} with a non-literal")
            r13 = report(param)

            def in_range(ix, f, vs, found, bounds=bounds, ok=ok, r=r13):  # type: ignore[no-untyped-def]
                for b in bounds:
                    b_is_string = isinstance(b.value, str)
                    for v in vs:
                        passed = False
                        if isinstance(v, Literal) and isinstance(v.value, str) == b_is_string:
                            c = _compare(v, b)
                            passed = c is not None and ok(c)
                        if not passed:
                            r(f, v, found)

            add(param, in_range)
        for param in (SH["or"], SH["and"]):
            if param not in params:
                continue
            groups = [[self.shape(m) for m in self.items(lst)] for lst in sg.objects(node, param)]
            r14 = report(param)
            need_all = param == SH["and"]

            def logical(ix, f, vs, found, groups=groups, r=r14, need_all=need_all):  # type: ignore[no-untyped-def]
                for members in groups:
                    for v in vs:
                        results = (self.conforms_on(m, ix, v) for m in members)
                        if not (all(results) if need_all else any(results)):
                            r(f, v, found)

            add(param, logical)
        for param in (SH["not"], SH.node):
            if param not in params:
                continue
            members = [self.shape(m) for m in sg.objects(node, param)]
            r15 = report(param)
            negate = param == SH["not"]

            def single(ix, f, vs, found, members=members, r=r15, negate=negate):  # type: ignore[no-untyped-def]
                for m in members:
                    for v in vs:
                        if self.conforms_on(m, ix, v) == negate:
                            r(f, v, found)

            add(param, single)
        if SH.property in params:
            props = [self.shape(p) for p in sg.objects(node, SH.property)]
            for p in props:
                if p.path is None:
                    raise Unsupported(f"{p.node}: a property shape without sh:path")

            def properties(ix, f, vs, found, props=props):  # type: ignore[no-untyped-def]
                for p in props:
                    for v in vs:
                        self.evaluate(p, ix, v, found)

            out.append(("Property", properties))
        # reportable shapes need their messages: pyshacl would make generic ones
        if (
            any(name != "Property" for name, _ in out)
            and not shape.messages
            and not isinstance(node, BNode)
        ):
            raise Unsupported(f"{node}: no sh:message (pyshacl writes generic messages)")
        return out

    # the checks call back into nested shapes with the evaluator's own logic
    evaluate = Evaluator.evaluate
    conforms_on = Evaluator.conforms_on
    value_nodes = Evaluator.value_nodes


def _less_or_equal(v: rdflib.term.Node, t: rdflib.term.Node) -> bool:
    """pyshacl's sh:lessThanOrEquals comparison of one pair."""
    if isinstance(v, BNode) or isinstance(t, BNode):
        return False
    v_string = isinstance(v, URIRef) or (isinstance(v, Literal) and isinstance(v.value, str))
    t_string = isinstance(t, URIRef) or (isinstance(t, Literal) and isinstance(t.value, str))
    if v_string != t_string:
        return False
    a = str(v) if isinstance(v, URIRef) else (v.value if v_string else v)
    b = str(t) if isinstance(t, URIRef) else (t.value if t_string else t)
    try:
        return bool(a <= b)
    except TypeError:
        return False


def compile_shapes(sg: rdflib.Graph) -> Evaluator:
    """Compile the shapes graph; :class:`Unsupported` when it needs what is not here."""
    for p in (
        SH.targetNode,
        SH.targetSubjectsOf,
        SH.targetObjectsOf,
        SH.target,
        SH.sparql,
        SH.rule,
        SH.js,
        SH.qualifiedValueShape,
        SH.xone,
        SH.disjoint,
        SH.lessThan,
        SH.minLength,
        SH.maxLength,
    ):
        if (None, p, None) in sg:
            raise Unsupported(f"{_short(str(p))} is not implemented")
    # implicit class targets: a shape that is also an rdfs:Class
    for t in _SHAPE_TYPES:
        for s in sg.subjects(RDF.type, t):
            if (s, RDF.type, RDFS.Class) in sg:
                raise Unsupported(f"{s}: implicit class targets are not implemented")
    compiler = _Compiler(sg)
    top = [compiler.shape(s) for s in sorted(set(sg.subjects(SH.targetClass, None)), key=str)]
    return Evaluator(top)


def to_results(findings: Sequence[Finding]) -> list[ValidationResult]:
    out = []
    for f in findings:
        value = f.value
        out.append(
            ValidationResult(
                severity=SEVERITY_NAMES.get(f.shape.severity, "Violation"),
                focus=str(f.focus),
                path=f.shape.path_text,
                value=str(value) if value is not None else None,
                messages=dict(f.shape.messages) or {"": "constraint violated"},
                shape=str(f.shape.node) if isinstance(f.shape.node, URIRef) else None,
                constraint=f.component,
                value_n3=value.n3() if isinstance(value, URIRef | Literal) else None,
            )
        )
    out.sort(key=result_key)
    return out


def validate(
    evaluator: Evaluator, data: rdflib.Graph, focus_nodes: Iterable[str] | None = None
) -> tuple[bool, list[ValidationResult]]:
    """Run compiled shapes on ``data``: (conforms, results sorted as validate_graph sorts)."""
    conforms, findings = evaluator.run(DataIndex(data), focus_nodes)
    return conforms, to_results(findings)


__all__ = [
    "DataIndex",
    "Evaluator",
    "Unsupported",
    "compile_shapes",
    "datatype_matches",
    "to_results",
    "validate",
]
