"""The Flask application factory."""

from __future__ import annotations

import logging
import re

from flask import Flask
from flask_cors import CORS

from . import config
from .api import api, register_error_handlers

# Browser extensions call from their own origin; nothing else may unless the settings name it.
EXTENSION_ORIGINS = [
    re.compile(r"^chrome-extension://[a-p]{32}$"),
    re.compile(r"^moz-extension://[0-9a-f-]{36}$"),
]


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

    CORS(
        app,
        resources={r"/api/*": {"origins": EXTENSION_ORIGINS + list(settings["CORS_ORIGINS"])}},
        methods=["GET", "POST", "OPTIONS"],
        allow_headers=["Content-Type"],
        max_age=600,
    )
    app.register_blueprint(api)
    register_error_handlers(app)
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    return app
