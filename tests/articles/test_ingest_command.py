"""manage.py ingest: files, folders and manifests, queued or processed here (--sync)."""

import datetime
import io
import json
import re

import pytest
from django.core.management import CommandError, call_command
from django_tasks_db.models import DBTaskResult

from articles import uploads
from articles.models import Article, Event
from tests.articles.conftest import ARTICLE_TEXT, SEED_DIR


def ingest(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("ingest", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def manifest(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(ARTICLE_TEXT)
    (tmp_path / "docs" / "b.html").write_text(
        "<html><head><title>B page</title></head><body><article><p>"
        + "Ukraine said on Monday that its forces had repelled attacks near Bakhmut. " * 3
        + "</p></article></body></html>"
    )
    (tmp_path / "docs" / "empty.txt").write_text("")
    lines = [
        {
            "id": "m1",
            "path": "docs/a.txt",
            "title": "Manifest title",
            "url": None,
            "outlet": "NU.nl",
            "published": "2023-01-05",
        },
        {
            "id": "m2",
            "path": "docs/b.html",
            "title": "B",
            "url": "https://example.org/b",
            "outlet": "Reuters",
            "published": None,
        },
        {"id": "m3", "path": "docs/empty.txt", "title": None, "url": None, "outlet": None, "published": None},
        {"id": "m4", "path": "docs/missing.txt"},
    ]
    path = tmp_path / "manifest.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\nnot json\n")
    return path


def test_it_ingests_a_manifest_with_its_metadata(db, manifest, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        out, err = ingest(manifest)
    a = Article.objects.get(filename="a.txt")
    assert (a.title, a.outlet, a.url, a.published, a.published_source) == (
        "Manifest title",
        "NU.nl",
        "",
        datetime.date(2023, 1, 5),
        "supplied",
    )
    b = Article.objects.get(filename="b.html")
    assert (b.title, b.outlet, b.url, b.content_type) == ("B", "Reuters", "https://example.org/b", "text/html")
    assert set(Article.objects.values_list("status", flat=True)) == {"queued"}
    assert DBTaskResult.objects.count() == 2
    assert out.splitlines()[0] == "2 new, 0 duplicate, 3 failed."
    assert "failed: m3: The file is empty." in out
    assert "failed: m4: " in out and "no such file" in out
    assert "failed: manifest.jsonl:5: Bad manifest line" in out
    assert "[" + "#" * 30 + "] 5/5" in err  # the progress bar, on stderr


def manifest_of(tmp_path, lines):
    """A manifest of these lines, each path a different article."""
    for line in lines:
        (tmp_path / line["path"]).write_text(f"{ARTICLE_TEXT}\nVersion {line['id']}.\n")
    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    return manifest


def test_it_reports_manifest_lines_whose_fields_cannot_be_stored(db, tmp_path):
    lines = [
        {"id": "nul", "path": "a.txt", "title": "Kyiv\x00"},
        {"id": "script", "path": "b.txt", "url": "javascript:alert(1)"},
        {"id": "number", "path": "c.txt", "outlet": 7},
        {"id": "good", "path": "d.txt", "title": "Good", "url": "https://example.org/d"},
    ]
    out, _err = ingest(manifest_of(tmp_path, lines))
    assert out.splitlines()[0] == "1 new, 0 duplicate, 3 failed."
    assert "failed: manifest.jsonl:1: Bad manifest line: title contains a null character" in out
    assert "failed: manifest.jsonl:2: Bad manifest line: url is not a web address" in out
    assert "failed: manifest.jsonl:3: Bad manifest line: outlet must be text, not int" in out
    assert list(Article.objects.values_list("title", "url")) == [("Good", "https://example.org/d")]


def test_it_reports_manifest_dates_outside_the_war(db, tmp_path):
    lines = [
        {"id": "old", "path": "a.txt", "published": "2013-12-31"},
        {"id": "zero", "path": "b.txt", "published": "0001-01-01"},
        {"id": "good", "path": "c.txt", "published": "2014-01-01"},
    ]
    out, _err = ingest(manifest_of(tmp_path, lines))
    assert out.splitlines()[0] == "1 new, 0 duplicate, 2 failed."
    assert "failed: old: The publication date cannot be before 1 January 2014" in out
    assert "failed: zero: The publication date cannot be before 1 January 2014" in out
    assert list(Article.objects.values_list("published", flat=True)) == [datetime.date(2014, 1, 1)]


def test_it_reports_duplicates_on_a_second_run(db, manifest):
    ingest(manifest)
    out, _ = ingest(manifest)
    assert out.splitlines()[0] == "0 new, 2 duplicate, 3 failed."
    assert f"duplicate: m1 is article {Article.objects.get(filename='a.txt').pk}" in out
    assert Article.objects.count() == 2


def test_it_ingests_files_from_a_folder(db, tmp_path):
    (tmp_path / "one.txt").write_text(ARTICLE_TEXT)
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "two.md").write_text("A second article, with its one sentence.\n")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    out, _ = ingest(tmp_path, "--outlet", "Kyiv Independent")
    assert sorted(Article.objects.values_list("filename", "outlet")) == [
        ("one.txt", "Kyiv Independent"),
        ("two.md", "Kyiv Independent"),
    ]
    assert out.startswith("2 new, 0 duplicate, 0 failed.")


def test_it_refuses_a_path_that_does_not_exist(db):
    with pytest.raises(CommandError, match="no such file or folder"):
        ingest("/nonexistent/file.txt")


def test_it_requeues_stuck_articles(db):
    with pytest.raises(CommandError):
        ingest()
    out, _ = ingest("--requeue-stuck")
    assert out == "Requeued 0 stuck article(s).\n"


def test_it_processes_the_seed_articles_synchronously(db):
    """The real cleaning and extraction on the seed articles."""
    out, _ = ingest(*(SEED_DIR / f"seed-00{n}.txt" for n in (0, 1, 4)), "--sync")
    assert out.startswith("3 new, 0 duplicate, 0 failed.")
    assert DBTaskResult.objects.count() == 0  # nothing queued
    seeds = {a.filename: a for a in Article.objects.all()}
    assert {a.status for a in seeds.values()} == {"done"}
    for name in ("seed-000.txt", "seed-001.txt"):
        # Both are one block of article lines, then, after a blank line, a block of unrelated
        # headlines: cleaning drops every headline and keeps every article line.
        raw = bytes(seeds[name].raw).decode()
        blocks = [[line.strip() for line in block.splitlines() if line.strip()] for block in raw.split("\n\n")]
        article, *_, headlines = [block for block in blocks if block]
        assert len(article) == 7 and len(headlines) == 17
        assert "Israel Intensifies Gaza Airstrikes Amid Ceasefire Tensions" in headlines
        assert [line for line in article if line not in seeds[name].text] == []
        assert [line for line in headlines if line in seeds[name].text] == []
    seed_004 = seeds["seed-004.txt"]
    assert (seed_004.published, seed_004.published_source) == (datetime.date(2024, 1, 4), "text")
    assert seed_004.text.startswith("Ukraine expects more prisoner exchanges")
    assert seeds["seed-000.txt"].published_source == "unknown"
    assert Event.objects.filter(article=seed_004).exists()
    assert seed_004.extractor_version


def test_it_explains_the_manifest_format_in_its_help():
    from articles.management.commands.ingest import Command

    help_text = Command().create_parser("manage.py", "ingest").format_help()
    assert "one JSON object per line" in help_text
    assert '  {"id": "kyiv-0412", "path": "texts/kyiv-0412.html", "title": "Strikes on Kyiv",\n' in help_text
    assert "relative to the folder the manifest is in\n             (not to the current folder)" in help_text
    for key in ("path", "id", "title, url, outlet", "published"):
        assert f"\n  {key} " in help_text or f"\n  {key}\n" in help_text, key
    assert "--published YYYY-MM-DD" in help_text


def test_it_gives_files_the_publication_date_of_published(db, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE_TEXT)
    (tmp_path / "b.txt").write_text(ARTICLE_TEXT + "\nAnother line.\n")
    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text(json.dumps({"path": "b.txt", "published": "2023-02-01"}) + "\n")
    out, _ = ingest(tmp_path / "a.txt", manifest, "--published", "2023-01-05")
    assert out.startswith("2 new, 0 duplicate, 0 failed.")
    a, b = Article.objects.get(filename="a.txt"), Article.objects.get(filename="b.txt")
    assert (a.published, a.published_source) == (datetime.date(2023, 1, 5), "supplied")
    assert b.published == datetime.date(2023, 2, 1)  # the manifest line's own date wins


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("05/01/2023", "'05/01/2023' is not a date: write it as YYYY-MM-DD, e.g. 2024-02-24"),
        ("2999-01-01", uploads.FUTURE_DATE),  # the upload form's own check
    ],
)
def test_it_refuses_a_published_date_it_cannot_use(db, tmp_path, value, message):
    (tmp_path / "a.txt").write_text(ARTICLE_TEXT)
    with pytest.raises(CommandError, match=re.escape(message)):
        ingest(tmp_path / "a.txt", "--published", value)
    assert not Article.objects.exists()
