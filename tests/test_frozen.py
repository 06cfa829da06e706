"""The frozen value classes (frozen.py): what dataclasses gave us, without importing it."""

from __future__ import annotations

import dataclasses
import functools
import pickle
from typing import ClassVar

import pytest
from pydantic import TypeAdapter, ValidationError

from newtowns_cli.model import frozen
from newtowns_cli.model.frozen import Frozen, FrozenError


class Point(Frozen):
    x: int
    y: int = 0
    """A docstring under a field is not a field."""


class Named(Frozen, kw_only=True):
    name: str
    size: int = 1


class Child(Named):
    colour: str = "red"


class Checked(Frozen):
    value: int

    def __post_init__(self) -> None:
        if self.value < 0:
            raise ValueError("negative")
        object.__setattr__(self, "value", self.value * 2)


class Cached(Frozen, slots=False):
    items: tuple[int, ...]

    @functools.cached_property
    def total(self) -> int:
        return sum(self.items)


def test_positional_keyword_and_default_arguments() -> None:
    assert (Point(1).x, Point(1).y) == (1, 0)
    assert Point(1, 2) == Point(y=2, x=1)
    assert repr(Point(1, 2)) == "Point(x=1, y=2)"
    assert frozen.fields(Point) == ("x", "y")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: Point(), "Point() is missing the argument 'x'"),
        (lambda: Point(1, 2, 3), "Point() takes at most 2 arguments"),
        (lambda: Point(1, x=2), "Point() got two values for 'x'"),
        (lambda: Point(1, z=2), "Point() got an unexpected argument 'z'"),
        (lambda: Named("almere"), "Named() takes keyword arguments only"),
        (lambda: Child("almere"), "Child() takes keyword arguments only"),
    ],
)
def test_wrong_arguments_are_type_errors(call: object, message: str) -> None:
    with pytest.raises(TypeError) as caught:
        call()  # type: ignore[operator]
    assert str(caught.value) == message


def test_fields_are_inherited_in_order_with_their_defaults() -> None:
    child = Child(name="almere", colour="blue")
    assert frozen.fields(child) == ("name", "size", "colour")
    assert (child.name, child.size, child.colour) == ("almere", 1, "blue")


def test_values_are_immutable_and_slotted() -> None:
    point = Point(1)
    with pytest.raises(FrozenError, match="cannot assign to field 'x'"):
        point.x = 5  # type: ignore[misc]
    with pytest.raises(FrozenError, match="cannot delete field 'y'"):
        del point.y  # type: ignore[misc]
    with pytest.raises(AttributeError):
        point.z = 1  # type: ignore[attr-defined]
    assert not hasattr(point, "__dict__")
    assert isinstance(FrozenError("x"), AttributeError)


def test_equality_and_hashing_by_value_and_type() -> None:
    assert Point(1, 2) == Point(1, 2)
    assert Point(1, 2) != Point(2, 1)
    assert hash(Point(1, 2)) == hash(Point(1, 2))
    assert Named(name="a") != Child(name="a")
    assert len({Point(1), Point(1), Point(2)}) == 2


def test_post_init_runs_on_init_and_on_replace() -> None:
    assert Checked(2).value == 4
    with pytest.raises(ValueError, match="negative"):
        Checked(-1)
    assert frozen.replace(Checked(1), value=3).value == 6


def test_replace_asdict_and_pickle() -> None:
    point = Point(1, 2)
    assert frozen.replace(point, y=5) == Point(1, 5)
    assert frozen.asdict(point) == {"x": 1, "y": 2}
    assert pickle.loads(pickle.dumps(point)) == point
    with pytest.raises(TypeError, match="not a frozen value class"):
        frozen.fields(int)


def test_a_mutable_default_is_refused_where_the_class_is_declared() -> None:
    with pytest.raises(TypeError, match=r"Bad\.items: a mutable default would be shared"):

        class Bad(Frozen):
            items: list[int] = []  # noqa: RUF012


def test_slots_false_keeps_a_dict_for_cached_properties() -> None:
    cached = Cached((1, 2, 3))
    assert cached.total == 6
    assert cached.__dict__ == {"items": (1, 2, 3), "total": 6}


class Shape(Frozen, kw_only=True):
    __pydantic_config__: ClassVar[dict[str, str]] = {"extra": "forbid"}
    name: str
    sides: int = 3
    tags: tuple[str, ...] = ()


def test_as_dataclass_describes_fields_defaults_and_keyword_only_for_pydantic() -> None:
    assert not dataclasses.is_dataclass(Shape)
    frozen.as_dataclass(Shape)
    frozen.as_dataclass(Shape)  # a second call changes nothing
    described = [(f.name, f.default, f.kw_only) for f in dataclasses.fields(Shape)]
    assert described == [
        ("name", dataclasses.MISSING, True),
        ("sides", 3, True),
        ("tags", (), True),
    ]
    adapter = TypeAdapter(Shape)
    assert adapter.validate_python({"name": "square", "sides": 4}) == Shape(name="square", sides=4)
    assert adapter.validate_python({"name": "triangle"}) == Shape(name="triangle")
    with pytest.raises(ValidationError, match="Unexpected keyword argument"):
        adapter.validate_python({"name": "x", "colour": "red"})
    with pytest.raises(ValidationError, match="valid integer"):
        adapter.validate_python({"name": "x", "sides": "four"})
    # The class itself is unchanged: still slotted, frozen and built by its own __init__.
    shape = Shape(name="hexagon", sides=6)
    assert not hasattr(shape, "__dict__")
    assert repr(shape) == "Shape(name='hexagon', sides=6, tags=())"
    with pytest.raises(FrozenError):
        shape.sides = 7  # type: ignore[misc]
