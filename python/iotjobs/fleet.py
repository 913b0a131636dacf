"""Simulated fleets for the local Jobs server.

A :class:`Fleet` is a set of things registered on a
:class:`~iotjobs.testing.LocalJobsServer` (optionally all in one thing
group) whose devices take and finish job executions on request, with chosen
outcomes::

    fleet = Fleet(server, 200, group="fleet")
    iot.create_job(jobId="fw", targets=[fleet.group_arn], document="{}", ...)
    fleet.run("fw", failed=0.3)      # 60 of the 200 fail, 140 succeed

Outcomes are exact shares, assigned in a seeded random order, and follow
the same rules as devices calling the ``iot-jobs-data`` API: abort
criteria, retries and job completion apply after each device's report.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Dict, List

if TYPE_CHECKING:
    from .testing import LocalJobsServer

__all__ = ["Fleet"]


class Fleet:
    """``size`` things named ``{prefix}{number}`` (``device-000`` ...
    ``device-199``), registered on ``server``; with ``group``, all members
    of that thing group (created if needed). ``seed`` makes the order in
    which outcomes fall on devices repeatable."""

    def __init__(
        self,
        server: LocalJobsServer,
        size: int,
        *,
        prefix: str = "device-",
        group: str | None = None,
        seed: int = 0,
    ) -> None:
        if isinstance(size, bool) or not isinstance(size, int) or size < 0:
            raise ValueError(f"size must be a whole number >= 0, got {size!r}")
        width = len(str(max(size - 1, 0)))
        self.names: List[str] = [f"{prefix}{i:0{width}d}" for i in range(size)]
        self.group = group
        self._server = server
        self._seed = seed
        self._runs = 0
        self._arns = server._server.register_fleet(self.names, group)

    @property
    def thing_arns(self) -> List[str]:
        """The things' ARNs, for a job's ``targets``."""
        return list(self._arns["thingArns"])

    @property
    def group_arn(self) -> str:
        """The thing group's ARN, for a job's ``targets``."""
        group_arn: str | None = self._arns.get("groupArn")
        if group_arn is None:
            raise ValueError("this fleet has no group; create it with Fleet(..., group=NAME)")
        return group_arn

    def run(self, job_id: str, *, failed: float = 0.0, rejected: float = 0.0, stuck: float = 0.0) -> Dict[str, int]:
        """Every device with a QUEUED execution of ``job_id`` takes it and
        reports, one after another: the share ``failed`` reports FAILED,
        ``rejected`` REJECTED, ``stuck`` starts and never reports again (so
        timeouts fire on it), and the rest SUCCEEDED. Shares are exact (30%
        of 50 is 15). Devices whose execution was canceled meanwhile (by an
        abort the earlier reports tripped) do nothing.

        Returns how many devices did what:
        ``{"succeeded": ..., "failed": ..., "rejected": ..., "stuck": ...}``.
        """
        self._runs += 1
        return self._server._server.run_fleet(
            job_id, failed=failed, rejected=rejected, stuck=stuck, seed=self._seed * 1_000_003 + self._runs
        )

    def __len__(self) -> int:
        return len(self.names)

    def __repr__(self) -> str:
        group = f" group={self.group}" if self.group else ""
        return f"<Fleet {len(self.names)} things{group}>"
