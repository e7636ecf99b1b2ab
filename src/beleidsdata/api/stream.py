"""``/ldes``: the event stream, its views' trees and their pages, all stored bytes.

Ingest renders every node of the stream (see :mod:`beleidsdata.ldes.publish`); these
routes only negotiate and look up (:func:`~.stored.answer`), and
:class:`~.stored.StoredDocuments` answers the same requests before routing. The routes
are here for what the fast path leaves: their OpenAPI description, 406s and 404s.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import Response

from ..formats import registry
from . import openapi as oa
from .stored import answer

router = APIRouter(
    tags=["event stream"], default_response_class=Response, responses={304: oa.NOT_MODIFIED}
)

STREAM_TYPES = [f.media_type for f in registry.stream_formats()]
CONTENT = {
    **oa.media("application/ld+json", schema={"type": "object"}),
    **oa.media(*STREAM_TYPES[1:]),
}
TREE_PROFILE_DOC = (
    '`text/turtle;profile="https://w3id.org/tree/profile"` gives the TREE '
    "profile (members one after another). In N-Quads, TriG and JSON-LD each member's "
    "payload is in the named graph of its version IRI, exactly as `/doc` serves the "
    "thing; Turtle and N-Triples restate it about the version IRI."
)
NODE_RESPONSES: oa.Responses = {
    200: oa.ok(
        "A node of the view's tree. A full page followed by another, or a full branch, is "
        "`immutable` (cached for a year); roots, the open branch and the open page for 10 "
        "seconds.",
        CONTENT,
    ),
    404: oa.problem("No such view or node.", None, "/ldes/pagina/99", 404),
    406: oa.not_acceptable(STREAM_TYPES, "/ldes/pagina/1"),
}


def node_number(
    number: Annotated[
        int,
        Path(
            ge=1,
            le=2**62,
            description="Number of the page or branch, from 1.",
            openapi_examples=oa.examples(first=("The first", 1)),
        ),
    ],
) -> int:
    """The number of every page and branch route: one declaration, one description."""
    return number


Number = Annotated[int, Depends(node_number)]
VIEW = Path(
    description="`laatste` (the latest version of each thing) or a kind of thing such as "
    "`beslissing`, `regeerakkoord`, `evaluatie`, `strategie`.",
    openapi_examples=oa.examples(
        latest=("Latest versions", "laatste"), decisions=("Decisions", "beslissing")
    ),
)
View = Annotated[str, VIEW]


@router.get(
    "/ldes",
    summary="The event stream: what it is, its views, the kinds' streams",
    description="The `ldes:EventStream`: every create, change and removal of a thing is a "
    "member (a version IRI `{thing}/versie/{n}`). Lists its one `tree:view` "
    "(`/ldes/wortel`, a search tree of depth two: root → branches of 100 pages → pages), "
    "the latest-version view, the streams per kind, the member shape and every view's "
    "description. Replicate it with any LDES client. " + TREE_PROFILE_DOC,
    responses={200: oa.ok("The stream description.", CONTENT), 406: NODE_RESPONSES[406]},
)
def ldes_root(request: Request) -> Response:
    return answer(request, "/ldes")


@router.get("/ldes/wortel", summary="The root of the whole log's tree", responses=NODE_RESPONSES)
def time_root(request: Request) -> Response:
    return answer(request, "/ldes/wortel")


@router.get(
    "/ldes/tak/{number}", summary="A branch: 100 pages of the log", responses=NODE_RESPONSES
)
def time_branch(number: Number, request: Request) -> Response:
    return answer(request, f"/ldes/tak/{number}")


@router.get(
    "/ldes/pagina/{number}",
    summary="One page of the whole log, in time order",
    description="A page of the whole log in time order. " + TREE_PROFILE_DOC,
    responses=NODE_RESPONSES,
)
def time_page(number: Number, request: Request) -> Response:
    return answer(request, f"/ldes/pagina/{number}")


@router.get(
    "/ldes/{view}",
    summary="The stream of one kind of thing",
    description="The event stream of one kind of thing (`dct:isPartOf` `/ldes`), with its "
    "view `/ldes/{kind}/wortel`.",
    responses={
        200: oa.ok("The stream of that kind.", CONTENT),
        404: oa.problem("No stream of that kind.", None, "/ldes/x", 404),
        406: NODE_RESPONSES[406],
    },
)
def kind_stream(view: View, request: Request) -> Response:
    return answer(request, f"/ldes/{view}")


@router.get("/ldes/{view}/wortel", summary="The root of a view", responses=NODE_RESPONSES)
def view_root(view: View, request: Request) -> Response:
    return answer(request, f"/ldes/{view}/wortel")


@router.get("/ldes/{view}/tak/{number}", summary="A branch of a view", responses=NODE_RESPONSES)
def view_branch(view: View, number: Number, request: Request) -> Response:
    return answer(request, f"/ldes/{view}/tak/{number}")


@router.get(
    "/ldes/{view}/pagina/{number}",
    summary="One page of a view: 'laatste' (latest versions) or a kind",
    description="A page of the latest-version view (`laatste`, `ldes:versionAmount 1`; its "
    "page n holds the members of log page n that are still their thing's latest version) "
    "or of a kind's stream. " + TREE_PROFILE_DOC,
    responses=NODE_RESPONSES,
)
def view_page(view: View, number: Number, request: Request) -> Response:
    return answer(request, f"/ldes/{view}/pagina/{number}")


@router.get(
    "/ldes/uitgever/{name}",
    summary="Who published a version",
    description="The agent a member's `prov:wasAttributedTo` names: a publishing token's "
    "name, or `lokaal` for the command line.",
    responses=NODE_RESPONSES,
)
def publisher(name: str, request: Request) -> Response:
    return answer(request, f"/ldes/uitgever/{name}")
