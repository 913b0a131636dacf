"""Throughput of the local Jobs server, measured with wrk over keep-alive.

    python bench/server.py [--seconds 5] [--connections 16] [--jobs 100000]

1. DescribeJob requests/s on one job (target: at least 20,000/s).
2. CreateJob requests/s on an empty server, then again with 100,000 jobs
   stored (target: no more than 2x slower).

Needs wrk (Debian package `wrk`); the script installs it with apt-get when
it is missing and it runs as root.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import boto3

from iotjobs.testing import LocalJobsServer

THING = "arn:aws:iot:us-east-1:123456789012:thing/bench-thing"

# One wrk thread, so a counter gives unique jobIds within a run; each run
# gets its own prefix.
CREATE_SCRIPT = """
counter = 0
request = function()
  counter = counter + 1
  local body = '{"targets": ["%s"], "document": "{}"}'
  return wrk.format("PUT", "/jobs/%s-" .. counter, {["Content-Type"] = "application/json"}, body)
end
"""


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0:
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, stdout=subprocess.DEVNULL)
        found = shutil.which("wrk")
    if not found:
        sys.exit("wrk is needed: apt-get install wrk")
    return found


def run_wrk(wrk: str, url: str, seconds: float, connections: int, script: Path | None = None) -> float:
    """Requests per second that wrk reports (non-2xx answers make it fail)."""
    args = [wrk, "-t1", f"-c{connections}", f"-d{int(seconds)}s", "--latency"]
    if script:
        args += ["-s", str(script)]
    out = subprocess.run([*args, url], capture_output=True, text=True, check=True).stdout
    if "Non-2xx" in out:
        sys.exit(f"wrk saw errors:\n{out}")
    match = re.search(r"Requests/sec:\s+([\d.]+)", out)
    assert match, out
    return float(match.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--jobs", type=int, default=100_000, help="jobs stored before the second CreateJob run")
    args = parser.parse_args()
    wrk = ensure_wrk()

    with LocalJobsServer() as server, tempfile.TemporaryDirectory() as tmp:
        iot = boto3.client(
            "iot",
            endpoint_url=server.endpoint_url,
            region_name="us-east-1",
            aws_access_key_id="bench",
            aws_secret_access_key="bench",
        )
        iot.create_job(jobId="bench-job", targets=[THING], document=json.dumps({"operation": "bench"}))
        describe = run_wrk(wrk, f"{server.endpoint_url}/jobs/bench-job", args.seconds, args.connections)
        print(f"{'DescribeJob':<40}: {describe:10,.0f} requests/s")

        server.reset()
        script = Path(tmp) / "create.lua"
        script.write_text(CREATE_SCRIPT % (THING, "empty"))
        empty = run_wrk(wrk, server.endpoint_url, args.seconds, args.connections, script)
        print(f"{'CreateJob, empty server':<40}: {empty:10,.0f} requests/s")

        server.reset()
        fill = Path(tmp) / "fill.lua"
        runs = 0
        while len(server.state()["jobs"]) < args.jobs:
            runs += 1
            fill.write_text(CREATE_SCRIPT % (THING, f"fill{runs}"))
            run_wrk(wrk, server.endpoint_url, 2, args.connections, fill)
        stored = len(server.state()["jobs"])
        script.write_text(CREATE_SCRIPT % (THING, "full"))
        full = run_wrk(wrk, server.endpoint_url, args.seconds, args.connections, script)
        print(f"{f'CreateJob, {stored:,} jobs stored':<40}: {full:10,.0f} requests/s")
        print(f"{f'slow-down with {stored:,} jobs stored':<40}: {empty / full:10.2f}x")


if __name__ == "__main__":
    main()
