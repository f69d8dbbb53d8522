//! The sinks that need nothing but the driver: JSON lines to a writer, articles kept in memory.

use std::convert::Infallible;
use std::io::{self, Write};

use rayon::prelude::*;

use chronicle_core::{Article, Flow, Sink};

/// How each article's JSON is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// One object per line: the contract of `chronicle extract`.
    #[default]
    Line,
    /// Indented, one object per block, for reading.
    Pretty,
}

/// A [`Sink`] that writes one record a line for each article: the contract's JSON lines
/// ([`LineSink::json`]), or whatever its renderer makes (CoNLL-U blocks for `chronicle
/// parse`). It renders a batch in parallel and flushes after every batch, so that a slow stream
/// (a pipe from Spark) gets each record as soon as it is annotated.
///
/// A closed pipe (`| head`, Spark's `take()`) is the reader's choice, not an error: the sink
/// asks the driver to stop ([`Flow::Stop`]).
pub struct LineSink<W, R> {
    out: W,
    render: R,
}

impl<W: Write, R: Fn(&mut Article) -> String + Sync> LineSink<W, R> {
    /// A sink writing what `render` makes of each article to `out` (buffer it: the sink writes
    /// line by line).
    pub fn new(out: W, render: R) -> Self {
        LineSink { out, render }
    }
}

impl<W: Write> LineSink<W, fn(&mut Article) -> String> {
    /// The contract's JSON lines (`chronicle extract`), laid out as `layout` says.
    pub fn json(out: W, layout: Layout) -> Self {
        let render: fn(&mut Article) -> String = match layout {
            Layout::Line => |a| to_json(a, Layout::Line),
            Layout::Pretty => |a| to_json(a, Layout::Pretty),
        };
        LineSink::new(out, render)
    }
}

/// The article's JSON. Serialising plain structs of strings and numbers cannot fail; should it,
/// the line says so and the run goes on.
pub fn to_json(article: &Article, layout: Layout) -> String {
    let result = match layout {
        Layout::Line => serde_json::to_string(article),
        Layout::Pretty => serde_json::to_string_pretty(article),
    };
    result.unwrap_or_else(|e| {
        serde_json::json!({"id": article.id, "error": e.to_string()}).to_string()
    })
}

/// `Go` when the write went through, `Stop` when the reader went away.
fn closed_pipe_is_stop(result: io::Result<()>) -> io::Result<Flow> {
    match result {
        Ok(()) => Ok(Flow::Go),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(Flow::Stop),
        Err(e) => Err(e),
    }
}

impl<W: Write, R> LineSink<W, R> {
    fn write_line(&mut self, json: &str) -> io::Result<Flow> {
        let result = self
            .out
            .write_all(json.as_bytes())
            .and_then(|()| self.out.write_all(b"\n"));
        closed_pipe_is_stop(result)
    }
}

impl<W: Write, R: Fn(&mut Article) -> String + Sync> Sink for LineSink<W, R> {
    type Error = io::Error;

    fn accept(&mut self, article: Article) -> io::Result<Flow> {
        self.accept_batch(vec![article])
    }

    fn accept_batch(&mut self, mut articles: Vec<Article>) -> io::Result<Flow> {
        let render = &self.render;
        let lines: Vec<String> = if articles.len() <= 1 {
            articles.iter_mut().map(render).collect()
        } else {
            articles.par_iter_mut().map(render).collect()
        };
        drop(articles);
        for line in &lines {
            if self.write_line(line)? == Flow::Stop {
                return Ok(Flow::Stop);
            }
        }
        closed_pipe_is_stop(self.out.flush())
    }

    fn finish(&mut self) -> io::Result<()> {
        closed_pipe_is_stop(self.out.flush()).map(|_| ())
    }
}

/// A [`Sink`] that keeps the articles it is handed, in order: the server's answer to one
/// request, and tests.
#[derive(Debug, Default)]
pub struct Collect {
    articles: Vec<Article>,
}

impl Collect {
    /// The articles handed so far, in input order.
    pub fn into_articles(self) -> Vec<Article> {
        self.articles
    }
}

impl Sink for Collect {
    type Error = Infallible;

    fn accept(&mut self, article: Article) -> Result<Flow, Infallible> {
        self.articles.push(article);
        Ok(Flow::Go)
    }
}
