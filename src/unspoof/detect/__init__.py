"""Detectors: each module finds one kind of tampering and proposes findings; none edits text.

A detector is a function ``detect(text, options) -> list[Finding]`` with offsets into ``text``;
:mod:`unspoof.pipeline` lists them in ``DETECTORS``.
"""
