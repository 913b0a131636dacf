"""Thousands of random and malformed requests: every answer is a
well-formed restJson1 response, and the server stays up."""

from __future__ import annotations

import http.client
import json
import random
import socket
from typing import Any, List
from urllib.parse import quote, urlparse

from server_helpers import thing

from iotjobs.testing import LocalJobsServer

ROUTES = [
    ("GET", "/jobs"),
    ("PUT", "/jobs/{j}"),
    ("GET", "/jobs/{j}"),
    ("PATCH", "/jobs/{j}"),
    ("DELETE", "/jobs/{j}"),
    ("POST", "/jobs/{j}/targets"),
    ("PUT", "/jobs/{j}/cancel"),
    ("GET", "/jobs/{j}/job-document"),
    ("GET", "/jobs/{j}/things"),
    ("GET", "/things/{t}/jobs"),
    ("GET", "/things/{t}/jobs/{j}"),
    ("PUT", "/things/{t}/jobs/{j}/cancel"),
    ("DELETE", "/things/{t}/jobs/{j}/executionNumber/{n}"),
    ("POST", "/things/{t}"),
    ("GET", "/things/{t}"),
    ("DELETE", "/things/{t}"),
    ("POST", "/thing-groups/{g}"),
    ("GET", "/thing-groups/{g}"),
    ("PUT", "/thing-groups/addThingToThingGroup"),
    ("GET", "/thing-groups/{g}/things"),
    ("GET", "/{x}"),
    ("PUT", "/things/{t}/jobs/$next"),
    ("POST", "/things/{t}/jobs/{j}"),
]
QUERY_NAMES = ["force", "namespaceId", "maxResults", "nextToken", "status", "executionNumber", "jobId", "x"]
MEMBERS = [
    "targets",
    "document",
    "documentSource",
    "description",
    "abortConfig",
    "jobExecutionsRolloutConfig",
    "timeoutConfig",
    "namespaceId",
    "tags",
    "comment",
    "reasonCode",
    "statusDetails",
    "expectedVersion",
    "thingGroupName",
    "thingName",
    "attributePayload",
]


def random_text(rng: random.Random) -> str:
    pools = ["job-1", "thing-1", "", "a" * rng.randint(0, 300), "é", "\x00", "../..", "%", "$next", "-1", "9" * 30]
    if rng.random() < 0.5:
        return rng.choice(pools)
    return "".join(chr(rng.randint(1, 0x2FFF)) for _ in range(rng.randint(0, 12)))


def random_value(rng: random.Random, depth: int = 0) -> Any:
    kind = rng.randint(0, 8 if depth < 3 else 4)
    if kind == 0:
        return None
    if kind == 1:
        return rng.choice([True, False])
    if kind == 2:
        return rng.choice([0, -1, 1, 10**20, 1.5, 10.999, float(rng.randint(-5, 5))])
    if kind in (3, 4):
        return rng.choice([thing("fuzz"), "FAILED", "CANCEL", random_text(rng)])
    if kind in (5, 6):
        return [random_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    return {rng.choice([*MEMBERS, random_text(rng)]): random_value(rng, depth + 1) for _ in range(rng.randint(0, 5))}


def random_body(rng: random.Random) -> bytes:
    choice = rng.randint(0, 5)
    if choice == 0:
        return b""
    if choice == 1:
        return bytes(rng.randint(0, 255) for _ in range(rng.randint(1, 200)))
    text = json.dumps(random_value(rng)).encode()
    if choice == 2 and text:
        cut = rng.randint(0, len(text))
        return text[:cut]
    return text


def well_formed(status: int, headers: List[Any], body: bytes) -> None:
    names = {k.lower(): v for k, v in headers}
    assert names.get("x-amzn-requestid"), headers
    assert 200 <= status < 600
    if status >= 400:
        assert names.get("x-amzn-errortype"), (status, headers, body)
        parsed = json.loads(body)
        assert isinstance(parsed["message"], str)
    else:
        json.loads(body)


def test_random_requests(server: LocalJobsServer) -> None:
    rng = random.Random(20261127)
    url = urlparse(server.endpoint_url)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    statuses = set()
    for _ in range(3000):
        method, template = rng.choice(ROUTES)
        if rng.random() < 0.1:
            method = rng.choice(["GET", "PUT", "POST", "PATCH", "DELETE", "HEAD", "OPTIONS"])
        path = template.format(
            j=quote(random_text(rng), safe=""),
            t=quote(random_text(rng), safe=""),
            g=quote(random_text(rng), safe=""),
            n=quote(random_text(rng), safe=""),
            x=quote(random_text(rng), safe=""),
        )
        if rng.random() < 0.5:
            pairs = [f"{rng.choice(QUERY_NAMES)}={quote(random_text(rng))}" for _ in range(rng.randint(1, 3))]
            path += "?" + "&".join(pairs)
        body = random_body(rng) if method not in ("GET", "HEAD") else b""
        headers = {"Content-Type": "application/json"}
        if rng.random() < 0.5:  # the shared routes answer per signing service
            service = rng.choice(["iot", "iot-jobs-data", "s3", ""])
            headers["Authorization"] = (
                f"AWS4-HMAC-SHA256 Credential=AKID/20261127/us-east-1/{service}/aws4_request, SignedHeaders=host, Signature=00"
            )
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        raw = response.read()
        statuses.add(response.status)
        if method != "HEAD":
            well_formed(response.status, response.getheaders(), raw)
    conn.close()
    assert {200, 400, 404} <= statuses
    # Still serving correctly afterwards.
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    conn.request("GET", "/jobs")
    assert conn.getresponse().status == 200


def test_garbage_on_the_socket(server: LocalJobsServer) -> None:
    rng = random.Random(7)
    url = urlparse(server.endpoint_url)
    for _ in range(200):
        with socket.create_connection((url.hostname, url.port), timeout=5) as sock:
            sock.sendall(bytes(rng.randint(0, 255) for _ in range(rng.randint(1, 400))) + b"\r\n\r\n")
            sock.settimeout(5)
            try:
                sock.recv(4096)  # an HTTP 400 or a closed connection; either is fine
            except (TimeoutError, ConnectionResetError):
                pass
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    conn.request("GET", "/jobs")
    assert conn.getresponse().status == 200
