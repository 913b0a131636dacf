//! The minimal registry: things, thing groups and membership, enough for
//! group targets and CONTINUOUS jobs to mean something.

use super::paging;
use super::records::{Group, Thing};
use super::Store;
use crate::error::{ApiError, ApiResult, ErrorCode};
use iotjobs_model::schema::Pattern;
use iotjobs_model::types::StringMap;
use serde_json::{json, Value};

/// ListThingsInThingGroup answers 25 things per page unless asked otherwise.
const THINGS_PAGE: usize = 25;

/// A thing or group name: 1-128 of `[a-zA-Z0-9:_-]`.
pub fn check_name(member: &str, value: &str) -> ApiResult<()> {
    if value.is_empty() || value.chars().count() > 128 || !Pattern::ThingName.matches(value) {
        return Err(ApiError::invalid(format!(
            "{member} must be 1 to 128 characters of [a-zA-Z0-9:_-], got {value:?}."
        )));
    }
    Ok(())
}

/// Random-looking but deterministic ids in AWS's UUID form.
fn uuid_like(seed: u64, name: &str) -> String {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    (seed, name).hash(&mut hasher);
    let a = hasher.finish();
    (a, name.len()).hash(&mut hasher);
    let b = hasher.finish();
    format!(
        "{:08x}-{:04x}-4{:03x}-a{:03x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        b >> 52,
        b & 0xffff_ffff_ffff
    )
}

impl Store {
    /// Creates `name` if the registry does not know it (job targets name
    /// things that tests never registered).
    pub(super) fn ensure_thing(&mut self, name: &str) {
        if !self.things.contains_key(name) {
            let seq = self.next_seq();
            self.things.insert(
                name.to_owned(),
                Thing {
                    name: name.to_owned(),
                    id: uuid_like(seq, name),
                    attributes: StringMap::new(),
                    thing_type_name: None,
                    version: 1,
                    groups: Default::default(),
                },
            );
        }
    }

    pub(super) fn ensure_group(&mut self, name: &str, now: f64) {
        if !self.groups.contains_key(name) {
            let seq = self.next_seq();
            self.groups.insert(
                name.to_owned(),
                Group {
                    name: name.to_owned(),
                    id: uuid_like(seq, name),
                    description: None,
                    attributes: StringMap::new(),
                    created_at: now,
                    version: 1,
                    members: Default::default(),
                },
            );
        }
    }

    fn thing_not_found(name: &str) -> ApiError {
        ApiError::not_found(format!("Thing {name} cannot be found."))
    }

    fn group_not_found(name: &str) -> ApiError {
        ApiError::not_found(format!("Thing group {name} cannot be found."))
    }

    /// CreateThing is idempotent for the same configuration; a different
    /// one under an existing name is ResourceAlreadyExists.
    pub fn create_thing(
        &mut self,
        name: &str,
        type_name: Option<String>,
        attributes: StringMap,
    ) -> ApiResult<Value> {
        if let Some(existing) = self.things.get(name) {
            if existing.attributes != attributes || existing.thing_type_name != type_name {
                return Err(ApiError::already_exists(
                    format!("Thing {name} already exists with a different configuration."),
                    &existing.id,
                    &self.thing_arn(name),
                ));
            }
        } else {
            self.ensure_thing(name);
            let thing = self.things.get_mut(name).expect("just created");
            thing.attributes = attributes;
            thing.thing_type_name = type_name;
        }
        let thing = &self.things[name];
        Ok(json!({"thingName": name, "thingArn": self.thing_arn(name), "thingId": thing.id}))
    }

    pub fn describe_thing(&self, name: &str) -> ApiResult<Value> {
        let thing = self
            .things
            .get(name)
            .ok_or_else(|| Self::thing_not_found(name))?;
        let mut out = json!({
            "defaultClientId": name,
            "thingName": name,
            "thingId": thing.id,
            "thingArn": self.thing_arn(name),
            "attributes": thing.attributes,
            "version": thing.version,
        });
        if let Some(type_name) = &thing.thing_type_name {
            out["thingTypeName"] = type_name.as_str().into();
        }
        Ok(out)
    }

    /// Deleting a thing that does not exist succeeds, as in AWS.
    pub fn delete_thing(
        &mut self,
        name: &str,
        expected_version: Option<i64>,
        now: f64,
    ) -> ApiResult<()> {
        let Some(thing) = self.things.get(name) else {
            return Ok(());
        };
        if let Some(expected) = expected_version.filter(|v| *v != thing.version) {
            return Err(ApiError::new(
                ErrorCode::VersionConflict,
                format!(
                    "expectedVersion {expected} does not match thing {name}'s version {}.",
                    thing.version
                ),
            ));
        }
        let thing = self.things.remove(name).expect("checked above");
        for group in &thing.groups {
            if let Some(group) = self.groups.get_mut(group) {
                group.members.remove(name);
            }
        }
        self.thing_deleted(name, now);
        Ok(())
    }

