//! A small SVG writer for the briefing's charts: grouped vertical bars and
//! stacked horizontal bars, with Nordic axis labels, a legend, and the
//! exact figure in each bar's `<title>` (shown on hover, no script).
//! Plain strings: simpler than a plotting crate for two chart types.

use std::fmt::Write;

/// Escapes text for HTML and SVG (element content and attribute values).
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // A direction override in a name would turn the rest of the
            // sentence around: shown as its code, as on a terminal.
            c if crate::format::is_bidi_control(c) => out.push_str(&c.escape_unicode().to_string()),
            c => out.push(c),
        }
    }
    out
}

use crate::format::Numbers;
use crate::report::charts::nice_step;

/// One series of a chart.
pub struct Series {
    /// Name in the legend.
    pub name: String,
    /// Colour, `#rrggbb`.
    pub color: String,
    /// One value per group or row; `None` draws nothing.
    pub values: Vec<Option<f64>>,
}

/// Tick step and top of the value axis for the largest value of `series`.
fn value_axis(series: &[Series]) -> (f64, f64) {
    value_axis_of(&series.iter().collect::<Vec<_>>())
}

fn value_axis_of(series: &[&Series]) -> (f64, f64) {
    let max = series
        .iter()
        .flat_map(|s| s.values.iter().flatten())
        .fold(0.0_f64, |m, v| m.max(*v));
    let step = nice_step(max, 6.0);
    (step, (max / step).ceil().max(1.0) * step)
}

/// The legend under a chart; `shapes` gives a series the marker drawn at
/// its payback year (shown after its colour), as in the plot.
fn legend(
    out: &mut String,
    series: &[Series],
    top: f64,
    left: f64,
    width: f64,
    shapes: &[Option<usize>],
) -> f64 {
    let (mut x, mut y) = (left, top);
    for (i, s) in series.iter().enumerate() {
        let shape = shapes.get(i).copied().flatten();
        let mark_width = if shape.is_some() { 18.0 } else { 0.0 };
        #[allow(clippy::cast_precision_loss)]
        let w = 22.0 + mark_width + 7.0 * s.name.chars().count() as f64;
        if x + w > left + width && x > left {
            x = left;
            y += 18.0;
        }
        let _ = write!(
            out,
            r#"<rect x="{x:.1}" y="{:.1}" width="11" height="11" fill="{}"/>"#,
            y - 9.0,
            s.color,
        );
        if let Some(shape) = shape {
            let _ = write!(
                out,
                r##"<path d="{}" fill="{}" stroke="#333" stroke-width="0.8"/>"##,
                marker_path(shape, x + 24.0, y - 3.5),
                s.color
            );
        }
        let _ = write!(
            out,
            r#"<text x="{:.1}" y="{:.1}" class="legend">{}</text>"#,
            x + 15.0 + mark_width,
            y,
            escape(&s.name)
        );
        x += w + 10.0;
    }
    y + 12.0
}

