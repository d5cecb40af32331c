//! The Laney u′ control chart (Laney, D. B. 2002, "Improved control charts for
//! attributes", Quality Engineering 14(4)) for deviation rates, as `deviation_spc` in
//! 02-analytics.md:
//!
//! u_i = c_i / n_i, ū = Σc / Σn, σ_i = √(ū / n_i), z_i = (u_i − ū) / σ_i,
//! σ_z = mean moving range of z / 1.128 (d₂ for n = 2),
//! limits ū ± 3·σ_i·σ_z, the lower never below 0.
//!
//! σ_z corrects the Poisson limits for over-dispersion (large denominators make classic
//! u-chart limits far too tight). With constant exposure this reduces to an XmR chart of
//! the rates. Signals: `above`/`below` a limit, `run` for points in a run of 8 or more
//! consecutive points on one side of the centre line (Western Electric rule 4 as
//! commonly used in healthcare SPC).

/// Fewest points for meaningful limits (02-analytics.md).
pub const MIN_POINTS: usize = 12;
/// Run length that signals a shift.
pub const RUN_LENGTH: usize = 8;
/// d₂ for moving ranges of two points.
pub const D2: f64 = 1.128;

/// Why a chart has no limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoLimits {
    /// Fewer than 12 points.
    TooFewPoints,
    /// No events at all (ū = 0).
    NoEvents,
}

/// A point's signal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    Above,
    Below,
    Run,
}

impl Signal {
    pub fn as_str(self) -> &'static str {
        match self {
            Signal::Above => "above",
            Signal::Below => "below",
            Signal::Run => "run",
        }
    }
}

/// A computed chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub rate: Vec<f64>,
    pub center: f64,
    pub sigma_z: Option<f64>,
    pub ucl: Vec<Option<f64>>,
    pub lcl: Vec<Option<f64>>,
    pub signal: Vec<Option<Signal>>,
    pub no_limits: Option<NoLimits>,
}

