"""The extraction benchmark: one run reports both throughputs and their ratio."""

import json
import shutil
from pathlib import Path

from articles.extraction import bench

SEED_TEXTS = ["seed-000", "seed-001", "seed-004"]


def _corpus(tmp_path):
    seed = Path(__file__).resolve().parents[1] / "fixtures" / "seed"
    lines = []
    for name in SEED_TEXTS:
        shutil.copy(seed / f"{name}.txt", tmp_path / f"{name}.txt")
        lines.append(json.dumps({"id": name, "path": f"{name}.txt", "published": "2024-01-04"}))
    lines.append(json.dumps({"id": "gone", "path": "gone.txt"}))  # unreadable: skipped
    (tmp_path / "manifest.jsonl").write_text("\n".join(lines) + "\n")
    return tmp_path / "manifest.jsonl"


def test_it_reports_throughput_of_both_pipelines_and_their_ratio(tmp_path, capsys):
    manifest = _corpus(tmp_path)
    assert bench.main([str(manifest), "--runs", "1", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["articles"] == 3 and figures["words"] > 1000
    for side in ("bare", "extraction"):
        assert figures[side]["seconds"] > 0
        assert figures[side]["articles_per_s"] > 0 and figures[side]["words_per_s"] > 0
    assert abs(figures["ratio"] - figures["extraction"]["seconds"] / figures["bare"]["seconds"]) < 0.02
    # and in CPU time, which other sessions on the machine disturb less
    assert figures["bare"]["cpu_seconds"] > 0 and figures["extraction"]["cpu_seconds"] > 0
    cpu_ratio = figures["extraction"]["cpu_seconds"] / figures["bare"]["cpu_seconds"]
    assert abs(figures["cpu_ratio"] - cpu_ratio) < 0.02
    assert figures["target_ratio"] == 1.3


def test_it_says_so_when_there_is_no_manifest(tmp_path, capsys):
    assert bench.main([str(tmp_path / "nothing.jsonl")]) == 2
    assert "no manifest" in capsys.readouterr().err
