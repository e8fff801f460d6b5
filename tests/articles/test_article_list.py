"""The article list: /articles/."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from articles.views import ARTICLES_PER_PAGE
from tests.pages import find_all

URL = reverse("articles:list")


def make(n, **fields):
    defaults = {"raw": f"article {n}".encode(), "sha256": f"{n:064d}", "title": f"Article {n}"}
    return Article.objects.create(**(defaults | fields))


def test_it_redirects_anonymous_users_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("who", ["viewer_client", "editor_client"])
def test_it_lists_articles_for_viewers_and_editors(db, who, request):
    make(1, title="Missiles over Kyiv")
    response = request.getfixturevalue(who).get(URL)
    assert response.status_code == 200
    assert "Missiles over Kyiv" in response.content.decode()


def test_it_lists_newest_first(viewer_client):
    now = timezone.now()
    make(1, title="Older", uploaded_at=now - datetime.timedelta(days=1))
    make(2, title="Newer", uploaded_at=now)
    page = viewer_client.get(URL).context["page"]
    assert [a.title for a in page.object_list] == ["Newer", "Older"]


def test_it_searches_title_and_outlet(viewer_client):
    make(1, title="Bakhmut battle", outlet="Reuters")
    make(2, title="Aid package", outlet="Kyiv Independent")
    assert [a.title for a in viewer_client.get(URL, {"q": "bakhmut"}).context["page"]] == ["Bakhmut battle"]
    assert [a.title for a in viewer_client.get(URL, {"q": "kyiv indep"}).context["page"]] == ["Aid package"]


def test_it_filters_by_status(viewer_client):
    make(1, title="Done one", status=Article.Status.DONE)
    make(2, title="Failed one", status=Article.Status.FAILED)
    page = viewer_client.get(URL, {"status": "failed"}).context["page"]
    assert [a.title for a in page] == ["Failed one"]


def test_it_filters_by_ids(viewer_client):
    a, _b, c = make(1), make(2), make(3)
    page = viewer_client.get(URL, {"ids": f"{a.pk},{c.pk}"}).context["page"]
    assert {x.pk for x in page} == {a.pk, c.pk}


@pytest.mark.parametrize("query", [{"status": "exploded"}, {"page": "x"}, {"page": "0"}, {"ids": "1,two"}])
def test_it_answers_a_bad_query_with_400(viewer_client, query):
    response = viewer_client.get(URL, query)
    assert response.status_code == 400
    assert response.context["form"].errors


def test_it_paginates(viewer_client):
    for n in range(ARTICLES_PER_PAGE + 3):
        make(n)
    first = viewer_client.get(URL, {"status": "queued"})
    assert len(first.context["page"].object_list) == ARTICLES_PER_PAGE
    assert "status=queued&amp;page=2" in first.content.decode()
    second = viewer_client.get(URL, {"status": "queued", "page": 2})
    assert len(second.context["page"].object_list) == 3
    # A page past the end shows the last one rather than failing.
    assert viewer_client.get(URL, {"page": 99}).context["page"].number == 2


@pytest.mark.parametrize("articles", [1, ARTICLES_PER_PAGE + 5])
def test_it_reads_a_fixed_number_of_queries(viewer_client, viewer, live_worker, django_assert_num_queries, articles):
    statuses = ["queued", "processing", "done", "failed"]
    for n in range(articles):
        make(n, uploaded_by=viewer, status=statuses[n % 4], published=datetime.date(2024, 1, 1))
    live_worker(make(999, status="processing"))  # one running, the others' workers died
    # session, user, permissions (two), count, page of articles (stalled ones found in the same query):
    # however many articles, stalled or not, the page holds
    with django_assert_num_queries(6):
        response = viewer_client.get(URL)
    assert len(response.context["page"].object_list) == min(articles + 1, ARTICLES_PER_PAGE)


def test_it_does_not_load_the_raw_bytes(viewer_client, django_assert_num_queries):
    make(1)
    with django_assert_num_queries(6) as captured:
        viewer_client.get(URL)
    listing = [
        q["sql"]
        for q in captured.captured_queries
        if q["sql"].startswith("SELECT") and 'FROM "articles_article"' in q["sql"]
    ]
    assert listing and all('"articles_article"."raw"' not in sql for sql in listing)


def test_it_lists_an_article_whose_worker_died_as_stalled_without_writing(viewer_client, live_worker):
    running, dead = make(1), make(2)
    Article.objects.filter(pk__in=[running.pk, dead.pk]).update(status="processing")
    live_worker(running)
    response = viewer_client.get(URL, {"status": "processing"})
    stalled = {article.pk: article.stalled for article in response.context["page"].object_list}
    assert stalled == {running.pk: False, dead.pk: True}
    shown = [span.text for span in find_all(response.content.decode(), "span", class_="status")]
    assert sorted(shown) == ["Processing", "Stalled"]
    assert set(Article.objects.values_list("status", flat=True)) == {"processing"}  # a GET writes nothing


def test_it_searches_titles_outlets_and_file_names_through_their_trigram_indexes(db):
    # The indexes (migration 0003) are on the expressions Django writes for `icontains`; when
    # Django's SQL and the indexes drift apart, every search reads the whole table again.
    from django.db import connection

    from articles.forms import ArticleFilterForm

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")
        if cursor.fetchone() is None:
            pytest.skip("this PostgreSQL has no pg_trgm (the embedded server): the search reads the table")
        # As for a count of matches, which reads every match (the page itself may walk the order's index).
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        form = ArticleFilterForm({"q": "pontoon"})
        assert form.is_valid()
        plan = form.articles().explain()
    for column in ("title", "outlet", "filename"):
        assert f"article_{column}_trgm" in plan
