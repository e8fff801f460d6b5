"""What a web process does once, before its first request.

`ready_to_serve()` imports the URL modules and everything they import (the views, and through
the task modules the extraction package with spaCy and numpy: about 150,000 objects the
garbage collector tracks), then moves every object alive at that moment into the collector's
permanent generation (`gc.freeze()`). Those objects live as long as the process; without the
freeze, a full collection walked all of them every few dozen requests (90-150 ms measured on
the article page at 1M events, README "Pages at scale"), the tail of the page times.
"""

import gc

from django.urls import get_resolver


def ready_to_serve() -> None:
    get_resolver().url_patterns  # noqa: B018 - imports the URL modules and the views now
    gc.collect()
    gc.freeze()
