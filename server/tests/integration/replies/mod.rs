//! 答复 (issue 35) over real HTTP: a cycle's promise to answer, stated before it opens and
//! frozen once it opens; the items that cross it, their due dates and replies.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod rule;
