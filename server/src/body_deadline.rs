//! A request body's total deadline (请求体总时限). tower-http's body timeout restarts its clock
//! on every frame, so a client sending one byte every two seconds kept a connection (and the
//! handler waiting on it) for as long as it liked — 46 s in the probe of issue 34. This body
//! starts one clock when the request head has been read and fails the body when it runs out,
//! however steadily the bytes come.

use axum::body::{Body, Bytes, HttpBody};
use hyper::body::{Frame, SizeHint};
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::time::Sleep;

/// Why a body ended early: it was still arriving when its time ran out.
#[derive(Debug, thiserror::Error)]
#[error("the request body took longer than its deadline")]
pub struct BodyDeadline;

/// Whether `err` (or what caused it) is a body that ran out of time.
pub fn ran_out(err: &(dyn std::error::Error + 'static)) -> bool {
    let mut cause = Some(err);
    while let Some(err) = cause {
        if err.is::<BodyDeadline>() {
            return true;
        }
        cause = err.source();
    }
    false
}

/// `inner`, failing once `limit` has passed since it was wrapped.
pub struct DeadlineBody {
    inner: Body,
    deadline: Pin<Box<Sleep>>,
}

impl DeadlineBody {
    pub fn new(inner: Body, limit: Duration) -> Self {
        DeadlineBody {
            inner,
            deadline: Box::pin(tokio::time::sleep(limit)),
        }
    }
}

impl HttpBody for DeadlineBody {
    type Data = Bytes;
    type Error = axum::BoxError;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        if self.deadline.as_mut().poll(cx).is_ready() {
            return Poll::Ready(Some(Err(BodyDeadline.into())));
        }
        Pin::new(&mut self.inner)
            .poll_frame(cx)
            .map(|frame| frame.map(|f| f.map_err(Into::into)))
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}
