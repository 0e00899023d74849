"""One immutable bundle of options, passed down the pipeline instead of loose keywords."""

from __future__ import annotations

from typing import NamedTuple


class Options(NamedTuple):
    """What ``scan``/``clean`` do. Defaults suit the common user: undo tampering, keep words.

    >>> Options().strip_spam
    False
    >>> Options(strip_spam=True).restore_lookalikes
    True
    """

    #: replace look-alike characters by the intended ones, decided per word from context
    restore_lookalikes: bool = True
    #: remove invisible, bidi-override, tag and control characters that legitimate text does not need
    remove_hidden: bool = True
    #: remove injected spam (template sentences, keyword anchors) and repair what it replaced
    strip_spam: bool = False
    #: insert the missing space after sentence ends that a scraper glued together
    fix_spacing: bool = False

    @classmethod
    def from_mapping(cls, data: dict | None) -> "Options":
        """Build from a plain mapping (JSON options), rejecting unknown keys with a clear error."""
        data = dict(data or {})
        unknown = sorted(set(data) - set(cls._fields))
        if unknown:
            raise ValueError(f"unknown option(s): {', '.join(unknown)}; known: {', '.join(cls._fields)}")
        for key, value in data.items():
            if not isinstance(value, bool):
                raise ValueError(f"option {key!r} must be true or false, not {type(value).__name__}")
        return cls(**data)
