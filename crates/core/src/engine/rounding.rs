//! Rounding that keeps a split whole: the parts of a shown total are
//! rounded so that they add up to it (largest remainder), so no table shows
//! members, years or differences that miss their total by a krone.

/// Rounds `parts` to whole units so that they add up to the rounded sum of
/// the parts (largest-remainder method). Non-finite parts are kept as they
/// are and take no part in the balancing.
#[must_use]
pub fn round_split(parts: &[f64]) -> Vec<f64> {
    let total: f64 = parts.iter().filter(|p| p.is_finite()).sum::<f64>().round();
    round_split_to(parts, total)
}

/// Rounds `parts` to whole units that add up to `total`, a whole number
/// the parts are already shown as elsewhere (a member's figure balanced
/// against the other members): the lines explaining Lavangen's 451 947,6,
/// shown as 451 947 in the comparison, add up to 451 947, not 451 948.
/// Largest remainder, as [`round_split`].
#[must_use]
pub fn round_split_to(parts: &[f64], total: f64) -> Vec<f64> {
    let finite: Vec<usize> = (0..parts.len()).filter(|&i| parts[i].is_finite()).collect();
    let total = if total.is_finite() { total.round() } else { 0.0 };
    let mut rounded: Vec<f64> = parts
        .iter()
        .map(|p| if p.is_finite() { p.floor() } else { *p })
        .collect();
    let floor_sum: f64 = finite.iter().map(|&i| rounded[i]).sum();
    // Number of units still to hand out; parts sorted by their remainder.
    let mut missing = (total - floor_sum).round();
    // Remainders to a millionth, so that two parts whose remainders differ
    // only by floating-point noise (,6 and ,59999999) tie, and a tie goes to
    // the first part: the same figures round the same way in every table.
    let remainder = |i: usize| {
        #[allow(clippy::cast_possible_truncation)]
        let micro = ((parts[i] - parts[i].floor()) * 1e6).round() as i64;
        micro
    };
    let mut order = finite.clone();
    order.sort_by(|&a, &b| remainder(b).cmp(&remainder(a)).then(a.cmp(&b)));
    let mut idx = 0;
    while missing > 0.5 && !order.is_empty() {
        rounded[order[idx % order.len()]] += 1.0;
        missing -= 1.0;
        idx += 1;
    }
    while missing < -0.5 && !order.is_empty() {
        // Happens only with negative parts: take from the smallest remainders.
        let i = order[order.len() - 1 - (idx % order.len())];
        rounded[i] -= 1.0;
        missing += 1.0;
        idx += 1;
    }
    rounded
}

#[cfg(test)]
#[allow(clippy::float_cmp)]
mod tests {
    use super::*;

    #[test]
    fn split_adds_up_after_rounding() {
        let parts = [503_973.6, 451_947.6, 717_958.8, 588_120.0];
        let rounded = round_split(&parts);
        assert_eq!(rounded.iter().sum::<f64>(), 2_262_000.0);
        assert_eq!(rounded, vec![503_974.0, 451_947.0, 717_959.0, 588_120.0]);
        // The same split computed another way (0,1 + 0,2 style noise) rounds
        // the same: the ,6s tie and the first takes the krone.
        let noisy = [503_973.6 + 1e-9, 451_947.6 - 1e-9, 717_958.8, 588_120.0];
        assert_eq!(round_split(&noisy), rounded);
        let noisy = [503_973.6 - 1e-9, 451_947.6 + 1e-9, 717_958.8, 588_120.0];
        assert_eq!(round_split(&noisy), rounded);
        let thirds = round_split(&[1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0]);
        assert_eq!(thirds.iter().sum::<f64>(), 1.0);
    }

    #[test]
    fn parts_round_to_a_total_given_elsewhere() {
        // Lavangen's 451 947,6 is shown as 451 947 (the ,6 tie went to
        // Gratangen): its one line rounds to 451 947 too, and two lines of
        // 200 000,3 and 251 947,3 (sum 451 947,6) to 200 000 + 251 947.
        assert_eq!(round_split_to(&[451_947.6], 451_947.0), vec![451_947.0]);
        let two = round_split_to(&[200_000.3, 251_947.3], 451_947.0);
        assert_eq!(two, vec![200_000.0, 251_947.0]);
        // One krone more than the floors: the largest remainder takes it.
        assert_eq!(round_split_to(&[0.2, 0.7, 0.1], 1.0), vec![0.0, 1.0, 0.0]);
    }
}
