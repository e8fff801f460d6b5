"""manage.py bench_ingest: what it measures on, and its refusal to run on a database that is not scratch."""

import json

import pytest
from django.core.management import CommandError, call_command

from articles.management.commands.bench_ingest import Command
from tests.articles.conftest import ARTICLE_TEXT


def test_it_measures_only_the_articles_an_upload_would_accept(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE_TEXT)
    (tmp_path / "b.txt").write_text(ARTICLE_TEXT + "\nAnother.\n")
    (tmp_path / "empty.txt").write_text("")
    lines = [{"path": "empty.txt"}, "not json", {"path": "a.txt", "title": "A"}, {"path": "b.txt"}]
    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text("\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n")
    readable = Command.readable(manifest, limit=None)
    assert [(source.path.name, source.title) for source, _upload, _document in readable] == [
        ("a.txt", "A"),
        ("b.txt", ""),
    ]
    assert [source.path.name for source, _u, _d in Command.readable(manifest, limit=2)] == ["a.txt"]


def test_it_refuses_a_database_that_is_not_scratch(tmp_path):
    with pytest.raises(CommandError, match="scratch"):
        call_command("bench_ingest", str(tmp_path / "manifest.jsonl"))
