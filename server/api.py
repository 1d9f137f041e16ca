"""HTTP API v1: the analyze endpoint, service info, health, and JSON errors."""

from __future__ import annotations

import json
import logging

import spacy
from flask import Blueprint, Flask, Response, current_app, jsonify, request
from werkzeug.exceptions import HTTPException

from . import __version__, deadline
from .cache import ReportCache
from .pipeline import get_analyzer
from .report import REPORT_LIMITS, dumps

log = logging.getLogger(__name__)

api = Blueprint("api", __name__)

# How much of an oversized upload, chunked or of a given length, is read and dropped before
# answering 413 (16 MB), so that the client gets the answer rather than a reset.
DRAIN_CHUNKS = 256

# The app's cache of reports, in app.extensions.
CACHE = "sourcemark_cache"
# Whether an answer came from the cache, for benchmarks and the curious (never the text).
CACHE_HEADER = "X-Sourcemark-Cache"
# Seconds a client told 503 analysis_timeout should wait before it tries again.
RETRY_AFTER_SECONDS = 30


class ApiError(Exception):
    """A client's mistake, answered as {"error": {"code", "message"}} with `status`."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def analyzer():
    cfg = current_app.config
    return get_analyzer(cfg["SOURCEMARK_MODEL"], cfg["SOURCEMARK_GAZETTEER"] or None)


@api.post("/api/v1/analyze")
def analyze():
    text, _url = read_analyze_request()
    analysis = analyzer()
    cache: ReportCache = current_app.extensions[CACHE]
    key = cache.key(text, *analysis.cache_context(), repr(REPORT_LIMITS))
    body = cache.get(key)
    hit = body is not None
    if body is None:
        with deadline.enforce(current_app.config["SOURCEMARK_ANALYSIS_TIMEOUT"]):
            report = analysis.analyze_json(text)
        body = dumps(report).encode("utf-8")
        cache.put(key, body)
    response = Response(body, mimetype="application/json")
    response.headers[CACHE_HEADER] = "hit" if hit else "miss"
    return response


def read_analyze_request() -> tuple[str, str | None]:
    """Validate the request body; every way it can be wrong has its own clear error."""
    if request.mimetype != "application/json":
        raise ApiError(415, "unsupported_media_type", "Send the article as application/json.")
    raw = read_body()
    try:
        body = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ApiError(400, "invalid_encoding", "The request body is not UTF-8.") from None
    except (ValueError, RecursionError):
        raise ApiError(400, "malformed_json", "The request body is not valid JSON.") from None
    if not isinstance(body, dict):
        raise ApiError(400, "invalid_body", 'The body must be a JSON object: {"text": "..."}.')
    text = body.get("text")
    if text is None:
        raise ApiError(400, "missing_field", 'The field "text" is required.')
    if not isinstance(text, str):
        raise ApiError(400, "invalid_field", 'The field "text" must be a string.')
    if not text.strip():
        raise ApiError(400, "empty_text", 'The field "text" is empty.')
    limit = current_app.config["SOURCEMARK_MAX_TEXT_CHARS"]
    if len(text) > limit:
        raise ApiError(413, "text_too_long", f"The text is longer than {limit} characters.")
    url = body.get("url")
    if url is not None and not isinstance(url, str):
        raise ApiError(400, "invalid_field", 'The field "url" must be a string.')
    return text, url


def read_body() -> bytes:
    """The request body, or 413 beyond MAX_CONTENT_LENGTH, whether its length is given or not."""
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    stream = request.environ["wsgi.input"]
    declared = request.content_length
    if declared is None and request.environ.get("wsgi.input_terminated"):
        # A chunked upload has no Content-Length; Werkzeug would silently cut it at the limit.
        raw = stream.read(limit + 1)
        if len(raw) > limit:
            _drain(stream)
            raise ApiError(413, "body_too_large", "The request body is too large.")
        return raw
    if declared is not None and declared > limit:
        # Answered before reading, the client still sending would meet a closed connection
        # (a broken pipe, no answer) rather than the 413.
        _drain(stream, declared)
        raise ApiError(413, "body_too_large", "The request body is too large.")
    return request.get_data(cache=False)


def _drain(stream, length: int | None = None) -> None:
    """Read on a little, at most DRAIN_CHUNKS, and drop it, so that a client still sending an
    oversized body gets the answer, not a reset."""
    left = length
    for _ in range(DRAIN_CHUNKS):
        got = stream.read(65536 if left is None else min(65536, left))
        if not got:
            break
        if left is not None:
            left -= len(got)
            if left <= 0:
                break


@api.get("/api/v1/info")
def info():
    cfg = current_app.config
    analysis = analyzer()
    return jsonify(
        {
            "name": "Sourcemark",
            "version": __version__,
            "api": "v1",
            "spacy": spacy.__version__,
            "model": analysis.meta["model"],
            "gazetteer": analysis.meta["gazetteer"],
            "limits": {
                "max_body_bytes": cfg["MAX_CONTENT_LENGTH"],
                "max_text_chars": cfg["SOURCEMARK_MAX_TEXT_CHARS"],
                "analysis_timeout_seconds": cfg["SOURCEMARK_ANALYSIS_TIMEOUT"],
                "max_findings": REPORT_LIMITS.max_findings,
                "max_quotes": REPORT_LIMITS.max_quotes,
                "max_places": REPORT_LIMITS.max_places,
            },
            "offset_unit": "utf-16",
            "credits": [
                "Place data from GeoNames (https://www.geonames.org), licensed CC BY 4.0.",
                "Language model: spaCy en_core_web_sm 3.8.0 (MIT), by Explosion.",
            ],
        }
    )


@api.get("/healthz")
def healthz():
    return jsonify({"status": "ok", "version": __version__})


ERROR_CODES = {413: "body_too_large", 405: "method_not_allowed", 404: "not_found"}


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(ApiError)
    def api_error(error: ApiError):
        return error_response(error.status, error.code, error.message)

    @app.errorhandler(deadline.AnalysisTimeout)
    def analysis_timeout(error: deadline.AnalysisTimeout):
        seconds = current_app.config["SOURCEMARK_ANALYSIS_TIMEOUT"]
        response = error_response(
            503, "analysis_timeout", f"The analysis of this text took longer than {seconds:g} seconds."
        )
        response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        code = ERROR_CODES.get(error.code) or (error.name or "error").lower().replace(" ", "_")
        messages = {
            404: "There is nothing at this address. The API lives under /api/v1/.",
            405: f"{request.method} is not allowed here.",
            413: "The request body is too large.",
        }
        response = error_response(error.code or 500, code, messages.get(error.code, error.description))
        if error.code == 405 and hasattr(error, "valid_methods") and error.valid_methods:
            response.headers["Allow"] = ", ".join(error.valid_methods)
        return response

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception):
        # Our fault, not the client's: log where it happened but never the page text, which
        # exception messages may quote.
        tb = error.__traceback__
        while tb is not None and tb.tb_next is not None:
            tb = tb.tb_next
        where = f"{tb.tb_frame.f_code.co_filename}:{tb.tb_lineno}" if tb else "?"
        log.error("analysis failed: %s at %s", type(error).__name__, where)
        return error_response(500, "internal_error", "The server could not analyse this text.")


def error_response(status: int, code: str, message: str):
    response = jsonify({"error": {"code": code, "message": message}})
    response.status_code = status
    return response
