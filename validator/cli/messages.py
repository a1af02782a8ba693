"""The command line's own messages, option help and metavars, written in English and translated
through the catalogue (validator.i18n); click's own strings go through the same catalogue."""

from __future__ import annotations

import click

from validator.i18n import N_, gettext_for

EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports it

MESSAGES: dict[str, str] = {
    "missing_path": N_("No such file or folder: {path}"),
    "no_documents": N_("There are no documents to check."),
    "pack_error": N_("Rule pack error: {error}"),
    "config_error": N_("Settings file error: {error}"),
    "usage": N_("Invalid command: {error}"),
    "help_hint": N_("See {prog} --help"),
    "internal": N_("Internal error ({error}). Set VALIDATOR_DEBUG=1 to see the details."),
    "unknown_rule": N_("There is no rule {rule_id}."),
    "output_error": N_("Cannot write {path}: {error}"),
    "output_is_input": N_("The --output file is one of the files to check ({path}); choose "
                          "another name."),
    "skipped": N_("Skipped {skipped} non-document or system files, {excluded} files matching "
                  "--exclude."),
    "binary_to_terminal": N_("The {format} format is a file: give --output FILE."),
    "worker_error": N_("The checking processes could not start: {error}"),
    "interrupted": N_("Stopped."),
    "cache_stats": N_("Cache: {cached} results reused, {checked} documents read."),
    "progress": N_("Checking"),
    "schema_stale": N_("The shipped schema is out of date; run: validate schema --write"),
    "schema_written": N_("Wrote {path}"),
    "statistics": N_("Documents flagged by each rule:"),
    "serve_listening": N_("Serving at {url} (data: {data_dir}). Press Ctrl+C to stop."),
    "serve_open": N_("Warning: the server accepts connections from the network ({host}) "
                     "without a token. Set the VALIDATOR_TOKEN environment variable."),
    "serve_bind": N_("Cannot listen on {host}:{port}: {error}"),
    "serve_data": N_("Cannot use the data folder {path}: {error}"),
}

# Command and option help, by the name of the command or parameter.
HELP: dict[str, str] = {
    "cli": N_("Check decisions and regulations of steering committees on BHXH and BHYT "
              "policy."),
    "check": N_("Check files, folders (recursive) or globs."),
    "inspect": N_("Show what was read and understood, without rules."),
    "rules": N_("List the loaded rules."),
    "explain": N_("Explain one rule."),
    "schema": N_("Print the JSON Schema of --format json."),
    "reply": N_("Write a draft reply letter (DOCX) for every non-compliant document."),
    "output_format": N_("Output format (default: from the extension of --output, else text)."),
    "output": N_("Write the results to FILE."),
    "output_dir": N_("Folder to write the letters to."),
    "jobs": N_("Parallel worker processes (default: all cores)."),
    "rules_paths": N_("Add a YAML rule pack (file or folder); repeatable."),
    "select": N_("Run only these rules (ids or prefixes, comma-separated)."),
    "ignore": N_("Skip these rules (comma-separated)."),
    "level": N_("Treat every document as of this level."),
    "ocr": N_("OCR of scanned pages: auto, always, never."),
    "lang": N_("Language of messages: vi or en."),
    "fail_on": N_("Exit 1 on: error (non-compliant), warning (also failed warnings), never."),
    "max_size": N_("Largest file to read (MB)."),
    "timeout": N_("Time limit per file (seconds, 0 = none)."),
    "executor": N_("Where to check: local (worker processes on this computer) or dask (a Dask "
                   "cluster; without --scheduler, one started on this computer with --jobs "
                   "workers)."),
    "scheduler": N_("Address of the Dask scheduler, e.g. tcp://10.0.0.5:8786 (implies "
                    "--executor dask)."),
    "cache": N_("Reuse results of unchanged files."),
    "cache_dir": N_("Cache folder."),
    "no_progress": N_("Hide the progress bar."),
    "exclude": N_("Leave out files matching GLOB when walking folders; repeatable."),
    "dossiers": N_("Judge the documents of each folder together, as a dossier."),
    "config": N_("Settings file (or a folder holding validator.toml; '.' for this folder)."),
    "quiet": N_("Report only documents with something to fix or check."),
    "statistics": N_("End with how many documents fail each rule."),
    "write": N_("Rewrite the schema shipped in the package."),
    "check_schema": N_("Fail if the shipped schema is out of date."),
    "serve": N_("Run the reviewers' web pages and the HTTP API."),
    "host": N_("Address to listen on (default: this computer only)."),
    "port": N_("Port (0 = any free port)."),
    "data_dir": N_("Folder for the database and the uploads (default "
                   "$XDG_DATA_HOME/bhxh-validator, else ./validator-data)."),
    "max_upload": N_("Largest upload request, all files together (MB)."),
    "max_files": N_("Most files in one upload."),
    "keep_days": N_("Delete results older than this many days (0 = keep them)."),
}

# The placeholders click prints in usage lines and help (`validate check [OPTIONS] PATHS...`).
# A parameter without its own metavar gets one of these by its type (see app.localize).
METAVARS: tuple[str, ...] = (
    N_("[OPTIONS]"), N_("COMMAND [ARGS]..."), N_("PATHS..."), N_("RULE_ID"), N_("FILE"),
    N_("DIRECTORY"), N_("PATH"), N_("INTEGER"), N_("NUMBER"), N_("TEXT"), N_("IDS"), N_("MB"),
    N_("GLOB"), N_("ADDRESS"),
)

# Words click translates from values it builds at run time, which extraction cannot see.
CLICK_WORDS: tuple[str, ...] = (N_("required"),)


class UserError(Exception):
    """A problem the user can fix, already worded in their language; exit status 2."""


def tr(lang: str, key: str, **values: object) -> str:
    """The message `key` in `lang`, with `values` filled in."""
    return gettext_for(lang)(MESSAGES[key]).format(**values)


def help_text(key: str) -> str:
    """The help of a command or option as written (English); app.localize translates it."""
    return HELP[key]


def say(message: str) -> None:
    click.echo(message, err=True)
