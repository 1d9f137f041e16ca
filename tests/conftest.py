"""Shared fixtures: the spaCy pipeline is loaded once per test session (it takes seconds)."""

import pytest


@pytest.fixture(scope="session")
def nlp():
    from server.pipeline import load_nlp

    return load_nlp()
