//! `sofinco-core`: the Sofinco signature rules, knowing nothing of PHP. The extension
//! (`sofinco-php`) binds them; the sandbox and the benches use them directly.

pub mod api;
pub mod client;
pub mod contract;
pub mod error;
pub mod money;
pub mod secret;
pub mod status;
pub mod sync;
pub mod version;
pub mod withdrawal;
