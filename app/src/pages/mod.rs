//! One module per page. Pages are server components: they fetch through `api` and render HTML.

mod about;
mod archive;
mod candidate;
mod chart_catalog;
mod charts;
mod department;
mod glossary;
mod home;
mod home_vote;
mod hotline;
mod league;
mod not_found;
mod policy;
mod problem;
mod receipt;
mod replies;
mod search;
mod staff;
mod staff_accounts;
pub mod staff_area;
mod staff_audit;
mod staff_cycles;
mod staff_departments;
mod staff_documents;
mod staff_history;
mod staff_hotline;
mod staff_import;
mod staff_moderation;
mod staff_publish;
mod staff_replies;
mod staff_topic_edit;
mod staff_topics;
mod suggest;
mod suggest_list;
mod topic;
mod topic_state;
mod vote;
mod vote_ballot;
mod vote_evidence;
mod year;

pub use crate::components::terms::term_href;
pub(crate) use crate::i18n::month_name;
pub use about::AboutPage;
pub use archive::ArchivePage;
pub use candidate::CandidatePage;
pub use chart_catalog::ChartsPage;
pub use charts::ChartPage;
pub use department::DepartmentPage;
pub use glossary::{GlossaryPage, TERMS};
pub use home::HomePage;
pub use hotline::HotlinePage;
pub use league::LeaguePage;
pub use not_found::NotFound;
pub use policy::PolicyPage;
pub use problem::ProblemPage;
pub use receipt::{IntegrityPage, ReceiptPage};
pub use replies::{ReplyBoardPage, ReplyPage};
pub use search::SearchPage;
pub use staff::{StaffDeskPage, StaffLoginPage};
pub use staff_accounts::StaffAccountsPage;
pub use staff_audit::StaffAuditPage;
pub use staff_cycles::StaffCyclesPage;
pub use staff_departments::StaffDepartmentsPage;
pub use staff_documents::{StaffPolicyEditPage, StaffReportEditPage};
pub use staff_history::StaffHistoryPage;
pub use staff_hotline::StaffHotlinePage;
pub use staff_import::StaffImportPage;
pub use staff_moderation::StaffModerationPage;
pub use staff_replies::StaffRepliesPage;
pub use staff_topic_edit::StaffTopicEditPage;
pub use staff_topics::StaffTopicsPage;
pub use suggest::SuggestPage;
pub use topic::TopicPage;
pub use vote::{VoteListPage, VotePage};
pub use year::YearPage;

use crate::tr;

/// Renders an optional figure, saying "not published" rather than leaving a gap.
pub(crate) fn or_unpublished<T: std::fmt::Display>(value: Option<T>) -> String {
    value
        .map(|v| v.to_string())
        .unwrap_or_else(|| tr!("year.unpublished"))
}
