"""The dashboard's pages at scale: p50/p95 and query counts per path, and the CSV exports against COPY.

    make bench-web [BENCH_JSON=FILE]        (a scratch embedded database, built and dropped)
    manage.py bench_web --build --scratch [--events 100000]    (on DATABASE_URL, a scratch database)
    manage.py bench_web [--runs 20] [--json FILE]              (measure what is there)

--build empties the database and fills it with COPY: by default 1,000,000 events,
1,000,000 loss reports, 300,000 pledges and 50,000 articles, dated over 2022-2026
(some undated), with skewed types, countries, places, outlets and review states,
grouped into incidents as the worker would (`group_incidents`), then VACUUM (ANALYZE).
Each path is requested --runs times through Django's test Client, signed in as a viewer,
after one warm-up request; each export is read to its end and timed against PostgreSQL's own
`COPY (the same query) TO STDOUT`.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import json
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.models import Count
from django.http import StreamingHttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext, setup_test_environment

from articles.incidents import group_all
from articles.models import AidPledge, Article, Event, LossReport, Place
from articles.roles import ensure_groups
from articles.vocabulary import LOSS_CATEGORY_LABELS, PLEDGE_CATEGORY_LABELS
from warboard.startup import ready_to_serve

START = datetime.date(2022, 2, 24)
END = datetime.date(2026, 6, 30)
RARE_WORD = "pontoon"

OUTLETS = [
    "Reuters", "BBC", "Kyiv Independent", "AP", "The Guardian", "Ukrainska Pravda", "Meduza", "DW", "Al Jazeera",
    "France 24", "CNN", "New York Times", "Washington Post", "Financial Times", "Euronews", "RFE/RL", "TASS",
    "Interfax", "Politico", "The Economist", "Le Monde", "Der Spiegel", "NV", "Hromadske", "Ukrinform",
    "Kyiv Post", "ABC", "Bloomberg", "Sky News", "Novaya Gazeta", "The Times", "Telegraph", "Axios", "NPR",
    "ISW", "Defense News", "Breaking Defense", "Janes", "Militarnyi", "Suspilne",
]  # fmt: skip
COUNTRIES = [
    "UA", "RU", "US", "DE", "GB", "PL", "FR", "BY", "IR", "KP", "CN", "TR", "IT", "NL", "CA", "SE", "NO", "FI",
    "DK", "EE", "LV", "LT", "CZ", "SK", "HU", "RO", "MD", "BG", "GR", "ES", "PT", "BE", "AT", "CH", "JP", "KR",
    "AU", "NZ", "IL", "IN", "SA", "AE", "QA", "BR", "ZA", "GE", "AM", "AZ", "KZ", "RS", "HR", "SI", "IE", "IS",
    "LU", "MT", "CY", "AL", "ME", "MK", "EU", "NATO", "UN", "G7", "OSCE", "IAEA", "IMF", "WB", "SY",
]  # fmt: skip
DONORS = ["US", "DE", "GB", "PL", "FR", "NL", "CA", "SE", "NO", "DK", "IT", "EU", "FI", "CZ", "EE", "IR", "KP"]
SUBJECTS = ["Russian", "Ukrainian", "Belarusian", "Western", "allied", "separatist"]
VERBS = ["shelled", "struck", "attacked", "advanced near", "retreated from", "defended", "bombed", "encircled"]
NOUNS = ["positions", "depots", "bridges", "convoys", "command posts", "airfields", "rail lines", "ports"]
EQUIPMENT = ["Leopard 2", "Abrams", "HIMARS", "Patriot", "IRIS-T", "Bradley", "Marder", "Stryker", "Caesar", "M777"]


def _weighted(rng: random.Random, values: list, skew: float = 1.0):
    """A Zipf-like draw: the first values are the most frequent."""
    return values[min(int(rng.paretovariate(skew)) - 1, len(values) - 1)]


def _day(rng: random.Random) -> datetime.date:
    # More reporting in the first year of the full-scale war, then steady.
    span = (END - START).days
    offset = int(span * rng.random() ** 1.3)
    return START + datetime.timedelta(days=offset)


class Dataset:
    """Rows for COPY, made from one seeded random generator so every build is the same."""

    def __init__(self, events: int, losses: int, pledges: int, articles: int, places: list[str], user_id: int):
        self.rng = random.Random(10)
        self.sizes = {"events": events, "losses": losses, "pledges": pledges, "articles": articles}
        self.places = places or ["Bakhmut", "Kyiv", "Kharkiv"]
        self.user_id = user_id

    def sentence(self, date: datetime.date | None) -> str:
        rng = self.rng
        place = _weighted(rng, self.places, 0.6)
        words = [
            rng.choice(SUBJECTS) if rng.random() < 0.6 else "Russian",
            "forces",
            rng.choice(VERBS),
            rng.choice(NOUNS),
            f"in {place}",
        ]
        if rng.random() < 0.0005:
            words.append(f"across a {RARE_WORD} crossing")
        if date:
            words.append(f"on {date:%d %B %Y}")
        return " ".join(words) + ", officials said."

    def build(self):
        """Articles with their text, then events, losses and pledges pointing into it."""
        rng = self.rng
        n_articles, n_events = self.sizes["articles"], self.sizes["events"]
        # Events per article: most articles have a few, some dozens; the first one is the
        # largest (150, a long daily round-up), none of the others has more than 100.
        weights = [min(rng.paretovariate(1.5), 30.0) for _ in range(n_articles)]
        total = sum(weights)
        counts = [min(100, max(1, round(n_events * w / total))) for w in weights]
        counts[0] = 150
        spare = n_events - sum(counts)
        position = 1
        while spare:
            step = 1 if spare > 0 else -1
            if 1 <= counts[position] + step <= 100:
                counts[position] += step
                spare -= step
            position = position % (n_articles - 1) + 1
        self.articles, self.events = [], []
        event_id = 0
        for article_id, count in enumerate(counts, start=1):
            published = _day(rng) if rng.random() > 0.05 else None
            outlet = _weighted(rng, OUTLETS, 0.8)
            parts, position = [], 0
            for _ in range(count):
                event_id += 1
                date = None if rng.random() < 0.05 else (published or _day(rng)) - datetime.timedelta(rng.randrange(3))
                text = self.sentence(date)
                start = position
                parts.append(text)
                position += len(text) + 1
                self.events.append((event_id, article_id, date, start, start + len(text), text))
            title = f"{rng.choice(SUBJECTS)} forces {rng.choice(VERBS)} {rng.choice(NOUNS)}, {outlet} reports"
            if rng.random() < 0.001:
                title += f" on a {RARE_WORD} bridge"
            self.articles.append((article_id, title, outlet, published, " ".join(parts)))

    def article_rows(self):
        now = datetime.datetime.now(datetime.UTC)
        for article_id, title, outlet, published, text in self.articles:
            sha = hashlib.sha256(f"bench-{article_id}".encode()).hexdigest()
            source = "supplied" if published else "unknown"
            yield (
                article_id, title, outlet, f"https://example.org/{article_id}", published, source, b"bench",
                f"{article_id}.txt", "text/plain", sha, text, "done", "", "bench", now, now,
            )  # fmt: skip

    def review(self) -> tuple[str, int | None, datetime.datetime | None]:
        draw = self.rng.random()
        state = "machine"
        if draw < 0.02:
            state = "confirmed"
        elif draw < 0.035:
            state = "edited"
        elif draw < 0.05:
            state = "rejected"
        if state == "machine":
            return state, None, None
        return state, self.user_id, datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)

    def event_rows(self):
        rng = self.rng
        types = ["battle", "strike", "losses", "aid", "diplomacy", "sanctions", "other", "mobilization", "training"]
        for event_id, article_id, date, start, end, text in self.events:
            precision = "" if date is None else rng.choice(["day"] * 8 + ["week", "month"])
            if date is not None and precision == "month":
                date = date.replace(day=1)
            elif date is not None and precision == "week":
                date = date - datetime.timedelta(days=date.weekday())
            countries = sorted({_weighted(rng, COUNTRIES, 0.7) for _ in range(rng.randint(1, 3))})
            places = sorted({_weighted(rng, self.places, 0.6) for _ in range(rng.randint(0, 2))})
            state, reviewer, reviewed_at = self.review()
            yield (
                event_id, article_id, start, end, state, reviewer, reviewed_at, date, precision,
                _weighted(rng, types, 0.9), text, places, countries,
            )  # fmt: skip

    def loss_rows(self):
        rng = self.rng
        categories = list(LOSS_CATEGORY_LABELS)
        for loss_id in range(1, self.sizes["losses"] + 1):
            event_id, article_id, date, start, end, _text = rng.choice(self.events)
            low = int(rng.paretovariate(1.2) * 3)
            high = low if rng.random() < 0.8 else low * 2
            period = rng.choice(["day", "day", "cumulative", "incident", ""])
            state, reviewer, reviewed_at = self.review()
            yield (
                loss_id, article_id, event_id, start, end, state, reviewer, reviewed_at,
                rng.choice(["RU"] * 6 + ["UA"] * 3 + ["BY"]), _weighted(rng, categories, 0.8), low, high, period,
                date, _weighted(rng, self.places, 0.6) if period == "incident" else "",
                rng.choice(["UA", "UA", "RU", "GB", ""]),
            )  # fmt: skip

    def pledge_rows(self):
        rng = self.rng
        categories = list(PLEDGE_CATEGORY_LABELS)
        for pledge_id in range(1, self.sizes["pledges"] + 1):
            event_id, article_id, date, start, end, _text = rng.choice(self.events)
            category = _weighted(rng, categories, 0.7)
            item, quantity, amount, currency = "", None, None, ""
            if category == "funding":
                amount, currency = rng.choice([100, 250, 400, 800, 1200, 2500]) * 1_000_000, rng.choice(["USD", "EUR"])
            else:
                item = rng.choice(EQUIPMENT + [""])
                quantity = rng.choice([None, 1, 4, 10, 14, 31, 100])
            state, reviewer, reviewed_at = self.review()
            yield (
                pledge_id, article_id, event_id, start, end, state, reviewer, reviewed_at,
                _weighted(rng, DONORS, 0.8), "UA" if rng.random() < 0.97 else "RU", item, category, quantity,
                amount, currency, rng.choice(["pledged", "pledged", "delivered", "considering"]), date,
            )  # fmt: skip


COPIES = [
    (
        Article,
        "id, title, outlet, url, published, published_source, raw, filename, content_type, sha256, text,"
        " status, failure_reason, extractor_version, uploaded_at, processed_at",
        "article_rows",
    ),
    (
        Event,
        "id, article_id, span_start, span_end, review_state, reviewed_by_id, reviewed_at, date, precision, type,"
        " summary, places, countries",
        "event_rows",
    ),
    (
        LossReport,
        "id, article_id, event_id, span_start, span_end, review_state, reviewed_by_id, reviewed_at, side,"
        " category, min, max, period, date, place, reported_by",
        "loss_rows",
    ),
    (
        AidPledge,
        "id, article_id, event_id, span_start, span_end, review_state, reviewed_by_id, reviewed_at, donor,"
        " recipient, item, category, quantity, amount, currency, status, date",
        "pledge_rows",
    ),
]


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class Command(BaseCommand):
    help = "Measure the dashboard's pages and exports on a large dataset (--build fills a scratch database)."

    def add_arguments(self, parser):
        parser.add_argument("--build", action="store_true", help="empty the database and fill it with COPY")
        parser.add_argument("--scratch", action="store_true", help="the database is a scratch one (with --build)")
        parser.add_argument("--events", type=int, default=1_000_000)
        parser.add_argument("--losses", type=int, default=None, help="default: as many as events")
        parser.add_argument("--pledges", type=int, default=None, help="default: 30%% of events")
        parser.add_argument("--articles", type=int, default=None, help="default: 5%% of events")
        parser.add_argument("--runs", type=int, default=20)
        parser.add_argument("--only", default="", help="measure only the paths whose name contains this")
        parser.add_argument("--no-exports", action="store_true")
        parser.add_argument(
            "--json", dest="json_path", type=Path, default=None, help="also write the results as a JSON list"
        )

    def handle(self, build, scratch, events, losses, pledges, articles, runs, only, no_exports, json_path, **options):
        if build:
            if not scratch:
                raise CommandError("--build deletes every article: add --scratch (make bench-web does).")
            self.build(events, losses or events, pledges or events * 3 // 10, articles or max(1, events // 20))
        if not Event.objects.exists():
            raise CommandError("No events: run with --build --scratch first.")
        setup_test_environment()
        client = Client()
        user, _ = get_user_model().objects.get_or_create(username="bench-viewer")
        user.groups.set([ensure_groups()["viewer"]])
        client.force_login(user)
        results = []
        for name, url, headers in self.paths():
            if only and only not in name:
                continue
            url = url() if callable(url) else url
            results.append(self.measure(client, name, url, headers, runs))
        if not no_exports:
            for name in ("events", "losses", "pledges"):
                if only and only not in f"export {name}":
                    continue
                results.append(self.measure_export(client, name))
        if json_path:
            json_path.write_text(json.dumps(results, indent=1) + "\n")
            self.stdout.write(f"written to {json_path}")

    # Building -------------------------------------------------------------

    def build(self, events: int, losses: int, pledges: int, articles: int) -> None:
        started = time.monotonic()
        call_command("load_gazetteers", verbosity=0)
        places = list(Place.objects.filter(country="UA").order_by("name").values_list("name", flat=True))
        random.Random(3).shuffle(places)
        user, _ = get_user_model().objects.get_or_create(username="bench-editor")
        dataset = Dataset(events, losses, pledges, articles, places, user.pk)
        dataset.build()
        self.stdout.write(f"generated in {time.monotonic() - started:.0f} s; copying")
        with connection.cursor() as cursor:
            tables = ", ".join(model._meta.db_table for model, _columns, _rows in reversed(COPIES))
            cursor.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
        raw = connection.connection
        for model, columns, rows in COPIES:
            table = model._meta.db_table
            with raw.cursor() as cursor:
                with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in getattr(dataset, rows)():
                        copy.write_row(row)
                cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
            self.stdout.write(f"  {table}: {time.monotonic() - started:.0f} s")
        # The timeline shows incidents by default: the worker groups each article it writes.
        incidents = group_all()
        self.stdout.write(f"  {incidents:,} incidents: {time.monotonic() - started:.0f} s")
        with connection.cursor() as cursor:
            # VACUUM as autovacuum would soon after: without the visibility map, the covering
            # indexes (loss_reviewed, loss_event_id...) cannot answer index-only and every
            # `review=` or `country=` check reads the heap (review=confirmed: 18,800 pages).
            cursor.execute("VACUUM (ANALYZE)")
        self.after_build()
        self.stdout.write(f"built in {time.monotonic() - started:.0f} s")

    def after_build(self) -> None:
        """What the app derives from the records once they are written (aggregates, stored sentences)."""
        from dashboard import snapshots

        snapshots.refresh(force=True)

    # Measuring ------------------------------------------------------------

    def paths(self) -> list[tuple[str, str | Callable[[], str], dict]]:
        """What is measured: (name, URL or a function giving it once the data is built, request headers)."""
        latest = Event.objects.filter(date__isnull=False).order_by("-date").values_list("date", flat=True).first()
        if latest is None:
            raise CommandError("The generated data has no dated event.")
        busiest_month = latest.replace(day=1)
        month = f"from={busiest_month:%Y-%m}-01&to={busiest_month:%Y-%m}-28"
        largest = Event.objects.values("article_id").annotate(events=Count("id")).order_by("-events")[0]["article_id"]
        middle = Article.objects.order_by("id").values_list("id", flat=True)[Article.objects.count() // 2]
        fragment = {"HX-Request": "true", "HX-Target": "timeline-list"}
        more = {"HX-Request": "true", "HX-Target": "timeline-more"}
        filters = [
            ("unfiltered", ""),
            ("one month", month),
            ("type=strike", "type=strike"),
            ("country=DE", "country=DE"),
            ("place=Bakhmut", "place=Bakhmut"),
            ("outlet=Reuters", "outlet=Reuters"),
            ("article", f"article={middle}"),
            ("review=confirmed", "review=confirmed"),
            ("undated", "undated=1"),
            ("q=Russian", "q=Russian"),
            (f"q={RARE_WORD}", f"q={RARE_WORD}"),
            ("order=oldest", "order=oldest"),
        ]
        paths: list[tuple[str, str | Callable[[], str], dict]] = []
        for label, query in filters:
            paths.append((f"timeline {label}, full page", f"/?{query}", {}))
            paths.append((f"timeline {label}, htmx fragment", f"/?{query}", fragment))
        for label, query in (
            ("", ""),
            (" oldest", "order=oldest"),
            (" country=DE", "country=DE"),
            (" q=Russian", "q=Russian"),
        ):
            paths.append((f"timeline{label}, 50th load more", functools.partial(self.load_more_url, 50, query), more))
        for label, query in (("unfiltered", ""), ("one month", month), ("country=DE", "country=DE")):
            paths.append((f"timeline by report {label}, full page", f"/?view=reports&{query}", {}))
        for label, query in (("unfiltered", ""), ("one month", month), ("country=DE", "country=DE")):
            paths.append((f"charts page {label}", f"/charts/?{query}", {}))
            paths.append((f"charts JSON {label}", f"/charts/data.json?{query}", {}))
        paths.append(("charts JSON, UA equipment both", "/charts/data.json?side=UA&group=equipment&status=both", {}))
        paths.append(("records behind a bar, DE pledges", "/records/pledges/?donor=DE&aid=equipment", {}))
        paths.append(("aid tracker", "/aid/", {}))
        paths.append(("aid tracker, country=DE", "/aid/?country=DE", {}))
        paths.append(("map, one week", f"/map/?week={busiest_month:%Y-%m-%d}", {}))
        paths.append(("map, all weeks", "/map/", {}))
        paths.append(("article list", "/articles/", {}))
        paths.append(("article list, search", "/articles/?q=Russian", {}))
        paths.append(("article page, largest", f"/articles/{largest}/", {}))
        return paths

    def load_more_url(self, pages: int, query: str = "") -> str:
        """The URL of the n-th "load more" page, found by following the timeline's own links."""
        import re

        client = Client()
        client.force_login(get_user_model().objects.get(username="bench-viewer"))
        url = f"/?{query}"
        for _ in range(pages):
            html = client.get(url, headers={"HX-Request": "true", "HX-Target": "timeline-more"}).content.decode()
            match = re.search(r'id="timeline-more".*?href="(/\?[^"]*after=[^"]+)"', html, re.S)
            if not match:
                break
            url = match.group(1).replace("&amp;", "&")
        return url

    def measure(self, client: Client, name: str, url: str, headers: dict, runs: int) -> dict:
        client.get(url, headers=headers)  # warm-up: connection, templates, caches
        ready_to_serve()  # as a web process does at start-up (warboard/wsgi.py)
        times, queries, status = [], 0, 0
        for _ in range(runs):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(url, headers=headers)
                times.append((time.perf_counter() - started) * 1000)
            queries, status = len(captured), response.status_code
        row = {
            "path": name,
            "url": url,
            "status": status,
            "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(_percentile(times, 0.95), 1),
            "queries": queries,
        }
        self.stdout.write(f"{name:50} {row['p50_ms']:9.1f} {row['p95_ms']:9.1f} {queries:4} {status}")
        return row

    def measure_export(self, client: Client, name: str) -> dict:
        from dashboard import exports

        url = f"/export/{name}.csv"
        rss_before = peak = _rss_mb()
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
            first_row = None
            size = lines = 0
            assert isinstance(response, StreamingHttpResponse)  # the exports stream, however long
            for chunk in response.streaming_content:
                if first_row is None and chunk.count(b"\n") >= 2:
                    first_row = time.perf_counter() - started
                size += len(chunk)
                lines += chunk.count(b"\n")
                if lines % 50_000 < chunk.count(b"\n") + 1:
                    peak = max(peak, _rss_mb())
        seconds = time.perf_counter() - started
        peak = max(peak, _rss_mb())
        sql = exports.export_sql(name)
        copy_started = time.perf_counter()
        copied = 0
        with connection.connection.cursor() as cursor:
            # The web requests' statement timeout (warboard/timeouts.py) is not PostgreSQL's own COPY's.
            cursor.execute("SET statement_timeout = 0")
            connection.connection.warboard_statement_timeout = None
            with cursor.copy(f"COPY ({sql}) TO STDOUT") as copy:
                for block in copy:
                    copied += len(block)
        copy_seconds = time.perf_counter() - copy_started
        row = {
            "path": f"export {name}.csv, whole table",
            "url": url,
            "status": response.status_code,
            "rows": lines - 1,
            "mb": round(size / 1e6, 1),
            "seconds": round(seconds, 2),
            "first_row_s": round(first_row or seconds, 3),
            "copy_seconds": round(copy_seconds, 2),
            "peak_rss_mb": round(peak, 1),
            "rss_growth_mb": round(peak - rss_before, 1),
            "p50_ms": round(seconds * 1000),
            "p95_ms": round(seconds * 1000),
            "queries": len(captured),
        }
        self.stdout.write(
            f"export {name}: {row['rows']} rows, {row['mb']} MB in {seconds:.1f} s, first row {row['first_row_s']} s,"
            f" COPY {copy_seconds:.1f} s, peak RSS {peak:.0f} MB (+{peak - rss_before:.0f}), {len(captured)} queries"
        )
        return row
