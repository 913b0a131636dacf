//! Times validation of a full create_job request held as JSON:
//! `cargo run --release -p iotjobs-model --example validate_speed`.

use iotjobs_model::{validate, Json, Mode, Operation};
use std::time::Instant;

fn main() {
    let request: serde_json::Value =
        serde_json::from_str(include_str!("../../../examples/create_job.json"))
            .expect("example request is JSON");
    let input = Json::new(&request);
    validate(Operation::CreateJob, &input, Mode::Strict).expect("example request is valid");
    let rounds = 200_000;
    let start = Instant::now();
    for _ in 0..rounds {
        std::hint::black_box(validate(
            Operation::CreateJob,
            std::hint::black_box(&input),
            Mode::Strict,
        ))
        .ok();
    }
    let per_call = start.elapsed() / rounds;
    println!("validate(CreateJob) on JSON: {per_call:?} per call");
    let arn = "arn:aws:iot:us-east-1:123456789012:thing/sensor-001";
    let start = Instant::now();
    for _ in 0..rounds {
        std::hint::black_box(
            iotjobs_model::schema::Pattern::TargetArn.matches(std::hint::black_box(arn)),
        );
    }
    println!("TargetArn.matches: {:?} per call", start.elapsed() / rounds);
}
