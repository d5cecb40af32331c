//! Statistics as pure functions over slices, each tested against worked examples with
//! known answers: the Laney u′ control chart (`spc`) and the Mann-Kendall trend test
//! with Sen's slope (`mann_kendall`). Depends on std alone.

pub mod mann_kendall;
pub mod spc;

/// Standard normal cumulative distribution Φ(z), via the complementary error function.
pub fn normal_cdf(z: f64) -> f64 {
    0.5 * erfc(-z / std::f64::consts::SQRT_2)
}

/// Complementary error function: the Maclaurin series of erf below 2 and Lentz's
/// continued fraction above (Abramowitz & Stegun 7.1.5 and 7.1.14), both accurate to
/// ~1e-15, far below what a p-value needs.
pub fn erfc(x: f64) -> f64 {
    if x < 0.0 {
        return 2.0 - erfc(-x);
    }
    if x < 2.0 {
        // Maclaurin series of erf, converges quickly for x < 2.
        let mut sum = x;
        let mut term = x;
        let x2 = x * x;
        let mut n = 0.0;
        loop {
            n += 1.0;
            term *= -x2 / n;
            let add = term / (2.0 * n + 1.0);
            sum += add;
            if add.abs() < 1e-17 * sum.abs() {
                break;
            }
        }
        1.0 - 2.0 / std::f64::consts::PI.sqrt() * sum
    } else {
        // Lentz's continued fraction: erfc(x) = exp(-x²)/√π · 1/(x + 1/2/(x + 1/(x + 3/2/(x + …)))).
        let mut f = x;
        let tiny = 1e-300;
        let mut c = x;
        let mut d = 0.0;
        for i in 1..300 {
            let a = i as f64 / 2.0;
            d = x + a * d;
            d = if d.abs() < tiny { tiny } else { d };
            c = x + a / c;
            c = if c.abs() < tiny { tiny } else { c };
            d = 1.0 / d;
            let delta = c * d;
            f *= delta;
            if (delta - 1.0).abs() < 1e-16 {
                break;
            }
        }
        (-x * x).exp() / std::f64::consts::PI.sqrt() / f
    }
}

/// The median of a slice (mean of the two middle values for an even count).
pub fn median(xs: &mut [f64]) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    xs.sort_by(|a, b| a.total_cmp(b));
    let n = xs.len();
    Some(if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_cdf_matches_tables() {
        // Φ(1.96) = 0.9750021048517795, Φ(−1) = 0.15865525393145707, Φ(3) = 0.9986501019683699
        // (standard normal tables; scipy.stats.norm.cdf gives the same digits).
        assert!((normal_cdf(1.96) - 0.975_002_104_851_779_5).abs() < 1e-12);
        assert!((normal_cdf(-1.0) - 0.158_655_253_931_457_07).abs() < 1e-12);
        assert!((normal_cdf(3.0) - 0.998_650_101_968_369_9).abs() < 1e-12);
        assert!((erfc(2.5) - 4.069_520_174_449_59e-4).abs() < 1e-15);
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&mut [4.0, 1.0, 2.0, 3.0]), Some(2.5));
    }
}
