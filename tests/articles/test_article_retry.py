"""Retry and re-extract: POST /articles/<id>/retry/."""

from django.urls import reverse
from django.utils import timezone

from articles.models import Article


def url(article):
    return reverse("articles:retry", args=[article.pk])


def failed(make_article):
    article = make_article()
    Article.objects.filter(pk=article.pk).update(status="failed", failure_reason="Broken.")
    return article


def test_it_redirects_anonymous_users_to_log_in(client, make_article):
    article = failed(make_article)
    assert client.post(url(article)).status_code == 302
    assert Article.objects.get(pk=article.pk).status == "failed"


def test_it_forbids_viewers(viewer_client, make_article):
    article = failed(make_article)
    response = viewer_client.post(url(article))
    assert response.status_code == 403
    assert Article.objects.get(pk=article.pk).status == "failed"


def test_it_takes_only_post(editor_client, make_article):
    assert editor_client.get(url(failed(make_article))).status_code == 405


def test_it_requeues_a_failed_article(editor_client, make_article, django_capture_on_commit_callbacks):
    article = failed(make_article)
    with django_capture_on_commit_callbacks() as callbacks:
        response = editor_client.post(url(article))
    assert response.status_code == 302 and response["Location"] == reverse("articles:detail", args=[article.pk])
    article.refresh_from_db()
    assert (article.status, article.failure_reason) == ("queued", "")
    assert len(callbacks) == 1


def test_it_requeues_an_article_whose_worker_died_but_not_a_running_one(editor_client, make_article, live_worker):
    article = make_article()
    Article.objects.filter(pk=article.pk).update(status="processing", processed_at=timezone.now())
    live_worker(article)
    response = editor_client.post(url(article), follow=True)
    assert Article.objects.get(pk=article.pk).status == "processing"
    assert "already queued or being processed" in response.content.decode()
    live_worker.die()
    editor_client.post(url(article))
    assert Article.objects.get(pk=article.pk).status == "queued"


def test_it_queues_a_done_article_for_reextraction(editor_client, done_article, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        response = editor_client.post(url(done_article), follow=True)
    assert Article.objects.get(pk=done_article.pk).status == "queued"
    assert len(callbacks) == 1
    assert "reviewed records will be kept" in response.content.decode()
