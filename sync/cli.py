"""`mozhem`: a thin command line over the library.

Each command parses its options, calls one library function, and turns the
library's errors into one line, `mozhem: error: …`, and an exit code
(sync/errors.py): 0 done, 1 a spreadsheet could not be read or written, 2 a
mistake to fix in config.yaml, a sheet's headers or the key file, 3 another
pass is running; 128+N when a second signal N stopped a pass at once. With -v
the traceback comes first.

Heavy libraries (pandas, openpyxl, the matcher's dictionaries) are imported
only by the commands that need them, so `--help` and `status` answer at once.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sync.backends.base import Backend
    from sync.config import Config

from sync.errors import EXIT_FAILED, EXIT_OK, MozhemError, describe_os_error, one_line

BackendFactory = Callable[["Config"], "Backend"]

#: `mozhem check` answers within this many seconds, even with no network.
CHECK_SECONDS = 15.0


def _common_options(top: bool) -> argparse.ArgumentParser:
    """Options every command takes, before or after its name. After the name they
    default to nothing, so that they do not undo the same option given before it."""
    common = argparse.ArgumentParser(add_help=False)

    def default(value: object) -> object:
        return value if top else argparse.SUPPRESS

    common.add_argument(
        "--config",
        type=Path,
        default=default(Path("config.yaml")),
        help="the settings file (default: ./config.yaml)",
    )
    common.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=default(False),
        help="log each step, and show the traceback of an error",
    )
    common.add_argument(
        "--log-json",
        action="store_true",
        default=default(False),
        help="log one JSON object per line (for log collectors)",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common_options(top=False)
    parser = argparse.ArgumentParser(
        prog="mozhem",
        description="Sync donor offers and NGO needs into a coordination spreadsheet "
        "and propose donor→NGO matches.",
        parents=[_common_options(top=True)],
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    sync = commands.add_parser(
        "sync", parents=[common], help="run one pass", description="Run one sync pass."
    )
    sync.add_argument(
        "--dry-run", action="store_true", help="print the write plan and write nothing"
    )
    commands.add_parser(
        "run",
        parents=[common],
        help="run a pass now and then every schedule.every_minutes",
        description="Run a pass at once, then every schedule.every_minutes, until Ctrl-C "
        "or SIGTERM. config.yaml is read again before every pass.",
    )
    commands.add_parser(
        "check",
        parents=[common],
        help="check access and headers; writes nothing",
        description="Check credentials, access to each spreadsheet and every mapped header.",
    )
    report = commands.add_parser(
        "report",
        parents=[common],
        help="print the dashboard, or write it as an HTML file with charts",
        description="Summarize the coordination spreadsheet: open needs, waiting offers, "
        "the status funnel, delivery times, urgent needs, weekly trends and problems, in "
        "the coordinators' language.",
    )
    report.add_argument(
        "--out",
        type=Path,
        help="write report.html (tables and charts, one self-contained file) to this folder",
    )
    export = commands.add_parser(
        "export",
        parents=[common],
        help="write offers, needs, matches and problems as CSV (or one .xlsx)",
        description="Write offers.csv, needs.csv, matches.csv and problems.csv (UTF-8 with a "
        "byte-order mark, for Excel), or with --excel one workbook, mozhem-export.xlsx.",
    )
    export.add_argument("--out", type=Path, required=True, help="folder for the files")
    export.add_argument(
        "--excel", action="store_true", help="write one .xlsx workbook instead of CSV files"
    )
    commands.add_parser(
        "status",
        parents=[common],
        help="show health, the next pass and the last passes",
        description="Show health (ok, or failing since when and why), the next scheduled "
        "pass, the last successful write and the last passes.",
    )
    history = commands.add_parser(
        "history",
        parents=[common],
        help="list the passes recorded in the ledger",
        description="List the passes recorded in state_dir: when, how long, outcome, "
        "counts, API requests, what was written, and whether it can be restored.",
    )
    history.add_argument(
        "--since", metavar="AGE", help="only passes in the last AGE: 30m, 12h, 7d, 2w"
    )
    restore = commands.add_parser(
        "restore",
        parents=[common],
        help="put the coordination spreadsheet back as it was before a pass",
        description="Put the coordination spreadsheet back as it was before pass PASS "
        "wrote, after showing what would change and asking.",
    )
    restore.add_argument("pass_id", metavar="PASS", type=int, help="the pass number (history)")
    restore.add_argument("--yes", action="store_true", help="do not ask")
    return parser


def main(
    argv: Sequence[str] | None = None, *, backend_factory: BackendFactory | None = None
) -> int:
    args = build_parser().parse_args(argv)
    from sync.ops.logs import configure_logging

    configure_logging(args.verbose, json_lines=args.log_json)
    from sync.ops.signals import Interrupted

    try:
        if args.command in LEDGER_COMMANDS:
            from sync.ops.status import state_dir_of

            return int(LEDGER_COMMANDS[args.command](args, state_dir_of(args.config)))
        from sync.config import load_config

        try:
            config = load_config(args.config)
        except MozhemError as error:
            _count_as_a_failed_pass(args, None, error)
            raise
        return int(COMMANDS[args.command](args, config, backend_factory or _open_backend))
    except Interrupted as interrupted:
        return _fail(interrupted, str(interrupted), interrupted.exit_code, False)
    except KeyboardInterrupt as error:  # Ctrl-C in a command that does not pass
        return _fail(error, "stopped by Ctrl-C", 130, False)
    except BrokenPipeError:  # `mozhem history | head`: the reader has what it wanted
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except MozhemError as error:
        return _fail(error, str(error), error.exit_code, args.verbose)
    except OSError as error:
        # A file or folder nobody foresaw (state_dir, say) that we may not use.
        return _fail(error, describe_os_error(error), EXIT_FAILED, args.verbose)
    except Exception as error:
        import logging

        # Through the log handler, so the traceback is masked like every other line.
        logging.getLogger("mozhem").error("unexpected error", exc_info=error)
        return _fail(error, f"unexpected {type(error).__name__}; see the traceback above", 1, False)


def _fail(error: BaseException, message: str, code: int, verbose: bool) -> int:
    """One line that names the file and what to do; the traceback only with -v.
    Phones are masked in both; with --log-json the line is a JSON log entry."""
    from sync.ops.logs import json_logging_on
    from sync.privacy import mask_phones_in

    if json_logging_on():
        import logging

        shown = error if verbose else None
        logging.getLogger("mozhem").error("mozhem: error: %s", one_line(message), exc_info=shown)
        return code
    if verbose:
        shown_text = "".join(traceback.format_exception(error))
        print(mask_phones_in(shown_text), end="", file=sys.stderr)
    print(f"mozhem: error: {mask_phones_in(one_line(message))}", file=sys.stderr)
    return code


def _open_backend(config: Config) -> Backend:
    from sync.backends import open_backend

    return open_backend(config)


def _sync(args: argparse.Namespace, config: Config, factory: BackendFactory) -> int:
    from sync.commands import sync_once

    try:
        backend = factory(config)
    except MozhemError as error:
        _count_as_a_failed_pass(args, config.state_path, error)
        raise
    return sync_once(config, backend, dry_run=args.dry_run)


def _count_as_a_failed_pass(
    args: argparse.Namespace, state_path: Path | None, error: MozhemError
) -> None:
    """A `mozhem sync` that could not start (config.yaml, the key file) goes into the
    ledger as a failed pass: under a timer or cron, `mozhem status` must say so. The
    error stays one line: the ledger is written quietly."""
    if args.command != "sync" or args.dry_run:
        return
    from sync.commands import record_failure
    from sync.ops.starter import who_started_this_process
    from sync.ops.status import state_dir_of

    try:
        state_path = state_path or state_dir_of(args.config)
        record_failure(state_path, error, who_started_this_process(), log_line=False)
    except (MozhemError, OSError):
        pass  # no state_dir to be found or written: the error line says enough


def _run(args: argparse.Namespace, config: Config, factory: BackendFactory) -> int:
    from sync.runner import run_forever

    return run_forever(config, factory)


def _check(args: argparse.Namespace, config: Config, factory: BackendFactory) -> int:
    from sync.commands import check

    # A person waits for check: it gives up sooner than a scheduled pass would.
    google = config.google
    quick = google.model_copy(
        update={"retry_budget_seconds": min(google.retry_budget_seconds, CHECK_SECONDS)}
    )
    config = config.model_copy(update={"google": quick})
    return check(config, factory(config))


def _report(args: argparse.Namespace, config: Config, factory: BackendFactory) -> int:
    from sync.reporting import report

    return report(config, factory(config), args.out)


def _export(args: argparse.Namespace, config: Config, factory: BackendFactory) -> int:
    from sync.commands import export

    return export(config, factory(config), args.out, excel=args.excel)


def _status(args: argparse.Namespace, state_path: Path) -> int:
    from sync.ops.status import status

    return status(state_path)


def _history(args: argparse.Namespace, state_path: Path) -> int:
    from sync.ops.status import history

    return history(state_path, args.since)


def _restore(args: argparse.Namespace, config: Config, factory: BackendFactory) -> int:
    from sync.commands import restore

    return restore(config, factory(config), args.pass_id, yes=args.yes)


COMMANDS: dict[str, Callable[[argparse.Namespace, Config, BackendFactory], int]] = {
    "sync": _sync,
    "run": _run,
    "check": _check,
    "report": _report,
    "export": _export,
    "restore": _restore,
}
#: Commands that only read the ledger: they need state_dir, not a validated config.
LEDGER_COMMANDS: dict[str, Callable[[argparse.Namespace, Path], int]] = {
    "status": _status,
    "history": _history,
}


if __name__ == "__main__":
    sys.exit(main())
