//! How a cron run ended, and what its caller is told (issue 31): crontab mail and exit-code
//! monitoring only see the process's exit code, a web cron service only the HTTP status. A run
//! that went through while Sofinco failed for some dossiers is not a success for them.

/// What the module knows once a run is over: its facts, never a verdict of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RunFacts {
    /// The run went through (every row decided, applied or left for the next run).
    pub ran: bool,
    /// Another run of the task was under way: this one did nothing, on purpose.
    pub locked: bool,
    /// The task asked for is not one of orders, statuses, funding.
    pub unknown_task: bool,
    /// Dossiers the run could not decide or apply (the summary's `errors`).
    pub errors: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunOutcome {
    /// Every dossier it reached was handled (what the deadline left is for the next run).
    Done,
    /// Another run of the task held the lock.
    Locked,
    /// The run went through, but Sofinco (or its answer) failed for at least one dossier.
    DossiersFailed,
    /// The run could not start, or stopped (database, extension, configuration, credentials).
    NotRun,
    UnknownTask,
}

impl RunOutcome {
    /// The rule: a task name that is none of ours, then a run that did not go through, then
    /// one that left dossiers in error. `remaining` is no failure: the deadline is designed.
    pub fn of(f: &RunFacts) -> Self {
        if f.unknown_task {
            RunOutcome::UnknownTask
        } else if f.locked {
            RunOutcome::Locked
        } else if !f.ran {
            RunOutcome::NotRun
        } else if f.errors > 0 {
            RunOutcome::DossiersFailed
        } else {
            RunOutcome::Done
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            RunOutcome::Done => "done",
            RunOutcome::Locked => "locked",
            RunOutcome::DossiersFailed => "dossiers_failed",
            RunOutcome::NotRun => "not_run",
            RunOutcome::UnknownTask => "unknown_task",
        }
    }

    /// The command line's exit code: 0 done (or another run under way), 1 could not run,
    /// 2 unknown task (Symfony's SUCCESS, FAILURE, INVALID), 3 some dossiers failed.
    pub fn exit_code(self) -> i32 {
        match self {
            RunOutcome::Done | RunOutcome::Locked => 0,
            RunOutcome::NotRun => 1,
            RunOutcome::UnknownTask => 2,
            RunOutcome::DossiersFailed => 3,
        }
    }

    /// The cron URL's HTTP status: 502 when Sofinco failed for some dossiers (the shop
    /// answered, its upstream did not), 500 when the run could not run, 400 for an unknown
    /// task; a web cron service alerts on anything but 2xx.
    pub fn http_status(self) -> u16 {
        match self {
            RunOutcome::Done | RunOutcome::Locked => 200,
            RunOutcome::NotRun => 500,
            RunOutcome::UnknownTask => 400,
            RunOutcome::DossiersFailed => 502,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ran(errors: u64) -> RunFacts {
        RunFacts {
            ran: true,
            errors,
            ..RunFacts::default()
        }
    }

    #[test]
    fn a_run_with_a_failed_dossier_is_not_done() {
        assert_eq!(RunOutcome::of(&ran(0)), RunOutcome::Done);
        assert_eq!(RunOutcome::of(&ran(1)), RunOutcome::DossiersFailed);
        assert_eq!(RunOutcome::of(&ran(2000)), RunOutcome::DossiersFailed);
    }

    #[test]
    fn runs_that_did_not_go_through_come_first() {
        let not_run = RunFacts {
            errors: 3,
            ..RunFacts::default()
        };
        assert_eq!(RunOutcome::of(&not_run), RunOutcome::NotRun);
        let locked = RunFacts {
            ran: true,
            locked: true,
            ..RunFacts::default()
        };
        assert_eq!(RunOutcome::of(&locked), RunOutcome::Locked);
        let unknown = RunFacts {
            unknown_task: true,
            ..RunFacts::default()
        };
        assert_eq!(RunOutcome::of(&unknown), RunOutcome::UnknownTask);
    }

    #[test]
    fn exit_codes_and_http_statuses_tell_the_outcomes_apart() {
        let all = [
            RunOutcome::Done,
            RunOutcome::Locked,
            RunOutcome::DossiersFailed,
            RunOutcome::NotRun,
            RunOutcome::UnknownTask,
        ];
        let codes: Vec<_> = all.iter().map(|o| o.exit_code()).collect();
        assert_eq!(codes, [0, 0, 3, 1, 2]);
        let statuses: Vec<_> = all.iter().map(|o| o.http_status()).collect();
        assert_eq!(statuses, [200, 200, 502, 500, 400]);
        for o in all {
            let ok = o.exit_code() == 0;
            assert_eq!(ok, (200..300).contains(&o.http_status()), "{}", o.as_str());
        }
    }
}
