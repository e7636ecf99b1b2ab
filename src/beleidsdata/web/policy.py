"""What every answer tells a browser about how to treat it, and how data goes into a
``<script>`` element: defined here once, for the service and the static site alike.

A title or body is whatever a source document holds. Escaped by the templates it cannot
open a tag; inside the JSON-LD ``<script>`` block, though, the HTML parser looks for
``</script>`` and (in its "script data escaped" states) for ``<!--`` and ``<script``
without regard to JSON strings, so one title could swallow the rest of the page.
:func:`script_json` writes those characters as JSON escapes, which a JSON parser reads
back unchanged. The headers then keep anything that did get through from running:
no inline script (``script-src 'self'``), no framing, no sniffing a type.
"""

from __future__ import annotations

from markupsafe import Markup

#: The Content-Security-Policy of every answer: our own scripts, styles and images only;
#: no inline script, no plugin, no framing, forms post to us.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)

#: Added to every HTTP answer (the API's outermost layer); a route may set its own
#: Content-Security-Policy, which is then kept.
HEADERS: dict[str, str] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",  # frame-ancestors for browsers that predate it
    "Referrer-Policy": "strict-origin-when-cross-origin",
}

_SCRIPT_ESCAPES = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def script_json(document: str | bytes) -> Markup:
    """JSON made safe to put inside a ``<script>`` element. ``<``, ``>`` and ``&`` only
    occur inside JSON strings, where ``\\u003c`` means the same; U+2028/2029 end a line
    in older JavaScript."""
    text = document.decode() if isinstance(document, bytes) else document
    return Markup(text.translate(_SCRIPT_ESCAPES))


__all__ = ["CONTENT_SECURITY_POLICY", "HEADERS", "script_json"]
