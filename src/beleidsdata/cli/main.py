"""The ``beleidsdata`` command group and its entry point."""

from __future__ import annotations

import sys

import click

from .. import __version__, kinds
from .common import EXIT_USAGE


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="beleidsdata")
def main() -> None:
    """Flemish government policy documents as linked open data.

    beleidsdata reads policy texts (coalition-agreement sections, the Vlaamse Digitale
    Strategie, government decisions cited in evaluation reports, Parliament resolutions,
    communications to the government), maps them to RDF with the OSLO vocabularies and
    ELI, validates them with SHACL and publishes them: plain JSON-LD per resource, Turtle,
    N-Triples, HTML pages and a Linked Data Event Stream (LDES) of every change.

    \b
    Typical use:
      beleidsdata serve                          # samples on http://127.0.0.1:8000
      beleidsdata convert doc.txt --format ttl   # one document to Turtle
      beleidsdata validate data.ttl              # check data against our shapes
      beleidsdata ingest docs/ --db store.sqlite # add or update documents
      beleidsdata export --db store.sqlite -o backup/   # a lossless backup

    \b
    Exit codes: 0 done (validate: conforms), 1 does not conform to the shapes,
    2 unreadable or unrecognised input, a usage error, or a store that cannot be
    used as asked (not a beleidsdata store; an older schema: run 'beleidsdata db
    upgrade'), nothing was changed; 3 the store is busy (another writer; see --wait).
    """


main.help = (main.help or "") + (
    "\n\n\b\nDocument kinds:\n"
    + "\n".join(
        f"  {k.key:<{max(len(k.key) for k in kinds.all_kinds()) + 2}}{k.label.en}"
        for k in kinds.all_kinds()
    )
    + "\n\n\b\nProfile areas (validate --area):\n  "
    + ", ".join(kinds.areas())
)


def run(args: list[str] | None = None) -> None:
    """The console entry point: usage errors as one line, exit code 2, no traceback."""
    from . import admin, convert, ingest, serve  # noqa: F401  (register the commands)

    try:
        code = main.main(args=args, prog_name="beleidsdata", standalone_mode=False)
    except click.UsageError as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":  # plain `beleidsdata`: the manual
            click.echo(exc.format_message())
            sys.exit(0)
        hint = (
            f" (see 'beleidsdata {exc.ctx.info_name} --help')"
            if exc.ctx and exc.ctx.parent
            else " (see 'beleidsdata --help')"
        )
        click.echo(f"error: {exc.format_message()}{hint}", err=True)
        sys.exit(EXIT_USAGE)
    except click.ClickException as exc:
        click.echo(f"error: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)
