"""The address a request came from, as django-axes counts failed logins per address."""

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """REMOTE_ADDR, or behind WARBOARD_TRUSTED_PROXIES proxies the address the outermost one heard from.

    Each proxy appends the address it heard from to X-Forwarded-For, so with N trusted
    proxies the client's address is the N-th from the right: anything further left was
    written by the client and would let one attacker pose as many addresses. Without this,
    every login would come from the proxy's address and five failures would lock out everyone.
    """
    proxies = settings.WARBOARD_TRUSTED_PROXIES
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
