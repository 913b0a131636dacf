//! Routes of the minimal registry: things, thing groups, membership.

use super::endpoint::{guarded, injected_fault, Answer};
use super::request::ApiRequest;
use super::response::{empty, ok};
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::state::Shared;
use crate::store::check_name;
use axum::response::Response;
use axum::routing::{get, post, put};
use axum::Router;
use iotjobs_model::types::StringMap;
use serde::Deserialize;

pub fn routes() -> Router<Shared> {
    Router::new()
        .route(
            "/things/{thingName}",
            post(handler("CreateThing", create_thing))
                .get(handler("DescribeThing", describe_thing))
                .delete(handler("DeleteThing", delete_thing)),
        )
        .route(
            "/thing-groups/addThingToThingGroup",
            put(handler("AddThingToThingGroup", add_thing)),
        )
        .route(
            "/thing-groups/removeThingFromThingGroup",
            put(handler("RemoveThingFromThingGroup", remove_thing)),
        )
        .route(
            "/thing-groups/{thingGroupName}",
            post(handler("CreateThingGroup", create_group))
                .get(handler("DescribeThingGroup", describe_group))
                .delete(handler("DeleteThingGroup", delete_group)),
        )
        .route(
            "/thing-groups/{thingGroupName}/things",
            get(handler("ListThingsInThingGroup", list_things)),
        )
}

fn handler(
    operation: &'static str,
    f: fn(&ApiRequest) -> ApiResult<Response>,
) -> impl FnOnce(ApiRequest) -> Answer + Clone + Send + 'static {
    move |request: ApiRequest| {
        Box::pin(async move {
            if let Some(answer) = injected_fault(&request, operation).await {
                return answer;
            }
            guarded(|| f(&request))
        })
    }
}

/// A thing or group name from the path or body: 1-128 of `[a-zA-Z0-9:_-]`.
fn name_of(member: &str, value: Option<&str>) -> ApiResult<String> {
    let value = value.ok_or_else(|| ApiError::invalid(format!("{member} is required.")))?;
    check_name(member, value)?;
    Ok(value.to_owned())
}

fn body<T: for<'de> Deserialize<'de>>(request: &ApiRequest) -> ApiResult<T> {
    let object = request.body_object()?;
    serde_json::from_value(serde_json::Value::Object(object)).map_err(|e| {
        ApiError::new(
            ErrorCode::Serialization,
            format!("Invalid request body: {e}"),
        )
    })
}

