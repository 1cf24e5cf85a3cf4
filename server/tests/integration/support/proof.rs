//! Solving the portal's proof of work (ALTCHA) as its script does, for tests that vote or
//! support as a browser with JavaScript would.

use super::TestServer;
use base64::Engine;
use serde_json::{json, Value};

/// A fresh challenge from the server, solved: the base64 payload a form's `proof` field carries.
pub async fn solved(server: &TestServer, cycle: &str) -> String {
    let challenge: Value = reqwest::get(server.url(&format!("/api/v1/cycles/{cycle}/challenge")))
        .await
        .expect("challenge")
        .json()
        .await
        .expect("json");
    let number = altcha_lib_rs::solve_challenge(
        challenge["challenge"].as_str().expect("challenge"),
        challenge["salt"].as_str().expect("salt"),
        None,
        challenge["maxnumber"].as_u64(),
        0,
    )
    .expect("solvable");
    let payload = json!({
        "algorithm": "SHA-256",
        "challenge": challenge["challenge"],
        "number": number,
        "salt": challenge["salt"],
        "signature": challenge["signature"],
    });
    base64::engine::general_purpose::STANDARD.encode(payload.to_string())
}

/// A proof that looks right but is not: signed by nobody.
pub fn forged() -> String {
    base64::engine::general_purpose::STANDARD.encode(
        json!({ "algorithm": "SHA-256", "challenge": "00", "number": 1, "salt": "x", "signature": "y" })
            .to_string(),
    )
}
