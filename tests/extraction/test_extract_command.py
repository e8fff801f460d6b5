"""`manage.py extract`: one JSON object per article, in order, per-file errors, no database needed."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "fixtures" / "seed"

EVENT_KEYS = {"date", "precision", "type", "summary", "places", "countries", "span"}
LOSS_KEYS = {"side", "category", "min", "max", "period", "date", "place", "reported_by", "span", "event"}
PLEDGE_KEYS = {
    "donor", "recipient", "item", "category", "quantity", "amount", "currency", "status", "date", "span", "event",
}  # fmt: skip


def run_command(*args):
    out = io.StringIO()
    call_command("extract", *args, stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def run_without_database(*args, env_extra=None):
    """The command as a user runs it: its own process, no DATABASE_URL."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "manage.py", "extract", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def manifest(tmp_path):
    lines = [
        {"id": "seed-000", "path": str(SEED / "seed-000.txt"), "published": "2023-01-05"},
        {"id": "missing", "path": "no-such-file.txt"},
        "this line is not JSON",
        {"id": "nopath"},
        {"id": "seed-004", "path": str(SEED / "seed-004.txt")},
        {"id": "baddate", "path": str(SEED / "seed-004.txt"), "published": "2024-13-45"},
    ]
    path = tmp_path / "manifest.jsonl"
    path.write_text("\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n")
    return path


def test_it_prints_one_object_per_manifest_line_in_order_with_per_line_errors(manifest):
    lines = run_command("--manifest", str(manifest))
    assert [line["id"] for line in lines] == ["seed-000", "missing", "line 3", "nopath", "seed-004", "baddate"]
    errors = {line["id"]: line["error"] for line in lines if "error" in line}
    assert set(errors) == {"missing", "line 3", "nopath", "baddate"}
    assert "cannot read" in errors["missing"] and "no-such-file.txt" in errors["missing"]
    assert "not JSON" in errors["line 3"]
    assert '"path"' in errors["nopath"]
    assert "2024-13-45" in errors["baddate"]
    for line in lines:
        if "error" in line:
            assert set(line) == {"id", "error"}


def test_each_object_has_the_shape_of_the_spec(manifest):
    lines = {line["id"]: line for line in run_command("--manifest", str(manifest))}
    seed = lines["seed-000"]
    assert set(seed) == {"id", "article", "events", "losses", "pledges"}
    assert seed["article"] == {
        "title": seed["article"]["title"],
        "published": "2023-01-05",
        "published_source": "supplied",
    }
    text = (SEED / "seed-000.txt").read_text(encoding="utf-8")
    assert seed["events"] and seed["losses"] and seed["pledges"]
    for event in seed["events"]:
        assert set(event) == EVENT_KEYS
    for loss in seed["losses"]:
        assert set(loss) == LOSS_KEYS
        assert 0 <= loss["event"] < len(seed["events"])
    for pledge in seed["pledges"]:
        assert set(pledge) == PLEDGE_KEYS
    for record in [*seed["events"], *seed["losses"], *seed["pledges"]]:
        start, end = record["span"]
        assert 0 <= start < end <= len(text) + 1
    # seed-004 carries its own date: "published_source" says it came from the text
    assert lines["seed-004"]["article"]["published"] == "2024-01-04"
    assert lines["seed-004"]["article"]["published_source"] == "text"


def test_single_files_take_the_published_date_given(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    lines = run_command(str(SEED / "seed-000.txt"), str(empty), "--published", "2023-01-05")
    assert [line["id"] for line in lines] == ["seed-000", "empty"]
    assert lines[0]["article"]["published"] == "2023-01-05"
    assert lines[1] == {"id": "empty", "error": "The file is empty."}


def test_it_refuses_a_bad_published_date_and_no_input():
    with pytest.raises(CommandError, match="Not a date"):
        run_command(str(SEED / "seed-000.txt"), "--published", "05/01/2023")
    with pytest.raises(CommandError, match="Give article files"):
        run_command()


def test_one_article_that_breaks_the_engine_gives_an_error_line_and_the_run_goes_on(monkeypatch, tmp_path):
    import articles.extraction as engine

    real = engine.read_article

    def fragile(doc, text, published, title=None):
        if "BREAK" in text:
            raise RuntimeError("boom")
        return real(doc, text, published, title)

    monkeypatch.setattr(engine, "read_article", fragile)
    bad = tmp_path / "bad.txt"
    bad.write_text("BREAK this article.\n")
    lines = run_command(str(SEED / "seed-004.txt"), str(bad), str(SEED / "seed-000.txt"), "--published", "2023-01-05")
    assert [line["id"] for line in lines] == ["seed-004", "bad", "seed-000"]
    assert set(lines[1]) == {"id", "error"} and "Traceback" not in lines[1]["error"]
    assert lines[0]["losses"] and lines[2]["losses"]


def test_it_runs_with_no_database_configured(tmp_path):
    proc = run_without_database(str(SEED / "seed-004.txt"))
    assert proc.returncode == 0, proc.stderr
    [line] = [json.loads(text) for text in proc.stdout.splitlines()]
    assert line["id"] == "seed-004" and line["article"]["published"] == "2024-01-04"


def test_a_missing_model_gives_a_clear_message_and_no_traceback():
    proc = run_without_database(str(SEED / "seed-004.txt"), env_extra={"WARBOARD_SPACY_MODEL": "no_such_model_xyz"})
    assert proc.returncode != 0
    assert "no_such_model_xyz" in proc.stderr and "is not installed" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""


def test_it_refuses_a_batch_size_below_one():
    with pytest.raises(CommandError, match="--batch-size"):
        run_command(str(SEED / "seed-000.txt"), "--batch-size", "0")


def test_a_manifest_that_cannot_be_read_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read the manifest"):
        run_command("--manifest", str(tmp_path / "missing.jsonl"))
