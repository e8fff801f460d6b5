"""articles.uploads: validating an upload and storing it once as a queued article."""

import datetime

import pytest
from django.utils import timezone

from articles import uploads
from articles.models import Article
from tests.articles.conftest import ARTICLE_TEXT, PLEDGE, STRIKE


def test_it_stores_raw_bytes_and_queues_the_article(make_article):
    article = make_article(outlet="Reuters")
    assert bytes(article.raw) == ARTICLE_TEXT.encode()
    assert article.status == Article.Status.QUEUED
    assert article.filename == "article.txt"
    assert article.content_type == "text/plain"
    assert article.title == "Missiles hit Kyiv as Germany pledges tanks"  # the document's headline
    assert article.outlet == "Reuters"


def test_it_queues_processing_after_commit(db, django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        created = uploads.create_article(uploads.Upload(ARTICLE_TEXT.encode(), "a.txt", "text/plain"))
        assert DBTaskResult.objects.count() == 0  # nothing queued before the commit
    assert len(callbacks) == 1
    task = DBTaskResult.objects.get()
    assert task.task_path == "articles.tasks.process_article_task"
    assert task.args_kwargs["args"] == [created.article.pk]


def test_it_returns_the_existing_article_for_the_same_bytes(make_article):
    first = make_article()
    again = uploads.create_article(uploads.Upload(ARTICLE_TEXT.encode(), "other-name.txt", "text/plain"))
    assert again.created is False
    assert again.article.pk == first.pk
    assert Article.objects.count() == 1


def test_it_lets_supplied_metadata_win_over_the_document(make_article):
    article = make_article(title="My title", published=datetime.date(2023, 1, 5))
    assert article.title == "My title"
    assert article.published == datetime.date(2023, 1, 5)
    assert article.published_source == Article.PublishedSource.SUPPLIED


def test_it_takes_the_date_the_text_states_when_none_is_supplied(make_article):
    article = make_article("date 2024-01-04 This article was last updated on January 4, 2024\n\n" + ARTICLE_TEXT)
    assert article.published == datetime.date(2024, 1, 4)
    assert article.published_source == Article.PublishedSource.TEXT


def test_it_marks_the_date_unknown_when_nobody_states_it(make_article):
    article = make_article()
    assert article.published is None
    assert article.published_source == Article.PublishedSource.UNKNOWN


def test_it_refuses_a_future_publication_date(db):
    with pytest.raises(uploads.InvalidUpload, match="future"):
        uploads.create_article(
            uploads.Upload(b"Some text that is an article.", "a.txt"),
            published=timezone.localdate() + datetime.timedelta(days=1),
        )
    assert not Article.objects.exists()


@pytest.mark.parametrize("published", [datetime.date(2013, 12, 31), datetime.date(1, 1, 1)])
def test_it_refuses_a_publication_date_before_2014(db, published):
    with pytest.raises(uploads.InvalidUpload, match="^The publication date cannot be before 1 January 2014: "):
        uploads.create_article(uploads.Upload(b"Some text that is an article.", "a.txt"), published=published)
    assert not Article.objects.exists()


@pytest.mark.parametrize("stated", ["Published 4 March 2099", "Published 4 March 2013"])
def test_it_ignores_a_date_the_text_states_outside_the_war(make_article, stated):
    article = make_article(f"{stated}\n\n{ARTICLE_TEXT}")
    assert (article.published, article.published_source) == (None, Article.PublishedSource.UNKNOWN)


def test_it_names_an_untitled_text_by_its_first_line(make_article):
    article = make_article(f"{STRIKE}\n\n{PLEDGE}\n")
    assert article.title == STRIKE


def test_it_stores_an_html_page_checked_but_not_yet_read(db):
    page = b"<html><head><title>Kyiv hit</title></head><body><p>" + STRIKE.encode() + b"</p></body></html>"
    article = uploads.create_article(uploads.Upload(page, "kyiv.html", "text/html"), enqueue=False).article
    # The worker reduces the page and takes its title, date and outlet.
    assert (article.title, article.published_source, article.status) == ("", "unknown", Article.Status.QUEUED)
