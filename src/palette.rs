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

/// `#rrggbb`.
#[must_use]
pub fn hex((r, g, b): (u8, u8, u8)) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}
