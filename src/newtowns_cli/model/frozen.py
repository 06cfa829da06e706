"""Immutable value classes, declared like dataclasses, without the ``dataclasses`` module.

``dataclasses`` imports ``inspect`` (and ``ast``, ``dis``, ``tokenize`` behind it) and
generates ``__init__`` and friends per class with ``exec``: about 13 ms on every run, more
than a warm ``newtowns list`` spends on anything else (benchmarks/README.md). A class here
is built by its metaclass from its annotations alone:

    class Problem(Frozen):
        file: str
        line: int = 0

gets ``__slots__`` from its fields (``slots=False`` in the class line keeps a ``__dict__``,
for ``functools.cached_property``), one shared ``__init__`` (positional or keyword;
``kw_only=True`` in the class line, or in a base's, for keyword only), an optional
``__post_init__``, and
equality, hashing and repr by field values. A field is set once, by ``__init__``, and never
again (``FrozenError``); ``replace`` makes a changed copy, ``fields`` lists the names.

Validation needs stdlib dataclasses (pydantic reads ``__dataclass_fields__``);
``as_dataclass`` adds that description to a class when, and only when, a file is validated.
"""

from __future__ import annotations

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any, dataclass_transform
    from typing import Generic as Generic
    from typing import TypeVar as TypeVar

    T = TypeVar("T")
else:
    # What mypy reads from typing, for the run time: importing typing costs 3-4 ms of each
    # start-up, and these do nothing there (as the real ones do nothing but record).

    def dataclass_transform(**_: object) -> object:
        return lambda cls: cls

    def TypeVar(name: str, *_: object, **__: object) -> str:  # noqa: N802 - typing's name
        return name

    class Generic:
        """A base a class declared ``Generic[T]`` gets at run time: ``Generic[T]`` is itself."""

        __slots__ = ()

        def __class_getitem__(cls, _: object) -> type:
            return cls


_MISSING: Any = object()


class FrozenError(AttributeError):
    """An attempt to change or delete a field of a frozen value."""


@dataclass_transform(frozen_default=True)
class FrozenMeta(type):
    """Builds slots, the field list and the defaults of a class from its annotations."""

    __frozen_fields__: tuple[str, ...]
    __frozen_defaults__: Mapping[str, object]
    __frozen_kw_only__: bool
    __frozen_init__: tuple[tuple[str, object], ...]
    __frozen_post_init__: bool

    def __new__(
        mcs,
        name: str,
        bases: tuple[type, ...],
        namespace: dict[str, Any],
        *,
        kw_only: bool | None = None,
        slots: bool = True,
    ) -> FrozenMeta:
        annotations: dict[str, object] = namespace.get("__annotations__", {})
        own = tuple(
            field
            for field, annotation in annotations.items()
            if not str(annotation).startswith(("ClassVar", "typing.ClassVar"))
        )
        inherited: tuple[str, ...] = ()
        defaults: dict[str, object] = {}
        for base in reversed(bases):
            if isinstance(base, FrozenMeta):
                kw_only = kw_only or (kw_only is None and base.__frozen_kw_only__)
                inherited += tuple(f for f in base.__frozen_fields__ if f not in inherited)
                defaults.update(base.__frozen_defaults__)
        for field in own:
            if field in namespace:
                defaults[field] = namespace.pop(field)
                if isinstance(defaults[field], (list, dict, set)):
                    # One object for every value, as dataclasses refuses it too.
                    raise TypeError(f"{name}.{field}: a mutable default would be shared")
            else:
                defaults.pop(field, None)
        if slots:
            namespace["__slots__"] = tuple(f for f in own if f not in inherited)
        cls = super().__new__(mcs, name, bases, namespace)
        cls.__frozen_fields__ = inherited + tuple(f for f in own if f not in inherited)
        cls.__frozen_defaults__ = defaults
        cls.__frozen_kw_only__ = bool(kw_only)
        cls.__frozen_init__ = tuple((f, defaults.get(f, _MISSING)) for f in cls.__frozen_fields__)
        cls.__frozen_post_init__ = hasattr(cls, "__post_init__")
        return cls


