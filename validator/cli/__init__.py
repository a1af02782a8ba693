"""The command line (SPEC section 7). Thin: settings and flags in, then
discover -> batch -> formatter -> exit status.

    validate PATH...                 check files, folders and globs (the `check` command)
    validate inspect FILE...         what was read and understood, without rules
    validate rules [explain ID]      the loaded rules
    validate schema                  the JSON Schema of `--format json`
    validate reply PATH... -d DIR    draft reply letters for the non-compliant documents
    validate serve                   the web pages and HTTP API

Exit status: 0 all compliant or not applicable, 1 a non-compliant document (see --fail-on),
2 usage, settings or rule-pack error, 3 an unreadable document (3 wins over 1).
Messages are Vietnamese unless --lang en; a traceback only with VALIDATOR_DEBUG=1.
"""


from validator.cli import check, inspect, reply, rules, schema, serve  # noqa: F401
from validator.cli.app import cli, main

__all__ = ["cli", "main"]
