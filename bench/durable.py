"""What a state file costs: CreateJob throughput of the local server with and
without ``state_file=``, from concurrent writers.

    python bench/durable.py [--writers 16] [--seconds 3]

Each writer is a Python thread with its own keep-alive HTTP connection
sending CreateJob; with a state file every answer waits until its job is on
disk (saves are shared between concurrent writers).
"""

from __future__ import annotations

import argparse
import http.client
import json
import tempfile
import threading
import time
from pathlib import Path
from typing import List

from iotjobs.testing import LocalJobsServer

BODY = json.dumps({"targets": ["arn:aws:iot:us-east-1:123456789012:thing/d"], "document": "{}"})


def creates_per_second(state_file: Path | None, writers: int, seconds: float) -> float:
    with LocalJobsServer(state_file=state_file) as server:
        host, port = server.endpoint_url.removeprefix("http://").split(":")
        counts: List[int] = [0] * writers
        stop = time.monotonic() + seconds

        def writer(n: int) -> None:
            connection = http.client.HTTPConnection(host, int(port), timeout=10)
            while time.monotonic() < stop:
                connection.request("PUT", f"/jobs/w{n}-{counts[n]}", BODY, {"Content-Type": "application/json"})
                answer = connection.getresponse()
                answer.read()
                assert answer.status == 200, answer.status
                counts[n] += 1

        threads = [threading.Thread(target=writer, args=(n,)) for n in range(writers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return sum(counts) / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--writers", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    in_memory = creates_per_second(None, args.writers, args.seconds)
    with tempfile.TemporaryDirectory() as folder:
        durable = creates_per_second(Path(folder) / "state.json", args.writers, args.seconds)
    print(f"{args.writers} writers, {args.seconds:g} s each")
    print(f"CreateJob, state in memory : {in_memory:10,.0f} /s")
    print(f"CreateJob, with state_file : {durable:10,.0f} /s ({in_memory / durable:.1f}x slower)")


if __name__ == "__main__":
    main()
