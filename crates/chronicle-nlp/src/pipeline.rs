//! The ordered list of stages that turns a cleaned article into an annotated one.

use chronicle_core::Article;

/// One step of the pipeline: reads the layers before it and adds its own.
///
/// Stages hold their resources (loaded once, shared by all threads) and are pure functions of
/// those resources and the article, so that batches run in parallel.
pub trait Stage: Send + Sync {
    /// A short name for logs and benchmarks (`segment`, `time`).
    fn name(&self) -> &'static str;

    /// Adds this stage's layer to `article`.
    fn annotate(&self, article: &mut Article);
}

/// The stages in the order the design fixes.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
}

impl Pipeline {
    /// Every stage that exists, with its embedded default resources.
    pub fn standard() -> Self {
        Pipeline {
            stages: vec![
                Box::new(crate::segment::Segmenter::new()),
                Box::new(crate::syntax::SyntaxParser::new()),
                Box::new(crate::names::NameFinder::new()),
                Box::new(crate::places::PlaceFinder::new()),
                Box::new(crate::time::TimeTagger::new()),
                Box::new(crate::quotes::QuoteFinder::new()),
                Box::new(crate::events::EventCoder::new()),
                Box::new(crate::gist::GistTagger::new()),
            ],
        }
    }

    /// The standard stages with a user's PETRARCH/TABARI dictionaries (actors, agents, verbs,
    /// discards in `dir`) in place of the embedded ones. Errors name the file and line.
    pub fn with_petrarch_dictionaries(dir: &std::path::Path) -> Result<Self, String> {
        let actors = crate::names::petrarch::load_dir(dir).map_err(|e| e.to_string())?;
        let names = crate::names::NameResources::build(
            actors,
            crate::names::lexicon::NameLexicon::embedded(),
        );
        Ok(Pipeline {
            stages: vec![
                Box::new(crate::segment::Segmenter::new()),
                Box::new(crate::syntax::SyntaxParser::new()),
                Box::new(crate::names::NameFinder::with_resources(
                    std::sync::Arc::new(names),
                )),
                Box::new(crate::places::PlaceFinder::new()),
                Box::new(crate::time::TimeTagger::new()),
                Box::new(crate::quotes::QuoteFinder::new()),
                Box::new(crate::events::EventCoder::from_petrarch_dir(dir)?),
                Box::new(crate::gist::GistTagger::new()),
            ],
        })
    }

    /// The same pipeline with `finder` as its places stage (a user's gazetteer:
    /// `PlaceFinder::with_gazetteer`); a pipeline without one is returned unchanged.
    pub fn with_places(mut self, finder: crate::places::PlaceFinder) -> Self {
        if let Some(s) = self.stages.iter_mut().find(|s| s.name() == "places") {
            *s = Box::new(finder);
        }
        self
    }

    /// A pipeline of the given stages, in the given order.
    pub fn from_stages(stages: Vec<Box<dyn Stage>>) -> Self {
        Pipeline { stages }
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
