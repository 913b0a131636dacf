//! Client configuration and building the aws-sdk-iot client it describes.
//! SDK clients are built once per configuration and shared.

use crate::error::CallError;
use aws_config::retry::RetryConfig;
use aws_config::stalled_stream_protection::StalledStreamProtectionConfig;
use aws_config::timeout::TimeoutConfig;
use aws_config::{BehaviorVersion, Region};
use aws_credential_types::Credentials;
use std::collections::HashMap;
use std::fmt;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RetryMode {
    Standard,
    Adaptive,
}

/// Where credentials come from.
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub enum CredentialSource {
    /// The standard AWS chain: environment, profile, web identity, containers, instance.
    #[default]
    Chain,
    Profile(String),
    Explicit {
        access_key_id: String,
        secret_access_key: String,
        session_token: Option<String>,
    },
}

/// Never shows a secret, whatever is printed.
impl fmt::Debug for CredentialSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CredentialSource::Chain => f.write_str("Chain"),
            CredentialSource::Profile(name) => write!(f, "Profile({name:?})"),
            CredentialSource::Explicit { .. } => f.write_str("Explicit(<redacted>)"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ClientConfig {
    pub region: Option<String>,
    pub endpoint_url: Option<String>,
    pub credentials: CredentialSource,
    pub profile_name: Option<String>,
    pub retry_mode: RetryMode,
    pub max_attempts: u32,
    pub connect_timeout: Duration,
    pub read_timeout: Duration,
}

impl Default for ClientConfig {
    fn default() -> Self {
        ClientConfig {
            region: None,
            endpoint_url: None,
            credentials: CredentialSource::Chain,
            profile_name: None,
            retry_mode: RetryMode::Standard,
            max_attempts: 3,
            connect_timeout: Duration::from_secs(60),
            read_timeout: Duration::from_secs(60),
        }
    }
}

/// An SDK client and the region it resolved (None: calls fail with NoRegion).
#[derive(Clone, Debug)]
pub struct Built {
    pub sdk: aws_sdk_iot::Client,
    pub region: Option<String>,
    pub endpoint: String,
}

fn cache() -> &'static Mutex<HashMap<ClientConfig, Built>> {
    static CACHE: OnceLock<Mutex<HashMap<ClientConfig, Built>>> = OnceLock::new();
    CACHE.get_or_init(Default::default)
}

/// The SDK client for `config`, built on first use and then shared.
pub async fn sdk_client(config: &ClientConfig) -> Result<Built, CallError> {
    if let Some(built) = cache().lock().ok().and_then(|c| c.get(config).cloned()) {
        return Ok(built);
    }
    let built = build(config).await?;
    if let Ok(mut cache) = cache().lock() {
        cache.insert(config.clone(), built.clone());
    }
    Ok(built)
}

async fn build(config: &ClientConfig) -> Result<Built, CallError> {
    if let (Some(region), CredentialSource::Explicit { .. }) = (&config.region, &config.credentials)
    {
        if config.profile_name.is_none() {
            return Ok(build_direct(config, region));
        }
    }
    build_from_environment(config).await
}

fn retry_config(config: &ClientConfig) -> RetryConfig {
    match config.retry_mode {
        RetryMode::Standard => RetryConfig::standard(),
        RetryMode::Adaptive => RetryConfig::adaptive(),
    }
    .with_max_attempts(config.max_attempts.max(1))
}

fn timeout_config(config: &ClientConfig) -> TimeoutConfig {
    TimeoutConfig::builder()
        .connect_timeout(config.connect_timeout)
        .read_timeout(config.read_timeout)
        .build()
}

fn endpoint_of(config: &ClientConfig, region: Option<&str>) -> String {
    match (&config.endpoint_url, region) {
        (Some(url), _) => url.clone(),
        (None, Some(region)) => format!("https://iot.{region}.amazonaws.com"),
        (None, None) => "https://iot.amazonaws.com".to_owned(),
    }
}

fn explicit_credentials(config: &ClientConfig) -> Option<Credentials> {
    match &config.credentials {
        CredentialSource::Explicit {
            access_key_id,
            secret_access_key,
            session_token,
        } => Some(Credentials::new(
            access_key_id,
            secret_access_key,
            session_token.clone(),
            None,
            "iotjobs",
        )),
        _ => None,
    }
}

/// Region and credentials given: nothing to look up in the environment,
/// so the SDK client is configured directly (faster, and lighter than
/// loading the shared AWS configuration).
fn build_direct(config: &ClientConfig, region: &str) -> Built {
    let mut sdk = aws_sdk_iot::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new(region.to_owned()))
        .retry_config(retry_config(config))
        .timeout_config(timeout_config(config))
        .stalled_stream_protection(StalledStreamProtectionConfig::disabled());
    if let Some(credentials) = explicit_credentials(config) {
        sdk = sdk.credentials_provider(credentials);
    }
    if let Some(url) = &config.endpoint_url {
        sdk = sdk.endpoint_url(url);
    }
    Built {
        sdk: aws_sdk_iot::Client::from_conf(sdk.build()),
        region: Some(region.to_owned()),
        endpoint: endpoint_of(config, Some(region)),
    }
}

/// Region or credentials come from the environment, profiles or the
/// standard chain, as aws-config resolves them.
async fn build_from_environment(config: &ClientConfig) -> Result<Built, CallError> {
    // Stalled-stream protection watches long downloads; Jobs answers are
    // small JSON bodies, and its per-request timers cost more than the
    // read timeout that already bounds a stalled answer.
    let mut loader = aws_config::defaults(BehaviorVersion::latest())
        .retry_config(retry_config(config))
        .timeout_config(timeout_config(config))
        .stalled_stream_protection(StalledStreamProtectionConfig::disabled());
    let profile = match &config.credentials {
        CredentialSource::Profile(name) => Some(name.clone()),
        _ => config.profile_name.clone(),
    };
    if let Some(profile) = &profile {
        loader = loader.profile_name(profile);
    }
    if let Some(region) = &config.region {
        loader = loader.region(Region::new(region.clone()));
    }
    if let Some(url) = &config.endpoint_url {
        loader = loader.endpoint_url(url);
    }
    if let Some(credentials) = explicit_credentials(config) {
        loader = loader.credentials_provider(credentials);
    }
    let sdk_config = loader.load().await;
    let region = sdk_config.region().map(|r| r.to_string());
    Ok(Built {
        sdk: aws_sdk_iot::Client::new(&sdk_config),
        endpoint: endpoint_of(config, region.as_deref()),
        region,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_never_print() {
        let source = CredentialSource::Explicit {
            access_key_id: "AKIDEXAMPLE".into(),
            secret_access_key: "wJalrXUtnFEMI".into(),
            session_token: Some("token".into()),
        };
        let config = ClientConfig {
            credentials: source,
            ..ClientConfig::default()
        };
        let printed = format!("{config:?}");
        assert!(
            !printed.contains("wJalrXUtnFEMI") && !printed.contains("AKIDEXAMPLE"),
            "{printed}"
        );
    }
}
