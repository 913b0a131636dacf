//! Every operation through aws-sdk-iot against the local server.

use iotjobs_client::{CallError, ClientConfig, CredentialSource, JobsClient};
use iotjobs_model::types::*;
use iotjobs_model::{Mode, Request};
use iotjobs_server::{RunningServer, ServerConfig};
use serde_json::json;

fn req<R: Request>(params: serde_json::Value) -> R {
    R::from_json(&params, Mode::Strict).expect("valid request")
}

async fn client_for(server: &RunningServer) -> JobsClient {
    let config = ClientConfig {
        region: Some("us-east-1".into()),
        endpoint_url: Some(server.endpoint_url()),
        credentials: CredentialSource::Explicit {
            access_key_id: "test".into(),
            secret_access_key: "test".into(),
            session_token: None,
        },
        max_attempts: 1,
        ..ClientConfig::default()
    };
    JobsClient::new(&config).await.expect("client")
}

const THING: &str = "arn:aws:iot:us-east-1:123456789012:thing/dev-1";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_operation_round_trips() {
    let server = RunningServer::start(ServerConfig::default()).await.unwrap();
    let client = client_for(&server).await;
    let created = client
        .create_job(req(json!({"jobId": "j", "targets": [THING], "document": "{}", "targetSelection": "CONTINUOUS",
            "abortConfig": {"criteriaList": [{"failureType": "ALL", "action": "CANCEL", "thresholdPercentage": 12.5, "minNumberOfExecutedThings": 3}]},
            "tags": [{"Key": "k", "Value": "v"}], "namespaceId": "ns"})))
        .await
        .unwrap();
    assert_eq!(created.value.job_id, "j");
    assert_eq!(created.metadata.http_status, 200);
    assert!(!created.metadata.request_id.is_empty());
    let described = client
        .describe_job(req(json!({"jobId": "j"})))
        .await
        .unwrap()
        .value;
    assert_eq!(described.job.status, Some(JobStatus::InProgress));
    assert_eq!(
        described.job.abort_config.unwrap().criteria_list[0].threshold_percentage,
        12.5
    );
    assert_eq!(
        described
            .job
            .job_process_details
            .unwrap()
            .number_of_queued_things,
        Some(1)
    );
    assert!(described.job.created_at.unwrap() > 1.7e9);
    client
        .update_job(req(
            json!({"jobId": "j", "description": "d", "namespaceId": "ns"}),
        ))
        .await
        .unwrap();
    client
        .associate_targets_with_job(req(
            json!({"jobId": "j", "targets": ["arn:aws:iot:us-east-1:123456789012:thing/dev-2"]}),
        ))
        .await
        .unwrap();
    let jobs = client
        .list_jobs(req(json!({"namespaceId": "ns"})))
        .await
        .unwrap()
        .value;
    assert_eq!(jobs.jobs.len(), 1);
    let executions = client
        .list_job_executions_for_job(req(json!({"jobId": "j"})))
        .await
        .unwrap()
        .value;
    assert_eq!(executions.execution_summaries.len(), 2);
    let for_thing = client
        .list_job_executions_for_thing(req(json!({"thingName": "dev-1"})))
        .await
        .unwrap()
        .value;
    assert_eq!(
        for_thing.execution_summaries[0].job_id.as_deref(),
        Some("j")
    );
    let execution = client
        .describe_job_execution(req(json!({"jobId": "j", "thingName": "dev-1"})))
        .await
        .unwrap()
        .value
        .execution;
    assert_eq!(
        (execution.execution_number, execution.version_number),
        (Some(1), Some(1))
    );
    client
        .cancel_job_execution(req(
            json!({"jobId": "j", "thingName": "dev-1", "statusDetails": {"a": "b"}}),
        ))
        .await
        .unwrap();
    client
        .delete_job_execution(req(
            json!({"jobId": "j", "thingName": "dev-1", "executionNumber": 1}),
        ))
        .await
        .unwrap();
    let document = client
        .get_job_document(req(json!({"jobId": "j"})))
        .await
        .unwrap()
        .value;
    assert_eq!(document.document.as_deref(), Some("{}"));
    let canceled = client
        .cancel_job(req(json!({"jobId": "j", "reasonCode": "R"})))
        .await
        .unwrap();
    assert_eq!(canceled.value.description.as_deref(), Some("d"));
    client.delete_job(req(json!({"jobId": "j"}))).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn service_errors_carry_code_status_and_members() {
    let server = RunningServer::start(ServerConfig::default()).await.unwrap();
    let client = client_for(&server).await;
    client
        .create_job(req(
            json!({"jobId": "j", "targets": [THING], "document": "{}"}),
        ))
        .await
        .unwrap();
    let err = client
        .create_job(req(
            json!({"jobId": "j", "targets": [THING], "document": "{}"}),
        ))
        .await
        .unwrap_err();
    let CallError::Service(service) = err else {
        panic!("{err:?}")
    };
    assert_eq!(service.code, "ResourceAlreadyExistsException");
    assert_eq!(service.metadata.http_status, 409);
    assert!(service
        .extra
        .iter()
        .any(|(k, v)| k == "resourceId" && v == "j"));
    let err = client
        .describe_job(req(json!({"jobId": "nope"})))
        .await
        .unwrap_err();
    assert!(
        matches!(err, CallError::Service(ref s) if s.code == "ResourceNotFoundException" && s.metadata.http_status == 404),
        "{err:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connection_refused_is_a_connect_error() {
    let mut server = RunningServer::start(ServerConfig::default()).await.unwrap();
    let client = client_for(&server).await;
    server.stop().await.unwrap();
    let err = client
        .describe_job(req(json!({"jobId": "j"})))
        .await
        .unwrap_err();
    assert!(matches!(err, CallError::Connect { .. }), "{err:?}");
}
