//! The store as saved in a state file: its records, nothing derived.
//! Indexes and counters are rebuilt on load, so a file can never hold
//! them out of step with the records.

use super::records::{ExecutionRecord, Group, JobRecord, Thing};
use super::{Store, StoreConfig};
use serde::{Deserialize, Serialize};

/// Bumped whenever the saved form changes incompatibly.
const FORMAT: u32 = 1;

/// The store's records, borrowed for serializing.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedRef<'a> {
    format: u32,
    next_seq: u64,
    jobs: Vec<&'a JobRecord>,
    executions: Vec<&'a ExecutionRecord>,
    things: Vec<&'a Thing>,
    thing_groups: Vec<&'a Group>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Saved {
    format: u32,
    next_seq: u64,
    jobs: Vec<JobRecord>,
    executions: Vec<ExecutionRecord>,
    things: Vec<Thing>,
    thing_groups: Vec<Group>,
}

impl Store {
    /// Everything the store holds, ready to serialize, in a stable order.
    pub fn saved(&self) -> SavedRef<'_> {
        let mut jobs: Vec<&JobRecord> = self.jobs.values().collect();
        jobs.sort_by_key(|job| job.seq);
        SavedRef {
            format: FORMAT,
            next_seq: self.next_seq,
            jobs,
            executions: self.executions.values().flatten().collect(),
            things: self.things.values().collect(),
            thing_groups: self.groups.values().collect(),
        }
    }

    /// The store [`Store::saved`] wrote.
    pub fn from_saved(value: serde_json::Value, config: StoreConfig) -> Result<Store, String> {
        let saved: Saved = serde_json::from_value(value).map_err(|e| e.to_string())?;
        if saved.format != FORMAT {
            return Err(format!(
                "format {} is not the format {FORMAT} this version reads",
                saved.format
            ));
        }
        let mut store = Store::new(config);
        store.next_seq = saved.next_seq;
        store.jobs = saved
            .jobs
            .into_iter()
            .map(|job| (job.id().to_owned(), job))
            .collect();
        for execution in saved.executions {
            store
                .executions
                .entry((execution.job_id.clone(), execution.thing_name.clone()))
                .or_default()
                .push(execution);
        }
        for history in store.executions.values_mut() {
            history.sort_by_key(|e| e.execution_number);
        }
        store.things = saved
            .things
            .into_iter()
            .map(|t| (t.name.clone(), t))
            .collect();
        store.groups = saved
            .thing_groups
            .into_iter()
            .map(|g| (g.name.clone(), g))
            .collect();
        store.rebuild_indexes();
        Ok(store)
    }
}
