//! The two hotline subcommands: `hotline-generate` writes sample records, `hotline-import`
//! turns a records file into aggregates (one transaction; the same file twice is a no-op).

use crate::hotline::{generate, ingest};
use crate::store::{Applied, Store};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

#[derive(Debug, Clone, clap::Args)]
pub struct GenerateArgs {
    /// How many records to write (about 70,000 make a day).
    #[arg(long, default_value_t = 70_000)]
    pub records: u64,
    /// The same seed always writes the same file.
    #[arg(long, default_value_t = 12345)]
    pub seed: u64,
    /// First day, YYYY-MM-DD.
    #[arg(long, default_value = "2025-01-01", value_parser = parse_day)]
    pub start: (i32, u32, u32),
    /// Requests on an average day (the published figure is about 70,000).
    #[arg(long, default_value_t = generate::PER_DAY)]
    pub per_day: u64,
    /// A topic's effect on its class from a day on: `LEVEL1/LEVEL2[/LEVEL3]@YYYY-MM-DD`
    /// (repeatable). Its requests fall and its rates rise over about half a year.
    #[arg(long = "effect", value_parser = parse_effect)]
    pub effects: Vec<generate::Effect>,
    /// Where to write; a name ending in `.gz` is gzip-compressed.
    #[arg(long)]
    pub output: PathBuf,
}

impl GenerateArgs {
    fn plan(&self) -> generate::Plan {
        generate::Plan {
            records: self.records,
            seed: self.seed,
            start: self.start,
            per_day: self.per_day.max(1),
            effects: self.effects.clone(),
        }
    }
}

fn parse_effect(s: &str) -> Result<generate::Effect, String> {
    let (class, day) = s
        .split_once('@')
        .ok_or_else(|| format!("{s:?}: expected LEVEL1/LEVEL2[/LEVEL3]@YYYY-MM-DD"))?;
    let (y, m, d) = parse_day(day)?;
    let mut levels = class.split('/').map(str::trim);
    let (Some(level1), Some(level2)) = (levels.next(), levels.next()) else {
        return Err(format!(
            "{s:?}: the class needs two levels, e.g. 交通管理/停车"
        ));
    };
    Ok(generate::Effect {
        level1: level1.to_string(),
        level2: level2.to_string(),
        level3: levels.next().map(str::to_string),
        from_day: crate::hotline::record::days_from_civil(y, m, d),
    })
}

#[derive(Debug, Clone, clap::Args)]
pub struct ImportArgs {
    /// A CSV file in the documented schema (docs/hotline.md), optionally gzip-compressed.
    pub file: PathBuf,
    /// The records are sample data (e.g. from hotline-generate): everything computed from them
    /// is labelled 示例数据.
    #[arg(long)]
    pub sample: bool,
    /// How many bad rows to list by line (all are counted).
    #[arg(long, default_value_t = 20)]
    pub show_bad: usize,
}

fn parse_day(s: &str) -> Result<(i32, u32, u32), String> {
    crate::hotline::record::timestamp(format!("{s} 00:00:00").as_bytes())
        .map(|(day, _)| crate::hotline::record::civil_from_days(day))
        .ok_or_else(|| format!("{s:?} is not a date (YYYY-MM-DD)"))
}

pub fn generate(args: &GenerateArgs) -> Result<(), String> {
    let file = std::fs::File::create(&args.output)
        .map_err(|e| format!("cannot write {}: {e}", args.output.display()))?;
    let started = Instant::now();
    let gz = args.output.extension().is_some_and(|e| e == "gz");
    let result = if gz {
        let mut out = flate2::write::GzEncoder::new(
            std::io::BufWriter::with_capacity(1 << 20, file),
            flate2::Compression::fast(),
        );
        generate::write(&mut out, &args.plan()).and_then(|()| out.finish().map(|_| ()))
    } else {
        let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
        generate::write(&mut out, &args.plan()).and_then(|()| out.flush())
    };
    result.map_err(|e| format!("cannot write {}: {e}", args.output.display()))?;
    tracing::info!(
        records = args.records,
        seed = args.seed,
        ms = started.elapsed().as_millis() as u64,
        output = %args.output.display(),
        "sample hotline records written"
    );
    Ok(())
}

