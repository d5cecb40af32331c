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

#[cfg(test)]
mod tests {
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
