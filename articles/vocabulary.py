"""The vocabularies of extracted records, each written once: value -> label, in display order.

No Django here, and nothing of extraction: articles.extraction.records takes the values
(EVENT_TYPES, LOSS_CATEGORIES, ...; SPEC.md's contract), articles.models the fields' choices,
and dashboard.forms the losses chart's groups, all from these dicts. A value added here
reaches all of them (and `makemigrations` then writes the new choices).
"""

EVENT_TYPE_LABELS = {
    "battle": "Battle",
    "strike": "Strike",
    "losses": "Losses",
    "aid": "Aid",
    "prisoner_exchange": "Prisoner exchange",
    "diplomacy": "Diplomacy",
    "training": "Training",
    "mobilization": "Mobilization",
    "sanctions": "Sanctions",
    "other": "Other",
}
PRECISION_LABELS = {"day": "Day", "week": "Week", "month": "Month", "year": "Year"}
LOSS_CATEGORY_LABELS = {
    "personnel_killed": "Soldiers killed",
    "personnel_wounded": "Soldiers wounded",
    "personnel_casualties": "Soldiers killed or wounded",
    "personnel_captured": "Soldiers captured",
    "civilians_killed": "Civilians killed",
    "civilians_wounded": "Civilians wounded",
    "tanks": "Tanks",
    "armored_vehicles": "Armoured vehicles",
    "artillery": "Artillery",
    "mlrs": "MLRS",
    "air_defense": "Air defence",
    "aircraft": "Aircraft",
    "helicopters": "Helicopters",
    "drones": "Drones",
    "missiles": "Missiles",
    "ships": "Ships",
    "vehicles": "Vehicles",
    "special_equipment": "Special equipment",
}
PERIOD_LABELS = {"day": "Past day", "cumulative": "Cumulative", "incident": "Incident"}
PLEDGE_CATEGORY_LABELS = {
    "tank": "Tanks",
    "armored_vehicle": "Armoured vehicles",
    "vehicle": "Vehicles",
    "artillery": "Artillery",
    "mlrs": "MLRS",
    "air_defense": "Air defence",
    "aircraft": "Aircraft",
    "helicopter": "Helicopters",
    "drone": "Drones",
    "missile": "Missiles",
    "anti_tank": "Anti-tank weapons",
    "ammunition": "Ammunition",
    "small_arms": "Small arms",
    "ship": "Ships",
    "funding": "Funding",
    "other": "Other",
}
PLEDGE_STATUS_LABELS = {
    "pledged": "Pledged",
    "delivered": "Delivered",
    "considering": "Considering",
    "requested": "Requested",
}