/// How many grid lines from 0 to `top_value` by `step` (both ends
/// included), at most 50; none when either is not a finite positive number.
fn tick_count(top_value: f64, step: f64) -> usize {
    if !(top_value.is_finite() && step.is_finite() && top_value > 0.0 && step > 0.0) {
        return 1;
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let count = ((top_value / step + 0.5).floor() as usize).saturating_add(1);
    count.min(50)
}

/// Horizontal grid lines with money labels on the left, every `step` up to
/// `top_value`; `y_of` maps a value to its height.
fn horizontal_grid(
    body: &mut String,
    top_value: f64,
    step: f64,
    left: f64,
    plot_width: f64,
    y_of: impl Fn(f64) -> f64,
    numbers: Numbers,
) {
    // Counted, not accumulated: a figure that is not finite (or steps too
    // small to add up) never makes the loop run on and the file grow.
    for k in 0..tick_count(top_value, step) {
        let tick = k as f64 * step;
        let y = y_of(tick);
        let _ = write!(
            body,
            r#"<line x1="{left}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" class="grid"/><text x="{:.1}" y="{:.1}" class="tick" text-anchor="end">{}</text>"#,
            left + plot_width,
            left - 6.0,
            y + 4.0,
            escape(&numbers.num(tick, 0))
        );
    }
}

/// Vertical bars: for each group (e.g. a municipality), one bar per series
/// (e.g. a scenario).
#[must_use]
pub fn grouped_bars(groups: &[String], series: &[Series], unit: &str, numbers: Numbers) -> String {
    let (width, plot_height, left, top) = (760.0, 300.0, 90.0, 16.0);
    let plot_width = width - left - 10.0;
    let (step, top_value) = value_axis(series);
    let scale = |v: f64| top + plot_height - v.max(0.0) / top_value * plot_height;
    let mut body = String::new();
    horizontal_grid(&mut body, top_value, step, left, plot_width, scale, numbers);
    #[allow(clippy::cast_precision_loss)]
    let group_width = plot_width / groups.len().max(1) as f64;
    #[allow(clippy::cast_precision_loss)]
    let bar_width = group_width * 0.8 / series.len().max(1) as f64;
    for (g, group) in groups.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let x0 = left + group_width * g as f64 + group_width * 0.1;
        for (s, serie) in series.iter().enumerate() {
            if let Some(Some(v)) = serie.values.get(g) {
                let y = scale(*v);
                #[allow(clippy::cast_precision_loss)]
                let x = x0 + bar_width * s as f64;
                let _ = write!(
                    body,
                    r#"<rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{:.1}" fill="{}"><title>{} – {}: {}</title></rect>"#,
                    bar_width * 0.92,
                    (top + plot_height - y).max(0.0),
                    serie.color,
                    escape(&serie.name),
                    escape(group),
                    escape(&numbers.money(*v))
                );
            }
        }
        let _ = write!(
            body,
            r#"<text x="{:.1}" y="{:.1}" class="label" text-anchor="middle">{}</text>"#,
            x0 + group_width * 0.4,
            top + plot_height + 18.0,
            escape(group)
        );
    }
    let _ = write!(
        body,
        r#"<line x1="{left}" y1="{0:.1}" x2="{1:.1}" y2="{0:.1}" class="axis"/><text x="12" y="{2:.1}" class="tick" transform="rotate(-90 12 {2:.1})" text-anchor="middle">{3}</text>"#,
        top + plot_height,
        left + plot_width,
        top + plot_height / 2.0,
        escape(unit)
    );
    let height = legend(&mut body, series, top + plot_height + 44.0, left, plot_width, &[]);
    svg(width, height, &body)
}

/// Horizontal stacked bars: one bar per row (e.g. a scenario), stacked by
/// series (e.g. a kind of cost).
#[must_use]
pub fn stacked_bars(rows: &[String], series: &[Series], unit: &str, numbers: Numbers) -> String {
    let (width, left, top, row_height) = (760.0, 230.0, 10.0, 34.0);
    // Room on the right for half of the last tick's label ("4 000 000",
    // centred on the axis's end), which was cut to "4 000 00".
    let plot_width = width - left - 48.0;
    #[allow(clippy::cast_precision_loss)]
    let plot_height = row_height * rows.len() as f64;
    // The longest stack, to size the axis: drawing geometry, never a
    // figure shown (the shown totals are the engine's, in the tables).
    let max = (0..rows.len())
        .map(|r| {
            series
                .iter()
                .filter_map(|s| s.values.get(r).copied().flatten())
                .filter(|v| *v > 0.0)
                .sum::<f64>()
        })
        .fold(0.0_f64, f64::max);
    let step = nice_step(max, 5.0);
    let top_value = (max / step).ceil().max(1.0) * step;
    let scale = |v: f64| v.max(0.0) / top_value * plot_width;
    let mut body = String::new();
    // Counted, not accumulated: a figure that is not finite (or steps too
    // small to add up) never makes the loop run on and the file grow.
    for k in 0..tick_count(top_value, step) {
        let tick = k as f64 * step;
        let x = left + scale(tick);
        let _ = write!(
            body,
            r#"<line x1="{x:.1}" y1="{top}" x2="{x:.1}" y2="{:.1}" class="grid"/><text x="{x:.1}" y="{:.1}" class="tick" text-anchor="middle">{}</text>"#,
            top + plot_height,
            top + plot_height + 16.0,
            escape(&numbers.num(tick, 0))
        );
    }
    for (r, row) in rows.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let y = top + row_height * r as f64 + 6.0;
        let mut x = left;
        for serie in series {
            if let Some(Some(v)) = serie.values.get(r)
                && *v > 0.0
            {
                let w = scale(*v);
                let _ = write!(
                    body,
                    r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{:.1}" fill="{}"><title>{} – {}: {}</title></rect>"#,
                    row_height - 12.0,
                    serie.color,
                    escape(row),
                    escape(&serie.name),
                    escape(&numbers.money(*v))
                );
                x += w;
            }
        }
        let name: String = if row.chars().count() > 34 {
            row.chars().take(33).chain(std::iter::once('…')).collect()
        } else {
            row.clone()
        };
        let _ = write!(
            body,
            r#"<text x="{:.1}" y="{:.1}" class="label" text-anchor="end">{}</text>"#,
            left - 8.0,
            y + row_height / 2.0 - 2.0,
            escape(&name)
        );
    }
    let _ = write!(
        body,
        r#"<text x="{:.1}" y="{:.1}" class="tick" text-anchor="middle">{}</text>"#,
        left + plot_width / 2.0,
        top + plot_height + 32.0,
        escape(unit)
    );
    let height = legend(&mut body, series, top + plot_height + 56.0, left, plot_width, &[]);
    svg(width, height, &body)
}

