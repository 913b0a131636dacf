"""The local server's lifecycle engine on a 10,000-thing fleet, manual clock.

    python bench/lifecycle.py [--things 10000]

Three scenarios, each on a fresh manual-clock server with one thing group:

- rollout: exponential rollout (base 50/min, x2 every 100 successes, capped
  at 1,000/min) with an abort criterion (FAILED >= 10% once 100 things ran);
  each simulated minute the fleet's devices finish what was notified (5%
  fail) and the clock advances a minute, until the job completes;
- abort: the same with 30% failing, until the abort cancels the job;
- timeouts: every device starts and hangs; one advance past the in-progress
  timeout fires every timeout in deadline order, with a TIMED_OUT abort
  criterion weighed after each.

Reported: CPU seconds (process time, all threads) spent in advance() alone,
and in advance() plus the devices' work.
"""

from __future__ import annotations

import argparse
import time
from contextlib import contextmanager
from typing import Any, Callable, Dict, Iterator, Tuple

from iotjobs.testing import Fleet, LocalJobsServer

ROLLOUT = {
    "maximumPerMinute": 1000,
    "exponentialRate": {
        "baseRatePerMinute": 50,
        "incrementFactor": 2,
        "rateIncreaseCriteria": {"numberOfSucceededThings": 100},
    },
}


def abort(failure_type: str, threshold: float) -> Dict[str, Any]:
    return {
        "criteriaList": [
            {
                "failureType": failure_type,
                "action": "CANCEL",
                "thresholdPercentage": threshold,
                "minNumberOfExecutedThings": 100,
            }
        ]
    }


def cpu(fn: Callable[[], Any]) -> Tuple[float, Any]:
    start = time.process_time()
    result = fn()
    return time.process_time() - start, result


@contextmanager
def fleet_job(things: int, **job: Any) -> Iterator[Tuple[LocalJobsServer, Fleet, Any]]:
    """A fresh manual-clock server, a fleet in one group, and job "fw" targeting the group."""
    with LocalJobsServer(clock="manual") as server:
        fleet = Fleet(server, things, group="fleet")
        iot = server.client()
        iot.create_job(jobId="fw", targets=[fleet.group_arn], document="{}", **job)
        yield server, fleet, iot


def rollout(things: int, failed: float) -> Dict[str, Any]:
    with fleet_job(things, jobExecutionsRolloutConfig=ROLLOUT, abortConfig=abort("FAILED", 10)) as (server, fleet, iot):
        advance_cpu = devices_cpu = 0.0
        minutes = 0
        while iot.describe_job(jobId="fw")["job"]["status"] == "IN_PROGRESS" and minutes < 1000:
            spent, _ = cpu(lambda: fleet.run("fw", failed=failed))
            devices_cpu += spent
            spent, _ = cpu(lambda: server.advance(60))
            advance_cpu += spent
            minutes += 1
        job = iot.describe_job(jobId="fw")["job"]
        return {"minutes": minutes, "advance": advance_cpu, "total": advance_cpu + devices_cpu, "job": job}


def timeouts(things: int) -> Dict[str, Any]:
    timeout = {"inProgressTimeoutInMinutes": 5}
    with fleet_job(things, timeoutConfig=timeout, abortConfig=abort("TIMED_OUT", 50)) as (server, fleet, iot):
        devices_cpu, _ = cpu(lambda: fleet.run("fw", stuck=1.0))
        advance_cpu, _ = cpu(lambda: server.advance(3600))
        job = iot.describe_job(jobId="fw")["job"]
        return {"minutes": 60, "advance": advance_cpu, "total": advance_cpu + devices_cpu, "job": job}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--things", type=int, default=10_000)
    args = parser.parse_args()
    print(f"{args.things:,} things, manual clock; CPU seconds (process time)")
    print(f"{'scenario':<34} {'sim. minutes':>12} {'advance()':>10} {'+ devices':>10}  outcome")
    for name, run in [
        ("rollout, 5% fail (completes)", lambda: rollout(args.things, 0.05)),
        ("rollout, 30% fail (aborts)", lambda: rollout(args.things, 0.30)),
        ("every device hangs (timeouts)", lambda: timeouts(args.things)),
    ]:
        result = run()
        job = result["job"]
        counts = job["jobProcessDetails"]
        outcome = (
            f"{job['status']} {job.get('reasonCode', '')}; succeeded {counts['numberOfSucceededThings']}, "
            f"failed {counts['numberOfFailedThings']}, timed out {counts['numberOfTimedOutThings']}, "
            f"canceled {counts['numberOfCanceledThings']}"
        )
        print(f"{name:<34} {result['minutes']:>12} {result['advance']:>10.3f} {result['total']:>10.3f}  {outcome}")


if __name__ == "__main__":
    main()
