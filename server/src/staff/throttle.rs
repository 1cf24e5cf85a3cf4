//! Sign-in throttling (登录限速): slow down, never lock out. Failures are counted by name *and*
//! client together: a client that keeps guessing one name waits longer after each miss
//! (30 s, 60 s, 2 min … up to 15 min), while the owner signing in from a client that has not
//! failed goes straight through, however many guesses others made. A client guessing across
//! many names waits too. A name under a spread-out attack (many clients failing) gives each
//! failing client fewer free tries, but still never blocks a client that has not failed.
//!
//! Addresses are cheap inside one network (a /24 of a cloud host, an IPv6 /48), so failures are
//! also counted by network (issue 34): a network that has missed one name ten times, or any
//! names forty times, waits as one client would. The owner in that same network waits too —
//! the price of not handing forty guesses to whoever holds a /24.

pub use crate::store::Failures;

/// Failures are forgotten after this long.
pub const FAILURE_WINDOW_SECS: i64 = 15 * 60;
/// Misses one client may make on one name before it has to wait.
pub const FREE_TRIES: i64 = 5;
/// When the name has this many failures from all clients in the window, a failing client
/// gets only one free try.
pub const NAME_UNDER_ATTACK: i64 = 20;
/// Misses one client may make across all names before it has to wait.
pub const CLIENT_FREE_TRIES: i64 = 20;
/// Misses one network (IPv4 /24, IPv6 /48) may make on one name before it has to wait.
pub const NETWORK_FREE_TRIES: i64 = 10;
/// Misses one network may make across all names before it has to wait.
pub const NETWORK_ALL_FREE_TRIES: i64 = 40;
/// The first wait, doubled for each further miss, and the longest.
pub const FIRST_WAIT_SECS: i64 = 30;
pub const MAX_WAIT_SECS: i64 = FAILURE_WINDOW_SECS;

fn backoff(misses_beyond: i64) -> i64 {
    let doublings = u32::try_from(misses_beyond.clamp(0, 20)).unwrap_or(20);
    FIRST_WAIT_SECS
        .saturating_mul(1_i64 << doublings)
        .min(MAX_WAIT_SECS)
}

/// Seconds this attempt must still wait before its password is even checked; `None`: go on.
pub fn wait(f: &Failures, now: i64) -> Option<i64> {
    let free = if f.name >= NAME_UNDER_ATTACK {
        1
    } else {
        FREE_TRIES
    };
    let pair = (f.pair >= free)
        .then(|| f.pair_last.map(|at| at + backoff(f.pair - free) - now))
        .flatten();
    let client = (f.client >= CLIENT_FREE_TRIES)
        .then(|| {
            f.client_last
                .map(|at| at + backoff(f.client - CLIENT_FREE_TRIES) - now)
        })
        .flatten();
    let over = |count: i64, last: Option<i64>, free: i64| {
        (count >= free)
            .then(|| last.map(|at| at + backoff(count - free) - now))
            .flatten()
    };
    let network_pair = over(f.network_pair, f.network_pair_last, NETWORK_FREE_TRIES);
    let network = over(f.network, f.network_last, NETWORK_ALL_FREE_TRIES);
    [pair, client, network_pair, network]
        .into_iter()
        .flatten()
        .filter(|secs| *secs > 0)
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_that_has_not_failed_always_goes_through() {
        let f = Failures {
            name: 1_000,
            ..Failures::default()
        };
        assert_eq!(
            wait(&f, 100),
            None,
            "others' guesses do not lock the owner out"
        );
    }

    #[test]
    fn each_miss_beyond_the_free_tries_doubles_the_wait_up_to_fifteen_minutes() {
        let at = |pair| Failures {
            pair,
            pair_last: Some(1_000),
            client: pair,
            client_last: Some(1_000),
            name: pair,
            ..Failures::default()
        };
        assert_eq!(wait(&at(4), 1_000), None);
        assert_eq!(wait(&at(5), 1_000), Some(30));
        assert_eq!(wait(&at(5), 1_030), None, "then it may try again");
        assert_eq!(wait(&at(6), 1_000), Some(60));
        assert_eq!(wait(&at(15), 1_000), Some(MAX_WAIT_SECS));
    }

    #[test]
    fn a_name_under_attack_gives_failing_clients_one_free_try() {
        let f = Failures {
            pair: 1,
            pair_last: Some(1_000),
            client: 1,
            client_last: Some(1_000),
            name: NAME_UNDER_ATTACK,
            ..Failures::default()
        };
        assert_eq!(wait(&f, 1_000), Some(FIRST_WAIT_SECS));
    }

    #[test]
    fn a_client_spraying_many_names_waits() {
        let f = Failures {
            pair: 1,
            pair_last: Some(1_000),
            client: CLIENT_FREE_TRIES,
            client_last: Some(1_000),
            name: 1,
            ..Failures::default()
        };
        assert_eq!(wait(&f, 1_000), Some(FIRST_WAIT_SECS));
    }

    #[test]
    fn a_network_of_fresh_addresses_waits_as_one_client_would() {
        let fresh = |network_pair, network| Failures {
            name: network_pair,
            network_pair,
            network_pair_last: Some(1_000),
            network,
            network_last: Some(1_000),
            ..Failures::default()
        };
        assert_eq!(wait(&fresh(NETWORK_FREE_TRIES - 1, 0), 1_000), None);
        assert_eq!(
            wait(&fresh(NETWORK_FREE_TRIES, NETWORK_FREE_TRIES), 1_000),
            Some(FIRST_WAIT_SECS),
            "a new address in a network that missed this name ten times"
        );
        assert_eq!(
            wait(&fresh(0, NETWORK_ALL_FREE_TRIES), 1_000),
            Some(FIRST_WAIT_SECS),
            "a network spraying many names"
        );
    }
}
