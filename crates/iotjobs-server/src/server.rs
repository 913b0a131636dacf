//! Starting and stopping a server on a tokio runtime.

use crate::clock::ClockMode;
use crate::durable::StateFile;
use crate::http;
use crate::state::{ServerState, Shared};
use crate::store::StoreConfig;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// How often a real-clock server runs what became due (rollout batches,
/// timeouts, deletions, ...).
const TICK: Duration = Duration::from_secs(1);

#[derive(Debug, Clone)]
pub struct ServerConfig {
    pub host: String,
    pub port: u16,
    pub clock: ClockMode,
    pub store: StoreConfig,
    /// Where the state lives across restarts; `None`: in memory only.
    pub state_file: Option<PathBuf>,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            host: "127.0.0.1".into(),
            port: 0,
            clock: ClockMode::Real,
            store: StoreConfig::default(),
            state_file: None,
        }
    }
}

/// A server accepting connections until [`RunningServer::stop`].
pub struct RunningServer {
    pub addr: SocketAddr,
    pub state: Shared,
    shutdown: Option<oneshot::Sender<()>>,
    serve: Option<JoinHandle<()>>,
    ticker: Option<JoinHandle<()>>,
    saver: Option<JoinHandle<()>>,
}

/// Why a server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("cannot listen on {address}: {source}")]
    Listen {
        address: String,
        source: std::io::Error,
    },
    #[error("cannot load the state file {path}: {source}")]
    StateFile {
        path: String,
        source: std::io::Error,
    },
}

impl RunningServer {
    /// Loads any state file, binds, and starts serving on the current
    /// tokio runtime.
    pub async fn start(config: ServerConfig) -> Result<RunningServer, StartError> {
        let file = config.state_file.clone().map(StateFile::new);
        let state =
            ServerState::open(config.store, config.clock, file.as_ref()).map_err(|source| {
                StartError::StateFile {
                    path: config.state_file.unwrap_or_default().display().to_string(),
                    source,
                }
            })?;
        let address = format!("{}:{}", config.host, config.port);
        let listen = |source| StartError::Listen {
            address: address.clone(),
            source,
        };
        let listener = tokio::net::TcpListener::bind((config.host.as_str(), config.port))
            .await
            .map_err(listen)?;
        let addr = listener.local_addr().map_err(listen)?;
        let state = Shared::new(state, file);
        let app = http::router(state.clone());
        let (shutdown, signal) = oneshot::channel::<()>();
        let serve = tokio::spawn(async move {
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async move {
                    let _ = signal.await;
                })
                .await;
        });
        let ticker = (config.clock == ClockMode::Real).then(|| {
            let state = state.clone();
            tokio::spawn(async move {
                let mut interval = tokio::time::interval(TICK);
                loop {
                    interval.tick().await;
                    let changed = {
                        let mut state = state.lock();
                        let now = state.now();
                        state.store.tick(now)
                    };
                    if changed {
                        state.request_save();
                    }
                }
            })
        });
        let saver = state.durability().cloned().map(|durability| {
            let state = state.clone();
            tokio::spawn(async move { durability.run_saver(|| state.saved_bytes()).await })
        });
        Ok(RunningServer {
            addr,
            state,
            shutdown: Some(shutdown),
            serve: Some(serve),
            ticker,
            saver,
        })
    }

    pub fn endpoint_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Stops accepting, closes connections, waits (briefly) for requests
    /// in flight, and writes the state file one last time. Calling it
    /// again does nothing.
    pub async fn stop(&mut self) -> std::io::Result<()> {
        if let Some(ticker) = self.ticker.take() {
            ticker.abort();
        }
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let Some(serve) = self.serve.take() {
            let abort = serve.abort_handle();
            if tokio::time::timeout(Duration::from_secs(2), serve)
                .await
                .is_err()
            {
                abort.abort();
            }
            if let Some(saver) = self.saver.take() {
                saver.abort();
            }
            return self.state.save_now();
        }
        Ok(())
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        if let Some(ticker) = self.ticker.take() {
            ticker.abort();
        }
        if let Some(saver) = self.saver.take() {
            saver.abort();
        }
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
    }
}
