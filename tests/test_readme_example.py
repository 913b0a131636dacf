"""The README's "simulate a rollout with a 30% failure rate" test is
examples/test_rollout_abort.py, shown verbatim, and it passes."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "test_rollout_abort.py"


def test_the_readme_shows_the_example_verbatim() -> None:
    source = EXAMPLE.read_text()
    assert f"```python\n{source}```" in (ROOT / "README.md").read_text()
    assert len(source.strip().splitlines()) < 20


def test_the_example_passes(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_rollout_abort=EXAMPLE.read_text())
    result = pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)
