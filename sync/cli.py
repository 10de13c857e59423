"""`mozhem`: a thin command line over the library.

Each command parses its options, calls one library function, and turns the
library's errors into one clear message and an exit code:
0 done, 1 a spreadsheet could not be read or written, 2 a mistake to fix in
config.yaml or a sheet's headers, 3 another pass is running.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from sync.backends import open_backend
from sync.backends.base import Backend, BackendError
from sync.config import Config, ConfigError, load_config
from sync.privacy import configure_logging
from sync.sources import HeaderNotFound
from sync.state import PassAlreadyRunning

BackendFactory = Callable[[Config], Backend]

EXIT_OK, EXIT_FAILED, EXIT_FIX_INPUT, EXIT_BUSY = 0, 1, 2, 3


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--config",
        type=Path,
        default=Path("config.yaml"),
        help="the settings file (default: ./config.yaml)",
    )
    common.add_argument("-v", "--verbose", action="store_true", help="log each step")
    parser = argparse.ArgumentParser(
        prog="mozhem",
        description="Sync donor offers and NGO needs into a coordination spreadsheet "
        "and propose donor→NGO matches.",
        parents=[common],
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
        description="Run a pass at once, then every schedule.every_minutes, until Ctrl-C.",
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
    except (ConfigError, HeaderNotFound) as error:
        return _fail(str(error), EXIT_FIX_INPUT)
    except PassAlreadyRunning as error:
        return _fail(str(error), EXIT_BUSY)
    except BackendError as error:
        return _fail(str(error), EXIT_FAILED)


def _fail(message: str, code: int) -> int:
    print(f"mozhem: error: {message}", file=sys.stderr)
    return code


def _sync(args: argparse.Namespace, config: Config, factory: BackendFactory) -> int:
    from sync.commands import sync_once

    return sync_once(config, factory(config), dry_run=args.dry_run)


def _run(args: argparse.Namespace, config: Config, factory: BackendFactory) -> int:
    from sync.runner import run_forever

    return run_forever(config, factory)


def _check(args: argparse.Namespace, config: Config, factory: BackendFactory) -> int:
    from sync.commands import check

    return check(config, factory(config))


def _report(args: argparse.Namespace, config: Config, factory: BackendFactory) -> int:
    from sync.reporting import report

    return report(config, factory(config), args.out)


def _export(args: argparse.Namespace, config: Config, factory: BackendFactory) -> int:
    from sync.commands import export

    return export(config, factory(config), args.out, excel=args.excel)


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
