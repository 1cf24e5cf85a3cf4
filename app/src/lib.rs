//! 点菜 — the Leptos app, compiled twice: with `ssr` into the server, with `hydrate` into the
//! WebAssembly that wakes up the few interactive islands. Pages are server components.

#![recursion_limit = "256"]

// The server renders every page and carries every string. The browser only hydrates the
// islands, and rust-i18n compiles every string of its folder into the binary: the WebAssembly
// carries the islands' words alone (`locales-islands/`, a checked copy: `i18n/island_words.rs`).
#[cfg(feature = "ssr")]
rust_i18n::i18n!("locales", fallback = "zh-CN");
#[cfg(not(feature = "ssr"))]
rust_i18n::i18n!("locales-islands", fallback = "zh-CN");

pub mod api;
pub mod charts;
pub mod components;
pub mod cookies;
pub mod i18n;
pub mod model;
pub mod pages;
pub mod paths;
#[cfg(feature = "ssr")]
pub mod request;
#[cfg(test)]
mod source_files;

use components::layout::Layout;
use i18n::Locale;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::{
    components::{ParentRoute, Route, Router, Routes},
    ParamSegment, SsrMode, StaticSegment,
};
use pages::staff_area::StaffArea;
use pages::{
    AboutPage, ArchivePage, CandidatePage, ChartPage, ChartsPage, DepartmentPage, GlossaryPage,
    HomePage, HotlinePage, IntegrityPage, LeaguePage, NotFound, PolicyPage, ProblemPage,
    ReceiptPage, ReplyBoardPage, ReplyPage, SearchPage, StaffAccountsPage, StaffAuditPage,
    StaffCyclesPage, StaffDepartmentsPage, StaffDeskPage, StaffHistoryPage, StaffHotlinePage,
    StaffImportPage, StaffLoginPage, StaffModerationPage, StaffPolicyEditPage, StaffRepliesPage,
    StaffReportEditPage, StaffTopicEditPage, StaffTopicsPage, SuggestPage, TopicPage, VoteListPage,
    VotePage, YearPage,
};

/// The HTML document. Runs on the server only, once per request.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    let locale = request::locale();
    #[cfg(not(feature = "ssr"))]
    let locale = Locale::default();
    provide_context(locale);
    #[cfg(feature = "ssr")]
    request::provide_csp_nonce();

    view! {
        <!DOCTYPE html>
        <html lang=locale.tag()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#9f1d20"/>
                <link rel="stylesheet" href="/pkg/dianca.css"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <link rel="alternate" type="application/atom+xml" href="/feed.atom" title="点菜"/>
                <HydrationScripts options islands=true/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The routes. Every page waits for its data before the first byte (`SsrMode::Async`), so the
/// HTML is complete with JavaScript off and inside in-app browsers that block scripts.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let locale: Locale = use_context().unwrap_or_default();
    view! {
        // Every page title is escaped once, here (leptos_meta writes it as it is).
        <Title formatter=components::raw_text::title_formatter()/>
        <Router>
            <Layout locale>
                <Routes fallback=NotFound>
                    <Route path=StaticSegment("") view=HomePage ssr=SsrMode::Async/>
                    <Route
                        path=(StaticSegment("years"), ParamSegment("year"))
                        view=YearPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("problems"), ParamSegment("id"))
                        view=ProblemPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("topics"), ParamSegment("year"), ParamSegment("month"))
                        view=TopicPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("departments"), ParamSegment("id"))
                        view=DepartmentPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("policies"), ParamSegment("id"))
                        view=PolicyPage
                        ssr=SsrMode::Async
                    />
                    <ParentRoute path=StaticSegment("staff") view=StaffArea ssr=SsrMode::Async>
                        <Route path=StaticSegment("") view=StaffDeskPage ssr=SsrMode::Async/>
                        <Route
                            path=StaticSegment("login")
                            view=StaffLoginPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=StaticSegment("accounts")
                            view=StaffAccountsPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=StaticSegment("audit")
                            view=StaffAuditPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("import"), ParamSegment("id"))
                            view=StaffImportPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=StaticSegment("topics")
                            view=StaffTopicsPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("topics"), ParamSegment("id"))
                            view=StaffTopicEditPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("policies"), ParamSegment("id"))
                            view=StaffPolicyEditPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(StaticSegment("reports"), ParamSegment("id"))
                            view=StaffReportEditPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=StaticSegment("departments")
                            view=StaffDepartmentsPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=(
                                StaticSegment("history"),
                                ParamSegment("entity"),
                                ParamSegment("id"),
                            )
                            view=StaffHistoryPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=StaticSegment("hotline")
                            view=StaffHotlinePage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=StaticSegment("cycles")
                            view=StaffCyclesPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=StaticSegment("replies")
                            view=StaffRepliesPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=StaticSegment("moderation")
                            view=StaffModerationPage
                            ssr=SsrMode::Async
                        />
                    </ParentRoute>
                    <Route path=StaticSegment("archive") view=ArchivePage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("vote") view=VoteListPage ssr=SsrMode::Async/>
                    <Route
                        path=(StaticSegment("vote"), ParamSegment("slug"))
                        view=VotePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(
                            StaticSegment("vote"),
                            ParamSegment("slug"),
                            StaticSegment("candidates"),
                            ParamSegment("id"),
                        )
                        view=CandidatePage
                        ssr=SsrMode::Async
                    />
                    <Route path=StaticSegment("hotline") view=HotlinePage ssr=SsrMode::Async/>
                    <Route
                        path=(StaticSegment("vote"), ParamSegment("slug"), StaticSegment("integrity"))
                        view=IntegrityPage
                        ssr=SsrMode::Async
                    />
                    <Route path=StaticSegment("receipt") view=ReceiptPage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("replies") view=ReplyBoardPage ssr=SsrMode::Async/>
                    <Route
                        path=(StaticSegment("replies"), StaticSegment("league"))
                        view=LeaguePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("replies"), StaticSegment("league"), ParamSegment("month"))
                        view=LeaguePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("replies"), ParamSegment("id"))
                        view=ReplyPage
                        ssr=SsrMode::Async
                    />
                    <Route path=StaticSegment("suggest") view=SuggestPage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("search") view=SearchPage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("about") view=AboutPage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("glossary") view=GlossaryPage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("charts") view=ChartsPage ssr=SsrMode::Async/>
                    <Route
                        path=(StaticSegment("charts"), ParamSegment("id"))
                        view=ChartPage
                        ssr=SsrMode::Async
                    />
                </Routes>
            </Layout>
        </Router>
    }
}
