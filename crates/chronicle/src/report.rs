//! What a run tells the user on standard error, and the exit code it ends with.

use std::process::ExitCode;

use chronicle_ingest::InputError;

/// Counts of a run, for the closing summary and the exit code.
#[derive(Debug, Default)]
pub struct Outcome {
    pub articles: u64,
    pub failed_inputs: u64,
    pub warnings: u64,
}

impl chronicle_driver::Observer for Outcome {
    fn input_error(&mut self, err: &InputError) {
        self.error(err);
    }

    fn warning(&mut self, message: &str) {
        Outcome::warning(self, message);
    }
}

impl Outcome {
    /// Reports an input problem now; one that lost input makes the run end non-zero.
    pub fn error(&mut self, err: &InputError) {
        if err.problem.is_failure() {
            self.failed_inputs += 1;
            eprintln!("chronicle: error: {err}");
        } else {
            self.warning(&err.to_string());
        }
    }

    /// Reports a problem that did not stop the read.
    pub fn warning(&mut self, message: &str) {
        self.warnings += 1;
        eprintln!("chronicle: warning: {message}");
    }

    /// 0 when every input was read, 1 when any failed (the others were still processed).
    pub fn exit_code(&self) -> ExitCode {
        if self.failed_inputs > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }

    /// The closing line on standard error.
    pub fn summary(&self) -> String {
        format!(
            "chronicle: {} article(s), {} input error(s), {} warning(s)",
            self.articles, self.failed_inputs, self.warnings
        )
    }
}
