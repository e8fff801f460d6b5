"""Background tasks: thin wrappers taking article ids, run by `manage.py db_worker`.

They are queued with transaction.on_commit (see articles.ingest.queue_processing),
so a worker never picks up an id whose row is not committed yet.
"""

from django.tasks import task

from articles import ingest


@task()
def process_article_task(article_id: int) -> bool:
    return ingest.process_article(article_id)


@task()
def reextract_article_task(article_id: int) -> bool:
    return ingest.reextract_article(article_id)
