//! The ordered list of stages that turns a cleaned article into an annotated one, and the
//! contracts that fix the order: each stage declares the layers it reads and the layers it
//! adds, and a pipeline whose stage would read a layer no earlier stage adds is refused when it
//! is built, not found wrong in the output.

use std::fmt;
use std::path::Path;
use std::sync::Arc;

use chronicle_core::Article;

/// A layer of annotation that a stage adds and later stages read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layer {
    /// Tokens with their kinds and byte spans (`analysis.tokens`).
    Tokens,
    /// Sentences (`sentences`, `analysis.sentence_spans`, `analysis.sentence_tokens`).
    Sentences,
    /// Parts of speech, lemmas and dependency trees over the tokens (`analysis.syntax`).
    Syntax,
    /// Entities with actor codes, and the mentions, referents and pronoun links behind them.
    Names,
    /// Places with country, coordinates and GeoNames id.
    Places,
    /// Dates, resolved against the publication date.
    Dates,
    /// Quotations with speakers and cues.
    Quotes,
    /// CAMEO/PLOVER events.
    Events,
    /// Tone, themes, counts and amounts (the GKG layers).
    Gist,
}

impl Layer {
    /// How messages name it.
    pub fn label(self) -> &'static str {
        match self {
            Layer::Tokens => "tokens",
            Layer::Sentences => "sentences",
            Layer::Syntax => "syntax",
            Layer::Names => "names",
            Layer::Places => "places",
            Layer::Dates => "dates",
            Layer::Quotes => "quotes",
            Layer::Events => "events",
            Layer::Gist => "gist",
        }
    }
}

/// One step of the pipeline: reads the layers before it and adds its own.
///
/// Stages hold their resources (loaded once, shared by all threads) and are pure functions of
/// those resources and the article, so that batches run in parallel.
pub trait Stage: Send + Sync {
    /// A short name for logs and benchmarks (`segment`, `time`).
    fn name(&self) -> &'static str;

    /// The layers this stage reads: an earlier stage of the pipeline must add each.
    fn requires(&self) -> &'static [Layer];

    /// The layers this stage adds.
    fn provides(&self) -> &'static [Layer];

    /// Adds this stage's layers to `article`.
    fn annotate(&self, article: &mut Article);
}

/// A stage placed where a layer it reads is not yet there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderError {
    /// The stage that would read it.
    pub stage: &'static str,
    /// The layer no earlier stage adds.
    pub missing: Layer,
}

impl fmt::Display for OrderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the {} stage reads {}, which no stage before it adds",
            self.stage,
            self.missing.label()
        )
    }
}

impl std::error::Error for OrderError {}

/// The stages, in an order in which every stage finds the layers it reads.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
}

impl Pipeline {
    /// Every stage that exists, with its embedded default resources.
    pub fn standard() -> Self {
        Pipeline::from_stages(PipelineBuilder::default().stages())
            .expect("the standard order satisfies every stage's contract")
    }

    /// A builder of the standard stages with a user's resources in place of the embedded ones.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// A pipeline of the given stages, in the given order; refused when a stage reads a layer
    /// that no stage before it adds.
    pub fn from_stages(stages: Vec<Box<dyn Stage>>) -> Result<Self, OrderError> {
        let mut present: Vec<Layer> = Vec::new();
        for stage in &stages {
            if let Some(&missing) = stage.requires().iter().find(|l| !present.contains(l)) {
                return Err(OrderError {
                    stage: stage.name(),
                    missing,
                });
            }
            present.extend_from_slice(stage.provides());
        }
        Ok(Pipeline { stages })
    }

    /// The names of the stages, in order.
    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }

    /// The stages, in order (benchmarks time them one by one).
    pub fn stages(&self) -> &[Box<dyn Stage>] {
        &self.stages
    }

    /// Runs every stage over `article`.
    pub fn annotate(&self, article: &mut Article) {
        for stage in &self.stages {
            stage.annotate(article);
        }
    }
}

