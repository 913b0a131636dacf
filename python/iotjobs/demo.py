"""``python -m iotjobs demo``: the life of a namespaced job, against the
embedded local server, with the sync client."""

from __future__ import annotations

import json
from typing import Any, Callable, Dict

from .client import JobsClient
from .exceptions import ClientError, ParamValidationError
from .testing import Fleet, LocalJobsServer
from .type_defs import AbortCriteriaTypeDef

ACCOUNT = "arn:aws:iot:us-east-1:123456789012"


def _step(title: str) -> None:
    print(f"\n== {title}")


def _show(label: str, value: Any) -> None:
    print(f"   {label}: {value}")


def run() -> None:
    with LocalJobsServer(clock="manual") as server:
        iot = JobsClient(
            region_name="us-east-1",
            endpoint_url=server.endpoint_url,
            aws_access_key_id="demo",
            aws_secret_access_key="demo",
        )
        print(f"Local AWS IoT Jobs server on {server.endpoint_url}")

        _step("A fleet: thing group 'eu-fleet' with three sensors")
        iot_registry = registry(server)
        iot_registry("create_thing_group", thingGroupName="eu-fleet")
        for n in range(1, 4):
            iot_registry("create_thing", thingName=f"sensor-{n}")
            iot_registry("add_thing_to_thing_group", thingGroupName="eu-fleet", thingName=f"sensor-{n}")
        _show("members", ", ".join(f"sensor-{n}" for n in range(1, 4)))

        _step("Create a namespaced CONTINUOUS job: exponential rollout, two abort criteria, timeout")
        created = iot.create_job(
            jobId="firmware-2-1",
            targets=[f"{ACCOUNT}:thinggroup/eu-fleet"],
            document=json.dumps({"operation": "firmware-update", "version": "2.1.0"}),
            description="Firmware 2.1.0 for the EU fleet",
            targetSelection="CONTINUOUS",
            namespaceId="ota",
            jobExecutionsRolloutConfig={
                "maximumPerMinute": 100,
                "exponentialRate": {
                    "baseRatePerMinute": 10,
                    "incrementFactor": 1.5,
                    "rateIncreaseCriteria": {"numberOfSucceededThings": 20},
                },
            },
            abortConfig={
                "criteriaList": [
                    {
                        "failureType": "FAILED",
                        "action": "CANCEL",
                        "thresholdPercentage": 10.0,
                        "minNumberOfExecutedThings": 10,
                    },
                    {
                        "failureType": "TIMED_OUT",
                        "action": "CANCEL",
                        "thresholdPercentage": 25.0,
                        "minNumberOfExecutedThings": 5,
                    },
                ]
            },
            timeoutConfig={"inProgressTimeoutInMinutes": 60},
            tags=[{"Key": "team", "Value": "fleet"}],
        )
        _show("jobArn", created["jobArn"])
        iot.create_job(jobId="inventory-scan", targets=[f"{ACCOUNT}:thing/sensor-1"], document="{}")

        _step("List jobs, then only the 'ota' namespace")
        _show("all jobs", [j["jobId"] for j in iot.list_jobs()["jobs"]])
        _show("namespace ota", [j["jobId"] for j in iot.list_jobs(namespaceId="ota")["jobs"]])

        _step("Associate one more target with the CONTINUOUS job")
        iot.associate_targets_with_job(jobId="firmware-2-1", targets=[f"{ACCOUNT}:thing/gateway-1"], namespaceId="ota")
        _show("targets", iot.describe_job(jobId="firmware-2-1")["job"]["targets"])

        _step("Update the rollout: a flat 50 per minute")
        iot.update_job(jobId="firmware-2-1", namespaceId="ota", jobExecutionsRolloutConfig={"maximumPerMinute": 50})
        job = iot.describe_job(jobId="firmware-2-1")["job"]
        _show("status", job["status"])
        _show("rollout", job["jobExecutionsRolloutConfig"])
        _show("queued executions", job["jobProcessDetails"]["numberOfQueuedThings"])
        _show("created at", job["createdAt"].isoformat())

        _step("Executions on sensor-1, across jobs")
        for summary in iot.list_job_executions_for_thing(thingName="sensor-1")["executionSummaries"]:
            execution = summary["jobExecutionSummary"]
            _show(summary["jobId"], f"{execution['status']} (execution {execution['executionNumber']})")

        _step("Delete sensor-1's execution, then the job")
        iot.delete_job_execution(jobId="firmware-2-1", thingName="sensor-1", executionNumber=1, namespaceId="ota")
        iot.delete_job(jobId="firmware-2-1", namespaceId="ota", force=True)
        _show("status", iot.describe_job(jobId="firmware-2-1")["job"]["status"])
        server.advance(1)
        try:
            iot.describe_job(jobId="firmware-2-1")
        except ClientError as err:
            _show("after the deletion completes", err.response["Error"]["Code"])

        _step("Roll firmware 3.0 out to 500 simulated meters at 100 a minute; abort at 10% failed")
        rollout(server, iot)

        _step("A bad rollout config, caught before anything is sent")
        try:
            iot.create_job(
                jobId="firmware-2-2",
                targets=[f"{ACCOUNT}:thinggroup/eu-fleet"],
                document="{}",
                jobExecutionsRolloutConfig={
                    "maximumPerMinute": 5000,
                    "exponentialRate": {"baseRatePerMinute": 10, "incrementFactor": 1.55, "rateIncreaseCriteria": {}},
                },
                abortConfig={
                    "criteriaList": [
                        {
                            "failureType": "FAILED",
                            "action": "CANCEL",
                            "thresholdPercentage": 10.999,
                            "minNumberOfExecutedThings": 10,
                        }
                    ]
                },
            )
        except ParamValidationError as err:
            for line in str(err).splitlines():
                print(f"   {line}")
        _show("jobs sent", [j["jobId"] for j in iot.list_jobs()["jobs"]])
    print("\nDone.")


