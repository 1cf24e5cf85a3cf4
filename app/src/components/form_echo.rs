//! A refused staff form shown again as it was typed (表单回填): every field pre-filled, the
//! field at fault marked (`aria-invalid`, described by its message, focused without script),
//! and, for a clash, the clashing record named with a link. Everything comes from the
//! server's echo record (`api::echo::load_echo`), never from query text.

use crate::api::echo::load_echo;
use crate::model::{parse_id, Clash, Done, EchoError, FormEcho, PublishState, Refusal};
use crate::tr;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The page's echo, read from `?echo=<id>` (the server answers only the session that typed it).
pub fn use_echo() -> Resource<Option<FormEcho>> {
    let id = use_query_map()
        .read_untracked()
        .get("echo")
        .as_deref()
        .and_then(parse_id);
    Resource::new_blocking(
        move || id,
        |id| async move {
            match id {
                Some(id) => load_echo(id).await.ok().flatten(),
                None => None,
            }
        },
    )
}

/// A refusal code in words, from the section that owns it ([`Refusal::message_key`]); an
/// unknown code reads "unavailable".
fn code_message(code: &str) -> String {
    let key = Refusal::parse(code).message_key();
    tr!(key.as_str())
}

fn state_word(state: PublishState) -> String {
    match state {
        PublishState::Draft => tr!("staff.draft"),
        PublishState::Published => tr!("staff.published"),
        PublishState::Withdrawn => tr!("editor.withdrawn"),
    }
}

/// The refusal in words: the clash sentence naming the record (with a link), or the code's
/// message.
#[component]
pub fn EchoMessage(error: EchoError) -> impl IntoView {
    match error.clash {
        Some(Clash::Topic {
            id,
            year,
            month,
            theme,
            state,
        }) => {
            let when = crate::i18n::when::year_month(year, month, crate::i18n::use_locale());
            view! {
                {tr!("editor.clash_topic", when = when, theme = theme, state = state_word(state))}" "
                <a href=crate::paths::staff_topic(id)>{tr!("editor.open_clash")}</a>
            }
            .into_any()
        }
        Some(Clash::Problem { topic_id, title }) => {
            let link = topic_id.map(|id| {
                view! { " "<a href=crate::paths::staff_topic(id)>{tr!("editor.open_clash")}</a> }
            });
            view! { {tr!("editor.clash_problem", title = title)}{link} }.into_any()
        }
        Some(Clash::Department { name }) => {
            view! { {tr!("editor.clash_department", name = name)} }.into_any()
        }
        None => view! { {code_message(&error.code)} }.into_any(),
    }
}

/// One form's view of the page's echo.
#[derive(Clone, Debug, Default)]
pub struct Echoed {
    echo: Option<FormEcho>,
    /// The form's name (`_form`), so that a post the server cannot even decode comes back
    /// filled in too (`server/src/http/fn_input.rs`).
    form: String,
}

impl Echoed {
    /// The echo, if it is for `form`.
    pub fn of(echo: &Option<FormEcho>, form: &str) -> Self {
        Echoed {
            echo: FormEcho::for_form(echo, form),
            form: form.to_string(),
        }
    }

    /// The hidden field naming the form (server functions ignore it).
    pub fn marker(&self) -> impl IntoView {
        view! { <input type="hidden" name="_form" value=self.form.clone()/> }
    }

    pub fn any(&self) -> bool {
        self.echo.is_some()
    }

    /// What was typed into `name`, else the saved value.
    pub fn text(&self, name: &str, saved: String) -> String {
        self.echo
            .as_ref()
            .and_then(|e| e.value(name))
            .map_or(saved, str::to_string)
    }

    /// The id chosen in a picker `name` (empty: none), else the saved one.
    pub fn id(&self, name: &str, saved: Option<i64>) -> Option<i64> {
        match self.echo.as_ref().and_then(|e| e.value(name)) {
            Some(v) => parse_id(v.trim()),
            None => saved,
        }
    }