/// Lines over the years (e.g. cumulative cost per scenario), with an
/// optional marked point per series (e.g. its payback year).
#[must_use]
pub fn lines(
    years: &[i32],
    series: &[Series],
    marks: &[Option<usize>],
    unit: &str,
    numbers: Numbers,
) -> String {
    line_chart(years, series, marks, &[], unit, numbers)
}

/// A fan chart: per series a band from its low to its high values (P10 to
/// P90) drawn translucent, and its median as a line.
pub fn fan(
    years: &[i32],
    medians: &[Series],
    bands: &[(Vec<f64>, Vec<f64>)],
    unit: &str,
    numbers: Numbers,
) -> String {
    line_chart(years, medians, &vec![None; medians.len()], bands, unit, numbers)
}

fn line_chart(
    years: &[i32],
    series: &[Series],
    marks: &[Option<usize>],
    bands: &[(Vec<f64>, Vec<f64>)],
    unit: &str,
    numbers: Numbers,
) -> String {
    let (width, plot_height, left, top) = (760.0, 300.0, 100.0, 16.0);
    let plot_width = width - left - 20.0;
    // The axis covers the bands' highs too.
    let highs: Vec<Series> = bands
        .iter()
        .map(|(_, high)| Series {
            name: String::new(),
            color: String::new(),
            values: high.iter().map(|v| Some(*v)).collect(),
        })
        .collect();
    let axis: Vec<&Series> = series.iter().chain(&highs).collect();
    let (step, top_value) = value_axis_of(&axis);
    let y_of = |v: f64| top + plot_height - v.max(0.0) / top_value * plot_height;
    #[allow(clippy::cast_precision_loss)]
    let x_of = |i: usize| left + plot_width * i as f64 / (years.len().max(2) - 1) as f64;
    let mut body = String::new();
    horizontal_grid(&mut body, top_value, step, left, plot_width, y_of, numbers);
    for (serie, (low, high)) in series.iter().zip(bands) {
        let mut points: Vec<String> = high
            .iter()
            .enumerate()
            .map(|(i, v)| format!("{:.1},{:.1}", x_of(i), y_of(*v)))
            .collect();
        points.extend(
            low.iter()
                .enumerate()
                .rev()
                .map(|(i, v)| format!("{:.1},{:.1}", x_of(i), y_of(*v))),
        );
        let _ = write!(
            body,
            r#"<polygon points="{}" fill="{}" fill-opacity="0.18" stroke="none"><title>{} P10–P90</title></polygon>"#,
            points.join(" "),
            serie.color,
            escape(&serie.name)
        );
    }
    for (i, year) in years.iter().enumerate() {
        let _ = write!(
            body,
            r#"<text x="{:.1}" y="{:.1}" class="tick" text-anchor="middle">{year}</text>"#,
            x_of(i),
            top + plot_height + 16.0
        );
    }
    let dashes = crate::palette::line_dashes(&series.iter().map(|s| s.values.clone()).collect::<Vec<_>>());
    // Payback markers that would sit on each other are spread sideways and
    // differ in shape.
    let at: Vec<Option<(usize, f64)>> = series
        .iter()
        .zip(marks)
        .map(|(serie, mark)| mark.and_then(|i| serie.values.get(i).copied().flatten().map(|v| (i, v))))
        .collect();
    let places = crate::palette::marker_places(&at, top_value);
    #[allow(clippy::cast_precision_loss)]
    let year_width = plot_width / (years.len().max(2) - 1) as f64;
    for (s, ((serie, mark), dash)) in series.iter().zip(marks).zip(dashes).enumerate() {
        let points: Vec<String> = serie
            .values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.map(|v| format!("{:.1},{:.1}", x_of(i), y_of(v))))
            .collect();
        let _ = write!(
            body,
            r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="2.5" stroke-dasharray="{}"><title>{}</title></polyline>"#,
            points.join(" "),
            serie.color,
            crate::palette::svg_dash(dash),
            escape(&serie.name)
        );
        if let Some(i) = mark
            && let Some(Some(v)) = serie.values.get(*i)
        {
            let place = places[s];
            // Inside the plot: a marker spread sideways from the first or
            // last year stays right of the value axis and left of the end.
            let x = (x_of(*i) + place.shift * year_width).clamp(left + 8.0, left + plot_width - 8.0);
            let y = y_of(*v);
            let shape = marker_path(place.shape, x, y);
            let _ = write!(
                body,
                r##"<path d="{shape}" fill="{}" stroke="#333" stroke-width="0.8"><title>{} – {}</title></path>"##,
                serie.color,
                escape(&serie.name),
                years.get(*i).copied().unwrap_or_default()
            );
        }
    }
    let _ = write!(
        body,
        r#"<text x="14" y="{0:.1}" class="tick" transform="rotate(-90 14 {0:.1})" text-anchor="middle">{1}</text>"#,
        top + plot_height / 2.0,
        escape(unit)
    );
    // The marker of each series with a payback year, in the legend too.
    let shapes: Vec<Option<usize>> = at
        .iter()
        .zip(&places)
        .map(|(a, place)| a.map(|_| place.shape))
        .collect();
    let height = legend(
        &mut body,
        series,
        top + plot_height + 42.0,
        left,
        plot_width,
        &shapes,
    );
    svg(width, height, &body)
}

