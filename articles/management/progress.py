"""A small text progress bar for the ingest and reextract commands (stderr, no dependency)."""

from __future__ import annotations

from typing import TextIO

from django.core.management.base import OutputWrapper

WIDTH = 30


class ProgressBar:
    """`[#####.....]  12/219  p012.html`, redrawn in place; `close()` ends the line."""

    def __init__(self, total: int, stream: TextIO | OutputWrapper, label: str = "") -> None:
        self.total = total
        self.done = 0
        self.stream = stream
        self.label = label
        self._width = 0

    def advance(self, item: str = "") -> None:
        self.done += 1
        self.draw(item)

    def draw(self, item: str = "") -> None:
        filled = WIDTH * self.done // self.total if self.total else WIDTH
        line = f"{self.label}[{'#' * filled}{'.' * (WIDTH - filled)}] {self.done:>{len(str(self.total))}}/{self.total}"
        if item:
            line += f"  {item[:40]}"
        # Pad over the previous line's tail when this one is shorter.
        self._write("\r" + line.ljust(self._width))
        self._width = len(line)

    def close(self) -> None:
        self._write("\n")

    def _write(self, text: str) -> None:
        if isinstance(self.stream, OutputWrapper):
            self.stream.write(text, ending="")  # a command's stderr adds a newline otherwise
        else:
            self.stream.write(text)
        self.stream.flush()
