"""The validation pages: the HTML report, and the form that shows one.

The command line (``beleidsdata validate --format html``) and the validation service
render the same report; it lives in the site stage so that the CLI prints it without
importing the API. What the templates show is built in
:func:`beleidsdata.validation.report_view.view`; the words come from :mod:`.i18n`.
"""

from __future__ import annotations

from ..validation import ValidationReport, areas
from ..validation.inputs import FORMAT_NAMES
from ..validation.report_view import view as report_view
from .render import render

FORM_PATH = "/validate"


def report_html(report: ValidationReport, lang: str = "nl", severity: str = "Info") -> bytes:
    """The HTML report as a page of its own."""
    return render("report.html.j2", lang=lang, report=report_view(report, lang), severity=severity)


def form_html(
    lang: str,
    *,
    report: ValidationReport | None = None,
    error: str | None = None,
    chosen: tuple[str, ...] = (),
    text: str = "",
    fetch: bool = False,
    severity: str = "Info",
) -> bytes:
    """The validation form (it works without JavaScript), with the report of what was
    just validated below it, or the error that stopped it."""
    return render(
        "validate.html.j2",
        lang=lang,
        areas=areas(),
        path=FORM_PATH,
        chosen=list(chosen),
        error=error,
        text=text,
        fetch=fetch,
        formats=[("auto", None), *FORMAT_NAMES.items(), ("text", None)],
        report=report_view(report, lang) if report else None,
        severity=severity,
    )


__all__ = ["form_html", "report_html"]
