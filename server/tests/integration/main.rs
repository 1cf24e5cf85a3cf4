//! The server's integration tests, in one test binary: real HTTP against real servers on real
//! databases (SQLite files, or PostgreSQL when `DIANCA_TEST_POSTGRES` names a server). One
//! binary links once; most servers run in this process (see `support`), and each test module
//! is named for the capability it checks.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

mod api;
mod backup;
mod chart_periods;
mod chart_sources;
mod charts;
mod chosen_by;
mod crash;
mod cycle_candidates;
mod department;
mod editor;
mod editor_drafts;
mod follow_mail;
mod follow_mine;
mod follow_suggestion;
mod follow_topic;
mod hardening_ballots;
mod hardening_charts;
mod hardening_connections;
mod hardening_controls;
mod hardening_events;
mod hardening_input;
mod hardening_markup;
mod hardening_signin;
mod hardening_support;
mod hardening_transport;
mod hotline;
mod hotline_evidence;
mod http;
mod in_process;
mod instances;
mod kept_pages;
mod mail_crash;
mod outbox_view;
mod paper_codes;
mod policy_record;
mod replies;
mod resident_vote;
mod roles;
mod staff;
mod staff_authoring;
mod staff_editing;
mod vote;
mod vote_limits;
