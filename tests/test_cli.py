"""`sourcemark analyze`: files, HTML pages and stdin in, one JSON report per line out."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from server import cli
from tests.conftest import FIXTURES, PAGES, assert_spans_match

SEED = FIXTURES / "seed" / "sevsk-article.txt"


def run_cli(capsys, *args: str) -> tuple[int, list[dict], str]:
    status = cli.main(["analyze", *args])
    out, err = capsys.readouterr()
    return status, [json.loads(line) for line in out.splitlines()], err


def test_seed_article_gives_the_same_report_as_the_api(capsys, client, seed_text):
    status, reports, _ = run_cli(capsys, str(SEED))
    assert status == 0 and len(reports) == 1
    api_report = client.post("/api/v1/analyze", json={"text": seed_text}).get_json()
    cli_report = reports[0]
    assert cli_report["meta"].pop("source") == str(SEED)
    assert cli_report == api_report


def test_a_real_news_page_is_reduced_to_its_article(capsys):
    page = FIXTURES / "pages" / "nytimes-1.html"
    status, [report], _ = run_cli(capsys, str(page))
    assert status == 0
    assert report["quotes"], "the article's quotations are found"
    assert all("<" not in quote["text"] for quote in report["quotes"])
    assert report["places"]


def test_several_files_give_one_line_each_and_a_missing_one_fails(capsys, tmp_path):
    status, reports, err = run_cli(capsys, str(SEED), str(tmp_path / "missing.txt"), str(PAGES[0]))
    assert status == 1
    assert [r["meta"]["source"] for r in reports] == [str(SEED), str(PAGES[0])]
    assert "missing.txt: no such file" in err


@pytest.mark.parametrize(
    "content, message",
    [(b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"), (b"caf\xe9 \xff", "not UTF-8"), (b"  \n", "empty")],
)
def test_unreadable_inputs_fail_with_a_clear_message(capsys, tmp_path, content, message):
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    status, reports, err = run_cli(capsys, str(path))
    assert status == 1 and reports == []
    assert message in err


def test_a_directory_is_refused(capsys, tmp_path):
    status, _, err = run_cli(capsys, str(tmp_path))
    assert status == 1
    assert "is a directory" in err


@pytest.mark.slow
def test_the_installed_command_reads_stdin(seed_text):
    result = subprocess.run(
        [sys.executable, "-m", "server.cli", "analyze", "-"],
        input=seed_text.encode(),
        capture_output=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr.decode()
    [line] = result.stdout.decode().splitlines()
    report = json.loads(line)
    assert report["meta"]["source"] == "-"
    assert_spans_match(seed_text, report)
