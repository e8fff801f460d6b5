import pytest

from articles.jsonl import JsonLinesError, iter_jsonl, read_jsonl


def test_blank_lines_and_comments_are_skipped_and_lines_numbered():
    lines = ["# a comment\n", "\n", '{"a": 1}\n', "   \n", '  {"b": 2}  \n']
    assert list(iter_jsonl(lines)) == [(3, {"a": 1}), (5, {"b": 2})]


@pytest.mark.parametrize("line, reason", [('{"a": 1', "not JSON"), ("[1, 2]", "not a JSON object")])
def test_a_malformed_line_names_the_file_and_line(tmp_path, line, reason):
    path = tmp_path / "rules.jsonl"
    path.write_text('{"ok": true}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(JsonLinesError) as raised:
        read_jsonl(path)
    assert str(raised.value).startswith(f"{path}:2: {reason}")
    assert raised.value.number == 2


def test_a_missing_file_is_an_error_not_an_empty_list(tmp_path):
    with pytest.raises(FileNotFoundError):
        read_jsonl(tmp_path / "missing.jsonl")
