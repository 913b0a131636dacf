"""Injected faults: errors, statuses, delays, dropped connections; with
boto3 and iotjobs clients. A faulted request changes no state."""

from __future__ import annotations

import http.client
import json
import time
from typing import Any
from urllib.parse import urlparse

import pytest
from conftest import iotjobs_clients
from server_helpers import expect_error, thing

import iotjobs
from iotjobs.exceptions import EndpointConnectionError, ReadTimeoutError
from iotjobs.testing import LocalJobsServer


def test_modeled_errors_with_their_status(server: LocalJobsServer, iot: Any) -> None:
    server.inject_fault("CreateJob", error="ThrottlingException", count=1)
    expect_error(iot, "ThrottlingException", 400, iot.create_job, jobId="j", targets=[thing("a")], document="{}")
    assert server.state()["jobs"] == []  # the faulted request changed nothing
    iot.create_job(jobId="j", targets=[thing("a")], document="{}")  # count=1: the next one passes
    server.inject_fault("DescribeJob", status=503, count=1)
    expect_error(iot, "ServiceUnavailableException", 503, iot.describe_job, jobId="j")
    server.inject_fault(error="InternalFailureException", count=1)
    expect_error(iot, "InternalFailureException", 500, iot.list_jobs)
    assert iot.describe_job(jobId="j")["job"]["jobId"] == "j"


def test_iotjobs_client_sees_the_same_errors(server: LocalJobsServer) -> None:
    client, _ = iotjobs_clients(server.endpoint_url)
    server.inject_fault("ListJobs", error="ThrottlingException", count=1)
    with pytest.raises(client.exceptions.ThrottlingException) as caught:
        client.list_jobs()
    assert caught.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_retries_ride_over_transient_faults(server: LocalJobsServer) -> None:
    config = iotjobs.Config(retries={"total_max_attempts": 3, "mode": "standard"})
    client, _ = iotjobs_clients(server.endpoint_url, config=config)
    server.inject_fault("ListJobs", status=503, count=2)
    answer = client.list_jobs()
    assert answer["ResponseMetadata"]["RetryAttempts"] == 2


def test_delay_then_read_timeout(server: LocalJobsServer) -> None:
    client, _ = iotjobs_clients(
        server.endpoint_url, config=iotjobs.Config(read_timeout=0.3, retries={"total_max_attempts": 1})
    )
    server.inject_fault("DescribeJob", delay_ms=1000, count=1)
    with pytest.raises(ReadTimeoutError):
        client.describe_job(jobId="j")
    server.inject_fault("ListJobs", delay_ms=100, count=1)
    started = time.monotonic()
    client.list_jobs()
    assert time.monotonic() - started >= 0.1


def test_dropped_connection(server: LocalJobsServer) -> None:
    client, _ = iotjobs_clients(server.endpoint_url)
    server.inject_fault("ListJobs", drop_connection=True, count=1)
    with pytest.raises((EndpointConnectionError, iotjobs.IotJobsError)):
        client.list_jobs()
    assert client.list_jobs()["jobs"] == []


def test_probability(server: LocalJobsServer, iot: Any) -> None:
    server.inject_fault("ListJobs", error="ThrottlingException", probability=0.5)
    outcomes = []
    for _ in range(200):
        try:
            iot.list_jobs()
            outcomes.append(True)
        except iot.exceptions.ThrottlingException:
            outcomes.append(False)
    assert 60 < outcomes.count(False) < 140
    server.clear_faults()
    iot.list_jobs()


def test_bad_fault_specs(server: LocalJobsServer) -> None:
    with pytest.raises(ValueError, match="exactly one of"):
        server.inject_fault("ListJobs")
    with pytest.raises(ValueError, match="error must be one of"):
        server.inject_fault("ListJobs", error="NoSuchError")
    with pytest.raises(ValueError, match="probability"):
        server.inject_fault("ListJobs", error="ThrottlingException", probability=2)


def test_faults_over_http(server: LocalJobsServer) -> None:
    url = urlparse(server.endpoint_url)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    body = json.dumps({"operation": "ListJobs", "error": "ThrottlingException", "count": 1})
    conn.request("POST", "/_emulator/faults", body=body)
    assert conn.getresponse().read() == b'{"faults":1}'
    conn.request("GET", "/jobs")
    response = conn.getresponse()
    response.read()
    assert (response.status, response.getheader("x-amzn-errortype")) == (400, "ThrottlingException")
    conn.request("POST", "/_emulator/faults", body=json.dumps({"error": "ThrottlingException"}))
    conn.getresponse().read()
    conn.request("DELETE", "/_emulator/faults")
    conn.getresponse().read()
    conn.request("GET", "/jobs")
    assert conn.getresponse().status == 200


def test_reset_clears_faults(server: LocalJobsServer, iot: Any) -> None:
    server.inject_fault(error="ThrottlingException")
    server.reset()
    iot.list_jobs()
