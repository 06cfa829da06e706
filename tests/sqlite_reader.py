"""Reads a database written by `newtowns export --format sqlite` back into records.

By SQL alone, independently of the writer, so that tests/test_sqlite_export.py can compare
the result with the data set the database was written from.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from newtowns_cli.model import records as models
from newtowns_cli.model.dates import PartialDate


def _date(text: str | None) -> PartialDate | None:
    return None if text is None else PartialDate.parse(text)


class Reader:
    """Rebuilds a Dataset from the database alone, by SQL, independently of the writer."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def rows(self, sql: str, *args: object) -> list[sqlite3.Row]:
        return self.db.execute(sql, args).fetchall()

    def children(self, table: str, key: str, parent: object, where: str = "") -> list[Any]:
        sql = f"SELECT * FROM {table} WHERE {key} = ? {where} ORDER BY seq"
        return self.rows(sql, parent)

    def items(self, table: str, key: str, column: str, parent: object, where: str = "") -> Any:
        return tuple(row[column] for row in self.children(table, key, parent, where))

    def dated(self, row: sqlite3.Row, prefix: str) -> models.Dated | None:
        if row[prefix] is None:
            return None
        note = row[f"{prefix}_note"]
        return models.Dated(date=_date(row[prefix]), source=row[f"{prefix}_source"], note=note)

    def dataset(self) -> models.Dataset:
        meta = self.rows("SELECT * FROM dataset")
        assert len(meta) == 1
        m = meta[0]
        return models.Dataset(
            dataset=models.DatasetMeta(
                title=m["title"], description=m["description"], version=m["version"],
                updated=_date(m["updated"]), licence=m["licence"], homepage=m["homepage"],
            ),
            source=tuple(
                models.Source(
                    id=s["id"], title=s["title"], publisher=s["publisher"], kind=s["kind"],
                    language=s["language"], published=_date(s["published"]), url=s["url"],
                    note=s["note"], curation=s["curation"],
                )
                for s in self.rows("SELECT * FROM sources ORDER BY rowid")
            ),
            town=tuple(self.town(t) for t in self.rows("SELECT * FROM towns ORDER BY rowid")),
            group=tuple(self.group(g) for g in self.rows("SELECT * FROM groups ORDER BY rowid")),
            organisation=tuple(
                self.organisation(o) for o in self.rows("SELECT * FROM organisations ORDER BY rowid")
            ),
            research=tuple(
                self.research(r) for r in self.rows("SELECT * FROM research ORDER BY rowid")
            ),
            event=tuple(self.event(e) for e in self.rows("SELECT * FROM events ORDER BY rowid")),
            claim=tuple(self.claim(c) for c in self.rows("SELECT * FROM claims ORDER BY rowid")),
            city=tuple(self.city(c) for c in self.rows("SELECT * FROM cities ORDER BY rowid")),
        )  # fmt: skip

    def locations(self, table: str, key: str, parent: str) -> tuple[models.Location, ...]:
        return tuple(
            models.Location(lat=p["lat"], lon=p["lon"], source=p["source"], note=p["note"])
            for p in self.children(table, key, parent)
        )

    def town(self, t: sqlite3.Row) -> models.Town:
        i = t["id"]
        figures: dict[int, list[models.Population]] = {}
        for p in self.children("populations", "town", i):
            figures.setdefault(p["latest"], []).append(
                models.Population(
                    count=p["count"], as_of=_date(p["as_of"]), source=p["source"],
                    unit=p["unit"], qualifier=p["qualifier"], original=p["original"],
                    quote=p["quote"], note=p["note"], unit_name=p["unit_name"],
                    curation=p["curation"],
                )
            )  # fmt: skip
        latest = figures.get(1, [])
        assert len(latest) <= 1
        return models.Town(
            id=i, name=t["name"], municipality=t["municipality"], cbs_code=t["cbs_code"],
            province=t["province"], status=t["status"], note=t["note"],
            sources=self.items("town_sources", "town", "source", i),
            aliases=self.items("town_aliases", "town", "alias", i),
            relieves=tuple(
                models.Relief(
                    city=r["city"], source=r["source"], quote=r["quote"], note=r["note"],
                    curation=r["curation"],
                )
                for r in self.children("reliefs", "town", i)
            ),
            designation=tuple(
                models.Designation(
                    source=d["source"], date=_date(d["date"]), policy=d["policy"],
                    quote=d["quote"], note=d["note"], kind=d["kind"], curation=d["curation"],
                )
                for d in self.children("designations", "town", i)
            ),
            population=latest[0] if latest else None,
            population_history=tuple(figures.get(0, [])),
            area=tuple(
                models.Area(
                    source=a["source"], total=a["total"], unit=a["unit"], land=a["land"],
                    water=a["water"], note=a["note"],
                )
                for a in self.children("areas", "town", i)
            ),
            location=self.locations("locations", "town", i),
            history=tuple(
                models.HistoryEntry(
                    date=_date(h["date"]), kind=h["kind"], what=h["what"], source=h["source"],
                    note=h["note"],
                    municipalities=self.items(
                        "history_municipalities", "town", "municipality", i,
                        f"AND history_seq = {int(h['seq'])}",
                    ),
                )
                for h in self.children("history", "town", i)
            ),
            status_views=tuple(
                models.StatusView(
                    status=v["status"], source=v["source"], quote=v["quote"], note=v["note"],
                    curation=v["curation"],
                )
                for v in self.children("status_views", "town", i)
            ),
            population_gaps=tuple(
                models.Gap(decade=g["decade"], looked=g["looked"], note=g["note"])
                for g in self.children("population_gaps", "town", i)
            ),
        )  # fmt: skip

    def group(self, g: sqlite3.Row) -> models.Group:
        i = g["id"]
        members = []
        for m in self.children("memberships", "group_id", i):
            attested = tuple(
                models.Attestation(
                    date=_date(a["date"]), source=a["source"], quote=a["quote"], note=a["note"]
                )
                for a in self.children(
                    "attestations", "group_id", i, f"AND membership = {m['seq']}"
                )
            )
            members.append(
                models.Membership(
                    town=m["town"], source=m["source"], since=_date(m["since"]),
                    until=_date(m["until"]), as_of=_date(m["as_of"]), note=m["note"],
                    attested=attested,
                )
            )  # fmt: skip
        return models.Group(
            id=i, name=g["name"], kind=g["kind"], url=g["url"], description=g["description"],
            note=g["note"], founded=self.dated(g, "founded"),
            sources=self.items("group_sources", "group_id", "source", i),
            aliases=self.items("group_aliases", "group_id", "alias", i),
            themes=self.items("group_themes", "group_id", "theme", i),
            partners=self.items("group_partners", "group_id", "organisation", i),
            members=tuple(members),
            mentions=tuple(
                models.Mention(
                    town=m["town"], source=m["source"], date=_date(m["date"]),
                    quote=m["quote"], note=m["note"],
                )
                for m in self.children("mentions", "group_id", i)
            ),
        )  # fmt: skip

    def organisation(self, o: sqlite3.Row) -> models.Organisation:
        i = o["id"]
        return models.Organisation(
            id=i, name=o["name"], kind=o["kind"], city=o["city"], url=o["url"],
            description=o["description"], note=o["note"], founded=self.dated(o, "founded"),
            sources=self.items("organisation_sources", "organisation", "source", i),
            aliases=self.items("organisation_aliases", "organisation", "alias", i),
        )  # fmt: skip

    def research(self, r: sqlite3.Row) -> models.Research:
        i = r["id"]

        def role(name: str) -> tuple[str, ...]:
            found = self.children("research_roles", "research", i, f"AND role = '{name}'")
            return tuple(row["organisation"] or row["group_id"] for row in found)

        def texts(kind: str) -> tuple[str, ...]:
            return self.items("research_texts", "research", "text", i, f"AND kind = '{kind}'")

        presented = None
        if r["presented"] is not None:
            presented = models.Presentation(
                date=_date(r["presented"]), source=r["presented_source"],
                place=r["presented_place"], to=r["presented_to"],
            )  # fmt: skip
        return models.Research(
            id=i, title=r["title"], note=r["note"], published=self.dated(r, "published"),
            presented=presented, sources=self.items("research_sources", "research", "source", i),
            commissioned_by=role("commissioned"), performed_by=role("performed"),
            authors=texts("author"), themes=texts("theme"), findings=texts("finding"),
            towns=self.items("research_towns", "research", "town", i),
        )  # fmt: skip

    def event(self, e: sqlite3.Row) -> models.Event:
        i = e["id"]

        def links(column: str) -> tuple[str, ...]:
            return self.items("event_links", "event", column, i, f"AND {column} IS NOT NULL")

        return models.Event(
            id=i, date=_date(e["date"]), title=e["title"], kind=e["kind"], until=_date(e["until"]),
            place=e["place"], note=e["note"], sources=self.items("event_sources", "event", "source", i),
            towns=links("town"), groups=links("group_id"), organisations=links("organisation"),
        )  # fmt: skip

    def claim(self, c: sqlite3.Row) -> models.Claim:
        return models.Claim(
            id=c["id"], statement=c["statement"], value=c["value"], relation=c["relation"],
            measure=c["measure"], scope=c["scope"], source=c["source"], as_of=_date(c["as_of"]),
            group=c["group_id"], note=c["note"], covers=c["covers"],
            towns=self.items("claim_towns", "claim", "town", c["id"]),
            designated_from=c["designated_from"], designated_to=c["designated_to"],
        )  # fmt: skip

    def city(self, c: sqlite3.Row) -> models.City:
        i = c["id"]
        return models.City(
            id=i, name=c["name"], province=c["province"], note=c["note"],
            sources=self.items("city_sources", "city", "source", i),
            aliases=self.items("city_aliases", "city", "alias", i),
            location=self.locations("city_locations", "city", i),
        )  # fmt: skip
