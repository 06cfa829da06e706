"""The values of the options that take one of a few words, as the commands receive them."""

from __future__ import annotations

import enum


class Status(enum.StrEnum):
    GROEIKERN = "groeikern"
    GROEISTAD = "groeistad"


class By(enum.StrEnum):
    PROVINCE = "province"
    REGION = "region"
    GROUP = "group"
    STATUS = "status"
    DECADE = "decade"
    RELIEVES = "relieves"


class ExportFormat(enum.StrEnum):
    TOML = "toml"
    JSON = "json"
    CSV = "csv"
    GEOJSON = "geojson"
    SQLITE = "sqlite"
    XLSX = "xlsx"


class DossierFormat(enum.StrEnum):
    MD = "md"
    HTML = "html"


class Shell(enum.StrEnum):
    BASH = "bash"
    ZSH = "zsh"
    FISH = "fish"


class ReportFormat(enum.StrEnum):
    TEXT = "text"
    JSON = "json"


class Language(enum.StrEnum):
    NL = "nl"
    EN = "en"
