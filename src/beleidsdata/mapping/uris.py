"""The only place that mints IRIs.

Things are named ``{base}/id/{kind}/{natural key}`` from what the text itself says (a
section number, a decision date and title, a speerpunt number), never from counters or
ingest order, so re-running the pipeline on the same text gives the same IRIs byte for
byte, and an IRI does not change when an unrelated part of a document changes. Nodes that
only exist inside another resource (an amount, a provenance record) get ``#fragment`` IRIs
under their owner; no blank nodes are ever published.

Concepts of our own concept schemes (document kinds, realisation status, subdivision types)
are vocabulary, not data: their IRIs do not depend on the deployment's base IRI.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote

from .terms import IRI

# Fixed, deployment-independent IRIs of our vocabulary and concept schemes.
VOCAB_BASE = "https://w3id.org/beleidsdata"
CONCEPT_BASE = f"{VOCAB_BASE}/concept"

# The bodies that decide and pass what we publish. The Flemish Government is the body
# Kaleidos/Themis publish; the Parliament has no published IRI we know of, so it is ours,
# described in vocab/organisaties.ttl.
VLAAMSE_REGERING = IRI(
    "http://themis.vlaanderen.be/id/bestuursorgaan/7f2c82aa-75ac-40f8-a6c3-9fe539163025"
)
VLAAMS_PARLEMENT = IRI(f"{VOCAB_BASE}/id/bestuursorgaan/vlaams-parlement")

DEFAULT_BASE = "http://localhost:8000"

# Entity kinds: the first path segment under /id/ (the collections /{kind}, the views of
# the stream). Modules outside mapping/ name them through these constants.
AGREEMENT = "regeerakkoord"
DECISION = "beslissing"
EVALUATION = "evaluatie"
STRATEGY = "strategie"


def slug(text: str, max_words: int = 12) -> str:
    """A lowercase ASCII path segment: accents dropped, words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words[:max_words]) or "naamloos"


def normalise_title(text: str) -> str:
    """The form of a title that identity is computed from: case, accents, quotes,
    punctuation and whitespace do not matter."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))


def short_hash(text: str, length: int = 10) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def concept(scheme: str, code: str) -> IRI:
    return IRI(f"{CONCEPT_BASE}/{scheme}/{code}")


def concept_scheme(scheme: str) -> IRI:
    return IRI(f"{CONCEPT_BASE}/{scheme}")


def fragment(owner: str, name: str) -> IRI:
    """A node that only exists inside ``owner`` (an amount, a provenance record)."""
    return IRI(f"{owner}#{name}")


class Minter:
    """Mints the IRIs of one deployment (its base IRI) from natural keys."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        base = base.rstrip("/")
        if not re.match(r"^https?://[^\s/]+", base):
            raise ValueError(f"the base IRI must be an absolute http(s) IRI, got {base!r}")
        self.base = base
        self.id_root = f"{base}/id/"

    def _id(self, *segments: str) -> IRI:
        return IRI(self.id_root + "/".join(quote(s, safe="-._~") for s in segments))

    # Documents as read from disk.
    def source(self, stem: str) -> IRI:
        return self._id("bron", slug(stem, max_words=20))

    # Coalition agreement (regeerakkoord) and its sections.
    def agreement(self, period: str) -> IRI:
        return self._id(AGREEMENT, period)

    def agreement_section(self, period: str, number: str) -> IRI:
        return self._id(AGREEMENT, period, "sectie", number)

    # Government decisions: date plus the Kaleidos id or a hash of the normalised title.
    def decision(self, date: str, key: str) -> IRI:
        return self._id(DECISION, date, key)

    @staticmethod
    def decision_key(title: str) -> str:
        return short_hash(normalise_title(title))

    # The government's list of the decisions of one meeting.
    def decision_list(self, date: str) -> IRI:
        return self._id("beslissingenlijst", date)

    # Evaluation reports and their findings.
    def evaluation(self, key: str) -> IRI:
        return self._id(EVALUATION, key)

    def finding(self, evaluation: IRI, number: int) -> IRI:
        return IRI(f"{evaluation}/bevinding/{number}")

    # Strategy documents and their parts.
    def strategy(self, name: str) -> IRI:
        return self._id(STRATEGY, slug(name))

    def subdivision(self, owner: IRI, kind: str, number: str | int) -> IRI:
        """A numbered part of a work: ``{owner}/{kind}/{number}`` (speerpunt/2.3, actiepunt/4)."""
        return self.child(owner, kind, str(number))

    @staticmethod
    def child(owner: str, *segments: str) -> IRI:
        """A part named by the path below its owner (``…/verzoek/1/b/iii``)."""
        return IRI("/".join([owner, *(quote(s, safe="-._~") for s in segments)]))

    # Parliament texts.
    def resolution(self, kind: str, key: str) -> IRI:
        return self._id(kind, key)

    # Communications to the government.
    def communication(self, doc_type: str, key: str) -> IRI:
        return self._id(doc_type, key)

    # People and their mandates.
    def person(self, name: str) -> IRI:
        return self._id("persoon", slug(name))

    def mandate(self, portfolio: str) -> IRI:
        return self._id("mandaat", short_hash(normalise_title(portfolio)))

    def mandatary(self, name: str, portfolio: str) -> IRI:
        return self._id("mandataris", slug(name), short_hash(normalise_title(portfolio)))

    # Who published a version (a token's name, or "lokaal" for the command line): an
    # agent described by the event stream, not an entity of the data.
    def publisher(self, name: str) -> IRI:
        return IRI(f"{self.base}/ldes/uitgever/{slug(name)}")

    # Reading IRIs back.
    def is_ours(self, iri: str) -> bool:
        return iri.startswith(self.id_root)

    def path_of(self, iri: str) -> str:
        """``{base}/id/beslissing/x`` → ``beslissing/x`` (the part after /id/)."""
        if not self.is_ours(iri):
            raise ValueError(f"{iri} is not an IRI of {self.base}")
        return iri[len(self.id_root) :].split("#", 1)[0]

    def iri_of(self, path: str) -> IRI:
        return IRI(self.id_root + path)

    def doc_url(self, iri: str) -> str:
        return f"{self.base}/doc/{self.path_of(iri)}"

    @staticmethod
    def kind_of_path(path: str) -> str:
        return path.split("/", 1)[0]
