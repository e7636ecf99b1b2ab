"""People named in documents, as OSLO publishes them: a ``person:Person``, and where the
text names the office they act in, a ``mandaat:Mandataris`` (the person holding it) that
``org:holds`` a ``mandaat:Mandaat`` (the office, labelled as the text names it).

The same office is held by different people over time, so a mandataris is named by
person *and* office. Ministers signing a communication, the proposers in a decision list,
the officers signing a Parliament text all go through here.
"""

from __future__ import annotations

from ..sources.base import Span
from . import terms
from .common import Origin
from .graph import GraphBuilder
from .namespaces import FOAF, MANDAAT, ORG, PERSON, PERSOON, RDFS
from .terms import IRI


def person(
    out: GraphBuilder, origin: Origin, name: str, given: str, family: str, span: Span | None
) -> IRI:
    """A person by name (display form, given and family name)."""
    iri = out.minter.person(name)
    out.add_types(iri, PERSON.Person)
    out.add(iri, FOAF.name, terms.string(name))
    out.add(iri, FOAF.familyName, terms.string(family))
    out.add(iri, PERSOON.gebruikteVoornaam, terms.string(given))
    origin.attach(out, iri, span)
    return iri


def mandatary(
    out: GraphBuilder,
    origin: Origin,
    name: str,
    given: str,
    family: str,
    office: str,
    span: Span | None,
) -> IRI:
    """The person acting in an office (a portfolio, "voorzitter van het Vlaams Parlement")."""
    who = person(out, origin, name, given, family, span)
    mandate = out.minter.mandate(office)
    out.add_types(mandate, MANDAAT.Mandaat)
    out.add(mandate, RDFS.label, terms.text(office))
    origin.attach(out, mandate, span)
    iri = out.minter.mandatary(name, office)
    out.add_types(iri, MANDAAT.Mandataris)
    out.add(iri, MANDAAT.isBestuurlijkeAliasVan, who)
    out.add(iri, ORG.holds, mandate)
    origin.attach(out, iri, span)
    return iri
