"""Benchmark extraction against the bare spaCy pipeline on the same cleaned texts.

    python -m articles.extraction.bench [--corpus ../shared/corpus/pool] [--limit N] [--json]

Reads the corpus manifest (JSON lines {id, path, published}), cleans every
article once with `cleaning.read_document` (not timed), then times

1. the bare statistical pipeline: `nlp.pipe` of the model alone over the texts;
2. extraction: `extract_many` over the same texts (warboard's pipeline with
   its gazetteer ruler and cue matcher, plus the rules).

Both pipelines are loaded and warmed up before timing, take the same batch
size, and are timed in turn (bare, extraction, bare, ...); the fastest run of
each counts. It prints the throughput of each (articles/s, words/s) and their
ratio, in wall-clock time and in the process's CPU time (steadier on a shared
machine); the target is an extraction cost of at most 1.3 times the bare
pipeline's. The bare pipeline is the model exactly as `spacy.load` gives it.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
import time
from pathlib import Path

from articles.extraction import cleaning, extract_many
from articles.extraction.pipeline import get_pipeline, load_model
from articles.manifests import read_manifest

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "pool"
# Issue 8: extraction at most 1.3 times the bare statistical pipeline.
TARGET_RATIO = 1.3


def load_corpus(manifest_path: Path, limit: int | None) -> tuple[list[str], list[datetime.date | None]]:
    """The cleaned texts of the manifest's articles (read by articles.manifests) and their dates."""
    texts, published = [], []
    for line in read_manifest(manifest_path):
        if line.error or line.path is None:
            continue
        try:
            document = cleaning.read_document(line.path.read_bytes(), filename=line.written_path)
        except (OSError, ValueError):
            continue
        texts.append(document.text)
        published.append(line.published or document.published)
        if limit and len(texts) >= limit:
            break
    return texts, published


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "manifest",
        nargs="?",
        type=Path,
        help="the corpus manifest (JSON lines {id, path, published}) or its folder; default the pool",
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the corpus folder (manifest.jsonl)")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--runs", type=int, default=2, help="timed runs of each; the fastest counts")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    manifest = args.manifest or args.corpus
    if manifest.is_dir():
        manifest = manifest / "manifest.jsonl"
    if not manifest.is_file():
        print(f"bench: no manifest at {manifest}", file=sys.stderr)
        return 2
    texts, published = load_corpus(manifest.resolve(), args.limit)
    if not texts:
        print(f"bench: no readable articles in {args.corpus}", file=sys.stderr)
        return 2
    figures = measure(texts, published, args.runs, args.batch_size)
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        _print_figures(figures, args.runs)
    return 0


def measure(texts: list[str], published: list[datetime.date | None], runs: int, batch_size: int) -> dict:
    """Seconds and throughput of the bare statistical pipeline and of extraction over the same texts."""
    words = sum(len(text.split()) for text in texts)
    bare = load_model()
    get_pipeline()
    # Warm up both (first calls allocate, load lookups, import dateparser).
    list(bare.pipe(texts[:4]))
    extract_many(texts[:4], published[:4])

    # The two are timed in turn, run after run, so that a busy machine slows both alike.
    bare_times, extract_times = [], []
    for _ in range(runs):
        bare_times.append(timed(lambda: list(bare.pipe(texts, batch_size=batch_size))))
        extract_times.append(timed(lambda: extract_many(texts, published, batch_size=batch_size)))
    bare_seconds, extract_seconds = min(t[0] for t in bare_times), min(t[0] for t in extract_times)
    bare_cpu, extract_cpu = min(t[1] for t in bare_times), min(t[1] for t in extract_times)
    return {
        "articles": len(texts),
        "words": words,
        "bare": {**_throughput(bare_seconds, len(texts), words), "cpu_seconds": round(bare_cpu, 3)},
        "extraction": {**_throughput(extract_seconds, len(texts), words), "cpu_seconds": round(extract_cpu, 3)},
        "ratio": round(extract_seconds / bare_seconds, 2),
        "cpu_ratio": round(extract_cpu / bare_cpu, 2),
        "target_ratio": TARGET_RATIO,
    }


def timed(work) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds of this process) of one run. On a machine other sessions share,
    the CPU time moves far less than the wall-clock time, which counts the time spent waiting for a core."""
    started, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - started, time.process_time() - cpu


def _throughput(seconds: float, articles: int, words: int) -> dict:
    return {
        "seconds": round(seconds, 3),
        "articles_per_s": round(articles / seconds, 1),
        "words_per_s": round(words / seconds),
    }


def _print_figures(figures: dict, runs: int) -> None:
    print(f"{figures['articles']} articles, {figures['words']} words (best of {runs} runs)")
    for name in ("bare", "extraction"):
        f = figures[name]
        print(f"{name:11} {f['seconds']:8.2f} s  {f['articles_per_s']:7.1f} articles/s  {f['words_per_s']:8d} words/s")
    ratio = figures["ratio"]
    verdict = "ok" if ratio <= TARGET_RATIO else "over target"
    print(f"extraction / bare pipeline: {ratio:.2f}x (target <= {TARGET_RATIO}x: {verdict})")
    print(
        f"in CPU time: bare {figures['bare']['cpu_seconds']:.2f} s, extraction "
        f"{figures['extraction']['cpu_seconds']:.2f} s, {figures['cpu_ratio']:.2f}x"
    )


if __name__ == "__main__":
    sys.exit(main())