    /// Whether the form came back refused with this refusal (e.g. a date to confirm).
    pub fn refused(&self, refusal: Refusal) -> bool {
        self.echo
            .as_ref()
            .is_some_and(|e| e.error.code == refusal.code())
    }

    fn at_fault(&self, name: &str) -> bool {
        self.echo.as_ref().is_some_and(|e| e.names(name))
    }

    /// `aria-invalid` for `name`.
    pub fn invalid(&self, name: &str) -> Option<&'static str> {
        self.at_fault(name).then_some("true")
    }

    /// Whether `name` takes the focus (the HTML `autofocus`: works without script).
    pub fn focus(&self, name: &str) -> bool {
        self.at_fault(name)
    }

    /// The id of `name`'s message element, scoped by the field's element id.
    fn message_id(field_id: &str) -> String {
        format!("{field_id}-error")
    }

    /// `aria-describedby` for the field with element id `field_id`: its message when at
    /// fault, then any hint it already had.
    pub fn described(&self, name: &str, field_id: &str, hint: Option<&str>) -> Option<String> {
        let message = self.at_fault(name).then(|| Self::message_id(field_id));
        match (message, hint) {
            (Some(m), Some(h)) => Some(format!("{m} {h}")),
            (Some(m), None) => Some(m),
            (None, h) => h.map(str::to_string),
        }
    }

    /// The message shown under the field at fault.
    pub fn message(&self, name: &str, field_id: &str) -> Option<impl IntoView> {
        let echo = self.echo.clone().filter(|e| e.names(name))?;
        Some(view! {
            <p id=Self::message_id(field_id) class="field-error">
                <EchoMessage error=echo.error/>
            </p>
        })
    }

    /// The message for a refusal that names no field of the form (shown above its button),
    /// with the form's [`marker`](Self::marker).
    pub fn form_message(&self) -> impl IntoView {
        (self.marker(), self.refusal_without_field())
    }

    fn refusal_without_field(&self) -> Option<impl IntoView> {
        let echo = self.echo.clone()?;
        let named = echo
            .error
            .field
            .as_ref()
            .is_some_and(|f| echo.fields.iter().any(|(n, _)| n == f));
        (!named).then(|| {
            view! { <p class="field-error" role="alert"><EchoMessage error=echo.error/></p> }
        })
    }
}

/// The words for the outcome in the query (`?done=` / `?error=`). Only codes of
/// [`Done`] and [`Refusal`] are worded; an unknown error reads "unavailable", an unknown done
/// code nothing.
pub fn outcome_message(done: Option<&str>, error: Option<&str>) -> Option<(bool, String)> {
    if let Some(code) = error {
        let key = Refusal::parse(code).message_key();
        return Some((false, tr!(key.as_str())));
    }
    let done = done.and_then(Done::parse)?;
    let key = done.message_key();
    Some((true, tr!(key.as_str())))
}

#[cfg(test)]
mod tests {
    /// `form_message()` writes the form's `_form` marker itself: a form that also writes
    /// `marker()` sends `_form` twice, which the server refuses as parameter pollution (400,
    /// `invalid_input`) — seen once, on the department's report preview.
    #[test]
    fn no_form_names_itself_twice() {
        let files = crate::source_files::app_sources();
        assert!(files.len() > 20, "the app's sources were not found");
        for (path, text) in files {
            if path.ends_with("form_echo.rs") {
                continue;
            }
            // One function at a time: an `Echoed` variable is one form's.
            for body in text.split("\nfn ").flat_map(|f| f.split("\npub fn ")) {
                for (at, _) in body.match_indices(".form_message()") {
                    let var: String = body[..at]
                        .chars()
                        .rev()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect::<Vec<_>>()
                        .into_iter()
                        .rev()
                        .collect();
                    assert!(
                        !body.contains(&format!("{var}.marker()")),
                        "{path}: `{var}` writes its marker twice (form_message() writes it)"
                    );
                }
            }
        }
    }
}
