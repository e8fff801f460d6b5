"""Article pages: upload, the list, one article with its records, its raw file, retry."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import escape
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from articles import tasks, uploads
from articles.forms import ArticleFilterForm, PublishedForm, UploadForm
from articles.models import AidPledge, Article, Event, ExtractedRecord, LossReport

ARTICLES_PER_PAGE = 25
STATUS_PARTIAL = "article-status"


@csrf_exempt  # checked by csrf_protect below, once the request is known to be readable
@require_http_methods(["GET", "POST"])
@permission_required("articles.add_article", raise_exception=True)
def upload(request):
    """The upload form; a request too large or with too many files gets the form and a message.

    Django refuses such a request while reading it (RequestDataTooBig, TooManyFilesSent),
    and the CSRF check is the first to read it: left to Django, the analyst would get a
    bare 400 page, or a stack trace with DEBUG on. So the body is read here first.
    """
    if request.method == "POST" and (problem := _unreadable_upload(request)):
        form = UploadForm()
        return render(request, "articles/upload.html", {"form": form, "nav": "upload", "problem": problem}, status=413)
    return _upload(request)


def _unreadable_upload(request) -> str:
    """Why the request's body cannot be taken as an upload, or "" when it can."""
    files_limit = settings.DATA_UPLOAD_MAX_NUMBER_FILES
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > uploads.max_request_bytes():
        # Not even read: one upload carries at most a few files at the size limit.
        return uploads.REQUEST_TOO_LARGE.format(size=uploads.human_size(length), limit=uploads.max_request_size())
    try:
        request.POST, request.FILES  # noqa: B018 - reading them is the point
    except RequestDataTooBig:
        return uploads.TEXT_TOO_LARGE.format(limit=uploads.max_upload_size())
    except (TooManyFilesSent, TooManyFieldsSent):
        return uploads.TOO_MANY_FILES.format(limit=files_limit)
    except MultiPartParserError:
        return uploads.BROKEN_REQUEST
    return ""


@csrf_protect
def _upload(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        # Several files are stored together or not at all.
        with transaction.atomic():
            results = [
                uploads.create_article(
                    upload,
                    title=data["title"],
                    url=data["url"],
                    outlet=data["outlet"],
                    published=data["published"],
                    uploaded_by=request.user,
                    document=document,
                )
                for upload, document in form.uploads
            ]
        return _after_upload(request, results)
    status = 400 if form.is_bound else 200
    return render(request, "articles/upload.html", {"form": form, "nav": "upload"}, status=status)


def _after_upload(request, results: list[uploads.Created]):
    new = [result.article for result in results if result.created]
    duplicates = [result.article for result in results if not result.created]
    if len(results) == 1:
        article = results[0].article
        if new:
            messages.success(request, f"“{article}” was uploaded; its records are being extracted.")
        else:
            messages.info(request, f"This article was uploaded before as “{article}”; nothing new was stored.")
        return redirect("articles:detail", pk=article.pk)
    summary = f"{len(new)} new article{'s' if len(new) != 1 else ''} uploaded"
    if duplicates:
        summary += f"; {len(duplicates)} uploaded before: {', '.join(str(a) for a in duplicates)}"
    messages.success(request, summary + ".")
    ids = ",".join(str(result.article.pk) for result in results)
    return redirect(f"{reverse('articles:list')}?ids={ids}")


@require_GET
@permission_required("articles.view_article", raise_exception=True)
def article_list(request):
    form = ArticleFilterForm(request.GET)
    if not form.is_valid():
        return render(request, "articles/list.html", {"form": form, "page": None, "nav": "articles"}, status=400)
    # An article whose worker died shows as stalled; the next worker queues it again.
    articles = form.articles().with_stalled()
    paginator = Paginator(articles, ARTICLES_PER_PAGE)
    page = paginator.get_page(form.cleaned_data.get("page") or 1)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "articles/list.html",
        {"form": form, "page": page, "query": query.urlencode(), "nav": "articles"},
    )


@dataclass(frozen=True)
class TextPart:
    text: str
    mark: int | None = None  # the start offset that names the <mark>, None outside highlights


def highlighted(text: str, spans: list[tuple[int, int]]) -> tuple[list[TextPart], dict[int, int]]:
    """Cut the text into plain and highlighted parts, merging nested and overlapping spans.

    Returns the parts and, for each span start, the start of the highlight holding it
    (the `s-<start>` id a record links to).
    """
    merged: list[list[int]] = []
    for start, end in sorted((max(0, s), min(len(text), e)) for s, e in spans if e > s):
        # Only spans that overlap merge: a sentence that begins where the last one ends keeps
        # its own <mark>, so the timeline's link to it (#s-<start>) finds it.
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    parts: list[TextPart] = []
    anchors: dict[int, int] = {}
    position = 0
    for start, end in merged:
        if start > position:
            parts.append(TextPart(text[position:start]))
        parts.append(TextPart(text[start:end], mark=start))
        position = end
    if position < len(text):
        parts.append(TextPart(text[position:]))
    # The highlight holding each start: the last one beginning at or before it (merged is sorted).
    merged_starts = [m for m, _e in merged]
    for start, _end in spans:
        index = bisect_right(merged_starts, start) - 1
        anchors[start] = merged[index][0] if index >= 0 and start < merged[index][1] else start
    return parts, anchors


def highlighted_html(parts: list[TextPart]) -> str:
    """The parts as HTML, each highlight a <mark id="s-<start>">: one string rather than a template
    loop, which cost a page of the longest articles (hundreds of parts) most of its time."""
    return mark_safe(
        "".join(
            escape(part.text) if part.mark is None else f'<mark id="s-{part.mark}">{escape(part.text)}</mark>'
            for part in parts
        )
    )


