"""One toll, one record (SPEC.md: nothing may be counted twice): a figure of one incident told in a headline
and again with its claimant, or told twice with the claimant named only the second time."""

import datetime

import pytest

JUNE_26 = datetime.date(2022, 6, 26)


def tolls(result):
    return [(r.side, r.category, r.min, r.place, r.reported_by) for r in result.losses]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pool p046 (The Guardian, a live blog): the headline names the town, the body its oblast and the claimant
        (
            "At least one person killed in Russian attack on Malyn, Zhytomyr Oblast.\n\n"
            "A Russian attack on Malyn, a city in the Zhytomyr oblast, has killed at least one person, according "
            "to the governor of the oblast.",
            [("UA", "civilians_killed", 1, "Malyn", "UA")],
        ),
        # pool p071 (Daily Mail): the same figure told twice, the second time "according to Ukrainian authorities"
        (
            "More than 100,000 people are believed trapped in Mariupol, and over 20,000 civilians have been killed "
            "in the nearly two-month siege. The city was encircled weeks ago. More than 100,000 people are "
            "believed trapped in Mariupol, and over 20,000 civilians have been killed in the nearly two-month "
            "siege, according to Ukrainian authorities.",
            [("UA", "civilians_killed", 20000, "Mariupol", "UA")],
        ),
        # made up
        (
            "Russian shelling of Bucha killed four civilians on Sunday. The shelling of Bucha killed four civilians, "
            "the regional governor said.",
            [("UA", "civilians_killed", 4, "Bucha", "UA")],
        ),
    ],
)
def test_one_toll_told_twice_is_one_record(run, text, expected):
    assert tolls(run(text, JUNE_26)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # pool p071 (Daily Mail): two tolls of two, in Kharkiv and in Popasna
        "However, Kharkiv regional governor Oleh Synehubov says two people were killed and 19 more wounded by "
        "Russian shelling in the area. Russia denies targeting civilian areas but Haidai said Saturday that two "
        "people were killed by Russian shelling in the city of Popasna.",
        # made up
        "A Russian missile attack killed two people in Odesa on Sunday. Russian shelling killed two people in "
        "Kharkiv on Sunday, officials said.",
    ],
)
def test_the_same_figure_in_two_towns_is_two_records(run, text):
    assert len({r.place for r in run(text, JUNE_26).losses}) == 2
