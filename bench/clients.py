"""iotjobs' clients against boto3 and aioboto3, on the same local server.

    python bench/clients.py [--calls 2000]

Measures, in one run, against one `python -m iotjobs serve` process:
1. import + first client creation (fresh interpreters, median of 5);
2. sync describe_job and create_job (full config) calls per second;
3. async: 2,000 describe_job with 100 in flight (aioboto3 runs in its own
   virtualenv, ~/.cache/iotjobs/bench-venv, created on first use, because
   it pins its own botocore);
4. resident memory after creating a client (fresh interpreters).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, List

VENV = Path.home() / ".cache" / "iotjobs" / "bench-venv"
CREDENTIALS = 'region_name="us-east-1", aws_access_key_id="bench", aws_secret_access_key="bench"'
THING = "arn:aws:iot:us-east-1:123456789012:thing/t"
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "create_job.json"


def python_for_aioboto3() -> str:
    python = VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    if subprocess.run([str(python), "-c", "import aioboto3"], capture_output=True).returncode != 0:
        subprocess.run([str(python), "-m", "pip", "install", "-q", "aioboto3"], check=True)
    return str(python)


def run_json(python: str, code: str) -> Any:
    out = subprocess.run([python, "-c", code], capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def startup(python: str, setup: str) -> Dict[str, float]:
    """Seconds for import + first client, and RSS (MiB) afterwards."""
    code = f"""
import json, time
start = time.perf_counter()
{setup}
elapsed = time.perf_counter() - start
rss = int(open("/proc/self/statm").read().split()[1]) * 4096 / 2**20
print(json.dumps({{"seconds": elapsed, "rss": rss}}))
"""
    runs = [run_json(python, code) for _ in range(5)]
    return {
        "seconds": statistics.median(r["seconds"] for r in runs),
        "rss": statistics.median(r["rss"] for r in runs),
    }


SYNC = """
import json, time, sys
{setup}
document = json.load(open({example!r}))
client.describe_job(jobId="bench-job")
n = {calls}
start = time.perf_counter()
for _ in range(n):
    client.describe_job(jobId="bench-job")
describe = n / (time.perf_counter() - start)
start = time.perf_counter()
for i in range(n // 4):
    client.create_job(**dict(document, jobId=f"{prefix}-{{i}}"))
create = (n // 4) / (time.perf_counter() - start)
print(json.dumps({{"describe": describe, "create": create}}))
"""

ASYNC = """
import asyncio, json, time
{imports}
async def main():
    {open_client}
        await client.describe_job(jobId="bench-job")
        gate = asyncio.Semaphore(100)
        async def one():
            async with gate:
                await client.describe_job(jobId="bench-job")
        start = time.perf_counter()
        await asyncio.gather(*[one() for _ in range(2000)])
        return 2000 / (time.perf_counter() - start)
print(json.dumps({{"async": asyncio.run(main())}}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calls", type=int, default=2000)
    args = parser.parse_args()
    aio_python = python_for_aioboto3()

    server = subprocess.Popen(
        [sys.executable, "-m", "iotjobs", "serve", "--port", "0"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert server.stdout is not None
        url = server.stdout.readline().split("listening on ", 1)[1].split()[0]
        make_iotjobs = f"import iotjobs\nclient = iotjobs.client(endpoint_url={url!r}, {CREDENTIALS})"
        make_boto3 = f"import boto3\nclient = boto3.client('iot', endpoint_url={url!r}, {CREDENTIALS})"
        run_json(
            sys.executable,
            make_iotjobs
            + f"\nclient.create_job(jobId='bench-job', targets=[{THING!r}], document='{{}}')\nprint('{{}}')",
        )

        results: Dict[str, Dict[str, float]] = {"iotjobs": {}, "boto3": {}, "aioboto3": {}}
        results["iotjobs"].update(startup(sys.executable, make_iotjobs.replace(url, "http://127.0.0.1:1")))
        results["boto3"].update(startup(sys.executable, make_boto3.replace(url, "http://127.0.0.1:1")))
        for name, setup in (("iotjobs", make_iotjobs), ("boto3", make_boto3)):
            code = SYNC.format(setup=setup, example=str(EXAMPLE), calls=args.calls, prefix=name)
            results[name].update(run_json(sys.executable, code))
        results["iotjobs"].update(
            run_json(
                sys.executable,
                ASYNC.format(
                    imports="import iotjobs",
                    open_client=f"async with iotjobs.AsyncJobsClient(endpoint_url={url!r}, {CREDENTIALS}) as client:",
                ),
            )
        )
        results["aioboto3"].update(
            run_json(
                aio_python,
                ASYNC.format(
                    imports="import aioboto3",
                    open_client="async with aioboto3.Session().client("
                    f"'iot', endpoint_url={url!r}, {CREDENTIALS}) as client:",
                ),
            )
        )
    finally:
        server.terminate()
        server.wait(timeout=10)

    mine, boto, aio = results["iotjobs"], results["boto3"], results["aioboto3"]
    rows: List[List[str]] = [
        [
            "import + first client",
            f"{boto['seconds'] * 1e3:.1f} ms",
            f"{mine['seconds'] * 1e3:.1f} ms",
            f"{boto['seconds'] / mine['seconds']:.1f}x faster",
        ],
        [
            "sync describe_job",
            f"{boto['describe']:,.0f}/s",
            f"{mine['describe']:,.0f}/s",
            f"{mine['describe'] / boto['describe']:.1f}x",
        ],
        [
            "sync create_job (full config)",
            f"{boto['create']:,.0f}/s",
            f"{mine['create']:,.0f}/s",
            f"{mine['create'] / boto['create']:.1f}x",
        ],
        [
            "async describe_job, 100 in flight (vs aioboto3)",
            f"{aio['async']:,.0f}/s",
            f"{mine['async']:,.0f}/s",
            f"{mine['async'] / aio['async']:.1f}x",
        ],
        [
            "RSS after creating a client",
            f"{boto['rss']:.1f} MiB",
            f"{mine['rss']:.1f} MiB",
            f"{mine['rss'] / boto['rss']:.2f}x",
        ],
    ]
    print("| measurement | boto3 / aioboto3 | iotjobs | ratio |\n|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    os.environ.setdefault("AWS_EC2_METADATA_DISABLED", "true")
    main()
