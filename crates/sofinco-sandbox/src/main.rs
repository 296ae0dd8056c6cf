//! `sofinco-sandbox`: Sofinco's partner API on loopback (design.md §5), for the tests, the
//! demo and the benchmarks. See the README's "The Sofinco sandbox".

mod admin;
mod api;
mod cli;
mod errors;
mod faults;
mod gate;
mod journey_page;
mod notifier;
mod rates;
mod scenario;
mod state;
mod validate;

use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;

use crate::cli::Command;
use crate::rates::Bareme;
use crate::state::{Config, Shared};

/// After a signal, in-flight requests get this long (an injected hang would keep the
/// process alive for 30 s otherwise).
const SHUTDOWN_GRACE: Duration = Duration::from_secs(1);

fn main() -> ExitCode {
    let options = match cli::parse(std::env::args().skip(1)) {
        Ok(Command::Run(o)) => *o,
        Ok(Command::Print(text)) => {
            print!("{text}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("sofinco-sandbox: {e}");
            return ExitCode::from(2);
        }
    };
    let bareme = match &options.rates {
        Some(path) => match Bareme::load(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("sofinco-sandbox: {e}");
                return ExitCode::from(2);
            }
        },
        None => Bareme::default(),
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("sofinco-sandbox: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(serve(options, bareme)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sofinco-sandbox: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(options: cli::Options, bareme: Bareme) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(options.listen).await?;
    let base_url = format!("http://{}", listener.local_addr()?);
    let admin = options.admin;
    let shared = Arc::new(Shared::new(Config {
        options,
        bareme,
        base_url: base_url.clone(),
    }));

    let api = api::routes().layer(axum::middleware::from_fn_with_state(
        shared.clone(),
        gate::gate,
    ));
    let mut app: Router<Arc<Shared>> = api.merge(journey_page::routes());
    if admin {
        app = app.nest(admin::PREFIX, admin::routes());
    }
    // Unknown routes answer like Sofinco's other errors, not with an empty body.
    let app = app
        .fallback(|| async { errors::ApiError::not_found("No such route") })
        .with_state(shared);

    // Tests read the port from this line.
    let mut out = std::io::stdout();
    writeln!(out, "listening on {base_url}")?;
    out.flush()?;

    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let mut graceful_rx = stop_rx.clone();
    let server = axum::serve(listener, app).with_graceful_shutdown(async move {
        let _ = graceful_rx.wait_for(|stop| *stop).await;
    });
    let mut deadline_rx = stop_rx;
    tokio::select! {
        result = async { server.await } => result,
        () = async {
            let _ = deadline_rx.wait_for(|stop| *stop).await;
            tokio::time::sleep(SHUTDOWN_GRACE).await;
        } => Ok(()),
        () = async {
            signal().await;
            let _ = stop_tx.send(true);
            std::future::pending::<()>().await;
        } => Ok(()),
    }
}

/// SIGINT or SIGTERM.
async fn signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