/// Compute the Laney u′ chart of counts over exposures (exposure ≤ 0 is treated as 1).
pub fn laney_u_prime(counts: &[f64], exposure: &[f64]) -> Chart {
    let k = counts.len();
    let n: Vec<f64> = (0..k)
        .map(|i| exposure.get(i).copied().filter(|e| *e > 0.0).unwrap_or(1.0))
        .collect();
    let rate: Vec<f64> = counts.iter().zip(&n).map(|(c, n)| c / n).collect();
    let total_n: f64 = n.iter().sum();
    let center = if total_n > 0.0 {
        counts.iter().sum::<f64>() / total_n
    } else {
        0.0
    };
    let none = |reason| Chart {
        rate: rate.clone(),
        center,
        sigma_z: None,
        ucl: vec![None; k],
        lcl: vec![None; k],
        signal: vec![None; k],
        no_limits: Some(reason),
    };
    if k < MIN_POINTS {
        return none(NoLimits::TooFewPoints);
    }
    if center <= 0.0 {
        return none(NoLimits::NoEvents);
    }
    let sigma: Vec<f64> = n.iter().map(|n| (center / n).sqrt()).collect();
    let z: Vec<f64> = rate
        .iter()
        .zip(&sigma)
        .map(|(u, s)| (u - center) / s)
        .collect();
    let mr: f64 = z.windows(2).map(|w| (w[1] - w[0]).abs()).sum::<f64>() / (k - 1) as f64;
    let sigma_z = mr / D2;
    let ucl: Vec<Option<f64>> = sigma
        .iter()
        .map(|s| Some(center + 3.0 * s * sigma_z))
        .collect();
    let lcl: Vec<Option<f64>> = sigma
        .iter()
        .map(|s| Some((center - 3.0 * s * sigma_z).max(0.0)))
        .collect();
    let mut signal: Vec<Option<Signal>> = (0..k)
        .map(|i| {
            if rate[i] > ucl[i].unwrap_or(f64::INFINITY) {
                Some(Signal::Above)
            } else if rate[i] < lcl[i].unwrap_or(f64::NEG_INFINITY) {
                Some(Signal::Below)
            } else {
                None
            }
        })
        .collect();
    // Runs: maximal stretches strictly on one side of the centre; a point on the centre
    // line breaks a run.
    let side = |u: f64| -> i8 {
        if u > center {
            1
        } else if u < center {
            -1
        } else {
            0
        }
    };
    let mut start = 0;
    while start < k {
        let s = side(rate[start]);
        let mut end = start;
        while end + 1 < k && s != 0 && side(rate[end + 1]) == s {
            end += 1;
        }
        if s != 0 && end - start + 1 >= RUN_LENGTH {
            for sig in signal.iter_mut().take(end + 1).skip(start) {
                if sig.is_none() {
                    *sig = Some(Signal::Run);
                }
            }
        }
        start = end + 1;
    }
    Chart {
        rate,
        center,
        sigma_z: Some(sigma_z),
        ucl,
        lcl,
        signal,
        no_limits: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn constant_exposure_is_an_xmr_chart() {
        // Counts with exposure 1: ū = 140/12 = 11.6667; the 11 moving ranges sum to 39, so
        // MR̄ = 3.54545 and XmR limits are ū ± 3·MR̄/1.128 = 21.0961 and 2.2373 (Wheeler,
        // "Understanding Variation": natural process limits). The last point, 25, is above.
        let c = [
            10.0, 12.0, 9.0, 11.0, 10.0, 13.0, 8.0, 10.0, 12.0, 11.0, 9.0, 25.0,
        ];
        let ch = laney_u_prime(&c, &[1.0; 12]);
        assert!(close(ch.center, 140.0 / 12.0));
        let mr = 39.0 / 11.0;
        assert!(close(ch.ucl[0].unwrap(), 140.0 / 12.0 + 3.0 * mr / 1.128));
        assert!(close(ch.ucl[0].unwrap(), 21.096_067_053_513_863));
        assert!(close(ch.lcl[5].unwrap(), 2.237_266_279_819_469));
        // With exposure 1, σ_i = √ū and σ_z = MR̄/(1.128·√ū).
        assert!(close(
            ch.sigma_z.unwrap(),
            mr / 1.128 / (140.0f64 / 12.0).sqrt()
        ));
        assert_eq!(ch.signal[11], Some(Signal::Above));
        assert_eq!(ch.signal[..11].iter().filter(|s| s.is_some()).count(), 0);
    }

    #[test]
    fn varying_exposure_gives_point_specific_limits() {
        // Worked by hand from Laney's formulas: Σc = 315, Σn = 1250, ū = 0.252;
        // σ_z = 0.958125 (mean |Δz| / 1.128); point 1 (n = 100):
        // UCL = 0.252 + 3·√(0.252/100)·0.958125 = 0.396292, LCL = 0.107708.
        let c = [
            20.0, 25.0, 18.0, 30.0, 22.0, 27.0, 19.0, 24.0, 21.0, 26.0, 23.0, 60.0,
        ];
        let n = [
            100.0, 110.0, 95.0, 120.0, 100.0, 115.0, 90.0, 105.0, 100.0, 110.0, 100.0, 105.0,
        ];
        let ch = laney_u_prime(&c, &n);
        assert!(close(ch.center, 0.252));
        assert!((ch.sigma_z.unwrap() - 0.958_124_832_523_501_1).abs() < 1e-12);
        assert!((ch.ucl[0].unwrap() - 0.396_292_454_604_372_46).abs() < 1e-12);
        assert!((ch.lcl[0].unwrap() - 0.107_707_545_395_627_55).abs() < 1e-12);
        assert!((ch.ucl[6].unwrap() - 0.404_097_601_908_755_65).abs() < 1e-12);
        assert_eq!(ch.signal[11], Some(Signal::Above));
    }

    #[test]
    fn runs_limits_at_zero_and_too_few_points() {
        // 12 points, the last 8 above the centre (ū = 118/12 = 9.8333) and all within the
        // limits 9.8333 ± 3·(14/11)/1.128 = [6.448, 13.218]: points 5–12 are a run.
        let c = [
            7.0, 10.0, 8.0, 9.0, 10.0, 11.0, 10.0, 11.0, 10.0, 11.0, 10.0, 11.0,
        ];
        let ch = laney_u_prime(&c, &[1.0; 12]);
        let runs: Vec<usize> = (0..12)
            .filter(|&i| ch.signal[i] == Some(Signal::Run))
            .collect();
        assert_eq!(runs, (4..12).collect::<Vec<_>>());
        // The lower limit never goes below zero.
        let spiky = [0.0, 0.0, 1.0, 0.0, 9.0, 0.0, 0.0, 1.0, 0.0, 0.0, 8.0, 0.0];
        assert!(
            laney_u_prime(&spiky, &[1.0; 12])
                .lcl
                .iter()
                .all(|l| *l == Some(0.0))
        );
        let short = laney_u_prime(&[1.0; 11], &[1.0; 11]);
        assert_eq!(short.no_limits, Some(NoLimits::TooFewPoints));
        assert!(short.ucl.iter().all(Option::is_none));
        assert_eq!(
            laney_u_prime(&[0.0; 12], &[5.0; 12]).no_limits,
            Some(NoLimits::NoEvents)
        );
    }
}
