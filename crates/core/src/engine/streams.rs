//! One random stream per (seed, index): the draws of the uncertainty
//! analysis, the orders of a sampled Shapley value and the weightings of
//! the criteria each get a generator of their own, statistically
//! independent of their neighbours and reproducible from the two numbers
//! alone (so a result never depends on the thread count).
//!
//! The generator's 128-bit state is two outputs of `SplitMix64` keyed by the
//! seed, at the position of the index. Seeding a multiplicative generator
//! with neighbouring states directly (`2k + 1`, as before issue 23) gave
//! streams whose j-th numbers lay on a lattice across draws.

use rand_pcg::Pcg64Mcg;

/// `SplitMix64`'s output function (Steele, Lea and Flood 2014): a bijection
/// that mixes every input bit into every output bit.
#[must_use]
pub const fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// `SplitMix64`'s increment (2⁶⁴ / φ, odd).
const GAMMA: u64 = 0x9e37_79b9_7f4a_7c15;

/// The generator of stream `index` under `seed`.
#[must_use]
pub fn stream(seed: u64, index: u64) -> Pcg64Mcg {
    // A key per seed, then the SplitMix64 sequence of that key at the
    // index's position: two consecutive outputs make the 128-bit state.
    let key = mix64(seed ^ 0x243f_6a88_85a3_08d3);
    let position = key.wrapping_add(index.wrapping_mul(2).wrapping_add(1).wrapping_mul(GAMMA));
    let high = mix64(position);
    let low = mix64(position.wrapping_add(GAMMA));
    // The multiplicative generator needs an odd state.
    Pcg64Mcg::new((u128::from(high) << 64) | u128::from(low) | 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_pcg::rand_core::Rng;

    #[test]
    fn a_stream_depends_on_its_seed_and_index_only() {
        let first = |seed, index| stream(seed, index).next_u64();
        assert_eq!(first(1, 2), first(1, 2));
        assert_ne!(first(1, 2), first(1, 3));
        assert_ne!(first(1, 2), first(2, 2));
        // Seed and index do not trade places.
        assert_ne!(first(1, 2), first(2, 1));
    }

    #[test]
    fn mix64_is_splitmix64() {
        // The first output of SplitMix64 seeded with 0 is mix64(γ):
        // 0xe220a8397b1dcdaf (the reference implementation's first value).
        assert_eq!(mix64(GAMMA), 0xe220_a839_7b1d_cdaf);
    }
}
