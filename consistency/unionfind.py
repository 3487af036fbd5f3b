"""Disjoint sets (union-find): which items end up joined, and with what.

Topics merge blocks whose keys name one thing; agreements join compatible claims. Hand-written because it is
twenty lines and the standard library has none.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T", bound=Hashable)


class DisjointSets(Generic[T]):
    """Items in groups, each group named by one of its items; joining two groups keeps the larger's name."""

    def __init__(self, items: Iterable[T] = ()) -> None:
        self._parent: dict[T, T] = {}
        self._members: dict[T, list[T]] = {}
        for item in items:
            self.find(item)

    def find(self, item: T) -> T:
        """The name of ``item``'s group (an item never seen is a group of its own)."""
        if item not in self._parent:
            self._parent[item] = item
            self._members[item] = [item]
            return item
        while self._parent[item] != item:
            self._parent[item] = self._parent[self._parent[item]]
            item = self._parent[item]
        return item

    def union(self, a: T, b: T, unless: Callable[[list[T], list[T]], bool] | None = None) -> bool:
        """Join the groups of ``a`` and ``b``, unless ``unless`` says their members must stay apart."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if unless is not None and unless(self._members[ra], self._members[rb]):
            return False
        if len(self._members[ra]) < len(self._members[rb]):
            ra, rb = rb, ra
        self._parent[rb] = ra
        self._members[ra] += self._members.pop(rb)
        return True

    def groups(self) -> list[list[T]]:
        """Every group's members, in the order they were first seen."""
        return list(self._members.values())
