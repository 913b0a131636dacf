//! Durable state: the server's whole state in one JSON file, replaced
//! atomically (write a temporary file, fsync it, rename it over the old
//! one, fsync the folder), so a server killed at any moment leaves either
//! the old state or the new one, never a torn file.
//!
//! Saves are group commits: a request that changed state is answered only
//! once a save that includes its change is on disk, and one save covers
//! every change made before it started, so a burst of writes costs a few
//! fsyncs, not one each.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use tokio::sync::{watch, Notify};

/// The state file: where it is, and how to read and replace it. Clones
/// share one writer, so writes never overlap and an older snapshot never
/// lands after a newer one (the saver's last write may still be running
/// when `stop` writes the final state).
#[derive(Debug, Clone)]
pub struct StateFile {
    path: PathBuf,
    /// The sequence number of the newest snapshot written.
    written: Arc<Mutex<u64>>,
}

impl StateFile {
    pub fn new(path: impl Into<PathBuf>) -> Self {
        StateFile {
            path: path.into(),
            written: Arc::new(Mutex::new(0)),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The saved state, or `None` if there is no file yet.
    pub fn load(&self) -> io::Result<Option<serde_json::Value>> {
        let bytes = match fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        serde_json::from_slice(&bytes).map(Some).map_err(|e| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("{} is not a state file: {e}", self.path.display()),
            )
        })
    }

    /// Replaces the file with snapshot number `sequence`, atomically and
    /// durably, unless a newer snapshot was written already.
    pub fn replace(&self, sequence: u64, bytes: &[u8]) -> io::Result<()> {
        let mut written = self.written.lock().unwrap_or_else(|p| p.into_inner());
        if sequence <= *written {
            return Ok(());
        }
        self.write(bytes)?;
        *written = sequence;
        Ok(())
    }

    fn write(&self, bytes: &[u8]) -> io::Result<()> {
        let mut temporary = self.path.clone().into_os_string();
        temporary.push(".tmp");
        let temporary = PathBuf::from(temporary);
        {
            let mut file = File::create(&temporary)?;
            file.write_all(bytes)?;
            file.sync_all()?;
        }
        fs::rename(&temporary, &self.path)?;
        // The rename itself is durable only once the folder is.
        let folder = match self.path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        File::open(folder)?.sync_all()
    }
}

/// How far saving has got: the newest change generation on disk, and the
/// newest one whose save failed (with why).
#[derive(Debug, Clone, Default)]
struct Progress {
    saved: u64,
    failed: u64,
    error: String,
}

/// Group commit between the requests that change state and the one task
/// that saves it.
#[derive(Debug)]
pub struct Durability {
    pub file: StateFile,
    /// Generation of the newest change that asked to be saved.
    requested: AtomicU64,
    wake: Notify,
    progress: watch::Sender<Progress>,
}

impl Durability {
    pub fn new(file: StateFile) -> Self {
        Durability {
            file,
            requested: AtomicU64::new(0),
            wake: Notify::new(),
            progress: watch::Sender::new(Progress::default()),
        }
    }

    /// Asks for a save of every change made so far; returns the
    /// generation to wait for.
    pub fn request(&self) -> u64 {
        let generation = self.requested.fetch_add(1, Ordering::SeqCst) + 1;
        self.wake.notify_one();
        generation
    }

    /// Waits until `generation` is on disk, or its save failed.
    pub async fn wait(&self, generation: u64) -> Result<(), String> {
        let mut progress = self.progress.subscribe();
        let reached = progress
            .wait_for(|p| p.saved >= generation || p.failed >= generation)
            .await
            .map_err(|_| "the server stopped before saving its state".to_owned())?;
        if reached.saved >= generation {
            Ok(())
        } else {
            Err(reached.error.clone())
        }
    }

    /// The saving task's loop: whenever changes wait, take one snapshot
    /// (`snapshot` reads the state under its lock, numbered) and write it.
    pub async fn run_saver(&self, snapshot: impl Fn() -> (u64, Vec<u8>)) {
        let mut saved = 0;
        loop {
            self.wake.notified().await;
            loop {
                // Every change up to `target` finished before the snapshot
                // is taken, so the snapshot includes it.
                let target = self.requested.load(Ordering::SeqCst);
                if target <= saved {
                    break;
                }
                let (sequence, bytes) = snapshot();
                let file = self.file.clone();
                let written = tokio::task::spawn_blocking(move || file.replace(sequence, &bytes))
                    .await
                    .map_err(|e| e.to_string())
                    .and_then(|r| r.map_err(|e| e.to_string()));
                match written {
                    Ok(()) => {
                        saved = target;
                        self.progress.send_modify(|p| p.saved = target);
                    }
                    Err(error) => {
                        let error = format!(
                            "cannot save state to {}: {error}",
                            self.file.path().display()
                        );
                        self.progress.send_modify(|p| {
                            p.failed = target;
                            p.error = error;
                        });
                        break;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replace_then_load() {
        let dir = std::env::temp_dir().join(format!("iotjobs-durable-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let file = StateFile::new(dir.join("state.json"));
        assert!(file.load().unwrap().is_none());
        file.replace(1, br#"{"a": 1}"#).unwrap();
        file.replace(3, br#"{"a": 3}"#).unwrap();
        file.replace(2, br#"{"a": 2}"#).unwrap(); // older than what is on disk: skipped
        assert_eq!(file.load().unwrap(), Some(serde_json::json!({"a": 3})));
        assert!(!dir.join("state.json.tmp").exists());
        fs::write(dir.join("state.json"), b"{torn").unwrap();
        assert_eq!(file.load().unwrap_err().kind(), io::ErrorKind::InvalidData);
        fs::remove_dir_all(&dir).unwrap();
    }
}
