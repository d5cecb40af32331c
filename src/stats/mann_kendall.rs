//! The Mann-Kendall trend test and Sen's slope (Mann 1945; Kendall 1975; Sen 1968), as in
//! `deviation_trend` of 02-analytics.md: S, Kendall's tau (tau-a = S / (n(n−1)/2)), a
//! two-sided p-value (exact permutation distribution for n ≤ 10, normal approximation
//! with continuity correction and tie-corrected variance above), and Sen's slope (median
//! of the pairwise slopes).

use super::{median, normal_cdf};

/// The test result for one series.
#[derive(Debug, Clone, PartialEq)]
pub struct MannKendall {
    pub n: usize,
    pub s: i64,
    pub tau: Option<f64>,
    /// Variance of S under H0 with the tie correction.
    pub var_s: f64,
    pub p_value: Option<f64>,
    /// True when the p-value comes from the exact distribution.
    pub exact: bool,
    pub sens_slope: Option<f64>,
}

fn sign(x: f64) -> i64 {
    if x > 0.0 {
        1
    } else if x < 0.0 {
        -1
    } else {
        0
    }
}

/// S = Σ_{i<j} sign(x_j − x_i).
pub fn s_statistic(x: &[f64]) -> i64 {
    let mut s = 0;
    for i in 0..x.len() {
        for j in i + 1..x.len() {
            s += sign(x[j] - x[i]);
        }
    }
    s
}

/// Var(S) = [n(n−1)(2n+5) − Σ t(t−1)(2t+5)] / 18, t the sizes of tied groups.
pub fn variance_s(x: &[f64]) -> f64 {
    let n = x.len() as f64;
    let mut sorted = x.to_vec();
    sorted.sort_by(|a, b| a.total_cmp(b));
    let mut ties = 0.0;
    let mut i = 0;
    while i < sorted.len() {
        let mut j = i;
        while j + 1 < sorted.len() && sorted[j + 1] == sorted[i] {
            j += 1;
        }
        let t = (j - i + 1) as f64;
        if t > 1.0 {
            ties += t * (t - 1.0) * (2.0 * t + 5.0);
        }
        i = j + 1;
    }
    (n * (n - 1.0) * (2.0 * n + 5.0) - ties) / 18.0
}

/// Sen's slope: the median of (x_j − x_i)/(j − i) over all pairs i < j (per time step).
pub fn sens_slope(x: &[f64]) -> Option<f64> {
    let mut slopes = Vec::with_capacity(x.len() * x.len() / 2);
    for i in 0..x.len() {
        for j in i + 1..x.len() {
            slopes.push((x[j] - x[i]) / (j - i) as f64);
        }
    }
    median(&mut slopes)
}

/// Exact two-sided p = P(|S| ≥ |s|) under H0 (every ordering equally likely). Without
/// ties S = N − 2·inversions, and the number of permutations with k inversions follows
/// the Mahonian recurrence; with ties every distinct arrangement of the multiset is
/// enumerated (at most 10!/… orderings).
fn exact_p(x: &[f64], s_obs: i64) -> f64 {
    let n = x.len();
    let mut sorted = x.to_vec();
    sorted.sort_by(|a, b| a.total_cmp(b));
    let has_ties = sorted.windows(2).any(|w| w[0] == w[1]);
    if !has_ties {
        let max_inv = n * (n - 1) / 2;
        let mut counts = vec![0f64; max_inv + 1];
        counts[0] = 1.0;
        for m in 2..=n {
            // Inserting the m-th element adds 0..m-1 inversions.
            let mut next = vec![0f64; max_inv + 1];
            for (k, c) in counts.iter().enumerate() {
                if *c == 0.0 {
                    continue;
                }
                for add in 0..m {
                    if k + add <= max_inv {
                        next[k + add] += c;
                    }
                }
            }
            counts = next;
        }
        let total: f64 = counts.iter().sum();
        let big_n = max_inv as i64;
        let hits: f64 = counts
            .iter()
            .enumerate()
            .filter(|(k, _)| (big_n - 2 * *k as i64).abs() >= s_obs.abs())
            .map(|(_, c)| c)
            .sum();
        return hits / total;
    }
    // Distinct permutations of the sorted multiset, in lexicographic order.
    let mut perm = sorted;
    let (mut total, mut hits) = (0f64, 0f64);
    loop {
        total += 1.0;
        if s_statistic(&perm).abs() >= s_obs.abs() {
            hits += 1.0;
        }
        // next_permutation
        let Some(i) = (0..perm.len().saturating_sub(1))
            .rev()
            .find(|&i| perm[i] < perm[i + 1])
        else {
            break;
        };
        let j = (i + 1..perm.len())
            .rev()
            .find(|&j| perm[j] > perm[i])
            .expect("exists");
        perm.swap(i, j);
        perm[i + 1..].reverse();
    }
    hits / total
}