/// The standard stages, each with the embedded resources unless the user gave others.
#[derive(Default)]
pub struct PipelineBuilder {
    names: Option<crate::names::NameFinder>,
    places: Option<crate::places::PlaceFinder>,
    events: Option<crate::events::EventCoder>,
}

impl PipelineBuilder {
    /// A user's PETRARCH/TABARI dictionaries (actors, agents, verbs, discards in `dir`) in place
    /// of the embedded ones, for names and events. Errors name the file and line.
    pub fn petrarch_dictionaries(mut self, dir: &Path) -> Result<Self, String> {
        // Read once; each stage builds its own index from the same files.
        let files = crate::petrarch::PetrarchFiles::read_dir(dir).map_err(|e| e.to_string())?;
        let actors = crate::names::petrarch::from_files(&files).map_err(|e| e.to_string())?;
        let names = crate::names::NameResources::build(
            actors,
            crate::names::lexicon::NameLexicon::embedded(),
        );
        self.names = Some(crate::names::NameFinder::with_resources(Arc::new(names)));
        let events = crate::events::EventCoder::from_petrarch_files(&files)
            .map_err(|e| format!("{}: {e}", dir.display()))?;
        self.events = Some(events);
        Ok(self)
    }

    /// A gazetteer of the user's (GeoNames dump rows, or `aliases.tsv`-format lines) added to the
    /// embedded one. Errors name the file and line.
    pub fn gazetteer(mut self, path: &Path) -> Result<Self, String> {
        self.places = Some(crate::places::PlaceFinder::with_gazetteer(path)?);
        Ok(self)
    }

    /// The pipeline, in the standard order.
    pub fn build(self) -> Result<Pipeline, OrderError> {
        Pipeline::from_stages(self.stages())
    }

    /// The standard order: segment, syntax, names, places, time, quotes, events, gist.
    fn stages(self) -> Vec<Box<dyn Stage>> {
        vec![
            Box::new(crate::segment::Segmenter::new()),
            Box::new(crate::syntax::SyntaxParser::new()),
            Box::new(self.names.unwrap_or_default()),
            Box::new(self.places.unwrap_or_default()),
            Box::new(crate::time::TimeTagger::new()),
            Box::new(crate::quotes::QuoteFinder::new()),
            Box::new(self.events.unwrap_or_default()),
            Box::new(crate::gist::GistTagger::new()),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_standard_order_is_accepted() {
        assert_eq!(
            Pipeline::standard().stage_names(),
            [
                "segment", "syntax", "names", "places", "time", "quotes", "events", "gist"
            ]
        );
    }

    #[test]
    fn a_stage_before_the_layers_it_reads_is_refused() {
        let names_first: Vec<Box<dyn Stage>> = vec![
            Box::new(crate::names::NameFinder::new()),
            Box::new(crate::segment::Segmenter::new()),
        ];
        let err = Pipeline::from_stages(names_first).err().expect("refused");
        assert_eq!(
            err,
            OrderError {
                stage: "names",
                missing: Layer::Tokens
            }
        );
        assert_eq!(
            err.to_string(),
            "the names stage reads tokens, which no stage before it adds"
        );
        let gist_before_time: Vec<Box<dyn Stage>> = vec![
            Box::new(crate::segment::Segmenter::new()),
            Box::new(crate::names::NameFinder::new()),
            Box::new(crate::gist::GistTagger::new()),
            Box::new(crate::time::TimeTagger::new()),
        ];
        let err = Pipeline::from_stages(gist_before_time)
            .err()
            .expect("refused");
        assert_eq!((err.stage, err.missing), ("gist", Layer::Dates));
    }

    #[test]
    fn every_standard_stage_declares_what_it_adds() {
        let pipeline = Pipeline::standard();
        let added: Vec<Layer> = pipeline
            .stages()
            .iter()
            .flat_map(|s| s.provides().iter().copied())
            .collect();
        for layer in [
            Layer::Tokens,
            Layer::Sentences,
            Layer::Syntax,
            Layer::Names,
            Layer::Places,
            Layer::Dates,
            Layer::Quotes,
            Layer::Events,
            Layer::Gist,
        ] {
            assert!(added.contains(&layer), "{layer:?}");
        }
    }
}
