"""The closed vocabularies of the data file: the words a field may hold, as plain tuples.

Written here once, read by validation (constraints.py makes each a ``Literal`` for
pydantic), by the cache's rebuild (plaindata.py checks every such column against it) and
by the option that names a province. Plain tuples: the query path imports no ``typing``.
"""

from __future__ import annotations

PROVINCE = (
    "Drenthe",
    "Flevoland",
    "Fryslân",
    "Gelderland",
    "Groningen",
    "Limburg",
    "Noord-Brabant",
    "Noord-Holland",
    "Overijssel",
    "Utrecht",
    "Zeeland",
    "Zuid-Holland",
)
STATUS = ("groeikern", "groeistad")
GROUP_KIND = ("alliance", "network", "region", "programme")
ORGANISATION_KIND = (
    "ministry",
    "agency",
    "institute",
    "planning-bureau",
    "knowledge-platform",
    "research-bureau",
)
SOURCE_KIND = (
    "encyclopedia",
    "statistics",
    "government",
    "study",
    "news",
    "local",
    "organisation",
)
UNIT = ("municipality", "place", "district", "predecessor", "unstated")
"""What a figure counts: the town's municipality, the place (kern), a district (wijk), a
predecessor municipality, or a unit its source does not state (named in ``unit_name``)."""
RELATION = ("exactly", "about", "more than", "almost")
HISTORY_KIND = (
    "founded",
    "municipality",
    "merger",
    "boundary",
    "construction",
    "status",
    "plan",
    "milestone",
)
EVENT_KIND = ("policy", "motion", "conference", "congress", "lab", "news", "agreement")
MEASURE = ("inhabitants", "places", "members")
DESIGNATION_KIND = ("official", "decision", "founding", "policy", "mention")
"""official: designated by the state as groeikern/groeistad; decision: a growth decision;
founding: a founding date a source gives; policy: a policy naming the town; mention: a
source calling the town designated without saying when or by what."""
COVERS = ("designated", "towns", "group", "unnamed", "other")
"""The set a claim counts: the designated towns (the data's own set), the towns it lists,
the members of its group, a set its source does not name, or a different definition."""

BY_TYPE: dict[str, tuple[str, ...]] = {
    "Province": PROVINCE,
    "Status": STATUS,
    "GroupKind": GROUP_KIND,
    "OrganisationKind": ORGANISATION_KIND,
    "SourceKind": SOURCE_KIND,
    "Unit": UNIT,
    "Relation": RELATION,
    "HistoryKind": HISTORY_KIND,
    "EventKind": EVENT_KIND,
    "Measure": MEASURE,
    "DesignationKind": DESIGNATION_KIND,
    "Covers": COVERS,
}
"""Each vocabulary by the name of its type in records.py's annotations (constraints.py)."""
TIMELINE_KIND = (
    "policy",
    "motion",
    "designation",
    "status",
    "plan",
    "founded",
    "municipality",
    "merger",
    "boundary",
    "construction",
    "milestone",
    "founding",
    "membership",
    "agreement",
    "conference",
    "congress",
    "lab",
    "news",
    "publication",
    "presentation",
)
"""The kinds of a timeline's entries (not a field of the data file: each entry's kind is
derived from where its date is), in the order of entries on the same date."""
