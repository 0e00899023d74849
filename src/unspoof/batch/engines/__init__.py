"""Where chunks run. An engine is ``execute(job, units, **settings)`` yielding, in input order,
``(unit, ChunkResult)`` for each chunk of a unit and ``(unit, None)`` when the unit is complete.
The runner writes what they yield; the engines decide nothing about records."""

ENGINES = ("local", "spark")
