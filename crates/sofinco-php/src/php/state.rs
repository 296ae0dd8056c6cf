//! `Sofinco\OrderState`: the core's order states as a PHP 8.1 backed enum (the PHP 7
//! engine's class of constants has the same values).

use ext_php_rs::prelude::*;

use crate::status::OrderState as Core;

#[php_enum]
#[php(name = "Sofinco\\OrderState")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderState {
    #[php(value = "in_study")]
    InStudy,
    #[php(value = "awaiting_customer")]
    AwaitingCustomer,
    #[php(value = "awaiting_funding")]
    AwaitingFunding,
    #[php(value = "funding_requested")]
    FundingRequested,
    #[php(value = "funded")]
    Funded,
    #[php(value = "refused")]
    Refused,
    #[php(value = "cancelled")]
    Cancelled,
    #[php(value = "not_found")]
    NotFound,
    #[php(value = "tech_error")]
    TechError,
    /// PrestaShop's own "Annulé" (PS_OS_CANCELED).
    #[php(value = "prestashop_cancelled")]
    PrestashopCancelled,
}

impl From<Core> for OrderState {
    fn from(s: Core) -> Self {
        match s {
            Core::InStudy => OrderState::InStudy,
            Core::AwaitingCustomer => OrderState::AwaitingCustomer,
            Core::AwaitingFunding => OrderState::AwaitingFunding,
            Core::FundingRequested => OrderState::FundingRequested,
            Core::Funded => OrderState::Funded,
            Core::Refused => OrderState::Refused,
            Core::Cancelled => OrderState::Cancelled,
            Core::NotFound => OrderState::NotFound,
            Core::TechError => OrderState::TechError,
            Core::PrestashopCancelled => OrderState::PrestashopCancelled,
        }
    }
}

impl From<OrderState> for Core {
    fn from(s: OrderState) -> Self {
        match s {
            OrderState::InStudy => Core::InStudy,
            OrderState::AwaitingCustomer => Core::AwaitingCustomer,
            OrderState::AwaitingFunding => Core::AwaitingFunding,
            OrderState::FundingRequested => Core::FundingRequested,
            OrderState::Funded => Core::Funded,
            OrderState::Refused => Core::Refused,
            OrderState::Cancelled => Core::Cancelled,
            OrderState::NotFound => Core::NotFound,
            OrderState::TechError => Core::TechError,
            OrderState::PrestashopCancelled => Core::PrestashopCancelled,
        }
    }
}

/// A core state for PHP.
pub fn php(s: Option<Core>) -> Option<OrderState> {
    s.map(OrderState::from)
}

/// A PHP state for the core.
pub fn core(s: Option<OrderState>) -> Option<Core> {
    s.map(Core::from)
}
