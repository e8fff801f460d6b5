"""Reading a rendered page through its structure (tags, ids, classes, attributes), not its markup.

A test that asks for `find(page, "mark", id="s-12").text` or
`parse_page(response).one("li", cls="event-card")` stays green when the markup around it
changes and the page still shows the same thing. Attribute names are written as Python
keywords: `hx_trigger="every 2s"` matches hx-trigger, `id_`/`class_` match id/class (a
class matches one of the element's classes); True matches any value.
"""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

# Elements that never have content or an end tag.
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def _wanted(attrs: dict[str, str | bool]) -> dict[str, str | bool]:
    return {name.rstrip("_").replace("_", "-"): value for name, value in attrs.items()}


class Element:
    def __init__(self, tag: str, attrs: dict[str, str], parent: Element | None = None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.children: list[Element | str] = []

    def __repr__(self) -> str:
        return f"<{self.tag} {self.attrs}>"

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    @property
    def text(self) -> str:
        """The text inside, whitespace run together as a browser shows it (a <br> is a space)."""
        parts = [
            child if isinstance(child, str) else child.text or (" " if child.tag == "br" else "")
            for child in self.children
        ]
        return " ".join("".join(parts).split())

    def get(self, name: str, default: str | None = None) -> str | None:
        return self.attrs.get(name, default)

    def walk(self) -> Iterator[Element]:
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.walk()

    def _matches(self, tag: str | None, cls: str | None, wanted: dict[str, str | bool]) -> bool:
        if (tag and self.tag != tag) or (cls and cls not in self.classes):
            return False
        return all(
            (name in self.attrs) if value is True else self.attrs.get(name) == value for name, value in wanted.items()
        )

    def select(self, tag: str | None = None, cls: str | None = None, **attrs: str | bool) -> list[Element]:
        """Elements below this one, in document order, by tag, class and attributes."""
        return self.matching(tag, cls, attrs)

    def matching(self, tag: str | None, cls: str | None, attrs: dict[str, str | bool]) -> list[Element]:
        """select() with the attributes as a dict (`class_` is the class, like cls)."""
        wanted = _wanted(attrs)
        if isinstance(wanted.get("class"), str):
            cls = str(wanted.pop("class"))
        return [element for element in self.walk() if element._matches(tag, cls, wanted)]

    def one(self, tag: str | None = None, cls: str | None = None, **attrs: str | bool) -> Element:
        """The one element below this one that matches (an AssertionError when none or several)."""
        found = self.select(tag, cls, **attrs)
        assert len(found) == 1, f"{len(found)} <{tag or '*'} {cls or ''} {attrs}> elements"
        return found[0]

    def card_ids(self) -> list[int]:
        """The timeline's event cards below this element, in page order."""
        return [int(str(card.get("id")).removeprefix("card-")) for card in self.select("li", cls="event-card")]


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("document", {})
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs}, self.current)
        self.current.children.append(element)
        if tag not in VOID_ELEMENTS:
            self.current = element

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Element(tag, {name: value or "" for name, value in attrs}, self.current))

    def handle_endtag(self, tag: str) -> None:
        element: Element | None = self.current
        while element is not None and element.tag != tag:
            element = element.parent
        if element is not None and element.parent is not None:
            self.current = element.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse_page(page: Any) -> Element:
    """A response's page (or HTML text or bytes) as a tree of Elements under a "document" root."""
    content = getattr(page, "content", page)
    parser = _PageParser()
    parser.feed(content.decode() if isinstance(content, bytes) else content)
    parser.close()
    return parser.root


def elements(page: Any) -> list[Element]:
    """Every element of the page in document order."""
    return list(parse_page(page).walk())


def find_all(page: Any, tag: str | None = None, **attrs: str | bool) -> list[Element]:
    """The elements with this tag (any when None) and these attributes."""
    return parse_page(page).matching(tag, None, attrs)


def find(page: Any, tag: str | None = None, **attrs: str | bool) -> Element:
    """The one element with this tag and these attributes (an AssertionError when none or several)."""
    found = find_all(page, tag, **attrs)
    assert len(found) == 1, f"{len(found)} <{tag or '*'} {attrs}> elements"
    return found[0]
