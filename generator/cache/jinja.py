"""Compiled Jinja templates kept in the build cache: Material's base template alone takes
about a second to compile, on every build. Jinja checks each entry against its template's
source; the store checks the bytes themselves, so a damaged entry is compiled afresh."""

from __future__ import annotations

import jinja2

from generator.cache.store import Store


class StoreBytecodeCache(jinja2.BytecodeCache):
    def __init__(self, store: Store):
        self.store = store

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self.store.get("jinja", bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store.put("jinja", bucket.key, bucket.bytecode_to_string())


def bytecode_cache(store: Store | None) -> jinja2.BytecodeCache | None:
    return StoreBytecodeCache(store) if store is not None and store.enabled else None