/// A tornado (see [`crate::report::charts::TornadoChart`]): per input a
/// horizontal bar from the difference with the input at its low value to
/// the difference at its high value, on an axis of differences in kroner
/// with the study's difference (`base`) and zero (where the two options
/// cost the same) marked. `labels` names the two ends in the legend.
#[must_use]
pub fn tornado(
    chart: &crate::report::charts::TornadoChart,
    (low_label, high_label): (&str, &str),
    unit: &str,
    numbers: Numbers,
) -> String {
    let (width, left, top, row_height) = (760.0, 250.0, 10.0, 26.0);
    let plot_width = width - left - 48.0;
    #[allow(clippy::cast_precision_loss)]
    let plot_height = row_height * chart.bars.len().max(1) as f64;
    // The axis covers every bar's ends, the base and zero: geometry only.
    let ends = chart
        .bars
        .iter()
        .flat_map(|b| [b.at_low, b.at_high])
        .chain([chart.base, 0.0])
        .filter(|v| v.is_finite());
    let (lo, hi) = ends.fold((0.0_f64, 0.0_f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let step = nice_step((hi - lo).max(1.0), 5.0);
    let (from, to) = (
        (lo / step).floor() * step,
        ((hi / step).ceil() * step).max((lo / step).floor() * step + step),
    );
    let x_of = |v: f64| left + (v.clamp(from, to) - from) / (to - from) * plot_width;
    let mut body = String::new();
    for k in 0..tick_count(to - from, step) {
        let tick = from + k as f64 * step;
        let x = x_of(tick);
        let _ = write!(
            body,
            r#"<line x1="{x:.1}" y1="{top}" x2="{x:.1}" y2="{:.1}" class="grid"/><text x="{x:.1}" y="{:.1}" class="tick" text-anchor="middle">{}</text>"#,
            top + plot_height,
            top + plot_height + 16.0,
            escape(&numbers.num(tick, 0))
        );
    }
    let (low_colour, high_colour) = ("#1f77b4", "#ff7f0e");
    for (r, bar) in chart.bars.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let y = top + row_height * r as f64 + 5.0;
        for (value, colour, label) in [
            (bar.at_low, low_colour, low_label),
            (bar.at_high, high_colour, high_label),
        ] {
            let (a, b) = (x_of(chart.base.min(value)), x_of(chart.base.max(value)));
            let _ = write!(
                body,
                r#"<rect x="{a:.1}" y="{y:.1}" width="{:.1}" height="{:.1}" fill="{colour}"><title>{} – {}: {}</title></rect>"#,
                (b - a).max(0.5),
                row_height - 10.0,
                escape(&bar.name),
                escape(label),
                escape(&numbers.money(value))
            );
        }
        let name: String = if bar.name.chars().count() > 38 {
            bar.name.chars().take(37).chain(std::iter::once('…')).collect()
        } else {
            bar.name.clone()
        };
        let _ = write!(
            body,
            r#"<text x="{:.1}" y="{:.1}" class="label" text-anchor="end"><title>{}</title>{}</text>"#,
            left - 8.0,
            y + row_height / 2.0,
            escape(&bar.name),
            escape(&name)
        );
    }
    // Zero: where the two options cost the same; the base: the study's
    // figures.
    let _ = write!(
        body,
        r##"<line x1="{0:.1}" y1="{top}" x2="{0:.1}" y2="{1:.1}" stroke="#b02a2a" stroke-width="1.5" stroke-dasharray="5 3"/><line x1="{2:.1}" y1="{top}" x2="{2:.1}" y2="{1:.1}" class="axis"/>"##,
        x_of(0.0),
        top + plot_height,
        x_of(chart.base)
    );
    let _ = write!(
        body,
        r#"<text x="{:.1}" y="{:.1}" class="tick" text-anchor="middle">{}</text>"#,
        left + plot_width / 2.0,
        top + plot_height + 32.0,
        escape(unit)
    );
    let series = [
        Series {
            name: low_label.to_owned(),
            color: low_colour.to_owned(),
            values: Vec::new(),
        },
        Series {
            name: high_label.to_owned(),
            color: high_colour.to_owned(),
            values: Vec::new(),
        },
    ];
    let height = legend(
        &mut body,
        &series,
        top + plot_height + 56.0,
        left,
        plot_width,
        &[],
    );
    svg(width, height, &body)
}

/// An SVG path for a marker of `shape` (see `palette::MarkerPlace`),
/// about 14 px across, centred on `(x, y)`.
fn marker_path(shape: usize, x: f64, y: f64) -> String {
    let r = 7.0;
    match shape {
        0 => format!(
            "M{x:.1} {:.1} L{:.1} {y:.1} L{x:.1} {:.1} L{:.1} {y:.1} Z",
            y - r,
            x + r,
            y + r,
            x - r
        ),
        1 => {
            let h = r * 0.8;
            format!(
                "M{:.1} {:.1} H{:.1} V{:.1} H{:.1} Z",
                x - h,
                y - h,
                x + h,
                y + h,
                x - h
            )
        }
        2 => format!(
            "M{x:.1} {:.1} L{:.1} {:.1} L{:.1} {:.1} Z",
            y - r,
            x + r,
            y + r * 0.75,
            x - r,
            y + r * 0.75
        ),
        _ => {
            let c = r * 0.85;
            format!(
                "M{:.1} {y:.1} A{c:.1} {c:.1} 0 1 0 {:.1} {y:.1} A{c:.1} {c:.1} 0 1 0 {:.1} {y:.1} Z",
                x - c,
                x + c,
                x - c
            )
        }
    }
}

fn svg(width: f64, height: f64, body: &str) -> String {
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0} {height:.0}" width="100%" role="img">{body}</svg>"#
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp, clippy::panic)]
mod tests {

