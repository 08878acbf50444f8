"""The version of the code a build ran: the git commit and its date."""

from __future__ import annotations

import subprocess
from functools import cache

from . import config


def _git(*args: str) -> str:
    """Return the output of a git command in the repository ("" when git is unavailable)."""
    try:
        out = subprocess.run(["git", *args], cwd=config.ROOT, capture_output=True, text=True,
                             timeout=5, check=False)
        return out.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def site_url(page: str = "") -> str:
    """Return a page's public address under $DTI_SITE_URL ("" when no address is configured)."""
    import os

    base = os.environ.get("DTI_SITE_URL", "").strip().rstrip("/")
    return f"{base}/{page}" if base else ""


@cache
def commit() -> str:
    """Return the short git commit of the code (or "unknown" outside a checkout)."""
    return _git("rev-parse", "--short", "HEAD") or "unknown"


@cache
def commit_date() -> str:
    """Return the date of the commit as YYYY-MM-DD (or "" outside a checkout)."""
    return _git("log", "-1", "--format=%cs")
