"""The `corredores` command: `serve` the dashboard, `validate` a data directory."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path


def validate_command(directory: str | None) -> int:
    """Print every problem in the data directory; 0 when clean, 1 with problems, 2 on a loader bug."""
    from dashboard.config import settings
    from layers.catalog import validate

    resolved = Path(directory).resolve() if directory else settings().data_dir
    if not resolved.is_dir():
        print(f"{resolved}: expected a data directory, found none", file=sys.stderr)
        return 1
    try:
        problems = validate(resolved)
    except Exception:  # not a data problem: a bug in a loader, reported as one
        traceback.print_exc()
        print(f"{resolved}: a loader failed (a bug, not a data problem): please report it", file=sys.stderr)
        return 2
    for problem in problems:
        print(problem)
    errors = [p for p in problems if not p.warning]
    if errors:
        print(f"{resolved}: {len(errors)} problem(s) found", file=sys.stderr)
        return 1
    print(f"{resolved}: all files valid", file=sys.stderr)
    return 0


def serve_command(host: str, port: int, data: str | None) -> int:
    """Run the dashboard with Flask's threaded server (use gunicorn for production)."""
    if data:
        os.environ["CORREDORES_DATA_DIR"] = str(Path(data).resolve())
    from dashboard.app import app

    app.run(host=host, port=port, debug=False)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script."""
    parser = argparse.ArgumentParser(prog="corredores", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve the dashboard")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8050)
    serve.add_argument("--data", help="data directory (default: $CORREDORES_DATA_DIR or the shipped data)")
    check = commands.add_parser("validate", help="check a data directory and list every problem")
    check.add_argument("directory", nargs="?", help="data directory (default: the shipped one)")
    args = parser.parse_args(argv)
    if args.command == "serve":
        return serve_command(args.host, args.port, args.data)
    return validate_command(args.directory)


if __name__ == "__main__":
    sys.exit(main())