    #[test]
    fn grid_lines_are_counted_and_end_for_any_figure() {
        // 0 to 2 500 000 by 500 000: six lines, both ends included.
        assert_eq!(super::tick_count(2_500_000.0, 500_000.0), 6);
        // Infinite or NaN figures (1e300 W before the limits) drew lines
        // until memory ran out; now one line at 0.
        assert_eq!(super::tick_count(f64::INFINITY, 1.0), 1);
        assert_eq!(super::tick_count(f64::NAN, 1.0), 1);
        assert_eq!(super::tick_count(1e300, 1e-300), 50);
    }

    use super::*;

    #[test]
    fn names_are_escaped_in_charts() {
        let series = vec![Series {
            name: "<script>".into(),
            color: "#000000".into(),
            values: vec![Some(1.0)],
        }];
        let svg = grouped_bars(&["A&B".into()], &series, "kr", Numbers::NORDIC);
        assert!(!svg.contains("<script>") && svg.contains("&lt;script&gt;") && svg.contains("A&amp;B"));
        let svg = stacked_bars(&["<b>".into()], &series, "kr", Numbers::NORDIC);
        assert!(!svg.contains("<b>") && svg.contains("&lt;b&gt;"));
    }

    #[test]
    fn the_last_tick_label_of_the_stacked_bars_fits_inside_the_chart() {
        // A stack of 3 682 050 gives ticks to 4 000 000; its label, nine
        // characters of 11 px text (about 6,5 px each, 58 px), is centred
        // on the axis's end and must end inside the 760 px wide chart.
        let series = vec![Series {
            name: "x".into(),
            color: "#000000".into(),
            values: vec![Some(3_682_050.0)],
        }];
        let svg = stacked_bars(&["A".into()], &series, "kr", Numbers::NORDIC);
        let label = "4\u{a0}000\u{a0}000";
        let at = svg.find(&format!(">{label}<")).unwrap();
        let tag = &svg[svg[..at].rfind("<text").unwrap()..at];
        let x: f64 = tag
            .split("x=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap()
            .parse()
            .unwrap();
        assert!(x + 9.0 * 6.5 / 2.0 <= 760.0, "the label ends at {}", x + 29.25);
    }
}
