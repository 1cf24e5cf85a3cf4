//! Building blocks shared by pages. Of these only the `islands` module ships to the browser as
//! WebAssembly (the chart islands live in the charts folder).

pub mod badges;
pub mod comment_review;
pub mod department_reports;
pub mod desk_filter;
pub mod draft_delete;
pub mod follow_form;
pub mod form_echo;
pub mod islands;
pub mod layout;
pub mod league_history;
pub mod loading;
pub mod rate_here;
pub mod rating_summary;
pub mod raw_text;
pub mod reply_fields;
pub mod reply_reminders;
pub mod reply_rule;
pub mod reply_rule_form;
pub mod reply_status;
pub mod reply_templates;
pub mod roles;
pub mod same_answer;
pub mod staff_gate;
pub mod staff_list_forms;
pub mod task_desk;
pub mod task_progress;
pub mod task_record;
pub mod terms;
pub mod topic_lists;