def rollout(server: LocalJobsServer, iot: JobsClient) -> None:
    """Two healthy minutes, then a bad batch: the abort criteria cancel
    the job mid-batch and the rest of the fleet never gets it."""
    fleet = Fleet(server, 500, prefix="meter-", group="meters")
    abort: AbortCriteriaTypeDef = {
        "failureType": "FAILED",
        "action": "CANCEL",
        "thresholdPercentage": 10,
        "minNumberOfExecutedThings": 50,
    }
    iot.create_job(
        jobId="firmware-3-0",
        targets=[fleet.group_arn],
        document=json.dumps({"operation": "firmware-update", "version": "3.0.0"}),
        jobExecutionsRolloutConfig={"maximumPerMinute": 100},
        abortConfig={"criteriaList": [abort]},
    )
    for minute, failing in enumerate([0.02, 0.02, 0.3, 0.3], start=1):
        fleet.run("firmware-3-0", failed=failing)
        job = iot.describe_job(jobId="firmware-3-0")["job"]
        counts = job["jobProcessDetails"]
        _show(
            f"minute {minute}",
            f"{failing:.0%} of the new batch fail -> {counts['numberOfSucceededThings']} succeeded, "
            f"{counts['numberOfFailedThings']} failed, {counts['numberOfCanceledThings']} canceled: {job['status']}",
        )
        if job["status"] != "IN_PROGRESS":
            break
        server.advance(60)  # the next minute's batch is notified
    _show("reason", f"{job.get('reasonCode')}: {job.get('comment')}")
    server.advance(600)
    pages = iot.get_paginator("list_job_executions_for_job").paginate(jobId="firmware-3-0")
    notified = sum(len(page["executionSummaries"]) for page in pages)
    _show("devices that ever got the job", f"{notified} of {len(fleet)}")


def registry(server: LocalJobsServer) -> Callable[..., Dict[str, Any]]:
    """Registry calls (things, groups) over the server's HTTP API: the
    iotjobs clients cover the Jobs operations only."""
    import urllib.request

    routes = {
        "create_thing_group": ("POST", "/thing-groups/{thingGroupName}"),
        "create_thing": ("POST", "/things/{thingName}"),
        "add_thing_to_thing_group": ("PUT", "/thing-groups/addThingToThingGroup"),
    }

    def call(name: str, **params: Any) -> Dict[str, Any]:
        method, path = routes[name]
        body = {} if "{" in path else params
        request = urllib.request.Request(
            server.endpoint_url + path.format(**params), data=json.dumps(body).encode(), method=method
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            result: Dict[str, Any] = json.loads(response.read() or b"{}")
        return result

    return call