pub async fn import(store: &Store, args: &ImportArgs) -> Result<(), String> {
    let started = Instant::now();
    let path = args.file.clone();
    let keep = args.show_bad;
    let (aggregates, report) = tokio::task::spawn_blocking(move || ingest::read_file(&path, keep))
        .await
        .map_err(|e| e.to_string())?
        .map_err(|e| e.to_string())?;
    let parsed = started.elapsed();
    let name = file_name(&args.file);
    let now = jiff::Timestamp::now().to_string();
    let applied = store
        .apply_hotline_import(&name, &aggregates, &report, args.sample, &now)
        .await
        .map_err(|e| e.to_string())?;
    let secs = started.elapsed().as_secs_f64();
    let mut out = std::io::stdout().lock();
    let mut say = |line: String| {
        let _ = writeln!(out, "{line}");
    };
    say(format!(
        "{name}: {} rows, {} counted, {} bad; read in {:.1} s ({:.0} rows/s), {:.1} s in all",
        report.rows,
        report.counted,
        report.bad,
        parsed.as_secs_f64(),
        report.rows as f64 / parsed.as_secs_f64().max(1e-9),
        secs
    ));
    for (reason, n) in &report.bad_by_reason {
        say(format!("  {n} × {}", reason.as_str()));
    }
    for (line, reason) in &report.first_bad {
        say(format!(
            "  line {line}, column {}: {}",
            reason.column(),
            reason.as_str()
        ));
    }
    if report.bad > report.first_bad.len() as u64 {
        say(format!(
            "  (first {} bad rows shown, all {} counted)",
            report.first_bad.len(),
            report.bad
        ));
    }
    match applied {
        Applied::New { id, cells } => say(format!(
            "imported as #{id}: {cells} day × category × district cells"
        )),
        Applied::AlreadyImported { id } => say(format!(
            "already imported as #{id} (same SHA-256): nothing changed"
        )),
    }
    Ok(())
}

#[derive(Debug, Clone, clap::Args)]
pub struct RankArgs {
    /// Last day of the window (default: the last day with data).
    #[arg(long, value_parser = parse_day)]
    pub to: Option<(i32, u32, u32)>,
    /// Window length in days; the previous window has the same length.
    #[arg(long, default_value_t = 30)]
    pub days: i32,
    /// Weights of volume, growth, spread, dissatisfaction and reopen rate.
    #[arg(long, value_delimiter = ',', num_args = 5, default_values_t = [0.35, 0.2, 0.15, 0.2, 0.1])]
    pub weights: Vec<f64>,
    /// How many classes to print.
    #[arg(long, default_value_t = 10)]
    pub top: usize,
}

/// `hotline-rank`: the ranked problem classes over a window, with the weights and the reasons.
pub async fn rank(store: &Store, args: &RankArgs) -> Result<(), String> {
    use crate::hotline::rank::{why, Weights};
    let err = |e: crate::store::StoreError| e.to_string();
    let to = args
        .to
        .map(|(y, m, d)| crate::hotline::record::days_from_civil(y, m, d));
    let w = &args.weights;
    let weights = Weights {
        volume: w[0],
        growth: w[1],
        spread: w[2],
        dissatisfaction: w[3],
        reopen: w[4],
    };
    let Some((model, ranked)) = crate::evidence::ranking(store, args.days, to, weights)
        .await
        .map_err(err)?
    else {
        return Err("no hotline data: import some with hotline-import".into());
    };
    println!(
        "{} – {} against {} – {}; weights volume {} growth {} spread {} dissatisfaction {} reopen {}",
        model.from, model.to, model.previous_from, model.previous_to, w[0], w[1], w[2], w[3], w[4]
    );
    for (i, r) in ranked.iter().take(args.top).enumerate() {
        println!(
            "{:>2}. {} › {}  score {:.3}  volume {}  growth {}  districts {}  dissatisfied {:.1}%  reopened {:.1}%  — {}",
            i + 1,
            r.figures.level1,
            r.figures.level2,
            r.score,
            r.figures.volume,
            r.growth.map_or("new".to_string(), |g| format!("{:+.0}%", g * 100.0)),
            r.figures.districts,
            r.dissatisfaction_rate * 100.0,
            r.reopen_rate * 100.0,
            why(r)
        );
    }
    Ok(())
}

/// `hotline-status`: what the aggregates hold, for operators and tests.
pub async fn status(store: &Store) -> Result<(), String> {
    let totals = store.hotline_totals().await.map_err(|e| e.to_string())?;
    println!(
        "imports: {}, cells: {}, requests: {}",
        totals.imports, totals.cells, totals.requests
    );
    Ok(())
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}