def _by_event[R: (LossReport, AidPledge)](records: QuerySet[R]) -> dict[int, list[R]]:
    grouped: dict[int, list[R]] = {}
    for record in records.select_related("reviewed_by").order_by("span_start", "id"):
        grouped.setdefault(record.event_id, []).append(record)
    return grouped


@dataclass(frozen=True)
class Shown:
    """A record on the article page and the highlight its "Show sentence" link goes to."""

    record: ExtractedRecord
    anchor: int


@dataclass(frozen=True)
class ShownEvent(Shown):
    losses: list[Shown]
    pledges: list[Shown]


def _shown_events(article: Article, events: list[Event]) -> tuple[list[ShownEvent], str]:
    """Each event with its figures, each linked to its highlight, and the text with the highlights as HTML."""
    # The figures by their event's article, grouped here: a prefetch would send the ids of all the
    # events back (150 for the longest round-ups) and build a QuerySet per event for `.all`.
    losses = _by_event(LossReport.objects.filter(event__article=article))
    pledges = _by_event(AidPledge.objects.filter(event__article=article))
    records: list[ExtractedRecord] = [*events]
    for loss_group in losses.values():
        records += loss_group
    for pledge_group in pledges.values():
        records += pledge_group
    parts, anchors = highlighted(article.text, [(r.span_start, r.span_end) for r in records])

    def shown(record: ExtractedRecord) -> Shown:
        return Shown(record, anchors.get(record.span_start, record.span_start))

    rows = [
        ShownEvent(
            event,
            shown(event).anchor,
            losses=[shown(loss) for loss in losses.get(event.pk, [])],
            pledges=[shown(pledge) for pledge in pledges.get(event.pk, [])],
        )
        for event in events
    ]
    return rows, highlighted_html(parts)


@require_GET
@permission_required("articles.view_article", raise_exception=True)
def article_detail(request, pk: int):
    article = get_object_or_404(Article.objects.defer("raw").select_related("uploaded_by"), pk=pk)
    context = _article_context(article)
    if request.htmx and request.htmx.target == STATUS_PARTIAL:
        response = render(request, f"articles/detail.html#{STATUS_PARTIAL}", context)
        if article.is_finished:
            # The records arrived with the status: reload the page so they show.
            response["HX-Refresh"] = "true"
        return response

    return _detail_page(request, article, context)


def _article_context(article: Article) -> dict:
    # Its worker died: the page says so (the next worker queues it again; a GET writes nothing).
    return {"article": article, "nav": "articles", "stalled": article.is_stalled, "stalled_reason": tasks.WORKER_DIED}


def _detail_page(request, article: Article, context: dict, published_form: PublishedForm | None = None, status=200):
    events = list(Event.objects.filter(article=article).select_related("reviewed_by").order_by("span_start", "id"))
    rows, text_html = _shown_events(article, events)
    form = published_form or PublishedForm(initial={"published": article.published})
    context.update({"events": rows, "text_html": text_html, "published_form": form})
    return render(request, "articles/detail.html", context, status=status)


@require_POST
@permission_required("articles.change_article", raise_exception=True)
def article_published(request, pk: int):
    """An editor sets the publication date: the article's undated records move to it on the timeline."""
    article = get_object_or_404(Article.objects.defer("raw").select_related("uploaded_by"), pk=pk)
    form = PublishedForm(request.POST)
    if not form.is_valid():
        return _detail_page(request, article, _article_context(article), published_form=form, status=400)
    published = form.cleaned_data["published"]
    Article.objects.filter(pk=article.pk).set_published(published)
    undated = Event.objects.filter(article=article, date__isnull=True).count()
    events = (
        "1 event whose text gives no day now stands"
        if undated == 1
        else f"{undated} events whose text gives no day now stand"
    )
    messages.success(request, f"Publication date set to {published.isoformat()}: {events} at it on the timeline.")
    return redirect("articles:detail", pk=article.pk)


@require_GET
@permission_required("articles.view_article", raise_exception=True)
def article_raw(request, pk: int):
    """The upload's bytes as a download, typed by the server, never by the uploader.

    The content type a browser sent is the uploader's to choose: a .txt sent as
    text/javascript would run when a page loads it as a script (same origin, so the CSP
    allows it). UTF-8 text goes as text/plain, anything else as bytes, and the browser
    is told not to guess otherwise.
    """
    article = get_object_or_404(Article.objects.only("raw", "filename"), pk=pk)
    raw = bytes(article.raw)
    response = HttpResponse(raw, content_type=_download_type(raw))
    # A file name given to `ingest` may hold a line break, which no header may.
    filename = "".join(ch for ch in article.filename if ch.isprintable()) or f"article-{article.pk}.txt"
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _download_type(raw: bytes) -> str:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return "application/octet-stream"
    return "text/plain; charset=utf-8"


@require_POST
@permission_required("articles.change_article", raise_exception=True)
def article_retry(request, pk: int):
    article = get_object_or_404(Article.objects.only("status", "processed_at", "uploaded_at"), pk=pk)
    if tasks.requeue_article(article.pk):
        messages.success(request, "The article is queued again.")
    elif tasks.requeue_done_article(article.pk):
        messages.success(request, "Re-extraction is queued; reviewed records will be kept.")
    else:
        messages.info(request, "The article is already queued or being processed.")
    return redirect("articles:detail", pk=article.pk)
