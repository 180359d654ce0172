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

/// Where a marker (a payback year) is drawn so that none hides another.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MarkerPlace {
    /// Sideways shift, in years (a fraction of the distance between two
    /// years); 0 for a marker that stands alone.
    pub shift: f64,
    /// 0 diamond, 1 square, 2 triangle, 3 circle: markers that share a
    /// spot differ in shape as well as colour.
    pub shape: usize,
}

/// Places markers (`(year index, value)` per series, `None` for a series
/// without one): markers in the same year whose values lie within 4 % of
/// `axis_top` of each other would overlap, so each group is spread
/// sideways around the year and its members get different shapes. Depends
/// only on the marks, so the app and the briefing agree.
#[must_use]
pub fn marker_places(marks: &[Option<(usize, f64)>], axis_top: f64) -> Vec<MarkerPlace> {
    const SPREAD: f64 = 0.16;
    let near = 0.04 * axis_top.abs().max(f64::MIN_POSITIVE);
    let mut order: Vec<(usize, usize, f64)> = marks
        .iter()
        .enumerate()
        .filter_map(|(s, m)| m.map(|(i, v)| (s, i, v)))
        .collect();
    order.sort_by(|a, b| a.1.cmp(&b.1).then(a.2.total_cmp(&b.2)).then(a.0.cmp(&b.0)));
    let mut places = vec![MarkerPlace { shift: 0.0, shape: 0 }; marks.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && order[end].1 == order[start].1 && order[end].2 - order[end - 1].2 <= near {
            end += 1;
        }
        let group = &order[start..end];
        if group.len() > 1 {
            #[allow(clippy::cast_precision_loss)]
            let middle = (group.len() - 1) as f64 / 2.0;
            for (j, (s, _, _)) in group.iter().enumerate() {
                #[allow(clippy::cast_precision_loss)]
                let shift = (j as f64 - middle) * SPREAD;
                places[*s] = MarkerPlace { shift, shape: j % 4 };
            }
        }
        start = end;
    }
    places
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
    fn markers_that_would_overlap_are_spread_and_shaped_apart() {
        // Axis up to 10 000 000: 4 % is 400 000. Series 0 and 2 pay back in
        // year 0 at 2 262 000 and 2 030 000 (232 000 apart: they would
        // overlap); series 1 in year 0 far above (6 000 000); series 3 in
        // year 2 alone; series 4 has none.
        let marks = [
            Some((0, 2_262_000.0)),
            Some((0, 6_000_000.0)),
            Some((0, 2_030_000.0)),
            Some((2, 2_100_000.0)),
            None,
        ];
        let places = marker_places(&marks, 10_000_000.0);
        // Sorted by value: series 2 (lower) left, series 0 right.
        assert_eq!(
            places[2],
            MarkerPlace {
                shift: -0.08,
                shape: 0
            }
        );
        assert_eq!(
            places[0],
            MarkerPlace {
                shift: 0.08,
                shape: 1
            }
        );
        for alone in [1, 3, 4] {
            assert_eq!(places[alone], MarkerPlace { shift: 0.0, shape: 0 });
        }
    }

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
