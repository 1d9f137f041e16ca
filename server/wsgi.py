"""The WSGI entry point for gunicorn: `gunicorn server.wsgi:app`.

Loading the analyzer here means that with `--preload` the model and gazetteer are loaded once
in gunicorn's master and shared by its forked workers.
"""

from .app import create_app
from .pipeline import get_analyzer

app = create_app()
get_analyzer(app.config["SOURCEMARK_MODEL"], app.config["SOURCEMARK_GAZETTEER"] or None)
