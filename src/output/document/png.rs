//! A chart's SVG as a PNG, for Word: rendered by resvg from the very SVG the HTML shows, with
//! the DejaVu Sans fonts the program carries, so the picture is the same on every machine
//! (a server without fonts, Windows, macOS) and in every program that opens the DOCX.

use std::sync::Arc;

use crate::output::document::Chart;

/// Pixels per SVG unit: twice the SVG's size, sharp in print at the width Word shows it.
const SCALE: f32 = 2.0;
/// The most pixels a picture has (a 960 × 1 600 chart at [`SCALE`]); a larger chart is drawn
/// at a smaller scale, so that drawing it never needs more than about 50 MB.
const MAX_PIXELS: f32 = 12_000_000.0;

/// Why a chart could not be drawn.
#[derive(Debug)]
pub struct RenderError(pub String);

/// The chart as PNG bytes, and its size in pixels.
pub fn render(chart: &Chart) -> Result<(Vec<u8>, u32, u32), RenderError> {
    let mut fonts = resvg::usvg::fontdb::Database::new();
    fonts.load_font_data(dejavu::sans::regular().to_vec());
    fonts.load_font_data(dejavu::sans::bold().to_vec());
    fonts.set_sans_serif_family("DejaVu Sans");
    let options = resvg::usvg::Options {
        font_family: "DejaVu Sans".to_string(),
        fontdb: Arc::new(fonts),
        ..resvg::usvg::Options::default()
    };
    let tree = resvg::usvg::Tree::from_str(&chart.svg, &options)
        .map_err(|e| RenderError(e.to_string()))?;
    let area = tree.size().width() * tree.size().height();
    let scale = SCALE.min((MAX_PIXELS / area.max(1.0)).sqrt());
    let size = tree
        .size()
        .to_int_size()
        .scale_by(scale)
        .ok_or_else(|| RenderError(format!("{}×{}", chart.width, chart.height)))?;
    let (width, height) = (size.width(), size.height());
    let mut pixmap = resvg::tiny_skia::Pixmap::new(width, height)
        .ok_or_else(|| RenderError(format!("{width}×{height}")))?;
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    let bytes = pixmap
        .encode_png()
        .map_err(|e| RenderError(e.to_string()))?;
    Ok((bytes, width, height))
}