class Frozen(metaclass=FrozenMeta):
    """Base of the frozen value classes (see the module's docstring)."""

    __slots__ = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kind = type(self)
        setter = object.__setattr__
        init = kind.__frozen_init__
        if args and not kwargs and not kind.__frozen_kw_only__ and len(args) <= len(init):
            # Positional only, the common case of small values (a table cell, a box):
            # set in field order, defaults for the rest, without a dict of arguments.
            for (name, _), value in zip(init, args, strict=False):
                setter(self, name, value)
            for name, default in init[len(args) :]:
                if default is _MISSING:
                    raise TypeError(f"{kind.__name__}() is missing the argument {name!r}")
                setter(self, name, default)
            if kind.__frozen_post_init__:
                self.__post_init__()  # type: ignore[attr-defined]
            return
        if args:
            kwargs = _positional(kind, args, kwargs)
        found = 0
        for name, default in init:
            if name in kwargs:
                setter(self, name, kwargs[name])
                found += 1
            elif default is _MISSING:
                raise TypeError(f"{kind.__name__}() is missing the argument {name!r}")
            else:
                setter(self, name, default)
        if found != len(kwargs):
            unknown = kwargs.keys() - set(kind.__frozen_fields__)
            raise TypeError(f"{kind.__name__}() got an unexpected argument {min(unknown)!r}")
        if kind.__frozen_post_init__:
            self.__post_init__()  # type: ignore[attr-defined]

    def __setattr__(self, name: str, value: object) -> None:
        if hasattr(self, name):
            raise FrozenError(f"cannot assign to field {name!r}")
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        raise FrozenError(f"cannot delete field {name!r}")

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in type(self).__frozen_fields__)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{name}={getattr(self, name)!r}" for name in type(self).__frozen_fields__
        )
        return f"{type(self).__name__}({shown})"


def _positional(kind: FrozenMeta, args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
    """``kwargs`` with ``args`` added by field order (TypeError where that is not allowed)."""
    names = kind.__frozen_fields__
    if kind.__frozen_kw_only__:
        raise TypeError(f"{kind.__name__}() takes keyword arguments only")
    if len(args) > len(names):
        raise TypeError(f"{kind.__name__}() takes at most {len(names)} arguments")
    for name, value in zip(names, args, strict=False):
        if name in kwargs:
            raise TypeError(f"{kind.__name__}() got two values for {name!r}")
        kwargs[name] = value
    return kwargs


def fields(kind: type[Any] | Any) -> tuple[str, ...]:
    """The field names of a frozen class (or of a value's class), in order."""
    cls = kind if isinstance(kind, type) else type(kind)
    if not isinstance(cls, FrozenMeta):
        raise TypeError(f"{cls.__name__} is not a frozen value class")
    return cls.__frozen_fields__


def replace(value: T, /, **changes: Any) -> T:
    """A copy of ``value`` with ``changes`` (``__post_init__`` runs again, as in dataclasses)."""
    values = {name: getattr(value, name) for name in fields(value)}
    return type(value)(**{**values, **changes})


def asdict(value: Any) -> dict[str, Any]:
    """A value's fields as a dict (one level: field values are kept as they are)."""
    return {name: getattr(value, name) for name in fields(value)}


def as_dataclass(cls: type[T]) -> type[T]:
    """``cls`` described as a stdlib dataclass too, for pydantic: fields, defaults, kw_only.

    Nothing the class does changes: no ``__init__``, ``__eq__`` or ``__repr__`` is
    generated, and the slots stay the class's own attributes.
    """
    import dataclasses

    if "__dataclass_fields__" not in cls.__dict__:
        assert isinstance(cls, FrozenMeta)
        defaults = cls.__frozen_defaults__
        dataclasses.dataclass(init=False, repr=False, eq=False, match_args=False)(cls)
        for field in dataclasses.fields(cls):
            field.kw_only = cls.__frozen_kw_only__
            if field.name in defaults:
                field.default = defaults[field.name]
    return cls
