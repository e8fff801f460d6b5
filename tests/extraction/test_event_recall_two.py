"""Timeline round seven (recall): announcements kept apart, proposals rejected, vetoes threatened, aid legislated."""

import datetime

import pytest

from tests.extraction.conftest import events_of

D = datetime.date
PUBLISHED = D(2022, 4, 9)  # a Saturday


@pytest.mark.parametrize(
    "text",
    [
        # p037 (The Guardian): today's news, then the package of last week
        "No 10 said Britain would send 120 armoured vehicles and new anti-ship missile systems to Ukraine. "
        "The missiles can do serious damage to Russian warships. "
        "The UK pledged £100m in military assistance last week, including another 800 anti-tank missiles.",
        # p042 (The Guardian): "they are providing intelligence ..." then "the sharp increase in military
        # assistance to Ukraine last month"; made up in the same shape:
        "Germany said it would send 30 Gepard anti-aircraft tanks to Ukraine. "
        "Germany pledged €500m in military aid last month.",
    ],
)
def test_it_keeps_an_announcement_apart_from_the_same_donors_package_of_an_earlier_week(run, text):
    kinds = [(kind, day is None) for kind, day in events_of(run(text, PUBLISHED))]
    assert kinds == [("aid", True), ("aid", False)]


def test_it_folds_an_undated_sentence_that_goes_on_telling_the_package_of_last_week(run):
    # made up: the undated sentence after the dated one tells the same package
    text = "Germany pledged €500m in military aid last month. Germany will also send 30 Gepard anti-aircraft tanks."
    assert [kind for kind, _day in events_of(run(text, PUBLISHED))] == ["aid"]


@pytest.mark.parametrize(
    ("text", "aid_sentence"),
    [
        # p037 (The Guardian); p088 (Fox News) tells a visit the same way: "Boris Johnson visited Kyiv last week
        # ..., pledging to support the Ukrainian army"
        (
            "Boris Johnson has made a surprise trip to Kyiv to meet the Ukrainian president, Volodymyr Zelenskiy, "
            "pledging a major new infusion of British arms and financial aid. "
            "No 10 said Britain would send 120 armoured vehicles and new anti-ship missile systems to Ukraine.",
            "No 10 said Britain would send 120 armoured vehicles and new anti-ship missile systems to Ukraine.",
        ),
        # made up
        (
            "Olaf Scholz travelled to Kyiv to meet Volodymyr Zelenskiy, promising more German weapons. "
            "Berlin said Germany would send 40 Marder infantry fighting vehicles to Ukraine.",
            "Berlin said Germany would send 40 Marder infantry fighting vehicles to Ukraine.",
        ),
    ],
)
def test_the_sentence_telling_the_aid_alone_stands_for_aid_pledged_on_a_visit(run, text, aid_sentence):
    result = run(text, PUBLISHED)
    assert [event.type for event in result.events] == ["diplomacy", "aid"]
    assert result.events[1].summary == aid_sentence


@pytest.mark.parametrize(
    "text",
    [
        # p127 (BBC News, The Guardian or The Telegraph)
        "Volodymyr Zelenskiy had also rejected the plan, calling it unworkable.",
        # pool p208 (KTEN, AFP wire story)
        "Ukraine has rejected the demand and said it would not sign a deal without security guarantees.",
        # pool p202 (Northeastern Global News)
        "Ukraine largely rejected the proposal as favoring Russian interests.",
        # made up
        "Moldova rejected the Kremlin's offer of cheap gas.",
    ],
)
def test_it_reads_a_proposal_rejected_as_diplomacy(run, text):
    assert events_of(run(text)) == [("diplomacy", None)]


