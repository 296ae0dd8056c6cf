//! A PHP configuration array as the core's (key, value) entries: conversion only, the core
//! checks them.

use phper::arrays::{IterKey, ZArr};
use phper::values::ZVal;

use sofinco_core::client::ConfigValue;

fn value(v: &ZVal) -> ConfigValue {
    if v.as_null().is_some() {
        ConfigValue::Null
    } else if let Some(b) = v.as_bool() {
        ConfigValue::Bool(b)
    } else if let Some(i) = v.as_long() {
        ConfigValue::Int(i)
    } else if let Some(f) = v.as_double() {
        ConfigValue::Float(f)
    } else if let Some(s) = v.as_z_str() {
        match s.to_str() {
            Ok(s) => ConfigValue::Str(s.to_string()),
            Err(_) => ConfigValue::Other("a string that is not UTF-8"),
        }
    } else if v.as_z_arr().is_some() {
        ConfigValue::Other("an array")
    } else if v.as_z_obj().is_some() {
        ConfigValue::Other("an object")
    } else {
        ConfigValue::Other("an unsupported value")
    }
}

pub fn entries(table: &ZArr) -> Vec<(String, ConfigValue)> {
    table
        .iter()
        .map(|(k, v)| {
            let key = match k {
                IterKey::Index(i) => i.to_string(),
                IterKey::ZStr(s) => s.to_string_lossy().into_owned(),
            };
            (key, value(v))
        })
        .collect()
}
