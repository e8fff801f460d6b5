"""Reading pages through their structure, for the dashboard's tests.

Tests find elements by id, class and attribute, not by regular expressions over the
markup, so a change of markup that keeps the behaviour keeps them green.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Element:
    def __init__(self, tag: str, attrs: dict[str, str], parent: Element | None = None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.children: list[Element | str] = []

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    @property
    def text(self) -> str:
        """The text inside, whitespace run together as a browser shows it."""
        parts = [child if isinstance(child, str) else child.text for child in self.children]
        return " ".join("".join(parts).split())

    def get(self, name: str, default: str | None = None) -> str | None:
        return self.attrs.get(name, default)

    def walk(self):
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.walk()

    def select(self, tag: str | None = None, cls: str | None = None, **attrs: str | bool) -> list[Element]:
        """Elements below this one by tag, class and attributes (True: present; "id_": id)."""
        found = []
        for element in self.walk():
            if tag and element.tag != tag:
                continue
            if cls and cls not in element.classes:
                continue
            wanted = {name.rstrip("_").replace("_", "-"): value for name, value in attrs.items()}
            if all(
                (name in element.attrs) if value is True else element.attrs.get(name) == value
                for name, value in wanted.items()
            ):
                found.append(element)
        return found

    def one(self, tag: str | None = None, cls: str | None = None, **attrs: str | bool) -> Element:
        found = self.select(tag, cls, **attrs)
        assert len(found) == 1, f"{len(found)} elements match {tag} {cls} {attrs}"
        return found[0]

    def card_ids(self) -> list[int]:
        """The timeline's event cards below this element, in page order."""
        return [int(str(card.get("id")).removeprefix("card-")) for card in self.select("li", cls="event-card")]


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("document", {})
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {name: value if value is not None else "" for name, value in attrs}, self.current)
        self.current.children.append(element)
        if tag not in VOID_ELEMENTS:
            self.current = element

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Element(tag, {name: value or "" for name, value in attrs}, self.current))

    def handle_endtag(self, tag):
        element: Element | None = self.current
        while element is not None and element.tag != tag:
            element = element.parent
        if element is not None and element.parent is not None:
            self.current = element.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse_page(page: Any) -> Element:
    """A response's page (or HTML text) as a tree of Elements."""
    content = getattr(page, "content", page)
    parser = _PageParser()
    parser.feed(content.decode() if isinstance(content, bytes) else content)
    parser.close()
    return parser.root