    pub fn create_thing_group(
        &mut self,
        name: &str,
        description: Option<String>,
        attributes: StringMap,
        now: f64,
    ) -> ApiResult<Value> {
        if let Some(existing) = self.groups.get(name) {
            if existing.description != description || existing.attributes != attributes {
                return Err(ApiError::already_exists(
                    format!("Thing group {name} already exists with a different configuration."),
                    &existing.id,
                    &self.group_arn(name),
                ));
            }
        } else {
            self.ensure_group(name, now);
            let group = self.groups.get_mut(name).expect("just created");
            group.description = description;
            group.attributes = attributes;
        }
        let group = &self.groups[name];
        Ok(
            json!({"thingGroupName": name, "thingGroupArn": self.group_arn(name), "thingGroupId": group.id}),
        )
    }

    pub fn describe_thing_group(&self, name: &str) -> ApiResult<Value> {
        let group = self
            .groups
            .get(name)
            .ok_or_else(|| Self::group_not_found(name))?;
        let mut properties = json!({"attributePayload": {"attributes": group.attributes}});
        if let Some(description) = &group.description {
            properties["thingGroupDescription"] = description.as_str().into();
        }
        Ok(json!({
            "thingGroupName": name,
            "thingGroupId": group.id,
            "thingGroupArn": self.group_arn(name),
            "version": group.version,
            "thingGroupProperties": properties,
            "thingGroupMetadata": {"rootToParentThingGroups": [], "creationDate": group.created_at},
            "status": "ACTIVE",
        }))
    }

    /// Deleting a group removes its members from it (their pending
    /// executions of CONTINUOUS jobs that no longer reach them are REMOVED).
    pub fn delete_thing_group(
        &mut self,
        name: &str,
        expected_version: Option<i64>,
        now: f64,
    ) -> ApiResult<()> {
        let Some(group) = self.groups.get(name) else {
            return Ok(());
        };
        if let Some(expected) = expected_version.filter(|v| *v != group.version) {
            return Err(ApiError::new(
                ErrorCode::VersionConflict,
                format!(
                    "expectedVersion {expected} does not match thing group {name}'s version {}.",
                    group.version
                ),
            ));
        }
        let group = self.groups.remove(name).expect("checked above");
        for member in &group.members {
            if let Some(thing) = self.things.get_mut(member) {
                thing.groups.remove(name);
            }
            self.thing_left(member, now);
        }
        Ok(())
    }

    pub fn add_thing_to_thing_group(
        &mut self,
        group: &str,
        thing: &str,
        now: f64,
    ) -> ApiResult<()> {
        if !self.groups.contains_key(group) {
            return Err(Self::group_not_found(group));
        }
        let known = self
            .things
            .get_mut(thing)
            .ok_or_else(|| Self::thing_not_found(thing))?;
        known.groups.insert(group.to_owned());
        let added = self
            .groups
            .get_mut(group)
            .expect("checked above")
            .members
            .insert(thing.to_owned());
        if added {
            self.thing_joined_group(thing, group, now);
        }
        Ok(())
    }

    pub fn remove_thing_from_thing_group(
        &mut self,
        group: &str,
        thing: &str,
        now: f64,
    ) -> ApiResult<()> {
        if !self.groups.contains_key(group) {
            return Err(Self::group_not_found(group));
        }
        if !self.things.contains_key(thing) {
            return Err(Self::thing_not_found(thing));
        }
        let removed = self
            .groups
            .get_mut(group)
            .expect("checked above")
            .members
            .remove(thing);
        if let Some(known) = self.things.get_mut(thing) {
            known.groups.remove(group);
        }
        if removed {
            self.thing_left(thing, now);
        }
        Ok(())
    }

    pub fn list_things_in_thing_group(
        &self,
        name: &str,
        max_results: Option<i32>,
        next_token: Option<&str>,
    ) -> ApiResult<Value> {
        let group = self
            .groups
            .get(name)
            .ok_or_else(|| Self::group_not_found(name))?;
        let after = next_token
            .map(|t| paging::decode("group-things", t))
            .transpose()?;
        let size = paging::page_size(max_results, THINGS_PAGE);
        let mut members = group
            .members
            .iter()
            .filter(|m| after.as_ref().is_none_or(|after| *m > after));
        let things: Vec<&String> = members.by_ref().take(size).collect();
        let mut out = json!({"things": things});
        if let (Some(last), Some(_)) = (things.last(), members.next()) {
            out["nextToken"] = paging::encode("group-things", last).into();
        }
        Ok(out)
    }
}