/// Run the test on a series in time order (one value per time step).
pub fn mann_kendall(x: &[f64]) -> MannKendall {
    let n = x.len();
    let s = s_statistic(x);
    let var_s = if n >= 2 { variance_s(x) } else { 0.0 };
    let pairs = (n * n.saturating_sub(1) / 2) as f64;
    let tau = (pairs > 0.0).then(|| s as f64 / pairs);
    let (p_value, exact) = if n < 2 {
        (None, false)
    } else if n <= 10 {
        (Some(exact_p(x, s)), true)
    } else if var_s <= 0.0 {
        (Some(1.0), false)
    } else {
        // Continuity correction: S moves in steps of 2, so |S| − 1 is the midpoint.
        let z = match s.cmp(&0) {
            std::cmp::Ordering::Greater => (s as f64 - 1.0) / var_s.sqrt(),
            std::cmp::Ordering::Less => (s as f64 + 1.0) / var_s.sqrt(),
            std::cmp::Ordering::Equal => 0.0,
        };
        (Some((2.0 * (1.0 - normal_cdf(z.abs()))).min(1.0)), false)
    };
    MannKendall {
        n,
        s,
        tau,
        var_s,
        p_value,
        exact,
        sens_slope: sens_slope(x),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_perfectly_rising_series_of_five() {
        // n = 5 strictly increasing: S = 10 (all 10 pairs concordant), tau = 1. Exactly 1
        // of the 5! = 120 orderings has S = 10 and 1 has S = −10, so two-sided p = 2/120
        // = 0.016667 (Kendall's tables: P(S ≥ 10 | n = 5) = 0.0083, doubled).
        let r = mann_kendall(&[10.0, 12.0, 15.0, 16.0, 20.0]);
        assert_eq!(r.s, 10);
        assert_eq!(r.tau, Some(1.0));
        assert!(r.exact);
        assert!((r.p_value.unwrap() - 2.0 / 120.0).abs() < 1e-12);
        // Pairwise slopes: 2, 2.5, 2, 2.5, 3, 2, 5, 1, 4, 4 → sorted median (2.5+2.5)/2 = 2.5.
        assert_eq!(r.sens_slope, Some(2.5));
    }

    #[test]
    fn exact_distribution_for_n_4() {
        // n = 4: S = 4 arises from 3 of the 24 orderings (one inversion) and S = 6 from 1,
        // so P(|S| ≥ 4) = 2·(1 + 3)/24 = 1/3. Series 1, 3, 2, 4 has S = 4.
        let r = mann_kendall(&[1.0, 3.0, 2.0, 4.0]);
        assert_eq!(r.s, 4);
        assert!((r.p_value.unwrap() - 1.0 / 3.0).abs() < 1e-12);
        assert!((r.tau.unwrap() - 4.0 / 6.0).abs() < 1e-12);
    }

    #[test]
    fn exact_distribution_with_ties() {
        // Values 1, 1, 2: the 3 distinct arrangements 112 (S = 2), 121 (S = 0), 211
        // (S = −2) are equally likely; observed 1, 1, 2 has S = 2, so p = 2/3.
        let r = mann_kendall(&[1.0, 1.0, 2.0]);
        assert_eq!(r.s, 2);
        assert!((r.p_value.unwrap() - 2.0 / 3.0).abs() < 1e-12);
        // Var(S) with one tie of size 2: [3·2·11 − 2·1·9]/18 = (66 − 18)/18 = 2.6667.
        assert!((r.var_s - 48.0 / 18.0).abs() < 1e-12);
    }

    #[test]
    fn normal_approximation_above_ten_points() {
        // x = 1..12 with one swap (5 ↔ 6): n = 12, S = 66 − 2 = 64, no ties.
        // Var(S) = 12·11·29/18 = 212.6667; z = (64 − 1)/√212.6667 = 4.3201;
        // p = 2(1 − Φ(4.32007)) = erfc(4.32007/√2) = 1.559793e-5 (Python: math.erfc).
        let x: Vec<f64> = [1, 2, 3, 4, 6, 5, 7, 8, 9, 10, 11, 12]
            .iter()
            .map(|&v| v as f64)
            .collect();
        let r = mann_kendall(&x);
        assert_eq!(r.s, 64);
        assert!(!r.exact);
        assert!((r.var_s - 212.666_666_666_666_66).abs() < 1e-9);
        let z = 63.0 / (212.666_666_666_666_66f64).sqrt();
        assert!((z - 4.320_1).abs() < 1e-4);
        let p = r.p_value.unwrap();
        assert!((p - 1.559_793_383e-5).abs() < 1e-12, "{p}");
    }

    #[test]
    fn ties_reduce_the_variance_and_no_trend_gives_p_1() {
        // 12 values with tie groups 5×3 (t = 3 → 3·2·11 = 66), 1×2 and 3×2 (2·1·9 = 18 each):
        // Var(S) = (12·11·29 − 66 − 18 − 18)/18 = (3828 − 102)/18 = 207.
        let x = [3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0, 5.0, 3.0, 5.0, 8.0];
        assert!((variance_s(&x) - 207.0).abs() < 1e-12);
        let flat = mann_kendall(&[5.0; 12]);
        assert_eq!(flat.s, 0);
        assert_eq!(flat.p_value, Some(1.0));
        assert_eq!(flat.sens_slope, Some(0.0));
    }

    #[test]
    fn agrees_with_pymannkendall_and_scipy() {
        // Reference values from pymannkendall 1.4.3 `original_test` (normal approximation,
        // continuity and tie correction, used above n = 10) and scipy 1.17
        // `kendalltau(range(n), x, method="exact")` (exact, no ties).
        let a = [
            5.0, 7.0, 7.0, 9.0, 6.0, 10.0, 12.0, 11.0, 11.0, 14.0, 13.0, 15.0, 18.0, 17.0, 17.0,
        ];
        let r = mann_kendall(&a);
        assert_eq!(r.s, 86);
        assert!((r.tau.unwrap() - 0.819_047_619_047_619).abs() < 1e-12);
        assert!((r.var_s - 405.333_333_333_333_3).abs() < 1e-9);
        assert!((r.p_value.unwrap() - 2.422_011_879_854_58e-5).abs() < 1e-12);
        assert_eq!(r.sens_slope, Some(0.875));
        let c = [
            10.9, 7.2, 12.9, 13.7, 5.3, 7.6, 12.2, 11.2, 12.3, 10.1, 15.6, 15.6, 13.8, 17.3, 15.6,
            11.9, 15.9, 12.2, 18.0, 15.6,
        ];
        let r = mann_kendall(&c);
        assert_eq!(r.s, 91);
        assert!((r.var_s - 940.333_333_333_333_4).abs() < 1e-9);
        assert!((r.p_value.unwrap() - 0.003_335_949_964_052_176).abs() < 1e-12);
        assert!((r.sens_slope.unwrap() - 0.351_428_571_428_571_5).abs() < 1e-12);
        // n = 8 without ties: the exact two-sided p equals scipy's exact Kendall p.
        let b = [3.1, 2.4, 5.6, 4.2, 6.8, 5.9, 7.7, 6.1];
        let r = mann_kendall(&b);
        assert_eq!(r.s, 18);
        assert!((r.tau.unwrap() - 0.642_857_142_857_142_8).abs() < 1e-12);
        assert!((r.p_value.unwrap() - 0.031_150_793_650_793_65).abs() < 1e-12);
        assert!((r.sens_slope.unwrap() - 0.58).abs() < 1e-12);
    }
}
