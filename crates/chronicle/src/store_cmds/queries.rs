//! `chronicle events | search | timeline | quotes | stats`: questions to the database, answered
//! as a table, JSON lines or CSV.

use anyhow::Result;
use clap::Args;

use chronicle_store::period::Period;
use chronicle_store::query::{self, ActorSide, Cell, EventFilter};

use super::{DbArg, OutputArgs, print};
use crate::report::Outcome;

/// Which events: every filter is optional; actors and codes match by prefix, in any case.
#[derive(Args)]
pub struct FilterArgs {
    /// Actor code prefix: `PRK` matches `PRKGOV`. The source (GDELT Actor1) unless `--side
    /// either`.
    #[arg(long)]
    pub actor: Option<String>,
    /// Which side `--actor` matches: source, or either (source or target).
    #[arg(long, default_value = "source")]
    pub side: ActorSide,
    /// Target actor code prefix (GDELT Actor2).
    #[arg(long)]
    pub target: Option<String>,
    /// First event day, inclusive: YYYY-MM-DD, or YYYY-MM / YYYY from its first day.
    #[arg(long)]
    pub from: Option<String>,
    /// Last event day, inclusive: YYYY-MM-DD, or YYYY-MM / YYYY to its last day.
    #[arg(long)]
    pub to: Option<String>,
    /// CAMEO event code prefix: `12` matches 120, 121, 1211 ...
    #[arg(long)]
    pub code: Option<String>,
}

impl FilterArgs {
    /// The store's filter; the store checks the dates and says what is wrong with one.
    pub fn filter(&self, limit: usize) -> Result<EventFilter> {
        Ok(EventFilter {
            actor: self.actor.clone(),
            actor_side: self.side,
            target: self.target.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
            code: self.code.clone(),
            limit,
        })
    }
}

/// Options of `chronicle events`.
#[derive(Args)]
pub struct EventsArgs {
    #[command(flatten)]
    filter: FilterArgs,
    #[command(flatten)]
    output: OutputArgs,
    #[command(flatten)]
    db: DbArg,
}

/// Options of `chronicle search`.
#[derive(Args)]
pub struct SearchArgs {
    /// Words to find (FTS5 syntax: "a phrase", AND, OR, NOT, prefix*).
    query: String,
    #[command(flatten)]
    output: OutputArgs,
    #[command(flatten)]
    db: DbArg,
}

/// Options of `chronicle timeline`.
#[derive(Args)]
pub struct TimelineArgs {
    #[command(flatten)]
    filter: FilterArgs,
    /// One row per week (ISO), month or year. An event counts only in periods its date pins
    /// down: one dated "in February 2019" is in 2019-02 and 2019, in no week.
    #[arg(long, default_value = "week")]
    by: Period,
    /// table, jsonl or csv.
    #[arg(long, default_value = "table")]
    format: chronicle_store::Format,
    #[command(flatten)]
    db: DbArg,
}

/// Options of `chronicle quotes`.
#[derive(Args)]
pub struct QuotesArgs {
    /// Part of the speaker's name, any case.
    #[arg(long)]
    speaker: Option<String>,
    /// Speaker actor code prefix (`PRKGOV`).
    #[arg(long)]
    actor: Option<String>,
    #[command(flatten)]
    output: OutputArgs,
    #[command(flatten)]
    db: DbArg,
}

/// Options of `chronicle stats`.
#[derive(Args)]
pub struct StatsArgs {
    /// table, jsonl or csv.
    #[arg(long, default_value = "table")]
    format: chronicle_store::Format,
    /// Also run SQLite's integrity check over the whole file (slow on a large database).
    #[arg(long)]
    check: bool,
    #[command(flatten)]
    db: DbArg,
}

/// `chronicle events`.
pub fn events(args: &EventsArgs) -> Result<Outcome> {
    let store = args.db.open()?;
    let limit = args.output.limit;
    let mut table = query::events(store.conn(), &args.filter.filter(limit)?)?;
    let cut = table.rows.len() > limit;
    table.rows.truncate(limit);
    let outcome = print(&table, args.output.format)?;
    if cut {
        eprintln!(
            "chronicle: events: the first {limit} row(s), newest first; more match: raise \
             --limit, or narrow with --from/--to/--actor/--code"
        );
    } else {
        eprintln!("chronicle: events: {} row(s)", table.rows.len());
    }
    Ok(outcome)
}

/// `chronicle search`.
pub fn search(args: &SearchArgs) -> Result<Outcome> {
    let store = args.db.open()?;
    let table = query::search(store.conn(), &args.query, args.output.limit)?;
    print(&table, args.output.format)
}

/// `chronicle timeline`.
pub fn timeline(args: &TimelineArgs) -> Result<Outcome> {
    let store = args.db.open()?;
    let timeline = query::timeline(store.conn(), &args.filter.filter(usize::MAX)?, args.by)?;
    let outcome = print(&timeline.table, args.format)?;
    if timeline.left_out > 0 {
        let coarser = match args.by {
            Period::Week => " (--by month or --by year counts those dated to a month or a year)",
            Period::Month => " (--by year counts those dated to a season or a year)",
            Period::Year => "",
        };
        eprintln!(
            "chronicle: timeline: {} event(s) dated less precisely than a {} are in no row{coarser}",
            timeline.left_out, args.by
        );
    }
    Ok(outcome)
}

/// `chronicle quotes`.
pub fn quotes(args: &QuotesArgs) -> Result<Outcome> {
    let store = args.db.open()?;
    let table = query::quotes(
        store.conn(),
        args.speaker.as_deref(),
        args.actor.as_deref(),
        args.output.limit,
    )?;
    print(&table, args.output.format)
}

/// `chronicle stats`.
pub fn stats(args: &StatsArgs) -> Result<Outcome> {
    let store = args.db.open()?;
    let mut table = query::stats(store.conn())?;
    if args.check {
        let verdict = query::integrity(store.conn())?;
        table
            .rows
            .push(vec![Cell::Text("integrity".into()), Cell::Text(verdict)]);
    }
    print(&table, args.format)
}
