//! `Sofinco\StatusMapper`: the status table (design.md §3) for the module.
// PHP parameter names are camelCase: PHP 8 named arguments use them.
#![allow(non_snake_case)]

use ext_php_rs::boxed::ZBox;
use ext_php_rs::prelude::*;
use ext_php_rs::types::ZendHashTable;

use super::array::PhpArray;
use super::guard::guard;
use crate::status;

#[php_class]
#[php(name = "Sofinco\\StatusMapper")]
#[derive(Default)]
pub struct StatusMapper;

#[php_impl]
impl StatusMapper {
    /// The order state for a Sofinco status code; null for UKW (ask again later).
    #[php(name = "stateFor")]
    pub fn state_for(sofincoCode: String) -> PhpResult<Option<String>> {
        guard(|| Ok(status::state_for(&sofincoCode)?.map(str::to_string)))
    }

    /// Every order state the module installs, in workflow order.
    pub fn states() -> PhpResult<ZBox<ZendHashTable>> {
        guard(|| {
            let mut rows = PhpArray::new();
            for s in status::STATES {
                let row = PhpArray::new()
                    .with("key", s.key)?
                    .with("label_fr", s.label_fr)?
                    .with("label_en", s.label_en)?
                    .with("color", s.color)?
                    .with("paid", s.paid)?
                    .with("logable", s.logable)?
                    .with("final", s.is_final)?
                    .with("group", s.group.as_str())?;
                rows.push(row.into_table())?;
            }
            Ok(rows.into_table())
        })
    }

    /// `pending`, `validated` or `cancelled`.
    pub fn group(stateKey: String) -> PhpResult<String> {
        guard(|| Ok(status::group(&stateKey)?.as_str().to_string()))
    }

    /// Whether the crons still follow an order in this state.
    #[php(name = "isSynced")]
    pub fn is_synced(stateKey: String) -> bool {
        status::is_synced(&stateKey)
    }

    /// Whether "Valider la demande de financement" applies to an order in this state.
    #[php(name = "canRequestFunding")]
    pub fn can_request_funding(stateKey: String) -> bool {
        status::can_request_funding(&stateKey)
    }
}
