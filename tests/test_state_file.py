"""Durable state: a server with state_file= restarts with everything it
acknowledged, even when killed with SIGKILL in the middle of a burst of
writes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, List

import pytest
from conftest import boto3_iot
from server_helpers import create_job, statuses, thing

from iotjobs.testing import Fleet, LocalJobsServer


def test_state_survives_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    with LocalJobsServer(clock="manual", state_file=path) as server:
        iot = boto3_iot(server.endpoint_url)
        fleet = Fleet(server, 5, group="fleet")
        iot.create_job(
            jobId="fw",
            targets=[fleet.group_arn],
            document='{"v": 2}',
            targetSelection="CONTINUOUS",
            timeoutConfig={"inProgressTimeoutInMinutes": 10},
            tags=[{"Key": "team", "Value": "ota"}],
        )
        create_job(
            iot, "rolling", [thing(f"r{i}") for i in range(6)], jobExecutionsRolloutConfig={"maximumPerMinute": 2}
        )
        fleet.run("fw", failed=0.2, stuck=0.2)
        clock = server.advance(120)
        before = server.state()
        described = iot.describe_job(jobId="fw")["job"]
    with LocalJobsServer(clock="manual", state_file=path) as server:
        iot = boto3_iot(server.endpoint_url)
        assert server.state() == before
        assert server.advance(0) == clock  # a manual clock resumes where it was
        assert iot.describe_job(jobId="fw")["job"] == described
        assert iot.get_job_document(jobId="fw")["document"] == '{"v": 2}'
        assert len(statuses(iot, "rolling")) == 6  # 2 at creation + 2 per minute
        server.advance(8 * 60)  # the stuck device's timer survived the restart
        assert list(statuses(iot, "fw").values()).count("TIMED_OUT") == 1
        iot.create_thing(thingName="late")  # CONTINUOUS membership still works
        iot.add_thing_to_thing_group(thingGroupName="fleet", thingName="late")
        assert statuses(iot, "fw")["late"] == "QUEUED"


def test_every_acknowledged_change_is_on_disk_before_the_answer(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    with LocalJobsServer(state_file=path) as server:
        iot = boto3_iot(server.endpoint_url)
        create_job(iot, "a", [thing("x")])
        on_disk = json.loads(path.read_text())
        assert [job["job"]["jobId"] for job in on_disk["store"]["jobs"]] == ["a"]
        server.reset()
        assert json.loads(path.read_text())["store"]["jobs"] == []


def test_an_unreadable_state_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text('{"store": {"format": 1, "jobs": [')
    with pytest.raises(OSError, match=r"state\.json"):
        LocalJobsServer(state_file=path)
    assert path.read_text() == '{"store": {"format": 1, "jobs": ['  # left as it was, for inspection


def _start_serve(path: Path) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "iotjobs", "serve", "--port", "0", "--state-file", str(path)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    assert "listening on" in line, line
    return process, line.split("listening on ")[1].split()[0]


def _create(url: str, job_id: str) -> bool:
    """CreateJob over raw HTTP; True once the server acknowledged it."""
    body = json.dumps({"targets": [thing("dev")], "document": "{}"}).encode()
    request = urllib.request.Request(f"{url}/jobs/{job_id}", data=body, method="PUT")
    request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=5) as answer:
            return bool(answer.status == 200)
    except (OSError, urllib.error.URLError):
        return False


@pytest.mark.parametrize("round_", range(3))
def test_sigkill_during_a_burst_of_writes_loses_nothing_acknowledged(tmp_path: Path, round_: int) -> None:
    path = tmp_path / "state.json"
    process, url = _start_serve(path)
    acknowledged: List[str] = []
    stop = threading.Event()

    def writer(worker: int) -> None:
        for i in range(100_000):  # bounded; the kill ends it much sooner
            if stop.is_set():
                return
            job_id = f"w{worker}-{i}"
            if _create(url, job_id):
                acknowledged.append(job_id)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    deadline = time.monotonic() + 10
    while len(acknowledged) < 50 * (round_ + 1) and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    stop.set()
    for t in threads:
        t.join()
    assert len(acknowledged) >= 50

    with LocalJobsServer(state_file=path) as server:
        saved = {job["jobId"] for job in server.state()["jobs"]}
        missing = set(acknowledged) - saved
        assert not missing, f"{len(missing)} acknowledged jobs lost, e.g. {sorted(missing)[:5]}"
        iot: Any = server.client()
        assert iot.describe_job(jobId=acknowledged[-1])["job"]["status"] == "IN_PROGRESS"
