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
        let mut pipeline = match &self.dictionaries {
            Some(dir) => Pipeline::with_petrarch_dictionaries(dir).map_err(|e| anyhow!(e))?,
            None => Pipeline::standard(),
        };
        if let Some(path) = &self.gazetteer {
            let finder =
                chronicle_nlp::places::PlaceFinder::with_gazetteer(path).map_err(|e| anyhow!(e))?;
            pipeline = pipeline.with_places(finder);
        }
        Ok(pipeline)
    }
}