@pytest.mark.parametrize(
    "text",
    [
        # pool p055: a denial, no proposal turned down
        "The Ukrainian army has rejected claims that the city was surrounded.",
        # made up: a habit, not a happening
        "Moldova has consistently rejected the Kremlin's offers.",
    ],
)
def test_it_reads_no_diplomacy_in_a_denial_or_a_habit_of_rejecting(run, text):
    assert "diplomacy" not in [kind for kind, _day in events_of(run(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # p201 (Reuters)
        (
            "Hungary last week threatened to block the assistance unless Kyiv restores supplies of Russian oil.",
            [("diplomacy", D(2022, 12, 26))],
        ),
        # pool p219 (Kyiv Post)
        ("He has threatened to veto EU assistance and cut off power to Ukraine to get his way.", [("diplomacy", None)]),
        # made up
        ("Slovakia threatened to veto the new EU sanctions package on Monday.", [("diplomacy", D(2023, 1, 2))]),
    ],
)
def test_it_reads_a_veto_threatened_as_diplomacy(run, text, expected):
    assert events_of(run(text)) == expected


def test_it_reads_no_veto_in_other_threats(run):
    assert events_of(run("Slovakia threatened to cut gas exports.")) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # p139 (BBC News)
        ("The House of Representatives is set to vote on the package this Saturday.", [("aid", D(2023, 1, 7))]),
        # pool p141 (BBC News)
        (
            'Joe Biden has told Volodymyr Zelensky he will "move quickly" to send Ukraine fresh military aid, after '
            "US lawmakers passed a $61bn (£49bn) support package.",
            [("aid", None)],
        ),
        # made up
        ("The Senate voted on Wednesday on a $40bn aid bill for Ukraine.", [("aid", D(2023, 1, 4))]),
    ],
)
def test_it_reads_a_legislature_passing_or_voting_on_aid_as_aid(run, text, expected):
    assert events_of(run(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The deadline passed without a deal.",
        "The convoy passed through Lviv on its way west.",
        "The parliament voted on a bill about school meals.",
    ],
)
def test_it_reads_no_aid_in_other_passing_or_voting(run, text):
    assert [kind for kind, _day in events_of(run(text))] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # p109 (Fox News)
        (
            "The Nord Stream 1 pipeline entirely shut down service in August when officials insisted that "
            "sanctions made it impossible to maintain the system.",
            [("other", D(2022, 8, 1))],
        ),
        # pool p045 (The Guardian); pool p095 (Kyiv Post): "Gazprom says it is cutting daily gas deliveries"
        ("Russia’s state gas company, Gazprom, halted gas exports to Finland.", [("other", None)]),
        # made up
        ("Gazprom cut gas deliveries to Italy by a third on Tuesday.", [("other", D(2023, 1, 3))]),
    ],
)
def test_it_reads_a_supplier_cutting_energy_off_as_an_other_event(run, text, expected):
    assert events_of(run(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian strikes cut power to millions of homes.", [("strike", None)]),
        ("The government cut taxes on fuel.", []),
    ],
)
def test_it_reads_no_energy_cut_in_a_strikes_damage_or_a_tax_cut(run, text, expected):
    assert events_of(run(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # p116 (Kyiv Post)
        "The European Union agrees to send weapons to Ukraine -- a first for the bloc -- and the United States "
        "greenlights billions of dollars in military aid.",
        # made up
        "France agreed to send Caesar howitzers to Ukraine, and Canada donated military aid worth $500m.",
    ],
)
def test_it_reads_a_second_giver_in_a_joined_clause_as_a_second_announcement(run, text):
    assert events_of(run(text)) == [("aid", None), ("aid", None)]


@pytest.mark.parametrize(
    "text",
    [
        "The US will send Abrams tanks and it will also provide Bradley vehicles.",
        "Germany sent howitzers and delivered ammunition to Ukraine.",
    ],
)
def test_it_reads_one_announcement_when_the_joined_clause_has_the_same_giver(run, text):
    assert events_of(run(text)) == [("aid", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # p138 (TVN24)
        (
            "Mayor Andriy Sadovyi said that this week the city allocated 15 million hryvnias for military brigades.",
            [("aid", D(2023, 1, 2))],
        ),
        # pool p189 (European Commission)
        (
            "Responding to the urgent needs, the EU is allocating an initial €145 million in humanitarian aid for "
            "Ukraine.",
            [("aid", None)],
        ),
        # made up
        ("Norway allocated NOK 2 billion for military aid to Ukraine on Monday.", [("aid", D(2023, 1, 2))]),
    ],
)
def test_it_reads_aid_allocated_as_aid(run, text, expected):
    assert events_of(run(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # p022 (The Guardian)
        (
            "Britain has urged UK nationals to consider leaving Russia following Moscow’s invasion of Ukraine.",
            [("other", None)],
        ),
        # pool p115 (Fox News)
        (
            "The U.S. Department of State ordered all U.S. citizens in Russia to leave immediately on Monday, warning "
            "of false arrests.",
            [("other", D(2023, 1, 2))],
        ),
        # made up
        ("Canada ordered its citizens to leave Belarus on Friday.", [("other", D(2022, 12, 30))]),
    ],
)
def test_it_reads_citizens_told_to_leave_a_country_as_an_other_event(run, text, expected):
    assert events_of(run(text)) == expected


def test_it_reads_no_event_in_citizens_urged_to_do_something_else(run):
    assert events_of(run("The mayor urged citizens to vote in the referendum.")) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # p100 (Kyiv Post)
        (
            "Estonia removes a Soviet-era World War II memorial from Narva — a city with a large Russian-speaking "
            "minority.",
            [("other", None)],
        ),
        # pool p099 (Kyiv Post)
        (
            "Kallas said on Tuesday her government had decided to remove all Soviet-era monuments from public spaces.",
            [("other", D(2023, 1, 3))],
        ),
        # p113 (BBC News, The Guardian or The Telegraph)
        (
            "In Volgograd earlier this week a new bust of the former Soviet leader Joseph Stalin was unveiled.",
            [("other", D(2023, 1, 2))],
        ),
        # made up
        ("Workers in Kyiv toppled a statue of Pushkin on Monday.", [("other", D(2023, 1, 2))]),
    ],
)
def test_it_reads_a_monument_put_up_or_taken_down_as_an_other_event(run, text, expected):
    assert events_of(run(text)) == expected


def test_it_reads_no_monument_event_in_a_memorial_named_in_passing(run):
    assert events_of(run("The name was removed from the list near the memorial.")) == []
