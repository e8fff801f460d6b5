"""A statement timeout for every query a web request runs; a runaway query becomes a clear page.

One viewer's link (a search for a common word before its index existed) once held a
database connection for 14 minutes. Every web request's statements are now cancelled
by PostgreSQL after settings.WEB_STATEMENT_TIMEOUT_MS; the visitor gets a 503 page
saying to narrow the filters. The worker and the management commands do not pass
through this middleware: their long statements (extraction writes, migrations,
benchmarks) are not bounded.
"""

from __future__ import annotations

import psycopg
from django.conf import settings
from django.db import OperationalError, connection
from django.shortcuts import render


class StatementTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        bound = _Bound(settings.WEB_STATEMENT_TIMEOUT_MS)
        with connection.execute_wrapper(bound):
            return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError) and isinstance(exception.__cause__, psycopg.errors.QueryCanceled):
            context = {"nav": None, "seconds": settings.WEB_STATEMENT_TIMEOUT_MS / 1000}
            return render(request, "warboard/too_slow.html", context, status=503)
        return None


class _Bound:
    """Sets the timeout before the request's first statement, on the connection itself (not logged)."""

    def __init__(self, milliseconds: int):
        self.milliseconds = int(milliseconds)
        self.done = False

    def __call__(self, execute, sql, params, many, context):
        if not self.done:
            self.done = True
            raw = context["connection"].connection
            if raw.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
                # Inside a transaction (an atomic block, a test): a SET would be undone by its
                # rollback while the connection remembered it as done; SET LOCAL ends with it.
                raw.execute(f"SET LOCAL statement_timeout = {self.milliseconds}")
            elif getattr(raw, "warboard_statement_timeout", None) != self.milliseconds:
                # Once per connection: persistent connections keep it across requests.
                raw.execute(f"SET statement_timeout = {self.milliseconds}")
                raw.warboard_statement_timeout = self.milliseconds
        return execute(sql, params, many, context)
