//! Charts as SVG: the flow of money (a Sankey diagram: county total → areas → handling
//! actors → recipients) and the amounts per kommun (stacked bars). Each is drawn from a report
//! view, so it shows exactly the money the tables show.
//!
//! The SVG is self-contained: no scripts, no external fonts or images, no CSS outside the
//! element. Word gets the same picture as PNG (`png`). Coordinates are floats computed from
//! the exact amounts, for drawing only; every figure written in a chart is formatted from the
//! amount itself.

use std::fmt::Write as _;

use rust_decimal::prelude::ToPrimitive;

use crate::core::money::Amount;
use crate::core::report::{Flow, FlowLink, FlowNode, PerKommun};
use crate::output::document::Chart;
use crate::output::lang::Lang;
use crate::output::number;
use crate::say;

/// Fonts for the chart's text; `png` renders with DejaVu Sans, which it carries.
const FONT: &str = "DejaVu Sans, Segoe UI, Helvetica, Arial, sans-serif";
/// Colours for the areas (the first stage), readable in print and for common colour blindness.
const AREA_COLOURS: [&str; 6] = [
    "#1f77b4", "#2a9d8f", "#d1495b", "#8e6c8a", "#e9a03b", "#5f7f3f",
];
/// Colours for the handling actors.
const HANDLER_COLOURS: [&str; 6] = [
    "#264653", "#6a4c93", "#b5651d", "#2d6a4f", "#7a5c61", "#3d5a80",
];
const TEXT: &str = "#1a1a1a";
const NODE: &str = "#3a3a3a";

fn f(amount: Amount) -> f64 {
    amount.0.to_f64().unwrap_or(0.0)
}

/// The colour of the `i`th insats in the chart per kommun: the areas' colours, then the
/// handling actors', so that twelve insatser are told apart (a county with seven split over
/// its kommuner had its first and seventh in one colour).
fn column_colour(i: usize) -> &'static str {
    let i = i % (AREA_COLOURS.len() + HANDLER_COLOURS.len());
    match i.checked_sub(AREA_COLOURS.len()) {
        None => colour(&AREA_COLOURS, i),
        Some(j) => colour(&HANDLER_COLOURS, j),
    }
}

