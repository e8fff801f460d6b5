"""Background tasks: thin wrappers taking article ids, run by `manage.py db_worker`.

They are queued with transaction.on_commit (see articles.ingest.queue_processing),
so a worker never picks up an id whose row is not committed yet. A task whose article
ends failed raises ArticleFailed after the reason is stored on the article: the tasks
framework records a task as failed only when it raises.
"""

from django.tasks import task

from articles import ingest
from articles.models import Article


class ArticleFailed(Exception):
    """The article could not be processed; the message is its failure reason."""


class WorkerDied(Exception):
    """Recorded for the task a worker was running when it died (its article was queued again)."""


def _outcome(article_id: int, claimed: bool) -> bool:
    status, reason = Article.objects.filter(pk=article_id).values_list("status", "failure_reason").first() or ("", "")
    if status == Article.Status.FAILED:
        raise ArticleFailed(f"Article {article_id}: {reason}")
    return claimed


@task()
def process_article_task(article_id: int) -> bool:
    """True when this task processed the article; False when another task (or another's batch) had it."""
    return _outcome(article_id, ingest.process_queued(article_id))


@task()
def reextract_article_task(article_id: int) -> bool:
    return _outcome(article_id, ingest.reextract_article(article_id, isolated=True))
