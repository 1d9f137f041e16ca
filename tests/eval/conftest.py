"""The evaluation's helper modules live beside eval/eval_quotes.py, which imports them by its
own folder; the tests import them the same way."""

import sys
from pathlib import Path

EVAL = Path(__file__).resolve().parents[2] / "eval"
if str(EVAL) not in sys.path:
    sys.path.insert(0, str(EVAL))
