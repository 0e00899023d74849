"""unspoof: find and undo adversarial tampering in text.

>>> import unspoof
>>> unspoof.clean("Ƭhеrе are ѕеа ⅼions")
'There are sea lions'
>>> unspoof.scan("Москва").verdict
'clean'
"""

from .model import Finding, Report
from .options import Options
from .pipeline import clean, scan

__all__ = ["Finding", "Options", "Report", "clean", "scan"]
__version__ = "0.1.0"
