"""Background tasks, run by `manage.py db_worker`, and putting articles on their queue.

Tasks take article ids and are queued with transaction.on_commit (`queue_processing`),
so a worker never picks up an id whose row is not committed yet. A task whose article
ends failed raises ArticleFailed after the reason is stored on the article: the tasks
framework records a task as failed only when it raises.
"""

from django.db import transaction
from django.tasks import task

from articles import processing
from articles.models import Article

WORKER_DIED = (
    "The worker processing this article stopped before it finished (it was stopped or crashed); "
    "nothing was stored. The next worker to start queues it again."
)


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
    return _outcome(article_id, processing.process_queued(article_id))


@task()
def reextract_article_task(article_id: int) -> bool:
    return _outcome(article_id, processing.reextract_article(article_id, isolated=True))


def queue_processing(article_id: int) -> None:
    transaction.on_commit(lambda: process_article_task.enqueue(article_id))


def requeue_done_article(article_id: int) -> bool:
    """Queue a processed article for extraction again (reviewed records are kept)."""
    requeued = Article.objects.filter(pk=article_id, status=Article.Status.DONE).queue()
    if requeued:
        queue_processing(article_id)
    return bool(requeued)


def requeue_article(article_id: int) -> bool:
    """Queue a failed article, or one whose worker died, again; False when it is queued, running or done."""
    requeued = Article.objects.filter(pk=article_id).retryable().queue()
    if requeued:
        queue_processing(article_id)
    return bool(requeued)


def requeue_stuck() -> list[int]:
    """Queue again every article whose worker died while processing it (workers call this as they run)."""
    ids = list(Article.objects.orphaned().values_list("pk", flat=True))
    return [article_id for article_id in ids if requeue_article(article_id)]
