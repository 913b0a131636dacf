"""The server's wire protocol seen from raw HTTP: routes, statuses, error
shape, limits, malformed input, concurrency."""

from __future__ import annotations

import http.client
import json
import threading
from typing import Any, Dict, Tuple
from urllib.parse import urlparse

import pytest
from server_helpers import create_job, thing

from iotjobs.testing import LocalJobsServer


def request(
    server: LocalJobsServer, method: str, path: str, body: bytes | None = None, headers: Dict[str, str] | None = None
) -> Tuple[int, Dict[str, str], bytes]:
    url = urlparse(server.endpoint_url)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


def assert_error(answer: Tuple[int, Dict[str, str], bytes], status: int, code: str) -> Dict[str, Any]:
    got_status, headers, body = answer
    assert got_status == status, (got_status, body)
    assert headers["x-amzn-errortype"] == code
    assert headers["content-type"] == "application/json"
    assert headers["x-amzn-requestid"]
    parsed: Dict[str, Any] = json.loads(body)
    assert isinstance(parsed["message"], str) and parsed["message"]
    return parsed


def test_success_bodies_and_headers(server: LocalJobsServer) -> None:
    body = json.dumps({"targets": [thing("a")], "document": "{}"}).encode()
    status, headers, raw = request(server, "PUT", "/jobs/w1", body)
    assert status == 200 and headers["content-type"] == "application/json" and headers["x-amzn-requestid"]
    assert json.loads(raw) == {"jobArn": "arn:aws:iot:us-east-1:123456789012:job/w1", "jobId": "w1"}
    status, _, raw = request(server, "GET", "/jobs/w1")
    job = json.loads(raw)["job"]
    assert isinstance(job["createdAt"], float) or isinstance(job["createdAt"], int)  # epoch seconds, a JSON number
    assert job["createdAt"] == round(job["createdAt"], 3)
    status, _, raw = request(server, "PATCH", "/jobs/w1", b'{"description": "d"}')
    assert (status, json.loads(raw)) == (200, {})


def test_query_and_path_parameters_are_typed(server: LocalJobsServer) -> None:
    create_job_body = json.dumps({"targets": [thing("a")], "document": "{}"}).encode()
    request(server, "PUT", "/jobs/q1", create_job_body)
    assert_error(request(server, "GET", "/jobs?maxResults=ten"), 400, "InvalidRequestException")
    assert_error(request(server, "GET", "/jobs?maxResults=0"), 400, "InvalidRequestException")
    assert_error(request(server, "DELETE", "/jobs/q1?force=yes"), 400, "InvalidRequestException")
    assert_error(request(server, "DELETE", "/things/a/jobs/q1/executionNumber/one"), 400, "InvalidRequestException")
    assert request(server, "GET", "/jobs?maxResults=1&unknownParameter=x")[0] == 200


def test_percent_encoded_path_labels(server: LocalJobsServer) -> None:
    assert_error(request(server, "GET", "/jobs/bad%20id"), 400, "InvalidRequestException")
    assert_error(request(server, "GET", "/jobs/%ff%fe"), 400, "InvalidRequestException")


def test_unknown_routes_and_methods(server: LocalJobsServer) -> None:
    assert_error(request(server, "GET", "/nothing/here"), 404, "UnknownOperationException")
    assert_error(request(server, "POST", "/jobs"), 404, "UnknownOperationException")
    assert_error(request(server, "GET", "/"), 404, "UnknownOperationException")


def test_malformed_bodies(server: LocalJobsServer) -> None:
    assert_error(request(server, "PUT", "/jobs/m1", b"{not json"), 400, "SerializationException")
    assert_error(request(server, "PUT", "/jobs/m1", b"[1, 2]"), 400, "SerializationException")
    assert_error(request(server, "PUT", "/jobs/m1", b"\xff\xfe\x00"), 400, "SerializationException")
    assert_error(request(server, "PUT", "/jobs/m1", b'{"targets": "x", "document": 5}'), 400, "InvalidRequestException")
    assert_error(
        request(server, "PUT", "/jobs/m1", b'{"targets": ["' + b"\xc3\x28" + b'"]}'), 400, "SerializationException"
    )
    nested = b"[" * 100_000 + b"]" * 100_000
    assert_error(request(server, "PUT", "/jobs/m1", nested), 400, "SerializationException")


def test_bodies_over_one_mebibyte_are_refused(server: LocalJobsServer) -> None:
    body = json.dumps({"targets": [thing("a")], "document": "x" * (1 << 20)}).encode()
    assert_error(request(server, "PUT", "/jobs/big", body), 413, "PayloadTooLargeException")
    assert request(server, "GET", "/jobs")[0] == 200  # still up


def test_emulator_control_routes(server: LocalJobsServer) -> None:
    request(server, "PUT", "/jobs/e1", json.dumps({"targets": [thing("a")], "document": "{}"}).encode())
    status, _, raw = request(server, "GET", "/_emulator/state")
    state = json.loads(raw)
    assert status == 200 and [j["jobId"] for j in state["jobs"]] == ["e1"]
    assert state["executions"][0]["thingName"] == "a"
    assert request(server, "POST", "/_emulator/reset")[0] == 200
    assert json.loads(request(server, "GET", "/_emulator/state")[2])["jobs"] == []
    assert_error(request(server, "POST", "/_emulator/advance", b'{"seconds": 5}'), 400, "InvalidRequestException")


def test_advance_over_http_on_a_manual_clock(manual_server: LocalJobsServer) -> None:
    status, _, raw = request(manual_server, "POST", "/_emulator/advance", b'{"seconds": 60}')
    assert status == 200 and json.loads(raw)["now"] > 0
    with pytest.raises(ValueError, match="finite number"):
        manual_server.advance(-1)


def test_concurrent_clients(server: LocalJobsServer, iot: Any) -> None:
    errors = []

    def worker(n: int) -> None:
        try:
            for i in range(25):
                create_job(iot, f"t{n}-{i}", [thing(f"dev-{n}")])
                iot.describe_job(jobId=f"t{n}-{i}")
        except Exception as err:  # pragma: no cover - reported below
            errors.append(err)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    total = sum(len(p["jobs"]) for p in iot.get_paginator("list_jobs").paginate())
    assert total == 200


def test_binds_loopback_by_default() -> None:
    with LocalJobsServer() as server:
        assert urlparse(server.endpoint_url).hostname == "127.0.0.1"
    assert not server.running
    server.stop()  # idempotent


def test_port_in_use_is_a_clear_error(server: LocalJobsServer) -> None:
    port = urlparse(server.endpoint_url).port
    assert port is not None
    with pytest.raises(OSError, match=f"cannot listen on 127.0.0.1:{port}"):
        LocalJobsServer(port=port)
