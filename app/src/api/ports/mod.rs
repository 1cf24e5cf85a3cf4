//! The ports (server-only): the traits the server implements so the app never sees SQL, one per
//! file, each named `<Concern>Port` with its `<Concern>Handle`, the `Arc` the server puts in the
//! Leptos context. The server may swap SQLite for PostgreSQL without touching a page.

mod author;
mod chart;
mod cycle;
mod department;
mod editor;
mod hotline;
mod moderation;
mod portal;
mod reply;
mod roles;
mod staff;
mod vote;

pub use author::{
    AccountInput, AuthorHandle, AuthorPort, PolicyEditInput, ProblemInput, ReportEditInput,
    ResponsibilityInput, TaskInput, TopicInput,
};
pub use chart::{ChartHandle, ChartPort};
pub use cycle::{CycleHandle, CyclePort};
pub use department::{
    DepartmentHandle, DepartmentPort, DepartmentReportInput, TaskNoteInput, TaskStateInput,
    TaskStateOutcome,
};
pub use editor::{EditorHandle, EditorPort, WithdrawTarget};
pub use hotline::{HotlineHandle, HotlinePort, PromoteInput};
pub use moderation::{ModerationHandle, ModerationPort};
pub use portal::{Portal, PortalError, PortalHandle};
pub use reply::{ReplyHandle, ReplyPort};
pub use roles::{RolesHandle, RolesPort};
pub use staff::{PolicyDraftInput, ReportInput, StaffError, StaffHandle, StaffPort};
pub use vote::{VoteHandle, VotePort};
