"""Shared fixtures: valid requests to start from."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any, Dict

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture
def create_job_request() -> Dict[str, Any]:
    """A fresh copy of the full, valid example create_job request."""
    return copy.deepcopy(json.loads((EXAMPLES / "create_job.json").read_text()))
