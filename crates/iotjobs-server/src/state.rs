//! The state shared by every request: the store and the clock, behind one
//! lock so that each request sees and leaves a consistent whole.

use crate::clock::{Clock, ClockMode};
use crate::faults::Faults;
use crate::store::{Store, StoreConfig};
use std::sync::{Arc, Mutex, MutexGuard};

pub struct ServerState {
    pub store: Store,
    pub clock: Clock,
    pub faults: Faults,
}

impl ServerState {
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
}

/// A handle on the state, cheap to clone into every handler.
#[derive(Clone)]
pub struct Shared(Arc<Mutex<ServerState>>);

impl Shared {
    pub fn new(config: StoreConfig, clock: ClockMode) -> Self {
        Shared(Arc::new(Mutex::new(ServerState {
            store: Store::new(config),
            clock: Clock::new(clock),
            faults: Faults::default(),
        })))
    }

    /// Locks the state. A panic while it was held (which handlers guard
    /// against) must not take the server down, so poisoning is ignored.
    pub fn lock(&self) -> MutexGuard<'_, ServerState> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