fn optional_long(request: &ApiRequest, name: &str) -> ApiResult<Option<i64>> {
    request
        .query_value(name)
        .map(|v| {
            v.parse()
                .map_err(|_| ApiError::invalid(format!("{name} must be an integer, got {v:?}.")))
        })
        .transpose()
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct AttributePayload {
    #[serde(default)]
    attributes: StringMap,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct CreateThingBody {
    thing_type_name: Option<String>,
    #[serde(default)]
    attribute_payload: AttributePayload,
}

fn create_thing(request: &ApiRequest) -> ApiResult<Response> {
    let name = name_of(
        "thingName",
        request.path.get("thingName").map(String::as_str),
    )?;
    let body: CreateThingBody = body(request)?;
    let mut state = request.state.lock();
    state
        .store
        .create_thing(
            &name,
            body.thing_type_name,
            body.attribute_payload.attributes,
        )
        .map(|v| ok(&v))
}

fn describe_thing(request: &ApiRequest) -> ApiResult<Response> {
    let name = name_of(
        "thingName",
        request.path.get("thingName").map(String::as_str),
    )?;
    request
        .state
        .lock()
        .store
        .describe_thing(&name)
        .map(|v| ok(&v))
}

fn delete_thing(request: &ApiRequest) -> ApiResult<Response> {
    let name = name_of(
        "thingName",
        request.path.get("thingName").map(String::as_str),
    )?;
    let expected = optional_long(request, "expectedVersion")?;
    let mut state = request.state.lock();
    let now = state.now();
    state
        .store
        .delete_thing(&name, expected, now)
        .map(|()| empty())
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct GroupProperties {
    thing_group_description: Option<String>,
    #[serde(default)]
    attribute_payload: AttributePayload,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct CreateGroupBody {
    #[serde(default)]
    thing_group_properties: GroupProperties,
}

fn create_group(request: &ApiRequest) -> ApiResult<Response> {
    let name = name_of(
        "thingGroupName",
        request.path.get("thingGroupName").map(String::as_str),
    )?;
    let body: CreateGroupBody = body(request)?;
    let properties = body.thing_group_properties;
    let mut state = request.state.lock();
    let now = state.now();
    state
        .store
        .create_thing_group(
            &name,
            properties.thing_group_description,
            properties.attribute_payload.attributes,
            now,
        )
        .map(|v| ok(&v))
}

fn describe_group(request: &ApiRequest) -> ApiResult<Response> {
    let name = name_of(
        "thingGroupName",
        request.path.get("thingGroupName").map(String::as_str),
    )?;
    request
        .state
        .lock()
        .store
        .describe_thing_group(&name)
        .map(|v| ok(&v))
}

fn delete_group(request: &ApiRequest) -> ApiResult<Response> {
    let name = name_of(
        "thingGroupName",
        request.path.get("thingGroupName").map(String::as_str),
    )?;
    let expected = optional_long(request, "expectedVersion")?;
    let mut state = request.state.lock();
    let now = state.now();
    state
        .store
        .delete_thing_group(&name, expected, now)
        .map(|()| empty())
}

fn list_things(request: &ApiRequest) -> ApiResult<Response> {
    let name = name_of(
        "thingGroupName",
        request.path.get("thingGroupName").map(String::as_str),
    )?;
    let max_results = optional_long(request, "maxResults")?
        .map(|n| {
            i32::try_from(n)
                .ok()
                .filter(|n| (1..=250).contains(n))
                .ok_or_else(|| {
                    ApiError::invalid(format!("maxResults must be from 1 to 250, got {n}."))
                })
        })
        .transpose()?;
    let state = request.state.lock();
    state
        .store
        .list_things_in_thing_group(&name, max_results, request.query_value("nextToken"))
        .map(|v| ok(&v))
}

/// AddThingToThingGroup / RemoveThingFromThingGroup name each side by
/// name or by ARN.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct MembershipBody {
    thing_group_name: Option<String>,
    thing_group_arn: Option<String>,
    thing_name: Option<String>,
    thing_arn: Option<String>,
    #[allow(dead_code)]
    override_dynamic_groups: Option<bool>,
}

impl MembershipBody {
    fn names(&self) -> ApiResult<(String, String)> {
        let from_arn = |arn: &Option<String>, kind: &str| {
            arn.as_deref()
                .and_then(|a| a.split_once(&format!(":{kind}/")))
                .map(|(_, name)| name.to_owned())
        };
        let group = self
            .thing_group_name
            .clone()
            .or_else(|| from_arn(&self.thing_group_arn, "thinggroup"));
        let thing = self
            .thing_name
            .clone()
            .or_else(|| from_arn(&self.thing_arn, "thing"));
        Ok((
            name_of("thingGroupName (or thingGroupArn)", group.as_deref())?,
            name_of("thingName (or thingArn)", thing.as_deref())?,
        ))
    }
}

fn add_thing(request: &ApiRequest) -> ApiResult<Response> {
    let (group, thing) = body::<MembershipBody>(request)?.names()?;
    let mut state = request.state.lock();
    let now = state.now();
    state
        .store
        .add_thing_to_thing_group(&group, &thing, now)
        .map(|()| empty())
}

fn remove_thing(request: &ApiRequest) -> ApiResult<Response> {
    let (group, thing) = body::<MembershipBody>(request)?.names()?;
    let mut state = request.state.lock();
    let now = state.now();
    state
        .store
        .remove_thing_from_thing_group(&group, &thing, now)
        .map(|()| empty())
}
