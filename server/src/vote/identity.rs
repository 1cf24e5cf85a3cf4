//! Who is voting, without knowing who they are: the client's network (for rate limits and burst
//! checks), a signed device token (unverified tier) or a paper code (verified tier), and the
//! receipt a voter keeps.

use base64::Engine;
use hmac::{Hmac, KeyInit, Mac};
use rand::RngCore;
use sha2::{Digest, Sha256};
use std::net::IpAddr;

type HmacSha256 = Hmac<Sha256>;

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// The client address: the socket's, or — behind `hops` trusted proxies — the address the
/// outermost trusted proxy saw, counted from the right of `X-Forwarded-For` so a client cannot
/// choose it by sending its own header.
pub fn client_ip(socket: IpAddr, forwarded_for: Option<&str>, hops: usize) -> IpAddr {
    if hops == 0 {
        return socket;
    }
    let chain: Vec<IpAddr> = forwarded_for
        .unwrap_or_default()
        .split(',')
        .filter_map(|part| part.trim().parse().ok())
        .collect();
    // The nearest proxy appended the address it saw last; `hops` proxies appended `hops`.
    chain
        .len()
        .checked_sub(hops)
        .and_then(|i| chain.get(i).copied())
        .unwrap_or(socket)
}

/// The network a client is in (IPv4 /24, IPv6 /48): bursts from one network are suspicious.
pub fn network(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, c, _] = v4.octets();
            format!("{a}.{b}.{c}.0/24")
        }
        IpAddr::V6(v6) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}::/48", s[0], s[1], s[2])
        }
    }
}

/// Signs and checks device tokens: `id.signature`, where only the server can sign.
#[derive(Clone)]
pub struct DeviceKey(Vec<u8>);

impl DeviceKey {
    pub fn new(key: &[u8]) -> Self {
        DeviceKey(key.to_vec())
    }

    fn mac(&self, id: &str) -> Option<HmacSha256> {
        // HMAC takes keys of any length, so this is always `Some`.
        let mut mac = HmacSha256::new_from_slice(&self.0).ok()?;
        mac.update(id.as_bytes());
        Some(mac)
    }

    fn sign(&self, id: &str) -> String {
        self.mac(id)
            .map(|mac| B64.encode(mac.finalize().into_bytes()))
            .unwrap_or_default()
    }

    /// A new token for a device that has none.
    pub fn issue(&self) -> String {
        let mut bytes = [0u8; 18];
        rand::rng().fill_bytes(&mut bytes);
        let id = B64.encode(bytes);
        let signature = self.sign(&id);
        format!("{id}.{signature}")
    }

    /// A receipt sealed for the device that cast the ballot: `receipt.signature`. Only the
    /// server can seal, so knowing a receipt does not let anyone claim its picks.
    pub fn seal_receipt(&self, receipt: &str) -> String {
        format!("{receipt}.{}", self.sign(&format!("receipt:{receipt}")))
    }

    /// The receipt in a sealed cookie value; `None` for a forged or malformed one.
    pub fn open_receipt(&self, sealed: &str) -> Option<String> {
        let (receipt, signature) = sealed.rsplit_once('.')?;
        if receipt.len() > 20 || signature.len() > 64 {
            return None;
        }
        let given = B64.decode(signature).ok()?;
        self.mac(&format!("receipt:{receipt}"))?
            .verify_slice(&given)
            .ok()?;
        Some(receipt.to_string())
    }

    /// The voter key of a valid token; `None` for a forged or malformed one.
    pub fn voter(&self, token: &str) -> Option<String> {
        let (id, signature) = token.split_once('.')?;
        if id.len() > 64 || signature.len() > 64 {
            return None;
        }
        let given = B64.decode(signature).ok()?;
        self.mac(id)?.verify_slice(&given).ok()?;
        Some(format!("d:{}", hash(id)))
    }
}

pub fn hash(text: &str) -> String {
    B64.encode(Sha256::digest(text.as_bytes()))
}

/// Paper codes and receipts use letters and digits that cannot be mistaken for each other.
const ALPHABET: &[u8] = app::model::CODE_ALPHABET.as_bytes();

/// `XXXX-XXXX-XX`: ten characters, about 49 bits.
pub fn new_code() -> String {
    let mut bytes = [0u8; 10];
    rand::rng().fill_bytes(&mut bytes);
    let chars: String = bytes
        .iter()
        .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
        .collect();
    format!("{}-{}-{}", &chars[..4], &chars[4..8], &chars[8..])
}

/// What residents type, made comparable: case, spaces, dashes and full-width characters do not
/// matter (the same reading as receipts, `app::model::normalize_chars`).
pub fn normalize_code(typed: &str) -> Option<String> {
    app::model::normalize_chars(typed)
        .ok()
        .filter(|out| out.len() == 10)
}

/// The key a code is stored under (never the code itself).
pub fn code_hash(normalized: &str) -> String {
    hash(&format!("code:{normalized}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forwarded_for_is_trusted_only_as_far_as_the_proxies() {
        let socket: IpAddr = "10.0.0.1".parse().expect("ip");
        let header = Some("6.6.6.6, 203.0.113.9");
        assert_eq!(
            client_ip(socket, header, 0),
            socket,
            "no proxy: the header is ignored"
        );
        assert_eq!(client_ip(socket, header, 1).to_string(), "203.0.113.9");
        assert_eq!(client_ip(socket, None, 1), socket);
    }

    #[test]
    fn networks_group_neighbours() {
        assert_eq!(
            network("203.0.113.9".parse().expect("ip")),
            "203.0.113.0/24"
        );
        assert_eq!(
            network("2001:db8:1:2::1".parse().expect("ip")),
            "2001:db8:1::/48"
        );
    }

    #[test]
    fn device_tokens_cannot_be_forged() {
        let key = DeviceKey::new(b"secret");
        let token = key.issue();
        let voter = key.voter(&token).expect("valid");
        assert_eq!(key.voter(&token), Some(voter));
        let (id, _) = token.split_once('.').expect("dot");
        assert_eq!(key.voter(&format!("{id}.AAAA")), None);
        assert_eq!(DeviceKey::new(b"other").voter(&token), None);
    }

    #[test]
    fn sealed_receipts_cannot_be_forged() {
        let key = DeviceKey::new(b"secret");
        let sealed = key.seal_receipt("PRX7-D2TN-G9");
        assert_eq!(key.open_receipt(&sealed), Some("PRX7-D2TN-G9".into()));
        let (_, signature) = sealed.rsplit_once('.').expect("dot");
        assert_eq!(
            key.open_receipt(&format!("K7QM-3XRT-9P.{signature}")),
            None,
            "a signature does not carry over to another receipt"
        );
        assert_eq!(key.open_receipt("PRX7-D2TN-G9"), None);
        assert_eq!(DeviceKey::new(b"other").open_receipt(&sealed), None);
    }

    #[test]
    fn codes_survive_how_people_type_them() {
        let code = new_code();
        let typed = code.to_lowercase().replace('-', " ");
        assert_eq!(normalize_code(&typed), normalize_code(&code));
        assert_eq!(normalize_code("k7qm-3xrt-9p"), Some("K7QM3XRT9P".into()));
        assert_eq!(normalize_code("short"), None);
        assert_eq!(normalize_code("<script>x</"), None);
    }
}
