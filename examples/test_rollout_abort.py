from iotjobs.testing import Fleet, LocalJobsServer

PACE = {"maximumPerMinute": 50}
CRITERION = {"failureType": "FAILED", "action": "CANCEL", "thresholdPercentage": 20, "minNumberOfExecutedThings": 20}
ABORT = {"criteriaList": [CRITERION]}


def test_abort_config_stops_a_rollout_with_30_percent_failures():
    with LocalJobsServer(clock="manual") as server:
        fleet = Fleet(server, 200, group="fleet")  # 200 simulated devices in one thing group
        iot = server.client()  # iotjobs' client; boto3.client("iot", endpoint_url=...) works too
        iot.create_job(
            jobId="fw", targets=[fleet.group_arn], document="{}", jobExecutionsRolloutConfig=PACE, abortConfig=ABORT
        )
        fleet.run("fw", failed=0.3)  # the first minute's 50 devices take the job: 30% of them fail
        server.advance(60)  # a minute later the rollout would notify 50 more...
        job = iot.describe_job(jobId="fw")["job"]
        assert job["status"] == "CANCELED" and job["reasonCode"] == "ABORT_CRITERIA_MET"
        assert len(iot.list_job_executions_for_job(jobId="fw", maxResults=250)["executionSummaries"]) == 50
