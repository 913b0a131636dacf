//! Starting and stopping a server on a tokio runtime.

use crate::clock::ClockMode;
use crate::http;
use crate::state::Shared;
use crate::store::StoreConfig;
use std::net::SocketAddr;
use std::time::Duration;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// How often a real-clock server runs what became due (deletions, ...).
const TICK: Duration = Duration::from_secs(1);

#[derive(Debug, Clone)]
pub struct ServerConfig {
    pub host: String,
    pub port: u16,
    pub clock: ClockMode,
    pub store: StoreConfig,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            host: "127.0.0.1".into(),
            port: 0,
            clock: ClockMode::Real,
            store: StoreConfig::default(),
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
}

impl RunningServer {
    /// Binds and starts serving on the current tokio runtime.
    pub async fn start(config: ServerConfig) -> std::io::Result<RunningServer> {
        let listener = tokio::net::TcpListener::bind((config.host.as_str(), config.port)).await?;
        let addr = listener.local_addr()?;
        let state = Shared::new(config.store, config.clock);
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
                    let mut state = state.lock();
                    let now = state.now();
                    state.store.tick(now);
                }
            })
        });
        Ok(RunningServer {
            addr,
            state,
            shutdown: Some(shutdown),
            serve: Some(serve),
            ticker,
        })
    }

    pub fn endpoint_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Stops accepting, closes connections, and waits (briefly) for
    /// requests in flight. Calling it again does nothing.
    pub async fn stop(&mut self) {
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
        }
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        if let Some(ticker) = self.ticker.take() {
            ticker.abort();
        }
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
    }
}
