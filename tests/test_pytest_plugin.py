"""The pytest plugin's fixtures, as a user's test suite sees them."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]


def test_fixtures_in_a_users_suite(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import asyncio

        ARN = "arn:aws:iot:us-east-1:123456789012:thing/dev-1"

        def test_sync(iot_jobs_client, iot_jobs_server):
            iot_jobs_client.create_job(jobId="a", targets=[ARN], document="{}")
            assert [j["jobId"] for j in iot_jobs_client.list_jobs()["jobs"]] == ["a"]
            assert iot_jobs_client.meta.endpoint_url == iot_jobs_server.endpoint_url

        def test_reset_between_tests(iot_jobs_client):
            assert iot_jobs_client.list_jobs()["jobs"] == []

        def test_async(iot_jobs_async_client):
            async def main():
                await iot_jobs_async_client.create_job(jobId="b", targets=[ARN], document="{}")
                return (await iot_jobs_async_client.describe_job(jobId="b"))["job"]["status"]
            assert asyncio.run(main()) == "IN_PROGRESS"
        """
    )
    result = pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=3)
