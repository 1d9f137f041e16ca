"""The `sourcemark` command: serve the API, analyse files, build the gazetteer index."""

from __future__ import annotations

import argparse
import json
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
        "analyze", help="print one JSON report per file (text or HTML; - for stdin)"
    )
    analyze.add_argument("files", nargs="+", metavar="FILE")
    analyze.add_argument("--indent", type=int, default=None, help="pretty-print the JSON")

    commands.add_parser("build-index", help="build the compact gazetteer index now")

    args = parser.parse_args(argv)
    if args.command == "serve":
        return serve_api(args.host, args.port, args.workers)
    if args.command == "analyze":
        return analyze_files(args.files, args.indent)
    return build_index()


def serve_api(host: str, port: int, workers: int) -> int:
    # --preload loads the model and gazetteer once in the master; the workers share them.
    gunicorn = [
        sys.executable, "-m", "gunicorn",
        "--bind", f"{host}:{port}",
        "--workers", str(workers),
        "--preload",
        "--timeout", "60",
        "--access-logfile", "-",
        # gunicorn's control socket sits at one path per user: two servers would collide.
        "--no-control-socket",
        "server.wsgi:app",
    ]  # fmt: skip
    os.execv(sys.executable, gunicorn)


def analyze_files(paths: list[str], indent: int | None) -> int:
    from .extract import ExtractionError, article_text
    from .pipeline import get_analyzer

    settings = config.from_env()
    failed = False
    analyzer = None
    for path in paths:
        try:
            content = read_input(path)
            text = article_text(content, path)
            if not text.strip():
                raise ValueError("the text is empty")
        except (OSError, UnicodeDecodeError, ExtractionError, ValueError) as error:
            print(f"sourcemark: {path}: {describe(error)}", file=sys.stderr)
            failed = True
            continue
        if analyzer is None:
            analyzer = get_analyzer(settings["MODEL"], settings["GAZETTEER"] or None)
        report = analyzer.analyze_json(text)
        report["meta"]["source"] = path
        print(json.dumps(report, ensure_ascii=False, indent=indent), flush=True)
    return 1 if failed else 0


def read_input(path: str) -> str:
    if path == "-":
        return sys.stdin.buffer.read().decode("utf-8")
    with open(path, "rb") as file:
        data = file.read()
    if b"\x00" in data[:8000]:
        raise ValueError("this is a binary file, not text or HTML")
    return data.decode("utf-8-sig")


def describe(error: Exception) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, IsADirectoryError):
        return "is a directory"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, UnicodeDecodeError):
        return "not UTF-8 text"
    return str(error)


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
