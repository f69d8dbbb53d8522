//! `chronicle eval STAGE ...`: each stage scored on development data, with precision, recall
//! and F1 printed. The scorers live with their stages; this only dispatches.

use std::path::PathBuf;

use anyhow::{Result, anyhow};
use clap::{Args, Subcommand};

/// Which stage to score.
#[derive(Subcommand)]
pub enum EvalCommand {
    /// Time expressions, TempEval-3 style, on TimeBank/AQUAINT-format JSON lines.
    Time(Files),
    /// Named entities (PER, ORG, LOC), entity-level exact F1, on CoNLL-format files.
    Ner(Files),
    /// Main text and publication dates of HTML pages: a folder with `gold.json` and `html/`.
    Html(Folder),
}

/// Development files to score on.
#[derive(Args)]
pub struct Files {
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

/// A development folder to score on.
#[derive(Args)]
pub struct Folder {
    pub dir: PathBuf,
}

/// Runs the scorer and prints its report.
pub fn run(command: &EvalCommand) -> Result<()> {
    let report = match command {
        EvalCommand::Time(f) => {
            chronicle_nlp::time::eval::evaluate(&f.files).map(|r| r.to_string())
        }
        EvalCommand::Ner(f) => {
            chronicle_nlp::names::eval::evaluate(&f.files).map(|r| r.to_string())
        }
        EvalCommand::Html(d) => chronicle_web::eval::evaluate(&d.dir).map(|r| r.to_string()),
    }
    .map_err(|e| anyhow!(e))?;
    print!("{report}");
    Ok(())
}
