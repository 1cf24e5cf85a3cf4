//! 表单回填: a refused staff form comes back filled in. On an error the server function keeps
//! what was typed (server-side, for the signed-in session only) and redirects with
//! `?error=<code>&echo=<id>`; the page reads the echo back with [`load_echo`], which answers
//! only the session that typed it. The message and any clashing record are the server's record,
//! never query text.

use crate::model::FormEcho;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use crate::api::staff_request::ssr::{back, session_token};
    use crate::api::{EditorHandle, StaffError};
    use crate::model::{EchoError, FormEcho};
    use leptos::prelude::*;

    /// A refused form: which form, what was typed, and how the error's field tokens map to
    /// the form's input names where they differ (e.g. `title` → `theme`).
    pub struct Refused {
        pub form: String,
        /// The element id the page scrolls to (the form or its heading).
        pub anchor: String,
        pub fields: Vec<(&'static str, String)>,
        pub names: &'static [(&'static str, &'static str)],
    }

    impl Refused {
        fn field_for(&self, err: &StaffError) -> Option<String> {
            let token = err.field()?.as_str();
            let name = self
                .names
                .iter()
                .find(|(t, _)| *t == token)
                .map(|(_, n)| *n)
                .unwrap_or(token);
            self.fields
                .iter()
                .any(|(n, _)| *n == name)
                .then(|| name.to_string())
        }

        fn echo(&self, err: &StaffError) -> FormEcho {
            FormEcho {
                form: self.form.clone(),
                fields: self
                    .fields
                    .iter()
                    .map(|(n, v)| (n.to_string(), v.clone()))
                    .collect(),
                error: EchoError {
                    code: err.code(),
                    field: self.field_for(err),
                    clash: match err {
                        StaffError::Clash { record, .. } => Some(record.clone()),
                        _ => None,
                    },
                },
            }
        }
    }

    async fn keep(refused: &Refused, err: &StaffError) -> Option<i64> {
        let token = session_token()?;
        let handle = use_context::<EditorHandle>()?;
        match handle.0.keep_echo(&token, &refused.echo(err)).await {
            Ok(id) => Some(id),
            Err(e) => {
                tracing::warn!(error = %e, "could not keep a form echo");
                None
            }
        }
    }

    /// 预览: keeps `fields` (what was typed, and what the server made of it) for the signed-in
    /// session under the [`PREVIEW`](crate::model::PREVIEW) code and opens the form again at
    /// `anchor`, where the page shows the preview.
    pub async fn keep_preview(path: &str, form: &str, anchor: &str, fields: Vec<(String, String)>) {
        let echo = FormEcho {
            form: form.to_string(),
            fields,
            error: EchoError {
                code: crate::model::PREVIEW.to_string(),
                field: None,
                clash: None,
            },
        };
        let kept = match (session_token(), use_context::<EditorHandle>()) {
            (Some(token), Some(handle)) => handle.0.keep_echo(&token, &echo).await.ok(),
            _ => None,
        };
        match kept {
            Some(id) => leptos_axum::redirect(&format!("{path}?echo={id}#{anchor}")),
            None => back(path, Err(StaffError::Internal("preview not kept".into()))),
        }
    }

    /// Post/redirect/get like `back`, keeping the typed input when the action was refused.
    pub async fn back_echo(
        path: &str,
        refused: Refused,
        outcome: Result<crate::model::Done, StaffError>,
    ) {
        let err = match outcome {
            Ok(done) => return back(path, Ok(done)),
            Err(err) => err,
        };
        // Only a refusal of what was typed comes back filled in; sign-in, permission and
        // storage failures answer as before.
        if !matches!(err, StaffError::Invalid(_) | StaffError::Clash { .. }) {
            return back(path, Err(err));
        }
        match keep(&refused, &err).await {
            Some(id) => {
                let target = format!("{path}?error={}&echo={id}#{}", err.code(), refused.anchor);
                leptos_axum::redirect(&target);
            }
            None => back(path, Err(err)),
        }
    }
}

/// The refused form `id`, if the signed-in session typed it (otherwise nothing).
#[server]
pub async fn load_echo(id: i64) -> Result<Option<FormEcho>, ServerFnError> {
    let Some(token) = crate::api::staff_request::ssr::session_token() else {
        return Ok(None);
    };
    let Some(handle) = use_context::<crate::api::EditorHandle>() else {
        return Ok(None);
    };
    handle
        .0
        .echo(&token, id)
        .await
        .map_err(|e| ServerFnError::new(e.code()))
}
