"""Reading a rendered page through its structure (tags, ids, attributes), not its exact markup.

A test that asks for `find(page, "mark", id="s-12").text` stays green when the markup
around it changes and the page still shows the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

# Elements that never have content or an end tag.
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""  # all the text inside it, as a reader sees it (whitespace collapsed)
    parts: list[str] = field(default_factory=list, repr=False)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.open: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.elements.append(element)
        if tag == "br":
            self.handle_data("\n")
        if tag not in VOID:
            self.open.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(Element(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index].tag == tag:
                del self.open[index:]
                return

    def handle_data(self, data: str) -> None:
        for element in self.open:
            element.parts.append(data)


def elements(html: str) -> list[Element]:
    """Every element of the page in document order."""
    parser = _Parser()
    parser.feed(html)
    parser.close()
    for element in parser.elements:
        element.text = " ".join("".join(element.parts).split())
    return parser.elements


def find_all(html: str, tag: str | None = None, **attrs: str) -> list[Element]:
    """The elements with this tag (any when None) and these attribute values.

    `hx_trigger="every 2s"` matches hx-trigger; `class_="retry"` matches one of the classes.
    """
    wanted = {name.rstrip("_").replace("_", "-"): value for name, value in attrs.items()}

    def matches(element: Element) -> bool:
        for name, value in wanted.items():
            have = element.attrs.get(name)
            if have is None or (value not in have.split() if name == "class" else have != value):
                return False
        return True

    return [element for element in elements(html) if (tag is None or element.tag == tag) and matches(element)]


def find(html: str, tag: str | None = None, **attrs: str) -> Element:
    """The one element with this tag and these attributes (an AssertionError when none or several)."""
    found = find_all(html, tag, **attrs)
    assert len(found) == 1, f"{len(found)} <{tag or '*'} {attrs}> elements"
    return found[0]
