"""Command line.

``python -m iotjobs validate OPERATION FILE.json`` checks a request file.
Exit status: 0 valid, 1 violations found, 2 the command itself could not
run (missing file, invalid JSON, unknown operation).

``python -m iotjobs serve [--host H] [--port N] [--clock real|manual]
[--state-file PATH]`` runs the local Jobs server until Ctrl-C.

``python -m iotjobs demo`` walks through a namespaced job's life against
the embedded local server.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import List, Sequence

from . import validate
from .exceptions import ParamValidationError

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _validate_command(operation: str, path: str, mode: str) -> int:
    try:
        with open(path, encoding="utf-8") as handle:
            params = json.load(handle)
    except FileNotFoundError:
        return _fail(f"no such file: {path}")
    except (OSError, UnicodeDecodeError) as err:
        return _fail(f"cannot read {path}: {err}")
    except json.JSONDecodeError as err:
        return _fail(f"{path} is not valid JSON: {err.msg} (line {err.lineno}, column {err.colno})")
    try:
        validate(operation, params, validation=mode)  # type: ignore[arg-type]
    except ParamValidationError as err:  # before ValueError: it is one
        # The report's first line is the headline; the rest is one
        # violation per line, plus a count of any beyond the first 100.
        print(err.report.split("\n", 1)[1])
        return EXIT_INVALID
    except ValueError as err:  # unknown operation name
        return _fail(str(err))
    print("OK")
    return EXIT_OK


def _serve_command(host: str, port: int, clock: str, state_file: str | None) -> int:
    from .testing import LocalJobsServer

    try:
        server = LocalJobsServer(host=host, port=port, clock=clock, state_file=state_file)  # type: ignore[arg-type]
    except OSError as err:
        return _fail(str(err))
    print(f"iotjobs local Jobs server listening on {server.endpoint_url} (Ctrl-C to stop)", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m iotjobs", description="AWS IoT Jobs tools.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser(
        "validate",
        help="check a request file against every validation rule",
        description="Check a request (JSON, as boto3 kwargs) against the rules of OPERATION. "
        "Prints OK, or one violation per line (path: message).",
    )
    check.add_argument("operation", metavar="OPERATION", help="e.g. create_job or CreateJob")
    check.add_argument("file", metavar="FILE.json", help="the request parameters as a JSON object")
    check.add_argument(
        "--validation",
        choices=["strict", "model", "off"],
        default="strict",
        help="strict: every rule (default); model: only the AWS service model's constraints",
    )
    serve = commands.add_parser(
        "serve",
        help="run the local AWS IoT Jobs server until Ctrl-C",
        description="Run the local AWS IoT Jobs server (control plane and registry) until Ctrl-C.",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=0, help="port to listen on (default: any free port)")
    serve.add_argument(
        "--clock",
        choices=["real", "manual"],
        default="real",
        help="manual: time moves only through POST /_emulator/advance",
    )
    serve.add_argument(
        "--state-file",
        metavar="PATH",
        help="load the state from PATH at start and save every change to it (atomically, before answering)",
    )
    commands.add_parser(
        "demo",
        help="the life of a namespaced job, against the embedded local server",
        description="Start the embedded local server and walk through a namespaced job's life with the sync client.",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args: List[str] = list(sys.argv[1:] if argv is None else argv)
    try:
        options = parser.parse_args(args)
    except SystemExit as exit_:
        return int(exit_.code or 0) and EXIT_USAGE
    if options.command == "validate":
        return _validate_command(options.operation, options.file, options.validation)
    if options.command == "serve":
        return _serve_command(options.host, options.port, options.clock, options.state_file)
    if options.command == "demo":
        from .demo import run

        run()
        return EXIT_OK
    return _fail(f"unknown command {options.command!r}")  # pragma: no cover - argparse rejects it first


if __name__ == "__main__":
    sys.exit(main())
