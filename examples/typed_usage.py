"""Typed use of iotjobs: checked with ``mypy --strict`` in CI, so the stubs
stay honest about what the package accepts and returns."""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Dict, List

import iotjobs
from iotjobs.exceptions import IotJobsError, ParamValidationError
from iotjobs.testing import LocalJobsServer
from iotjobs.type_defs import AbortConfigTypeDef, CreateJobResponseTypeDef, JobSummaryTypeDef

ABORT: AbortConfigTypeDef = {
    "criteriaList": [
        {"failureType": "FAILED", "action": "CANCEL", "thresholdPercentage": 10.0, "minNumberOfExecutedThings": 5}
    ]
}


def problems(request: Dict[str, object]) -> List[str]:
    """Every violation of a create_job request, as 'path: message' lines."""
    try:
        iotjobs.validate("create_job", request, validation="strict")
    except ParamValidationError as err:
        return [f"{e['path']}: {e['message']}" for e in err.errors]
    return []


def rollout(client: iotjobs.JobsClient) -> List[JobSummaryTypeDef]:
    created: CreateJobResponseTypeDef = client.create_job(
        jobId="ota-42",
        targets=["arn:aws:iot:us-east-1:123456789012:thinggroup/fleet"],
        document="{}",
        abortConfig=ABORT,
        targetSelection="CONTINUOUS",
    )
    print(created["jobArn"], created["ResponseMetadata"]["RequestId"])
    job = client.describe_job(jobId="ota-42")["job"]
    started: datetime = job["createdAt"]
    print(job["status"], started.isoformat())
    jobs: List[JobSummaryTypeDef] = []
    for page in client.get_paginator("list_jobs").paginate(PaginationConfig={"PageSize": 10}, status="IN_PROGRESS"):
        jobs.extend(page["jobs"])
    return jobs


async def count_executions(client: iotjobs.AsyncJobsClient) -> int:
    total = 0
    async for page in client.get_paginator("list_job_executions_for_job").paginate(jobId="ota-42"):
        total += len(page["executionSummaries"])
    return total


def main() -> None:
    print(problems({"jobId": "ota-42", "targets": [], "document": "{}"}))
    with LocalJobsServer() as server:
        url = server.endpoint_url
        with iotjobs.client(
            region_name="us-east-1", endpoint_url=url, aws_access_key_id="k", aws_secret_access_key="s"
        ) as client:
            print(len(rollout(client)))
            try:
                client.describe_job(jobId="missing")
            except client.exceptions.ResourceNotFoundException as err:
                print(err.response["Error"]["Code"])
        aclient = iotjobs.AsyncJobsClient(
            region_name="us-east-1", endpoint_url=url, aws_access_key_id="k", aws_secret_access_key="s"
        )
        print(asyncio.run(count_executions(aclient)))
    print(issubclass(ParamValidationError, IotJobsError), iotjobs.__version__)


if __name__ == "__main__":
    main()
