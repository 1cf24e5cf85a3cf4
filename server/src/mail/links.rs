//! The links in a follower's mail: signed with a key kept in the database (HMAC-SHA256 of the
//! follow's id), so no token is stored and a link names one follow and nothing else.

use base64::Engine;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

/// The key links are signed with.
#[derive(Clone)]
pub struct LinkKey(Vec<u8>);

impl LinkKey {
    pub fn new(key: &[u8]) -> Self {
        LinkKey(key.to_vec())
    }

    /// The signature of follow `id`'s links: 128 bits, URL-safe.
    pub fn sign(&self, id: i64) -> String {
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(&self.0) else {
            return String::new();
        };
        mac.update(format!("follow:{id}").as_bytes());
        let bytes = mac.finalize().into_bytes();
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&bytes[..16])
    }

    /// Whether `signature` is follow `id`'s (compared in constant time).
    pub fn verify(&self, id: i64, signature: &str) -> bool {
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(&self.0) else {
            return false;
        };
        mac.update(format!("follow:{id}").as_bytes());
        let Ok(given) = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(signature) else {
            return false;
        };
        given.len() == 16 && mac.verify_truncated_left(&given).is_ok()
    }
}

/// `/follow/{id}/{signature}`: the follow's own address, under which it is confirmed
/// (`/confirm`) and stopped (`/stop`, also the RFC 8058 one-click address).
pub fn follow_path(key: &LinkKey, id: i64) -> String {
    format!("/follow/{id}/{}", key.sign(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_names_one_follow_and_a_forged_one_nothing() {
        let key = LinkKey::new(b"a key of some length");
        let sig = key.sign(7);
        assert!(key.verify(7, &sig));
        assert!(!key.verify(8, &sig), "another follow's link");
        assert!(!LinkKey::new(b"another key").verify(7, &sig));
        assert!(!key.verify(7, "not base64 !"));
        assert!(!key.verify(7, &sig[..10]));
    }
}
