//! The ECharts SSR engine: ECharts' own `renderToSVGString`, run in QuickJS (`rquickjs`) on a
//! dedicated thread. QuickJS contexts are single-threaded and the one-off load of the bundle costs
//! about half a second, so one long-lived worker owns the engine and requests queue to it; the
//! async threads only wait on a oneshot reply. The queue is short and a full one refuses at once
//! ([`EngineError::Busy`]): waiting behind a long queue helps no reader.

use std::sync::mpsc;
use std::thread;
use thiserror::Error;
use tokio::sync::oneshot;

/// The trimmed ECharts build (charts-js/, vendored); the browser loads the same file lazily.
const ECHARTS: &str = include_str!("../../../public/vendor/echarts.min.js");

/// Defines `__render(option, width, height)`: one throwaway chart instance per call, so no state
/// leaks from one chart into the next. QuickJS has no timers; ECharts only needs them for
/// animation, which every option switches off.
const GLUE: &str = r#"
globalThis.setTimeout = globalThis.setTimeout || function () { return 0; };
globalThis.clearTimeout = globalThis.clearTimeout || function () {};
globalThis.__render = function (json, width, height) {
  var chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: width, height: height });
  try {
    chart.setOption(JSON.parse(json));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
};
"#;

#[derive(Debug, Error)]
pub enum EngineError {
    #[error("the chart engine failed to start: {0}")]
    Start(String),
    #[error("the chart engine rejected an option: {0}")]
    Render(String),
    #[error("the chart engine is gone")]
    Gone,
    #[error("the chart engine's queue is full")]
    Busy,
}

struct Job {
    option: String,
    width: u32,
    height: u32,
    reply: oneshot::Sender<Result<String, EngineError>>,
}

/// A handle to the worker thread; cheap to clone.
#[derive(Clone)]
pub struct Engine {
    jobs: mpsc::SyncSender<Job>,
}

impl Engine {
    /// Starts the worker and loads ECharts in the background; the first render waits for it.
    /// At most `queue` drawings wait for the worker.
    pub fn start(queue: usize) -> Engine {
        let (jobs, inbox) = mpsc::sync_channel::<Job>(queue.max(1));
        let spawned = thread::Builder::new()
            .name("echarts-ssr".into())
            .spawn(move || worker(inbox));
        if let Err(err) = spawned {
            tracing::error!(error = %err, "could not start the chart engine thread");
        }
        Engine { jobs }
    }

    /// Renders one ECharts option (JSON) to an SVG document.
    pub async fn render(
        &self,
        option: String,
        width: u32,
        height: u32,
    ) -> Result<String, EngineError> {
        let (reply, answer) = oneshot::channel();
        let job = Job {
            option,
            width,
            height,
            reply,
        };
        self.jobs.try_send(job).map_err(|err| match err {
            mpsc::TrySendError::Full(_) => EngineError::Busy,
            mpsc::TrySendError::Disconnected(_) => EngineError::Gone,
        })?;
        answer.await.map_err(|_| EngineError::Gone)?
    }
}

fn worker(inbox: mpsc::Receiver<Job>) {
    let started = std::time::Instant::now();
    let engine = load();
    match &engine {
        Ok(_) => tracing::info!(
            ms = started.elapsed().as_millis() as u64,
            "chart engine loaded"
        ),
        Err(err) => tracing::error!(error = %err, "chart engine failed to load"),
    }
    for job in inbox {
        let result = match &engine {
            Ok((_runtime, context)) => render(context, &job.option, job.width, job.height),
            Err(err) => Err(EngineError::Start(err.to_string())),
        };
        let _ = job.reply.send(result);
    }
}

fn load() -> Result<(rquickjs::Runtime, rquickjs::Context), EngineError> {
    let start = |err: rquickjs::Error| EngineError::Start(err.to_string());
    let runtime = rquickjs::Runtime::new().map_err(start)?;
    runtime.set_memory_limit(256 * 1024 * 1024);
    runtime.set_max_stack_size(4 * 1024 * 1024);
    let context = rquickjs::Context::full(&runtime).map_err(start)?;
    context.with(|ctx| -> Result<(), EngineError> {
        ctx.eval::<(), _>(ECHARTS)
            .map_err(|err| EngineError::Start(exception(&ctx, err)))?;
        ctx.eval::<(), _>(GLUE)
            .map_err(|err| EngineError::Start(exception(&ctx, err)))
    })?;
    Ok((runtime, context))
}

fn render(
    context: &rquickjs::Context,
    option: &str,
    width: u32,
    height: u32,
) -> Result<String, EngineError> {
    context.with(|ctx| {
        let call = || -> rquickjs::Result<String> {
            let render: rquickjs::Function = ctx.globals().get("__render")?;
            render.call((option, width, height))
        };
        call().map_err(|err| EngineError::Render(exception(&ctx, err)))
    })
}

/// The JavaScript exception behind an error, as text for the log.
fn exception(ctx: &rquickjs::Ctx<'_>, err: rquickjs::Error) -> String {
    if matches!(err, rquickjs::Error::Exception) {
        let value = ctx.catch();
        if let Some(exception) = value.as_exception() {
            return format!(
                "{} {}",
                exception.message().unwrap_or_default(),
                exception.stack().unwrap_or_default()
            );
        }
        return format!("{value:?}");
    }
    err.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn renders_a_bar_chart_to_svg() {
        let engine = Engine::start(4);
        let option = r#"{"animation":false,"title":{"text":"每年问题数"},"xAxis":{"type":"category","data":["2021","2022"]},"yAxis":{"type":"value"},"series":[{"type":"bar","data":[27,17]}]}"#;
        let svg = engine.render(option.into(), 600, 400).await.unwrap();
        assert!(svg.starts_with("<svg"), "{svg:.200}");
        assert!(svg.contains("每年问题数"));
        let broken = engine
            .render("{\"series\":[{\"type\":\"nope\"}]}".into(), 600, 400)
            .await;
        // ECharts ignores unknown series types with a warning; the engine must survive either way.
        let _ = broken;
        let again = engine.render(option.into(), 300, 200).await.unwrap();
        assert!(again.contains("width=\"300\""), "{again:.200}");
    }

    #[tokio::test]
    async fn a_full_queue_refuses_at_once() {
        // While the worker loads ECharts (about half a second) it takes nothing from its
        // queue of one: of three drawings asked at once, one waits and two are refused.
        let engine = Engine::start(1);
        let option = r#"{"animation":false,"xAxis":{"type":"category","data":["a","b"]},"yAxis":{"type":"value"},"series":[{"type":"bar","data":[1,2]}]}"#;
        let draw = || engine.render(option.into(), 320, 200);
        let (a, b, c) = tokio::join!(draw(), draw(), draw());
        let answers = [a, b, c];
        let busy = answers
            .iter()
            .filter(|a| matches!(a, Err(EngineError::Busy)))
            .count();
        assert_eq!(busy, 2, "{answers:?}");
        assert!(answers
            .iter()
            .any(|a| a.as_ref().is_ok_and(|svg| svg.starts_with("<svg"))));
    }
}
