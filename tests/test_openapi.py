"""The OpenAPI description against the live server: every operation documented, its examples
real, and schemathesis finds no 5xx and no response that contradicts the schema."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from beleidsdata.api.collection_query import PARAMS
from support import LiveServer

PROBLEM = "application/problem+json"
# What "contradicts the schema" means: status codes, media types, headers and bodies that
# the description does not allow; plus no 5xx and a correct answer to undeclared methods.
# Not run: positive_data_acceptance / negative_data_rejection (they test how strict the
# server is with input, not what it answers: na/voor are opaque cursors, and a filter and
# its alias together are a 400 that a schema cannot express).
CHECKS = (
    "not_a_server_error,status_code_conformance,content_type_conformance,"
    "response_headers_conformance,response_schema_conformance,unsupported_method"
)
SECONDS = int(os.environ.get("BELEIDSDATA_SCHEMATHESIS_SECONDS", "60"))
# A longer run: BELEIDSDATA_SCHEMATHESIS_SECONDS=600 BELEIDSDATA_SCHEMATHESIS_EXAMPLES=200
EXAMPLES = os.environ.get("BELEIDSDATA_SCHEMATHESIS_EXAMPLES", "10")


@pytest.fixture(scope="module")
def spec(live_server: LiveServer) -> dict:
    response = httpx.get(live_server.url + "/openapi.json", timeout=30)
    assert response.status_code == 200
    return response.json()


def operations(spec: dict) -> list[tuple[str, str, dict]]:
    return [(method, path, op) for path, ops in spec["paths"].items() for method, op in ops.items()]


def test_every_operation_is_documented(spec: dict) -> None:
    tags = {t["name"] for t in spec["tags"]}
    assert "Problem" in spec["components"]["schemas"]
    assert "HTTPValidationError" not in spec["components"]["schemas"]
    for method, path, op in operations(spec):
        where = f"{method.upper()} {path}"
        assert op.get("summary") and op.get("description"), where
        assert op["tags"] and set(op["tags"]) <= tags, where
        # we send 400 for a bad request; 422 only where data does not conform
        assert "422" not in op["responses"] or path in ("/validate", "/bronnen"), where
        assert "429" in op["responses"], where
        for name, param in ((p["name"], p) for p in op.get("parameters", [])):
            assert param.get("description"), (where, name)
            assert param.get("schema"), (where, name)
        for status, response in op["responses"].items():
            assert response.get("description"), (where, status)
            if status.startswith(("4", "5")) and path != "/validate":
                assert response["content"][PROBLEM]["schema"] == {
                    "$ref": "#/components/schemas/Problem"
                }, (where, status)
            if status.startswith("2"):
                assert response.get("content"), (where, status)
    # only the media types really sent (no default application/json from FastAPI)
    for path in ("/context/v1.jsonld", "/catalog", "/ldes", "/developers", "/vocab/{name}"):
        assert (
            "application/json" not in spec["paths"][path]["get"]["responses"]["200"]["content"]
        ), path


def test_collection_filters_are_typed_parameters(spec: dict) -> None:
    op = spec["paths"]["/doc/{kind}"]["get"]
    params = {p["name"]: p for p in op["parameters"] if p["in"] == "query"}
    for p in PARAMS:
        assert p.name in params and p.alias in params, p.name
        assert p.alias in params[p.name]["description"]
    assert params["agendapunttype"]["schema"]["enum"] == ["nota", "mededeling"]
    assert params["aantal"]["schema"] == {
        "type": "integer",
        "minimum": 1,
        "maximum": 100,
        "default": 20,
    }
    assert set(op["responses"]["200"]["content"]) == {
        "application/ld+json",
        "application/json",
        "text/turtle",
        "application/n-triples",
        "application/rdf+xml",
        "text/html",
    }


def test_examples_are_real_data(live_server: LiveServer, spec: dict) -> None:
    """Every path-parameter example of /id, /doc and /ldes answers 200 (or 303 for /id), and
    every filter example of a collection gives a non-empty page."""
    checked = 0
    for method, path, op in operations(spec):
        for param in op.get("parameters", []):
            for example in param.get("examples", {}).values():
                if param["in"] != "path" or method != "get":
                    continue
                value = str(example["value"])
                filled = path.replace("{" + param["name"] + "}", value)
                for other in op["parameters"]:  # the other path parameters: first example
                    if other["in"] == "path" and other is not param:
                        first = next(iter(other["examples"].values()))["value"]
                        filled = filled.replace("{" + other["name"] + "}", str(first))
                r = httpx.get(live_server.url + filled, timeout=30)
                assert r.status_code in (200, 303), (filled, r.status_code, r.text[:200])
                checked += 1
    kinds = spec["paths"]["/doc/{kind}"]["get"]
    for param in kinds["parameters"]:
        for example in param.get("examples", {}).values():
            if param["in"] != "query":
                continue
            r = httpx.get(
                f"{live_server.url}/doc/beslissing"
                if param["name"] != "soort"
                else f"{live_server.url}/doc/strategie",
                params={param["name"]: example["value"]},
                headers={"Accept": "application/json"},
                timeout=30,
            )
            assert r.status_code == 200, (param["name"], r.text[:300])
            assert r.json()["leden"], param["name"]
            checked += 1
    assert checked >= 25


def test_fixes_found_by_schemathesis(live_server: LiveServer) -> None:
    # A page number beyond SQLite's integers was a 500.
    r = httpx.get(live_server.url + "/ldes/beslissing/pagina/190679312341172300139972263936")
    assert r.status_code == 404 and r.headers["content-type"] == PROBLEM
    # A 405 lost its Allow header in the problem+json handler.
    r = httpx.request("TRACE", live_server.url + "/ldes")
    assert r.status_code == 405 and "GET" in r.headers["allow"]


def test_schemathesis_finds_nothing(live_server: LiveServer, tmp_path: Path) -> None:
    import schemathesis  # noqa: F401  (a test dependency: missing is a failure)

    exe = Path(sys.executable).with_name("schemathesis")
    args = [
        str(exe) if exe.exists() else "schemathesis",
        "run",
        f"{live_server.url}/openapi.json",
        "--checks",
        CHECKS,
        "--max-examples",
        EXAMPLES,
        "--max-time",
        str(SECONDS),
        "--seed",
        "20240601",
        "--workers",
        "1",
        "--no-shrink",
        "--request-timeout",
        "20",
        "--report",
        "junit",
        "--report-dir",
        str(tmp_path),
    ]
    run = subprocess.run(
        args,
        capture_output=True,
        text=True,
        timeout=SECONDS + 240,
        cwd=tmp_path,
        env={**os.environ, "NO_COLOR": "1"},
    )
    out = run.stdout + run.stderr
    assert run.returncode == 0, out[-6000:]
    assert "passed" in out and "Server error" not in out
