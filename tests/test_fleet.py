"""iotjobs.testing.Fleet: many simulated devices in one call, exact shares
of outcomes, the same rules as devices on the iot-jobs-data API."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

import pytest
from server_helpers import statuses

from iotjobs.testing import Fleet, LocalJobsServer


def test_registers_things_and_group(server: LocalJobsServer, iot: Any) -> None:
    fleet = Fleet(server, 12, prefix="sensor-", group="fleet")
    assert fleet.names[0] == "sensor-00" and fleet.names[-1] == "sensor-11" and len(fleet) == 12
    members = iot.list_things_in_thing_group(thingGroupName="fleet", maxResults=50)["things"]
    assert sorted(members) == fleet.names
    assert iot.describe_thing(thingName="sensor-03")["thingName"] == "sensor-03"
    assert fleet.thing_arns[0] == "arn:aws:iot:us-east-1:123456789012:thing/sensor-00"
    assert fleet.group_arn == "arn:aws:iot:us-east-1:123456789012:thinggroup/fleet"
    with pytest.raises(ValueError, match="no group"):
        _ = Fleet(server, 1, prefix="x-").group_arn


def test_exact_shares_of_outcomes(server: LocalJobsServer, iot: Any) -> None:
    fleet = Fleet(server, 200)
    iot.create_job(jobId="j", targets=fleet.thing_arns, document="{}")
    report = fleet.run("j", failed=0.3, rejected=0.05)
    assert report == {"succeeded": 130, "failed": 60, "rejected": 10, "stuck": 0}
    counters = iot.describe_job(jobId="j")["job"]["jobProcessDetails"]
    assert (
        counters["numberOfSucceededThings"],
        counters["numberOfFailedThings"],
        counters["numberOfRejectedThings"],
    ) == (
        130,
        60,
        10,
    )
    assert iot.describe_job(jobId="j")["job"]["status"] == "COMPLETED"
    assert fleet.run("j") == {"succeeded": 0, "failed": 0, "rejected": 0, "stuck": 0}  # nothing queued any more


def test_outcomes_are_shuffled_and_repeatable(server: LocalJobsServer, iot: Any) -> None:
    def failed_devices(seed: int) -> set[str]:
        server.reset()
        fleet = Fleet(server, 40, seed=seed)
        iot.create_job(jobId="j", targets=fleet.thing_arns, document="{}")
        fleet.run("j", failed=0.5)
        return {name for name, status in statuses(iot, "j").items() if status == "FAILED"}

    assert failed_devices(1) == failed_devices(1)
    assert failed_devices(1) != failed_devices(2)
    assert failed_devices(1) != {f"device-{i:02d}" for i in range(20)}  # not simply the first half


def test_stuck_devices_time_out(manual_server: LocalJobsServer, manual_iot: Any) -> None:
    fleet = Fleet(manual_server, 10)
    manual_iot.create_job(
        jobId="j", targets=fleet.thing_arns, document="{}", timeoutConfig={"inProgressTimeoutInMinutes": 5}
    )
    assert fleet.run("j", stuck=0.2)["stuck"] == 2
    assert list(statuses(manual_iot, "j").values()).count("IN_PROGRESS") == 2
    manual_server.advance(5 * 60)
    assert list(statuses(manual_iot, "j").values()).count("TIMED_OUT") == 2


def test_bad_arguments(server: LocalJobsServer, iot: Any) -> None:
    fleet = Fleet(server, 2)
    iot.create_job(jobId="j", targets=fleet.thing_arns, document="{}")
    with pytest.raises(ValueError, match="failed must be a share from 0 to 1"):
        fleet.run("j", failed=1.5)
    with pytest.raises(ValueError, match="at most 1"):
        fleet.run("j", failed=0.6, rejected=0.6)
    with pytest.raises(ValueError, match="does not exist"):
        fleet.run("nope")
    with pytest.raises(ValueError, match="thingName"):
        Fleet(server, 1, prefix="bad name ")
    with pytest.raises(ValueError, match="size"):
        Fleet(server, -1)
    assert statuses(iot, "j") == {"device-0": "QUEUED", "device-1": "QUEUED"}  # refused calls changed nothing


def _post(url: str, body: Any) -> Any:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST")
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.loads(answer.read() or b"{}")


def test_fleet_over_http_for_standalone_servers(server: LocalJobsServer, iot: Any) -> None:
    arns = _post(f"{server.endpoint_url}/_emulator/fleet", {"names": ["m1", "m2", "m3", "m4"], "group": "meters"})
    assert arns["groupArn"] == "arn:aws:iot:us-east-1:123456789012:thinggroup/meters"
    assert arns["thingArns"][0] == "arn:aws:iot:us-east-1:123456789012:thing/m1" and len(arns["thingArns"]) == 4
    assert sorted(iot.list_things_in_thing_group(thingGroupName="meters")["things"]) == ["m1", "m2", "m3", "m4"]
    iot.create_job(jobId="j", targets=["arn:aws:iot:us-east-1:123456789012:thinggroup/meters"], document="{}")
    report = _post(f"{server.endpoint_url}/_emulator/fleet/run", {"jobId": "j", "failed": 0.5, "seed": 7})
    assert report == {"succeeded": 2, "failed": 2, "rejected": 0, "stuck": 0}
    with pytest.raises(urllib.error.HTTPError) as refused:
        _post(f"{server.endpoint_url}/_emulator/fleet/run", {"jobId": "j", "failed": 2})
    assert refused.value.code == 400 and "failed must be a share" in refused.value.read().decode()