fn colour(list: &[&'static str], i: usize) -> &'static str {
    list.get(i % list.len().max(1))
        .copied()
        .unwrap_or("#777777")
}

/// Text for SVG, HTML and XML: control, bidi and zero-width characters and noncharacters shown
/// as `<U+0001>`
/// ([`visible`](crate::output::text::visible): XML cannot hold most of them, and a plan must
/// not reorder or hide what a reader sees), line breaks as spaces, then `&`, `<`, `>` and
/// quotes escaped. Every text of a plan that goes into the HTML or an SVG goes through here.
pub fn escape(text: &str) -> String {
    let text = crate::output::text::visible(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The size of a chart's text in pixels.
const FONT_PX: f64 = 12.0;

/// How wide `text` is drawn, in pixels: as shown, each hidden character as its `<U+XXXX>`.
fn shown_width(text: &str) -> f64 {
    super::metrics::pixels(text, FONT_PX, false)
}

/// `text` cut to `width` pixels with "…".
fn cut(text: &str, width: f64) -> String {
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if shown_width(&out) + shown_width("…") > width {
            out.pop();
            break;
        }
    }
    format!("{}…", crate::output::text::before_cut_name(&out).trim_end())
}

/// `text` as shown (hidden characters as `<U+XXXX>`,
/// [`visible`](crate::output::text::visible)) broken into lines of at most `width` pixels,
/// at most `lines` of them (the last cut with "…" when the text is longer).
fn wrap(text: &str, width: f64, lines: usize) -> Vec<String> {
    let text = crate::output::text::visible(text);
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut rest = words.iter().peekable();
    for word in rest.by_ref() {
        let candidate = if current.is_empty() {
            (*word).to_string()
        } else {
            format!("{current} {word}")
        };
        if shown_width(&candidate) <= width || current.is_empty() {
            current = candidate;
            continue;
        }
        out.push(std::mem::take(&mut current));
        current = (*word).to_string();
        if out.len() == lines {
            break;
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    if out.len() > lines || (out.len() == lines && rest.peek().is_some()) {
        out.truncate(lines);
        if let Some(last) = out.last_mut() {
            *last = cut(last, width);
        }
    }
    out.into_iter()
        .map(|l| {
            if shown_width(&l) > width {
                cut(&l, width)
            } else {
                l
            }
        })
        .collect()
}

/// A label of one or more lines, left-aligned at `x`, its block centred on `y`, with a white
/// halo so that it reads over the bands.
fn label(svg: &mut String, x: f64, y: f64, lines: &[String], bold_first: bool) {
    let line_height = 14.0;
    let count = lines.len() as f64;
    let top = y - (count - 1.0) * line_height / 2.0;
    let _ = write!(
        svg,
        r##"<text x="{x:.1}" y="{top:.1}" dominant-baseline="middle" fill="{TEXT}" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">"##
    );
    for (i, line) in lines.iter().enumerate() {
        let dy = if i == 0 { 0.0 } else { line_height };
        let weight = if i == 0 && bold_first {
            r#" font-weight="bold""#
        } else {
            ""
        };
        let _ = write!(
            svg,
            r#"<tspan x="{x:.1}" dy="{dy:.1}"{weight}>{}</tspan>"#,
            escape(line)
        );
    }
    svg.push_str("</text>");
}

fn open(svg: &mut String, id: &str, width: u32, height: u32, title: &str, description: &str) {
    let _ = write!(
        svg,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-labelledby="{id}-title {id}-desc" font-family="{FONT}" font-size="12"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc><rect width="{width}" height="{height}" fill="#ffffff"/>"##,
        escape(title),
        escape(description)
    );
}

/// A node of the Sankey diagram, placed.
struct Placed {
    y: f64,
    height: f64,
}

/// Stacks nodes of `amounts` from `top` with `gap` between them, `scale` pixels per krona.
fn stack(amounts: &[Amount], top: f64, gap: f64, scale: f64) -> Vec<Placed> {
    let mut y = top;
    amounts
        .iter()
        .map(|a| {
            let height = (f(*a) * scale).max(1.0);
            let placed = Placed { y, height };
            y += height + gap;
            placed
        })
        .collect()
}

/// One band from a source node to a target node, its thickness the link's amount.
#[allow(clippy::too_many_arguments)]
fn band(
    svg: &mut String,
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
    thickness: f64,
    colour: &str,
    title: &str,
) {
    let xm = (x0 + x1) / 2.0;
    let _ = write!(
        svg,
        r#"<path d="M{x0:.1},{y0:.2} C{xm:.1},{y0:.2} {xm:.1},{y1:.2} {x1:.1},{y1:.2} L{x1:.1},{b1:.2} C{xm:.1},{b1:.2} {xm:.1},{b0:.2} {x0:.1},{b0:.2} Z" fill="{colour}" fill-opacity="0.42"><title>{}</title></path>"#,
        escape(title),
        b0 = y0 + thickness,
        b1 = y1 + thickness,
    );
}

/// Draws the links between two columns: each source's links stacked in target order, each
/// target's in source order.
#[allow(clippy::too_many_arguments)]
fn links(
    svg: &mut String,
    links: &[FlowLink],
    from: &[Placed],
    to: &[Placed],
    x0: f64,
    x1: f64,
    scale: f64,
    colours: &dyn Fn(&FlowLink) -> &'static str,
    title: &dyn Fn(&FlowLink) -> String,
) {
    let mut out_offset = vec![0.0_f64; from.len()];
    let mut in_offset = vec![0.0_f64; to.len()];
    let mut by_target: Vec<&FlowLink> = links.iter().collect();
    by_target.sort_by_key(|l| (l.to, l.from));
    // Where each link enters its target, in source order.
    let mut entry = Vec::with_capacity(links.len());
    for link in &by_target {
        let thickness = f(link.amount) * scale;
        let y =
            to.get(link.to).map_or(0.0, |n| n.y) + in_offset.get(link.to).copied().unwrap_or(0.0);
        if let Some(o) = in_offset.get_mut(link.to) {
            *o += thickness;
        }
        entry.push((link.from, link.to, y));
    }
    let mut by_source: Vec<&FlowLink> = links.iter().collect();
    by_source.sort_by_key(|l| (l.from, l.to));
    for link in by_source {
        let thickness = f(link.amount) * scale;
        let y0 = from.get(link.from).map_or(0.0, |n| n.y)
            + out_offset.get(link.from).copied().unwrap_or(0.0);
        if let Some(o) = out_offset.get_mut(link.from) {
            *o += thickness;
        }
        let y1 = entry
            .iter()
            .find(|(s, t, _)| *s == link.from && *t == link.to)
            .map_or(0.0, |e| e.2);
        band(svg, x0, y0, x1, y1, thickness, colours(link), &title(link));
    }
}

/// Pushes label centres apart so that they are at least `spacing` apart, keeping their order
/// and staying within `top..bottom` where possible.
fn spread(desired: &[f64], spacing: f64, top: f64, bottom: f64) -> Vec<f64> {
    let mut ys: Vec<f64> = Vec::with_capacity(desired.len());
    for &d in desired {
        let y = match ys.last() {
            Some(&prev) => d.max(prev + spacing),
            None => d.max(top),
        };
        ys.push(y);
    }
    // Pull back up from the bottom when the last label ran over.
    let mut limit = bottom;
    for y in ys.iter_mut().rev() {
        if *y > limit {
            *y = limit;
        }
        limit = *y - spacing;
    }
    ys
}

/// The Sankey diagram of the money: county total → areas → handling actors → recipients.
pub fn sankey(flow: &Flow, county_total: Amount, lang: Lang) -> Chart {
    let width: u32 = 960;
    let (x_total, x_area, x_handler, x_recipient) = (12.0, 210.0, 470.0, 742.0);
    let node_width = 14.0;
    let (top, gap) = (28.0, 16.0);
    let plot = 520.0;
    let columns = [
        1usize,
        flow.areas.len(),
        flow.handlers.len(),
        flow.recipients.len(),
    ];
    let total = f(flow.total).max(1.0);
    let scale = columns
        .iter()
        .map(|&n| (plot - gap * (n.saturating_sub(1) as f64)).max(40.0) / total)
        .fold(f64::INFINITY, f64::min);
    let amounts = |nodes: &[FlowNode]| nodes.iter().map(|n| n.amount).collect::<Vec<_>>();
    let county = stack(&[flow.total], top, gap, scale);
    let areas = stack(&amounts(&flow.areas), top, gap, scale);
    let handlers = stack(&amounts(&flow.handlers), top, gap, scale);
    let recipients = stack(&amounts(&flow.recipients), top, gap, scale);
    // Recipient labels: two lines each, spread so that they never overlap.
    let spacing = 32.0;
    let desired: Vec<f64> = recipients.iter().map(|n| n.y + n.height / 2.0).collect();
    let bottom_of = |nodes: &[Placed]| nodes.last().map_or(top, |n| n.y + n.height);
    let plot_bottom = [&county, &areas, &handlers, &recipients]
        .iter()
        .map(|c| bottom_of(c))
        .fold(top, f64::max);
    let label_bottom = plot_bottom.max(top + spacing * (recipients.len() as f64));
    let label_ys = spread(&desired, spacing, top + 8.0, label_bottom);
    let height = (label_bottom.max(plot_bottom) + 40.0).ceil() as u32;

    let money = |a: Amount| number::document_amount(a, lang);
    let title = lang.pick("Medlens väg", "Where the money goes").to_string();
    let counted = |n: usize, sv, en| crate::output::words::counted(n as u64, sv, en, lang);
    let (total, areas_n, handlers_n, recipients_n) = (
        money(flow.total),
        counted(flow.areas.len(), ("område", "områden"), ("area", "areas")),
        counted(
            flow.handlers.len(),
            ("ansvarig aktör", "ansvariga aktörer"),
            ("responsible actor", "responsible actors"),
        ),
        // Each kommun a recipient, as in the letters, though the picture draws them as one.
        counted(
            flow.recipients.iter().map(|r| r.members).sum(),
            ("mottagare", "mottagare"),
            ("recipient", "recipients"),
        ),
    );
    // The county total, or (in a draft whose errors keep money from the picture) the part
    // of it shown.
    let whole = if flow.total == county_total {
        say!(lang, "Länets medel {total}", "The county's {total}")
    } else {
        let county = money(county_total);
        say!(
            lang,
            "{total} av länets medel {county}",
            "{total} of the county's {county}"
        )
    };
    let description = say!(
        lang,
        "{whole} fördelas på {areas_n}, hanteras av {handlers_n} och går till {recipients_n}. Bandens bredd motsvarar beloppet.",
        "{whole} is split over {areas_n}, handled by {handlers_n} and paid to {recipients_n}. The width of a band is its amount."
    );
    let mut svg = String::new();
    open(&mut svg, "flow", width, height, &title, &description);
    // Column headings.
    for (x, text) in [
        (x_total, lang.pick("Länets medel", "County total")),
        (x_area, lang.pick("Områden", "Areas")),
        (x_handler, lang.pick("Hanteras av", "Handled by")),
        (x_recipient, lang.pick("Mottagare", "Recipients")),
    ] {
        let _ = write!(
            svg,
            r##"<text x="{x:.1}" y="14" font-weight="bold" fill="#555555">{}</text>"##,
            escape(text)
        );
    }
    // Bands first, nodes and labels on top.
    let county_links: Vec<FlowLink> = flow
        .areas
        .iter()
        .enumerate()
        .map(|(i, a)| FlowLink {
            from: 0,
            to: i,
            amount: a.amount,
        })
        .collect();
    let area_name = |i: usize| {
        flow.areas.get(i).map_or_else(String::new, |a| {
            let n = &a.label;
            say!(lang, "Område {n}", "Area {n}")
        })
    };
    let handler_name = |i: usize| {
        flow.handlers
            .get(i)
            .map_or_else(String::new, |h| h.name.clone())
    };
    let recipient_name = |i: usize| {
        flow.recipients
            .get(i)
            .map_or_else(String::new, |r| r.name.clone())
    };
    links(
        &mut svg,
        &county_links,
        &county,
        &areas,
        x_total + node_width,
        x_area,
        scale,
        &|l| colour(&AREA_COLOURS, l.to),
        &|l| format!("{}: {}", area_name(l.to), money(l.amount)),
    );
    links(
        &mut svg,
        &flow.area_handler,
        &areas,
        &handlers,
        x_area + node_width,
        x_handler,
        scale,
        &|l| colour(&AREA_COLOURS, l.from),
        &|l| {
            format!(
                "{} → {}: {}",
                area_name(l.from),
                handler_name(l.to),
                money(l.amount)
            )
        },
    );
    links(
        &mut svg,
        &flow.handler_recipient,
        &handlers,
        &recipients,
        x_handler + node_width,
        x_recipient,
        scale,
        &|l| colour(&HANDLER_COLOURS, l.from),
        &|l| {
            format!(
                "{} → {}: {}",
                handler_name(l.from),
                recipient_name(l.to),
                money(l.amount)
            )
        },
    );
    let node = |svg: &mut String, x: f64, n: &Placed, fill: &str, title: &str| {
        let _ = write!(
            svg,
            r#"<rect x="{x:.1}" y="{:.2}" width="{node_width}" height="{:.2}" fill="{fill}"><title>{}</title></rect>"#,
            n.y,
            n.height,
            escape(title)
        );
    };
    if let Some(n) = county.first() {
        node(&mut svg, x_total, n, NODE, &money(flow.total));
        label(
            &mut svg,
            x_total + node_width + 6.0,
            n.y + n.height / 2.0,
            &[
                lang.pick("Länets medel", "County total").to_string(),
                money(flow.total),
            ],
            true,
        );
    }
    for (i, (n, area)) in areas.iter().zip(&flow.areas).enumerate() {
        node(
            &mut svg,
            x_area,
            n,
            colour(&AREA_COLOURS, i),
            &format!("{}: {}", area.name, money(area.amount)),
        );
        let mut lines = vec![area_name(i)];
        lines.extend(wrap(&area.name, 240.0, 2));
        lines.push(money(area.amount));
        label(
            &mut svg,
            x_area + node_width + 6.0,
            n.y + n.height / 2.0,
            &lines,
            true,
        );
    }
    for (i, (n, handler)) in handlers.iter().zip(&flow.handlers).enumerate() {
        node(
            &mut svg,
            x_handler,
            n,
            colour(&HANDLER_COLOURS, i),
            &format!("{}: {}", handler.name, money(handler.amount)),
        );
        let mut lines = wrap(&handler.label, 250.0, 3);
        lines.push(money(handler.amount));
        label(
            &mut svg,
            x_handler + node_width + 6.0,
            n.y + n.height / 2.0,
            &lines,
            false,
        );
    }
    for ((n, recipient), y) in recipients.iter().zip(&flow.recipients).zip(&label_ys) {
        node(
            &mut svg,
            x_recipient,
            n,
            NODE,
            &format!("{}: {}", recipient.name, money(recipient.amount)),
        );
        let amount = if recipient.members > 1 {
            let (n, amount) = (recipient.members, money(recipient.amount));
            say!(lang, "{n} kommuner, {amount}", "{n} kommuner, {amount}")
        } else {
            money(recipient.amount)
        };
        let x = x_recipient + node_width + 10.0;
        let centre = n.y + n.height / 2.0;
        if (y - centre).abs() > 1.0 {
            let _ = write!(
                svg,
                r##"<path d="M{:.1},{centre:.2} L{:.1},{y:.2}" stroke="#999999" stroke-width="0.8" fill="none"/>"##,
                x_recipient + node_width,
                x - 2.0
            );
        }
        let lines = vec![
            wrap(&recipient.label, f64::from(width) - x - 4.0, 1)
                .into_iter()
                .next()
                .unwrap_or_default(),
            amount,
        ];
        label(&mut svg, x, *y, &lines, false);
    }
    svg.push_str("</svg>");
    Chart {
        id: "flow".to_string(),
        title,
        description,
        svg,
        width,
        height,
    }
}

/// Stacked horizontal bars: each kommun's money, one segment per insats.
pub fn kommun_bars(report: &PerKommun, lang: Lang) -> Chart {
    let width: u32 = 960;
    let (name_width, value_width) = (130.0, 130.0);
    let bar_space = f64::from(width) - name_width - value_width - 20.0;
    let legend_line = 18.0;
    let legend_top = 12.0;
    let bars_top = legend_top + legend_line * (report.columns.len() as f64) + 14.0;
    let bar_height = 18.0;
    let bar_step = 28.0;
    let height = (bars_top + bar_step * (report.rows.len() as f64) + 12.0).ceil() as u32;
    let max = report
        .rows
        .iter()
        .map(|r| f(r.total))
        .fold(0.0_f64, f64::max)
        .max(1.0);
    let title = lang
        .pick("Medel per kommun", "Funds per kommun")
        .to_string();
    let money = |a: Amount| number::document_amount(a, lang);
    let largest = report.rows.iter().max_by_key(|r| r.total);
    let description = match largest {
        Some(r) => {
            let (mut total, name, amount) = (money(report.total), &r.name, money(r.total));
            // In a draft, the insatser whose lines the errors kept from being made.
            if !report.unsplit.is_empty() {
                let list = crate::output::words::listed(&report.unsplit, lang);
                total.push_str(&say!(lang, " utan {list}", " without {list}"));
            }
            say!(
                lang,
                "Staplar per kommun, uppdelade per insats; totalt {total}. Störst: {name} med {amount}.",
                "Bars per kommun, split per insats; in total {total}. Largest: {name} with {amount}."
            )
        }
        None => String::new(),
    };
    let mut svg = String::new();
    open(&mut svg, "kommuner", width, height, &title, &description);
    for (i, column) in report.columns.iter().enumerate() {
        let y = legend_top + legend_line * (i as f64);
        let _ = write!(
            svg,
            r#"<rect x="{name_width:.1}" y="{y:.1}" width="12" height="12" fill="{}"/>"#,
            column_colour(i)
        );
        let text: String = format!("{} {}", column.insats, column.text);
        let line = wrap(&text, f64::from(width) - name_width - 22.0, 1)
            .into_iter()
            .next()
            .unwrap_or_default();
        let _ = write!(
            svg,
            r#"<text x="{:.1}" y="{:.1}" dominant-baseline="middle" fill="{TEXT}">{}</text>"#,
            name_width + 18.0,
            y + 6.0,
            escape(&line)
        );
    }
    for (r, row) in report.rows.iter().enumerate() {
        let y = bars_top + bar_step * (r as f64);
        let _ = write!(
            svg,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="end" dominant-baseline="middle" fill="{TEXT}">{}</text>"#,
            name_width - 8.0,
            y + bar_height / 2.0,
            escape(&wrap(&row.name, name_width - 10.0, 1).concat())
        );
        let mut x = name_width;
        for (i, amount) in row.amounts.iter().enumerate() {
            let w = f(*amount) / max * bar_space;
            if w <= 0.0 {
                continue;
            }
            let column = report.columns.get(i).map_or("", |c| c.insats.as_str());
            let _ = write!(
                svg,
                r##"<rect x="{x:.2}" y="{y:.1}" width="{w:.2}" height="{bar_height}" fill="{}" stroke="#ffffff" stroke-width="0.5"><title>{} {column}: {}</title></rect>"##,
                column_colour(i),
                escape(&row.name),
                escape(&money(*amount))
            );
            x += w;
        }
        let _ = write!(
            svg,
            r#"<text x="{:.1}" y="{:.1}" dominant-baseline="middle" fill="{TEXT}">{}</text>"#,
            x + 6.0,
            y + bar_height / 2.0,
            escape(&money(row.total))
        );
    }
    svg.push_str("</svg>");
    Chart {
        id: "kommuner".to_string(),
        title,
        description,
        svg,
        width,
        height,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twelve_insatser_per_kommun_have_twelve_colours() {
        let colours: std::collections::HashSet<&str> = (0..12).map(column_colour).collect();
        assert_eq!(colours.len(), 12);
        assert_eq!(column_colour(12), column_colour(0));
    }

    #[test]
    fn wrapping_keeps_words_and_cuts_with_an_ellipsis() {
        assert_eq!(
            wrap("Region Jämtland Härjedalen", 240.0, 2),
            ["Region Jämtland Härjedalen"]
        );
        assert_eq!(
            wrap(
                "Region Jämtland Härjedalen för fortsatt fördelning och nyttjande",
                110.0,
                2
            ),
            ["Region Jämtland", "Härjedalen för…"]
        );
    }

    #[test]
    fn a_label_is_measured_as_shown_with_its_hidden_characters_named() {
        // U+202E and U+200B are drawn as `<U+202E>`, `<U+200B>`: eight characters each.
        let name = "@Vuxen\u{202e}niirtaykspsn\u{200b}<b>&amp;</b>";
        let lines = wrap(name, 190.0, 1);
        assert_eq!(lines.len(), 1);
        let line = &lines[0];
        assert!(line.starts_with("@Vuxen<U+202E>"), "{line}");
        assert!(line.ends_with('…'), "{line}");
        assert!(shown_width(line) <= 190.0, "{line}: {}", shown_width(line));
        // Wider letters take more room than narrow ones.
        assert!(shown_width("WWWW") > shown_width("iiii") * 2.0);
        let chart = sankey_label_overflow();
        assert!(chart.is_empty(), "{chart:?}");
    }

    /// Recipient labels of a flow whose every name is long and hidden-charactered: the ones
    /// that would run past the picture's right edge.
    fn sankey_label_overflow() -> Vec<String> {
        let width = 960.0;
        let x = 742.0 + 14.0 + 10.0;
        let name = "\u{202e}\u{200b}Wide Wonderful Municipality Of Many Words";
        wrap(name, width - x - 4.0, 1)
            .into_iter()
            .filter(|l| x + shown_width(l) > width)
            .collect()
    }

    #[test]
    fn labels_are_spread_apart_in_order() {
        let ys = spread(&[10.0, 12.0, 14.0, 100.0], 10.0, 0.0, 200.0);
        assert_eq!(ys, [10.0, 20.0, 30.0, 100.0]);
        let ys = spread(&[10.0, 12.0], 10.0, 0.0, 15.0);
        assert_eq!(ys, [5.0, 15.0]);
    }
}
