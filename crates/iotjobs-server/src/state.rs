//! The state shared by every request: the store and the clock, behind one
//! lock so that each request sees and leaves a consistent whole; and, with
//! a state file, the means to make changes durable.

use crate::clock::{Clock, ClockMode};
use crate::durable::{Durability, StateFile};
use crate::faults::Faults;
use crate::store::{Store, StoreConfig};
use serde_json::json;
use std::sync::{Arc, Mutex, MutexGuard};

pub struct ServerState {
    pub store: Store,
    pub clock: Clock,
    pub faults: Faults,
    /// Numbers snapshots in the order they were taken (under the lock).
    snapshots: u64,
}

impl ServerState {
    /// A fresh state, or the one `file` holds. A manual clock resumes at
    /// the time it was saved with, so saved timers stay where they were.
    pub fn open(
        config: StoreConfig,
        clock: ClockMode,
        file: Option<&StateFile>,
    ) -> std::io::Result<Self> {
        let mut state = ServerState {
            store: Store::new(config.clone()),
            clock: Clock::new(clock),
            faults: Faults::default(),
            snapshots: 0,
        };
        let Some(mut saved) = file.map(StateFile::load).transpose()?.flatten() else {
            return Ok(state);
        };
        let invalid = |why: String| {
            let path = file
                .map(|f| f.path().display().to_string())
                .unwrap_or_default();
            std::io::Error::new(std::io::ErrorKind::InvalidData, format!("{path}: {why}"))
        };
        let store = saved
            .get_mut("store")
            .map(serde_json::Value::take)
            .ok_or_else(|| invalid("no \"store\" in the state file".into()))?;
        state.store = Store::from_saved(store, config).map_err(invalid)?;
        if let Some(now) = saved.get("now").and_then(serde_json::Value::as_f64) {
            state.clock.resume_at(now);
        }
        Ok(state)
    }

    pub fn now(&self) -> f64 {
        self.clock.now()
    }

    /// Back to a freshly started server: no jobs, things, groups or faults.
    /// (A manual clock keeps its time.)
    pub fn reset(&mut self) {
        self.store.reset();
        self.faults.clear();
    }

    /// Moves a manual clock and runs what became due.
    pub fn advance(&mut self, seconds: f64) -> Result<f64, String> {
        let now = self.clock.advance(seconds)?;
        self.store.tick(now);
        Ok(now)
    }

    /// The state file's contents (the store and the clock's time), with
    /// the snapshot's number.
    fn saved_bytes(&mut self) -> (u64, Vec<u8>) {
        self.snapshots += 1;
        let bytes = serde_json::to_vec(&json!({"now": self.now(), "store": self.store.saved()}));
        (self.snapshots, bytes.unwrap_or_default())
    }
}

/// A handle on the state, cheap to clone into every handler.
#[derive(Clone)]
pub struct Shared {
    state: Arc<Mutex<ServerState>>,
    durability: Option<Arc<Durability>>,
}

impl Shared {
    pub fn new(state: ServerState, file: Option<StateFile>) -> Self {
        Shared {
            state: Arc::new(Mutex::new(state)),
            durability: file.map(|f| Arc::new(Durability::new(f))),
        }
    }

    /// Locks the state. A panic while it was held (which handlers guard
    /// against) must not take the server down, so poisoning is ignored.
    pub fn lock(&self) -> MutexGuard<'_, ServerState> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub fn durability(&self) -> Option<&Arc<Durability>> {
        self.durability.as_ref()
    }

    /// Returns once every change made so far is in the state file (at
    /// once without one).
    pub async fn commit(&self) -> Result<(), String> {
        match &self.durability {
            None => Ok(()),
            Some(durability) => durability.wait(durability.request()).await,
        }
    }

    /// Asks for the changes so far to be saved, without waiting.
    pub fn request_save(&self) {
        if let Some(durability) = &self.durability {
            durability.request();
        }
    }

    /// The state file's contents now, numbered.
    pub fn saved_bytes(&self) -> (u64, Vec<u8>) {
        self.lock().saved_bytes()
    }

    /// Writes the state file now, from the calling thread (on stop).
    pub fn save_now(&self) -> std::io::Result<()> {
        match &self.durability {
            None => Ok(()),
            Some(durability) => {
                let (sequence, bytes) = self.saved_bytes();
                durability.file.replace(sequence, &bytes)
            }
        }
    }
}
