"""clashrecon: reconcile conflicting news reports of armed clashes into one sourced timeline."""

__version__ = "0.1.0"
