//! Sequential DescribeJob calls against the local server, in one process:
//! `cargo run --release -p iotjobs-client --example call_speed`.

use iotjobs_client::{ClientConfig, CredentialSource, JobsClient};
use iotjobs_model::{Mode, Request};
use iotjobs_server::{RunningServer, ServerConfig};
use std::time::Instant;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let server = RunningServer::start(ServerConfig::default()).await.unwrap();
    let config = ClientConfig {
        region: Some("us-east-1".into()),
        endpoint_url: Some(server.endpoint_url()),
        credentials: CredentialSource::Explicit {
            access_key_id: "a".into(),
            secret_access_key: "b".into(),
            session_token: None,
        },
        ..ClientConfig::default()
    };
    let client = JobsClient::new(&config).await.unwrap();
    let create = serde_json::json!({"jobId": "j", "targets": ["arn:aws:iot:us-east-1:123456789012:thing/t"], "document": "{}"});
    client
        .create_job(Request::from_json(&create, Mode::Strict).unwrap())
        .await
        .unwrap();
    let describe = serde_json::json!({"jobId": "j"});
    let rounds = 2000;
    let start = Instant::now();
    for _ in 0..rounds {
        client
            .describe_job(Request::from_json(&describe, Mode::Strict).unwrap())
            .await
            .unwrap();
    }
    println!(
        "DescribeJob through aws-sdk-iot: {:?} per call",
        start.elapsed() / rounds
    );
}
