"""The article list on a phone: everything fits the screen's width, nothing scrolls sideways."""

import datetime
import hashlib

from playwright.sync_api import expect

# An iPhone SE / mini-sized screen, the narrowest phone in common use.
PHONE = {"width": 375, "height": 667}
# The page's width and the window's: a mobile browser widens the window to the page.
WIDTHS = "() => [document.scrollingElement.scrollWidth, window.innerWidth]"
RIGHTMOST = "() => Math.max(...[...document.querySelectorAll('main *')].map((e) => e.getBoundingClientRect().right))"


def _articles(editor) -> None:
    from articles.models import Article

    rows = [
        # A title without spaces, as a filename becomes the title of an untitled upload.
        ("", "ukraine-war-live-updates-russian-missile-strike-on-odesa-port-2024-03-15.html", "Kyiv Independent"),
        ("Germany and the United States agree to send Leopard 2 and M1 Abrams battle tanks", "", "Reuters"),
        ("Fighting rages around Bakhmut", "", "Deutsche Welle (English service)"),
    ]
    for number, (title, filename, outlet) in enumerate(rows):
        text = f"Article {number}: Russian forces shelled Kherson overnight, the regional governor said."
        Article.objects.create(
            title=title,
            filename=filename,
            outlet=outlet,
            published=datetime.date(2024, 3, 15) if number else None,
            raw=text.encode(),
            sha256=hashlib.sha256(text.encode()).hexdigest(),
            text=text,
            status=[Article.Status.DONE, Article.Status.FAILED, Article.Status.QUEUED][number],
            uploaded_by=editor,
        )


def test_it_fits_the_article_list_on_a_phone(browser, live_server, editor, log_in, transactional_db):
    _articles(editor)
    from articles.models import Article

    uploaded = Article.objects.get(outlet="Reuters").uploaded_at.strftime("%Y-%m-%d %H:%M")
    context = browser.new_context(base_url=live_server.url, viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        log_in(page, "editor")
        page.goto("/articles/")
        expect(page.get_by_role("link", name="Fighting rages around Bakhmut")).to_be_visible()
        expect(page.get_by_text("ukraine-war-live-updates")).to_be_visible()
        assert page.evaluate(WIDTHS) == [PHONE["width"], PHONE["width"]], "the article list is wider than a phone"
        # Nothing is cut off at the right edge either (overflow: hidden would hide it, not fit it).
        assert page.evaluate(RIGHTMOST) <= PHONE["width"]
        # Each article is a card: its cells stacked one under the other, each labelled as its column.
        row = page.locator("table.articles tbody tr").nth(1)
        assert row.inner_text().split("\n") == [
            "Germany and the United States agree to send Leopard 2 and M1 Abrams battle tanks",
            "Reuters",
            "2024-03-15",
            "Failed",
            uploaded,
        ]
        tops = row.evaluate("(tr) => [...tr.cells].map((td) => td.getBoundingClientRect().top)")
        assert tops == sorted(set(tops)), "the cells sit side by side"
        labels = row.evaluate("(tr) => [...tr.cells].map((td) => getComputedStyle(td, '::before').content)")
        assert labels[1:] == ['"Outlet: "', '"Published: "', '"Status: "', '"Uploaded: "']
    finally:
        context.close()
