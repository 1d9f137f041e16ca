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


def write_jsonl(path, records) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def test_a_jsonl_file_gives_each_report_with_its_id(capsys, tmp_path, seed_text):
    path = tmp_path / "articles.jsonl"
    write_jsonl(path, [{"id": "seed", "text": seed_text}, {"id": 7, "text": "Troops left Kyiv."}])
    status, reports, err = run_cli(capsys, str(path))
    assert status == 0, err
    assert [r["id"] for r in reports] == ["seed", 7]
    assert [r["meta"]["source"] for r in reports] == [f"{path}:1", f"{path}:2"]
    assert_spans_match(seed_text, reports[0])
    assert reports[1]["places"]


def test_bad_json_lines_are_reported_by_line_and_the_rest_analysed(capsys, tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        '{"id": 1, "text": "Troops left Kyiv."}\n{not json\n\n{"id": 3}\n{"id": 4, "text": "  "}\n'
        '{"id": 5, "text": "Troops left Kharkiv."}\n',
        encoding="utf-8",
    )
    status, reports, err = run_cli(capsys, str(path))
    assert status == 1
    assert [r["id"] for r in reports] == [1, 5]
    assert f"{path}:2: not a JSON line" in err
    assert f'{path}:4: a JSON line must be an object with a "text" string' in err
    assert f"{path}:5: the text is empty" in err


def test_two_jobs_keep_the_input_order_and_give_the_same_reports(capsys, tmp_path, seed_text):
    records = [{"id": i, "text": text} for i, text in enumerate([seed_text, "Troops left Kyiv.", seed_text[:900]] * 2)]
    path = tmp_path / "batch.jsonl"
    write_jsonl(path, records)
    status, one_job, _ = run_cli(capsys, str(path))
    status_two, two_jobs, err = run_cli(capsys, "--jobs", "2", str(path))
    assert status == status_two == 0, err
    assert [r["id"] for r in two_jobs] == list(range(6))
    assert two_jobs == one_job


def test_files_and_jsonl_mix_in_order_and_no_progress_bar_off_a_terminal(capsys, tmp_path, seed_text):
    path = tmp_path / "one.jsonl"
    write_jsonl(path, [{"id": "x", "text": "Troops left Kyiv."}])
    status, reports, err = run_cli(capsys, str(SEED), str(path), str(SEED))
    assert status == 0
    assert [r["meta"]["source"] for r in reports] == [str(SEED), f"{path}:1", str(SEED)]
    assert "doc/s" not in err and "it/s" not in err and err == ""


@pytest.mark.slow
def test_jsonl_from_stdin_with_the_flag(seed_text):
    lines = json.dumps({"id": "a", "text": seed_text}) + "\n" + json.dumps({"id": "b", "text": "Kyiv."}) + "\n"
    result = subprocess.run(
        [sys.executable, "-m", "server.cli", "analyze", "--jsonl", "--jobs", "2", "-"],
        input=lines.encode(),
        capture_output=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert [json.loads(line)["id"] for line in result.stdout.decode().splitlines()] == ["a", "b"]
    assert result.stderr == b"", "no progress bar into a pipe"
