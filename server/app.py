"""The Flask application factory."""

from __future__ import annotations

import ipaddress
import logging
import re

from flask import Flask, request
from flask_cors import CORS

from . import config
from .api import CACHE, api, error_response, register_error_handlers
from .cache import ReportCache

# Browser extensions call from their own origin; nothing else may unless the settings name it.
EXTENSION_ORIGINS = [
    re.compile(r"^chrome-extension://[a-p]{32}$"),
    re.compile(r"^moz-extension://[0-9a-f-]{36}$"),
]

LOOPBACK_NAMES = {"localhost"}
ANY_HOST = "*"


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__)
    settings = config.from_env()
    if test_config:
        settings.update(test_config)
    app.config.update({f"SOURCEMARK_{k}": v for k, v in settings.items()})
    app.config["MAX_CONTENT_LENGTH"] = settings["MAX_BODY_BYTES"]
    # Keep the JSON we send small and its key order as written.
    app.json.sort_keys = False
    app.json.compact = True

    guard_hosts(app, settings["ALLOWED_HOSTS"])
    CORS(
        app,
        resources={r"/api/*": {"origins": EXTENSION_ORIGINS + list(settings["CORS_ORIGINS"])}},
        methods=["GET", "POST", "OPTIONS"],
        allow_headers=["Content-Type"],
        max_age=600,
    )
    app.extensions[CACHE] = ReportCache(settings["CACHE_ENTRIES"], settings["CACHE_BYTES"])
    app.register_blueprint(api)
    register_error_handlers(app)
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    return app


def guard_hosts(app: Flask, allowed: list[str]) -> None:
    """Answer 421 to a request whose Host is neither loopback nor allowed, before any work.

    A web page can point its own domain name at 127.0.0.1 (DNS rebinding) and then call this
    server as its own origin, past CORS; the Host header still carries that page's name.
    """
    names = {name.lower().rstrip(".") for name in allowed}
    if ANY_HOST in names:
        return

    @app.before_request
    def check_host():
        if not host_allowed(request.host, names):
            return error_response(
                421, "host_not_allowed",
                "This server answers only on a loopback address or a host named in "
                "SOURCEMARK_ALLOWED_HOSTS.",
            )  # fmt: skip
        return None


def host_allowed(host: str, allowed: set[str]) -> bool:
    """Whether a Host header (a name or address, with any port) is loopback or allowed."""
    name = host_name(host)
    if name in LOOPBACK_NAMES or name.endswith(".localhost") or name in allowed:
        return True  # no DNS answers for *.localhost: browsers keep it on loopback
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def host_name(host: str) -> str:
    """The name or address in a Host header, without port, brackets or a final dot."""
    host = host.strip().lower()
    if host.startswith("["):  # [::1]:8765
        return host[1 : host.find("]")] if "]" in host else host
    if host.count(":") == 1:
        host = host.split(":", 1)[0]
    return host.rstrip(".")
