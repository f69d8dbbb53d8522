//! The resources a run annotates with, as `extract` and `ingest` both take them.

use std::path::PathBuf;

use anyhow::{Result, anyhow};
use clap::Args;

use chronicle_nlp::Pipeline;

/// `--dictionaries` and `--gazetteer`: a user's own resources in place of, or beside, the
/// embedded ones.
#[derive(Args)]
pub struct ResourceArgs {
    /// PETRARCH/TABARI dictionaries (actors, agents, verbs, discards) to use instead of the
    /// embedded ones.
    #[arg(long, value_name = "DIR")]
    pub dictionaries: Option<PathBuf>,
    /// A gazetteer of your own (GeoNames dump rows, or `aliases.tsv`-format lines) added to the
    /// embedded one.
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Option<PathBuf>,
}

impl ResourceArgs {
    /// The standard pipeline with these resources; errors name the file and line.
    pub fn pipeline(&self) -> Result<Pipeline> {
        let mut builder = Pipeline::builder();
        if let Some(dir) = &self.dictionaries {
            builder = builder.petrarch_dictionaries(dir).map_err(|e| anyhow!(e))?;
        }
        if let Some(path) = &self.gazetteer {
            builder = builder.gazetteer(path).map_err(|e| anyhow!(e))?;
        }
        Ok(builder.build()?)
    }
}
