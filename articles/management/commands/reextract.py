"""Run extraction again on processed articles, here and now.

    manage.py reextract 12 13
    manage.py reextract --all

Machine records are replaced; records an analyst confirmed, edited or rejected
are kept (see articles.writing.write_records). An article a worker is processing is
skipped, unless the worker died (nobody holds the article's lock): then it is
taken over.
"""

from django.core.management.base import BaseCommand, CommandError

from articles import processing
from articles.management.progress import ProgressBar
from articles.models import Article


class Command(BaseCommand):
    help = "Extract records again from articles, keeping the records analysts reviewed."

    def add_arguments(self, parser):
        parser.add_argument("article_ids", nargs="*", type=int, metavar="ARTICLE_ID")
        parser.add_argument("--all", action="store_true", help="Every article.")

    def handle(self, *args, article_ids: list[int], all: bool, **options):  # noqa: A002 - the option's name
        if all == bool(article_ids):
            raise CommandError("Give article ids or --all (not both).")
        if all:
            article_ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
        else:
            found = set(Article.objects.filter(pk__in=article_ids).values_list("pk", flat=True))
            missing = sorted(set(article_ids) - found)
            if missing:
                raise CommandError(f"No article with id {', '.join(map(str, missing))}.")

        done, failed, busy = [], [], []
        bar = ProgressBar(len(article_ids), self.stderr, label="Re-extracting ")
        bar.draw()
        for article_id in article_ids:
            if not processing.reextract_article(article_id, stuck_too=True):
                busy.append(article_id)
            else:
                article = Article.objects.only("status", "failure_reason").get(pk=article_id)
                if article.status == Article.Status.FAILED:
                    failed.append((article_id, article.failure_reason))
                else:
                    done.append(article_id)
            bar.advance(f"article {article_id}")
        bar.close()

        self.stdout.write(f"{len(done)} re-extracted, {len(failed)} failed, {len(busy)} skipped (being processed).")
        for article_id, reason in failed:
            self.stdout.write(self.style.ERROR(f"  failed: article {article_id}: {reason}"))
        for article_id in busy:
            self.stdout.write(f"  skipped: article {article_id} is being processed by a worker")
