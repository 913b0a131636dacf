//! The server's notion of now: wall time, or a manual clock that only moves
//! when a test says so.

use std::time::{SystemTime, UNIX_EPOCH};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockMode {
    Real,
    Manual,
}

#[derive(Debug, Clone)]
pub struct Clock {
    mode: ClockMode,
    /// Manual time, in epoch seconds.
    manual_now: f64,
}

/// Wall time in epoch seconds, rounded to milliseconds as AWS sends it.
fn wall_now() -> f64 {
    let since = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    (since.as_millis() as f64) / 1000.0
}

impl Clock {
    pub fn new(mode: ClockMode) -> Self {
        Clock {
            mode,
            manual_now: wall_now().floor(),
        }
    }

    pub fn mode(&self) -> ClockMode {
        self.mode
    }

    pub fn now(&self) -> f64 {
        match self.mode {
            ClockMode::Real => wall_now(),
            ClockMode::Manual => self.manual_now,
        }
    }

    /// A manual clock continues from `now` (the time a state file was saved
    /// with); a real clock keeps wall time.
    pub fn resume_at(&mut self, now: f64) {
        if self.mode == ClockMode::Manual && now.is_finite() {
            self.manual_now = now;
        }
    }

    /// Moves a manual clock forward; a real clock cannot be moved.
    pub fn advance(&mut self, seconds: f64) -> Result<f64, String> {
        if self.mode == ClockMode::Real {
            return Err("only a server started with clock=\"manual\" can be advanced".into());
        }
        if !(seconds.is_finite() && seconds >= 0.0) {
            return Err(format!(
                "seconds must be a finite number >= 0, got {seconds}"
            ));
        }
        self.manual_now = ((self.manual_now + seconds) * 1000.0).round() / 1000.0;
        Ok(self.manual_now)
    }
}
