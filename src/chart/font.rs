//! The embedded font: Noto Sans (SIL Open Font License / Apache 2.0, via the
//! `ttf-noto-sans` crate), registered once with plotters' `ab_glyph` backend under
//! `sans-serif`. No system fonts, no fontconfig: the same pixels on every machine, and
//! æ, ø, å and the minus sign always render.

use plotters::style::FontStyle;
use std::sync::Once;

/// The font's family name in SVG `font-family` (viewers fall back to their sans-serif).
pub const FAMILY: &str = "sans-serif";

/// Register the font (idempotent).
pub fn ensure() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The bytes are compiled in and known to be valid TrueType; a failure here would
        // only make plotters fall back to its box estimate.
        let _ = plotters::style::register_font(FAMILY, FontStyle::Normal, ttf_noto_sans::REGULAR);
        let _ = plotters::style::register_font(FAMILY, FontStyle::Bold, ttf_noto_sans::BOLD);
    });
}

/// The embedded faces, for drawing text into a bitmap ourselves (`raster`).
fn face(bold: bool) -> &'static ab_glyph::FontRef<'static> {
    static FACES: std::sync::OnceLock<Option<[ab_glyph::FontRef<'static>; 2]>> =
        std::sync::OnceLock::new();
    let faces = FACES.get_or_init(|| {
        let regular = ab_glyph::FontRef::try_from_slice(ttf_noto_sans::REGULAR).ok()?;
        let bold = ab_glyph::FontRef::try_from_slice(ttf_noto_sans::BOLD).ok()?;
        Some([regular, bold])
    });
    // The bytes are compiled in and valid (a test reads them); without them there is
    // no text in the PNG, as plotters would draw none either.
    &faces.as_ref().expect("the embedded Noto Sans")[usize::from(bold)]
}

/// Each glyph of `text` at `size` pixels and its pen position from 0: the advances before
/// it and the kerning between neighbours (as plotters measures a text's width, which the
/// charts are laid out with: `Canvas::text_width`).
fn layout(text: &str, size: f32, bold: bool) -> Vec<(ab_glyph::GlyphId, f32)> {
    use ab_glyph::{Font, ScaleFont};
    let font = face(bold).as_scaled(size);
    let mut glyphs = Vec::with_capacity(text.len());
    let mut pen = 0.0;
    for c in text.chars() {
        let id = font.glyph_id(c);
        if let Some(&(prev, _)) = glyphs.last() {
            pen += font.kern(prev, id);
        }
        glyphs.push((id, pen));
        pen += font.h_advance(id);
    }
    glyphs
}

/// Draw `text` into a bitmap: its pen starts at `x`, its baseline at `y` (pixels), and
/// `plot(px, py, coverage)` is called for every pixel a glyph covers. Each glyph is
/// placed by its own bounds (its side bearing), which plotters'
/// `ab_glyph` text does not do (0.3.7 draws every glyph's ink from its pen position,
/// so "skjult" came out as "skj ult" in the PNGs and Word's charts).
pub fn raster(
    text: &str,
    size: f32,
    bold: bool,
    x: f32,
    y: f32,
    mut plot: impl FnMut(i32, i32, f32),
) {
    use ab_glyph::Font;
    let font = face(bold);
    // Each pen on a whole pixel: the same letter is then the same pixels wherever it
    // stands, which deflate finds again (at fractional positions every instance was
    // shaded differently, and the PNGs ~25 % larger).
    for (id, pen) in layout(text, size, bold) {
        let at = ab_glyph::point((x + pen).round(), y.round());
        let glyph = id.with_scale_and_position(size, at);
        if let Some(outline) = font.outline_glyph(glyph) {
            let b = outline.px_bounds();
            let (left, top) = (b.min.x as i32, b.min.y as i32);
            outline.draw(|gx, gy, coverage| plot(left + gx as i32, top + gy as i32, coverage));
        }
    }
}

#[cfg(test)]
mod tests {
    /// The first and last inked pixel columns of a text drawn by `raster` at 26 px, against
    /// its pen.
    fn ink(text: &str) -> (i32, i32) {
        let (mut first, mut last) = (i32::MAX, i32::MIN);
        super::raster(text, 26.0, false, 10.0, 40.0, |x, _, c| {
            if c > 0.3 {
                first = first.min(x);
                last = last.max(x);
            }
        });
        (first - 10, last - 10)
    }

    #[test]
    fn glyphs_are_placed_by_their_side_bearings() {
        // plotters 0.3.7 drew every glyph's ink from its pen position, which spaced
        // letters unevenly ("skj ult", "regist eret" in the PNGs): a glyph whose ink
        // reaches left of its pen (Noto Sans' j) or starts right of it (l) is drawn there.
        assert!(ink("j").0 < 0, "{:?}", ink("j"));
        assert!(ink("l").0 > 0, "{:?}", ink("l"));
        // The text covers the width the charts lay it out in (`Canvas::text_width`, by
        // which it is anchored), to a pixel or two of side bearing at either end.
        for t in [
            "skjult",
            "Kilde: avviksregisteret, n = 5 828",
            "Åpne 91–180 dager",
        ] {
            let width = crate::chart::Canvas::text_width(t, 26.0, false) as i32;
            let (first, last) = ink(t);
            assert!(
                first.abs() <= 2 && (last + 1 - width).abs() <= 3,
                "{t}: ink {first}..={last}, width {width}"
            );
        }
    }

    #[test]
    fn norwegian_letters_and_the_minus_sign_have_glyphs() {
        use ab_glyph::Font;
        let f = ab_glyph::FontRef::try_from_slice(ttf_noto_sans::REGULAR).unwrap();
        for ch in [
            'æ', 'ø', 'å', 'Æ', 'Ø', 'Å', '\u{2212}', '\u{a0}', '–', '«', '»', '§',
        ] {
            assert_ne!(f.glyph_id(ch).0, 0, "no glyph for {ch:?}");
        }
    }
}
