"""The `sourcemark` command: serve the API, analyse files, build the gazetteer index."""

from __future__ import annotations

import argparse
import os
import sys

from . import __version__, config

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="sourcemark",
        description="Warns about suspect place names and unattributed or anonymous quotations.",
    )
    parser.add_argument("--version", action="version", version=f"sourcemark {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="run the HTTP API with gunicorn")
    serve.add_argument("--host", default=os.environ.get("HOST", DEFAULT_HOST))
    serve.add_argument("--port", type=int, default=int(os.environ.get("PORT", DEFAULT_PORT)))
    serve.add_argument("--workers", type=int, default=int(os.environ.get("WORKERS", 2)))

    analyze = commands.add_parser(
        "analyze",
        help="print one JSON report per document (text or HTML files, JSON lines; - for stdin)",
    )
    analyze.add_argument("files", nargs="+", metavar="FILE")
    analyze.add_argument(
        "--jsonl", action="store_true",
        help='read every input (stdin too) as JSON lines {"id": ..., "text": ...}; '
        "a .jsonl file always is",
    )  # fmt: skip
    analyze.add_argument(
        "--jobs", "-j", type=int, default=1, metavar="N",
        help="analyse in N processes (default 1); the output keeps the input order",
    )  # fmt: skip
    analyze.add_argument(
        "--timeout", type=float, default=0, metavar="SECONDS",
        help="give up on a document after this long (default: no limit)",
    )  # fmt: skip
    analyze.add_argument("--indent", type=int, default=None, help="pretty-print the JSON")

    commands.add_parser("build-index", help="build the compact gazetteer index now")

    args = parser.parse_args(argv)
    if args.command == "serve":
        return serve_api(args.host, args.port, args.workers)
    if args.command == "analyze":
        return analyze_files(args.files, args.indent, args.jsonl, args.jobs, args.timeout)
    return build_index()


def serve_api(host: str, port: int, workers: int) -> int:
    # --preload loads the model and gazetteer once in the master; the workers share them.
    # The worker timeout sits well above the analysis deadline: a long analysis ends in a 503
    # from the deadline, never in gunicorn killing the worker mid-request.
    timeout = config.worker_timeout(config.from_env()["ANALYSIS_TIMEOUT"])
    gunicorn = [
        sys.executable, "-m", "gunicorn",
        "--bind", f"{host}:{port}",
        "--workers", str(workers),
        "--preload",
        "--timeout", str(timeout),
        "--access-logfile", "-",
        # gunicorn's control socket sits at one path per user: two servers would collide.
        "--no-control-socket",
        "server.wsgi:app",
    ]  # fmt: skip
    os.execv(sys.executable, gunicorn)


def analyze_files(
    paths: list[str], indent: int | None, jsonl: bool = False, jobs: int = 1, timeout: float = 0
) -> int:
    from tqdm import tqdm

    from .batch import JSONL_SUFFIX, analyze_documents, read_documents

    failed = False
    outcomes = analyze_documents(read_documents(paths, jsonl), jobs, timeout, indent)
    # The bar goes to a terminal only: a pipe or a log gets the reports and the errors alone.
    # Files are one document each; how many lines a JSON-lines input holds is known at its end.
    total = None if jsonl or any(p.endswith(JSONL_SUFFIX) for p in paths) else len(paths)
    bar = tqdm(outcomes, total=total, unit="doc", file=sys.stderr, disable=not sys.stderr.isatty())
    for outcome in bar:
        if outcome.error is not None:
            tqdm.write(f"sourcemark: {outcome.source}: {outcome.error}", file=sys.stderr)
            failed = True
            continue
        print(outcome.line, flush=True)
    return 1 if failed else 0


def build_index() -> int:
    from . import gazetteer

    build = getattr(gazetteer, "build_index", None)
    if build is None:
        print("sourcemark: this gazetteer needs no index", file=sys.stderr)
        return 0
    path = build()
    print(f"gazetteer index written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
