"""`mozhem`: a thin command line over the library.

Each command parses its options, calls one library function, and turns the
library's errors into one line, `mozhem: error: …`, and an exit code
(sync/errors.py): 0 done, 1 a spreadsheet could not be read or written, 2 a
mistake to fix in config.yaml, a sheet's headers or the key file, 3 another
pass is running. With -v the traceback comes first.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from sync.backends import open_backend
from sync.backends.base import Backend
from sync.config import Config, load_config
from sync.errors import EXIT_FAILED, MozhemError, describe_os_error, one_line
from sync.privacy import configure_logging, mask_phones_in

BackendFactory = Callable[[Config], Backend]

#: `mozhem check` answers within this many seconds, even with no network.
CHECK_SECONDS = 15.0


def _common_options(defaults: bool) -> argparse.ArgumentParser:
    """--config and -v, taken before the command and after it.

    Only the top-level parser sets their defaults: a command's parser leaves an
    option it was not given alone, so `mozhem --config P sync` keeps P."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--config",
        type=Path,
        default=Path("config.yaml") if defaults else argparse.SUPPRESS,
        help="the settings file (default: ./config.yaml)",
    )
    common.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=False if defaults else argparse.SUPPRESS,
        help="log each step, and show the traceback of an error",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mozhem",
        description="Sync donor offers and NGO needs into a coordination spreadsheet "
        "and propose donor→NGO matches.",
        parents=[_common_options(defaults=True)],
    )
    common = _common_options(defaults=False)
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
        description="Run a pass at once, then every schedule.every_minutes, until Ctrl-C.",
    )
    commands.add_parser(
        "check",
        parents=[common],
        help="check access and headers; writes nothing",
        description="Check credentials, access to each spreadsheet and every mapped header.",
    )
    commands.add_parser(
        "report",
        parents=[common],
        help="print a summary of the matches",
        description="Print how many matches are in each status, per category.",
    )
    export = commands.add_parser(
        "export",
        parents=[common],
        help="write offers, needs, matches and problems as CSV",
        description="Write offers.csv, needs.csv, matches.csv and problems.csv.",
    )
    export.add_argument("--out", type=Path, required=True, help="folder for the CSV files")
    commands.add_parser(
        "status",
        parents=[common],
        help="show the last passes",
        description="Show the last passes recorded in state_dir.",
    )
    return parser


def main(
    argv: Sequence[str] | None = None, *, backend_factory: BackendFactory | None = None
) -> int:
    args = build_parser().parse_args(argv)
    configure_logging(args.verbose)
    factory = backend_factory or open_backend
    try:
        config = load_config(args.config)
        return int(COMMANDS[args.command](args, config, factory))
    except MozhemError as error:
        return _fail(error, str(error), error.exit_code, args.verbose)
    except OSError as error:
        # A file or folder nobody foresaw (state_dir, say) that we may not use.
        return _fail(error, describe_os_error(error), EXIT_FAILED, args.verbose)


def _fail(error: Exception, message: str, code: int, verbose: bool) -> int:
    """One line that names the file and what to do; the traceback only with -v."""
    if verbose:
        shown = "".join(traceback.format_exception(error))
        print(mask_phones_in(shown), end="", file=sys.stderr)
    print(f"mozhem: error: {one_line(message)}", file=sys.stderr)
    return code


def _sync(args: argparse.Namespace, config: Config, factory: BackendFactory) -> int:
    from sync.commands import sync_once

    return sync_once(config, factory(config), dry_run=args.dry_run)


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
    from sync.commands import report

    return report(config, factory(config))


def _export(args: argparse.Namespace, config: Config, factory: BackendFactory) -> int:
    from sync.commands import export

    return export(config, factory(config), args.out)


def _status(args: argparse.Namespace, config: Config, factory: BackendFactory) -> int:
    from sync.commands import status

    return status(config)


COMMANDS: dict[str, Callable[[argparse.Namespace, Config, BackendFactory], int]] = {
    "sync": _sync,
    "run": _run,
    "check": _check,
    "report": _report,
    "export": _export,
    "status": _status,
}


if __name__ == "__main__":
    sys.exit(main())
