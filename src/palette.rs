//! Series colours shared by the app's charts and the exported briefing, so
//! a scenario has the same colour on screen and on paper.

/// Today's operation is always grey.
pub const TODAY: (u8, u8, u8) = (0x7f, 0x7f, 0x7f);

/// Colours for the other series, in order (a colour-blind-friendly set
/// first, then lighter tones).
pub const SERIES: [(u8, u8, u8); 12] = [
    (0x1f, 0x77, 0xb4),
    (0xff, 0x7f, 0x0e),
    (0x2c, 0xa0, 0x2c),
    (0x94, 0x67, 0xbd),
    (0x8c, 0x56, 0x4b),
    (0xe3, 0x77, 0xc2),
    (0x17, 0xbe, 0xcf),
    (0xbc, 0xbd, 0x22),
    (0xd6, 0x27, 0x28),
    (0xae, 0xc7, 0xe8),
    (0xff, 0xbb, 0x78),
    (0x98, 0xdf, 0x8a),
];

/// The `n`th series colour.
#[must_use]
pub fn series(n: usize) -> (u8, u8, u8) {
    SERIES[n % SERIES.len()]
}

/// The colour of a scenario: grey for today's operation, else its own
/// colour (see [`crate::model::Study::assign_colours`]).
#[must_use]
pub fn scenario_colour(colour: Option<u8>, is_today: bool) -> (u8, u8, u8) {
    match colour {
        _ if is_today => TODAY,
        Some(c) => series(usize::from(c)),
        None => series(0),
    }
}

/// How to draw lines that would hide each other: per series, 0 for a
/// solid line, else the how-many-th series it coincides with (the same
/// figure, to the krone, in every year it has one). Lines that coincide
/// get different dash patterns so that both stay visible.
#[must_use]
pub fn line_dashes(series: &[Vec<Option<f64>>]) -> Vec<usize> {
    let same = |a: &[Option<f64>], b: &[Option<f64>]| {
        a.len() == b.len()
            && a.iter().zip(b).all(|(x, y)| match (x, y) {
                (Some(x), Some(y)) => (x - y).abs() <= 0.5,
                (None, None) => true,
                _ => false,
            })
    };
    (0..series.len())
        .map(|i| (0..i).filter(|&j| same(&series[i], &series[j])).count())
        .collect()
}

/// The SVG `stroke-dasharray` of a dash index from [`line_dashes`].
#[must_use]
pub fn svg_dash(dash: usize) -> &'static str {
    match dash {
        0 => "none",
        1 => "9 5",
        2 => "2 4",
        _ => "12 4 2 4",
    }
}

/// `#rrggbb`.
#[must_use]
pub fn hex((r, g, b): (u8, u8, u8)) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coinciding_lines_get_their_own_dashes() {
        // Joint in-house and joint in-house without Ibestad cost the same
        // 2 262 000 a year in total: the second is drawn dashed; a third
        // equal one dotted; a different one stays solid.
        let a = vec![Some(2_262_000.0), Some(4_524_000.0)];
        let b = vec![Some(2_262_000.2), Some(4_524_000.0)];
        let c = vec![Some(2_136_000.0), Some(4_272_000.0)];
        assert_eq!(line_dashes(&[a.clone(), b, c, a]), vec![0, 1, 0, 2]);
        assert_eq!(svg_dash(0), "none");
        assert_ne!(svg_dash(1), svg_dash(2));
    }
}
