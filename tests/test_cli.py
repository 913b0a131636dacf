"""``python -m iotjobs validate OPERATION FILE.json``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import List

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run(*args: str) -> subprocess.CompletedProcess:  # type: ignore[type-arg]
    return subprocess.run([sys.executable, "-m", "iotjobs", *args], capture_output=True, text=True, timeout=60)


def test_valid_example_prints_ok() -> None:
    result = run("validate", "create_job", str(EXAMPLES / "create_job.json"))
    assert (result.returncode, result.stdout, result.stderr) == (0, "OK\n", "")


def test_pascal_case_operation() -> None:
    assert run("validate", "CreateJob", str(EXAMPLES / "create_job.json")).returncode == 0


def test_invalid_example_prints_one_violation_per_line() -> None:
    result = run("validate", "create_job", str(EXAMPLES / "create_job_invalid.json"))
    assert result.returncode == 1
    lines: List[str] = result.stdout.splitlines()
    paths = [line.split(": ", 1)[0] for line in lines]
    assert len(set(paths)) >= 5
    assert "jobExecutionsRolloutConfig.exponentialRate.incrementFactor" in paths
    assert "abortConfig.criteriaList[0].thresholdPercentage" in paths
    assert all(": " in line for line in lines)


def test_model_mode_flag(tmp_path: Path) -> None:
    request = tmp_path / "r.json"
    request.write_text('{"jobId": "j", "targets": ["sensor-1"], "document": "{}"}')
    assert run("validate", "create_job", str(request)).returncode == 1
    assert run("validate", "--validation", "model", "create_job", str(request)).returncode == 0


def test_usage_errors_exit_2_with_one_line(tmp_path: Path) -> None:
    bad_json = tmp_path / "bad.json"
    bad_json.write_text("{")
    cases = [
        (("validate", "create_job", str(tmp_path / "missing.json")), "no such file"),
        (("validate", "create_job", str(bad_json)), "is not valid JSON"),
        (("validate", "make_coffee", str(EXAMPLES / "create_job.json")), "unknown operation 'make_coffee'"),
    ]
    for args, reason in cases:
        result = run(*args)
        assert result.returncode == 2, args
        assert result.stdout == ""
        assert len(result.stderr.strip().splitlines()) == 1 and reason in result.stderr, result.stderr


def test_non_object_json(tmp_path: Path) -> None:
    request = tmp_path / "list.json"
    request.write_text("[1, 2]")
    result = run("validate", "describe_job", str(request))
    assert result.returncode == 1
    assert result.stdout.strip() == "input must be a dict, got a list of 2 items"


def test_serve_runs_until_interrupted() -> None:
    import json
    import signal
    import urllib.request

    process = subprocess.Popen(
        [sys.executable, "-m", "iotjobs", "serve", "--port", "0"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert "listening on http://127.0.0.1:" in line
        url = line.split("listening on ", 1)[1].split()[0]
        with urllib.request.urlopen(f"{url}/jobs", timeout=10) as response:
            assert json.loads(response.read()) == {"jobs": []}
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
    finally:
        process.kill()


def test_demo() -> None:
    result = run("demo")
    assert result.returncode == 0, result.stderr
    assert "namespace ota: ['firmware-2-1']" in result.stdout
    assert "after the deletion completes: ResourceNotFoundException" in result.stdout
    assert "incrementFactor must have at most one decimal place" in result.stdout
    assert "jobs sent: ['firmware-3-0', 'inventory-scan']" in result.stdout  # not the bad one
    assert "reason: ABORT_CRITERIA_MET" in result.stdout
    assert "devices that ever got the job: 300 of 500" in result.stdout
