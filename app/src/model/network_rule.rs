//! 每网络每日限额 — the per-network daily allowance — and 网络集中度, how concentrated a cycle's
//! unverified ballots are by network. One person can open many browsers, but rarely many
//! networks: so beyond a handful of devices from one network (IPv4 /24, IPv6 /48) in one Beijing
//! day, new unverified ballots (and "me too" supports) are held for a moderator instead of
//! counted. Nothing is dropped: a household or office behind one address still votes, its extra
//! ballots wait for review, and ballots with a paper code (核验) are never held by this rule.

use serde::{Deserialize, Serialize};

/// The default allowance: devices whose unverified ballot counts at once, per network, per
/// Beijing day, per cycle (and per suggestion for "me too").
pub const DEFAULT_PER_NETWORK_DAY: u32 = 5;

/// Working days within which a moderator looks at a held ballot (待复核): the promise a held
/// ballot's resident is given in words (issue 34), so she knows when it will count.
pub const HELD_REVIEW_WORKING_DAYS: u32 = 2;

/// Networks in one band of devices-per-network, and the devices they hold.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NetworkBand {
    pub networks: u32,
    pub devices: u32,
}

/// How many networks sent unverified ballots from 1, 2–5, 6–20 and more than 20 devices. No
/// address is in it: only counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NetworkConcentration {
    pub one: NetworkBand,
    pub two_to_five: NetworkBand,
    pub six_to_twenty: NetworkBand,
    pub over_twenty: NetworkBand,
}

impl NetworkConcentration {
    /// Adds `networks` networks that each sent ballots from `devices` devices.
    pub fn add(&mut self, devices: u32, networks: u32) {
        let band = match devices {
            0 => return,
            1 => &mut self.one,
            2..=5 => &mut self.two_to_five,
            6..=20 => &mut self.six_to_twenty,
            _ => &mut self.over_twenty,
        };
        band.networks = band.networks.saturating_add(networks);
        band.devices = band
            .devices
            .saturating_add(devices.saturating_mul(networks));
    }

    /// The bands in reading order, with their message keys.
    pub fn bands(&self) -> [(&'static str, NetworkBand); 4] {
        [
            ("one", self.one),
            ("two_to_five", self.two_to_five),
            ("six_to_twenty", self.six_to_twenty),
            ("over_twenty", self.over_twenty),
        ]
    }
}

/// "Me too" support held for a moderator: one suggestion's held support from one network.
/// Moderators see the network (as they do for held ballots); the public never does.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldSupports {
    pub suggestion_id: i64,
    pub title: String,
    pub network: String,
    pub held: u32,
}

/// Ratings of a reply from its page held for a moderator: one reply's held ratings from one
/// network. Moderators see the network; the public never does.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldRatings {
    pub reply_id: i64,
    /// The item the reply answers.
    pub title: String,
    pub network: String,
    pub held: u32,
}

/// The start (unix seconds) of the Beijing day (UTC+8, no daylight saving) that `now` falls in.
pub fn beijing_day_start(now: i64) -> i64 {
    const OFFSET: i64 = 8 * 3600;
    (now + OFFSET).div_euclid(86_400) * 86_400 - OFFSET
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_split_at_one_five_and_twenty() {
        let mut c = NetworkConcentration::default();
        c.add(1, 7);
        c.add(5, 1);
        c.add(6, 1);
        c.add(20, 1);
        c.add(100, 1);
        assert_eq!(
            c.one,
            NetworkBand {
                networks: 7,
                devices: 7
            }
        );
        assert_eq!(
            c.two_to_five,
            NetworkBand {
                networks: 1,
                devices: 5
            }
        );
        assert_eq!(
            c.six_to_twenty,
            NetworkBand {
                networks: 2,
                devices: 26
            }
        );
        assert_eq!(
            c.over_twenty,
            NetworkBand {
                networks: 1,
                devices: 100
            }
        );
    }

    #[test]
    fn the_day_turns_at_beijing_midnight() {
        // 2026-12-01T15:59:59Z is 23:59:59 in Beijing; a second later it is the next day.
        let before = 1_796_140_799;
        assert_eq!(beijing_day_start(before), 1_796_054_400);
        assert_eq!(beijing_day_start(before + 1), before + 1);
    }
}
