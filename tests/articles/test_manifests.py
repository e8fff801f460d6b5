"""articles.manifests: the one manifest parser of ingest, extract and the benchmarks."""

import datetime
import json
from pathlib import Path

from articles.manifests import ManifestLine, read_manifest


def manifest_with(tmp_path, *lines):
    path = tmp_path / "manifest.jsonl"
    path.write_text("\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n")
    return path


def test_it_reads_an_article_line_with_its_path_beside_the_manifest(tmp_path):
    line = {"id": "k1", "path": "texts/k.html", "title": "T", "url": "https://e.org", "outlet": "R"}
    [read] = read_manifest(manifest_with(tmp_path, {**line, "published": "2024-04-12"}))
    assert read == ManifestLine(
        1,
        id="k1",
        path=tmp_path / "texts" / "k.html",
        written_path="texts/k.html",
        title="T",
        url="https://e.org",
        outlet="R",
        published=datetime.date(2024, 4, 12),
    )


def test_it_keeps_an_absolute_path_and_reads_nulls_as_empty(tmp_path):
    [read] = read_manifest(manifest_with(tmp_path, {"path": "/data/a.txt", "title": None, "published": None}))
    assert (read.path, read.id, read.title, read.published, read.error) == (Path("/data/a.txt"), "", "", None, "")


def test_it_skips_blank_and_comment_lines_and_numbers_lines_in_the_file(tmp_path):
    lines = read_manifest(manifest_with(tmp_path, "# the pool", "", {"path": "a.txt"}))
    assert [(line.number, line.written_path) for line in lines] == [(3, "a.txt")]


def test_it_reports_each_bad_line_and_reads_on(tmp_path):
    lines = read_manifest(
        manifest_with(
            tmp_path,
            "not json",
            "[1, 2]",
            {"id": "nopath"},
            {"id": "baddate", "path": "b.txt", "published": "2024-13-45"},
            {"id": "nul", "path": "c.txt", "title": "Kyiv\x00"},
            {"id": "number", "path": "d.txt", "outlet": 7},
            {"id": "good", "path": "e.txt"},
        )
    )
    errors = {line.id or line.number: line.error for line in lines}
    assert errors[1].startswith("not JSON (")
    assert errors[2] == "not a JSON object"
    assert errors["nopath"] == 'no "path" (the article\'s file)'
    assert errors["baddate"] == "published is not a date (YYYY-MM-DD): '2024-13-45'"
    assert errors["nul"] == "title contains a null character"
    assert errors["number"] == "outlet must be text, not int"
    assert errors["good"] == ""
    assert [line.path for line in lines if line.error] == [None] * 6
    assert lines[3].written_path == "b.txt"  # extract names a bad line by its file when it has no id
