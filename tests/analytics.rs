//! Every result table of 02-analytics.md on a fixture small enough to work out by hand
//! (the expected figures are derived in the comments), the Trondheim survey figures
//! rebuilt from respondent-level data, the signal planted in `sample-data/`, and queries
//! as files.

use crate::util::{Project, assert_fl, find, ikrapport, ints, sample_data, strs};
use ikrapport::analytics::{self, Options, Results};

/// The fixture: report year 2025, as_of 31.12.2025, kommunenummer 1234.
///
/// Deviations (row: sector, unit, reported, closed, type, category, source, root cause):
///   d1 A A1 10.01.2025 20.01.2025 avvik              Fall       ansatt    Bemanning   (10 days)
///   d2 A A1 15.02.2025 –          avvik              Fall       ansatt    –           (open, age 319)
///   d3 A A2 01.03.2025 30.06.2025 forbedringsforslag Legemidler bruker    Bemanning   (121 days)
///   d4 B B1 01.12.2025 –          avvik              Fall       ansatt    Rutine      (open, age 30)
///   d5 B B1 05.05.2024 06.05.2024 avvik              Fall       ansatt    Rutine      (2024)
///   d6 A A1 01.11.2024 –          avvik              Legemidler ansatt    –           (2024, open, age 425)
///   d7 B B1 10.10.2025 20.10.2025 avvik              Legemidler pårørende Rutine      (10 days)
///   d8 A A2 20.12.2025 05.01.2026 avvik              Fall       ansatt    Bemanning   (closed after as_of: open, age 11)
/// Units: A1 10, A2 10 (A: 20 årsverk), B1 5, C1 5; in all 30.
fn fixture() -> Project {
    let p = Project::new();
    p.write("ikrapport.toml", "kommunenummer = \"1234\"\n");
    p.write(
        "avvik.csv",
        "Sektor;Enhet;Meldt dato;Lukket dato;Type;Kategori;Meldt av;Årsak\n\
         A;A1;10.01.2025;20.01.2025;avvik;Fall;ansatt;Bemanning\n\
         A;A1;15.02.2025;;avvik;Fall;ansatt;\n\
         A;A2;01.03.2025;30.06.2025;forbedringsforslag;Legemidler;bruker;Bemanning\n\
         B;B1;01.12.2025;;avvik;Fall;ansatt;Rutine\n\
         B;B1;05.05.2024;06.05.2024;avvik;Fall;ansatt;Rutine\n\
         A;A1;01.11.2024;;avvik;Legemidler;ansatt;\n\
         B;B1;10.10.2025;20.10.2025;avvik;Legemidler;pårørende;Rutine\n\
         A;A2;20.12.2025;05.01.2026;avvik;Fall;ansatt;Bemanning\n",
    );
    p.write(
        "enheter.csv",
        "Sektor;Enhet;Årsverk\nA;A1;10\nA;A2;10\nB;B1;5\nC;C1;5\n",
    );
    // Risks:
    //   r1 A A1 tjenestespesifikk Helse      4×4=16 rød, measure (pågår, due 01.06.2025: overdue), residual 2×3=6,
    //      assessed 01.03.2025 (current), next review 01.03.2026
    //   r2 A A1 tjenestespesifikk Helse      2×2=4 grønn, law breach → needs a measure, has none
    //   r3 A A2 informasjonssikkerhet Personvern 3×3=9 gul, measure gjennomført; assessed 15.06.2024 (stale),
    //      next review 15.06.2025 (overdue)
    //   r4 B B1 tjenestespesifikk –          5×3=15 rød, no measure, never assessed (stale)
    p.write(
        "ros.csv",
        "Sektor;Enhet;Navn på analyse;Type analyse;Kategori;S;K;Lovbrudd;Tiltak;Tiltaksstatus;Frist;S etter tiltak;K etter tiltak;Vurdert dato;Neste vurdering\n\
         A;A1;ROS A1;tjenestespesifikk;Helse;4;4;nei;Tiltak X;pågår;01.06.2025;2;3;01.03.2025;01.03.2026\n\
         A;A1;ROS A1;tjenestespesifikk;Helse;2;2;ja;;;;;;01.03.2025;01.03.2026\n\
         A;A2;ROS A2;informasjonssikkerhet;Personvern;3;3;nei;Tiltak Y;gjennomført;01.02.2025;;;15.06.2024;15.06.2025\n\
         B;B1;ROS B1;tjenestespesifikk;;5;3;nei;;;;;;;\n",
    );
    // Maturity: P1 scored Rutiner twice (the 2025 score, 3, is the latest).
    p.write(
        "modenhet.csv",
        "Sektor;Vurdert av;Dimensjon;Nåsituasjon;Ambisjon;Dato\n\
         A;P1;Rutiner;2;4;01.11.2024\nA;P1;Rutiner;3;4;01.11.2025\nA;P2;Rutiner;4;5;01.11.2025\n\
         A;P3;Rutiner;2;;01.11.2025\nB;P4;Rutiner;1;3;01.11.2025\n",
    );
    // Inspections: i1 closed in time (2 findings), i2 open past its deadline (3), i3 (2024)
    // closed only after as_of (1 finding, overdue at as_of).
    p.write(
        "tilsyn.csv",
        "Tilsynsmyndighet;Sektor;Tilsynsdato;Antall lovbrudd;Antall merknader;Frist;Lukket dato\n\
         Statsforvalteren;A;10.03.2025;2;1;10.06.2025;01.06.2025\n\
         Statsforvalteren;B;10.09.2025;3;0;10.11.2025;\n\
         Arbeidstilsynet;A;05.05.2024;1;2;05.08.2024;01.01.2026\n",
    );
    // Survey (respondents R1–R4 in A, R5–R6 in B; joined multi-select style).
    p.write(
        "undersokelse.csv",
        "Svar-ID;Innsendt;Sektor;ros_count;ros_types;ros_tool;ros_informed;ros_relevant;competence_ok\n\
         R1;01.10.2025;A;1-5;Tjenestespesifikk;Personvern;Kvalitetssystem;Ingen;Ja;Enig\n\
         R2;01.10.2025;A;0;;;Nærmeste leder;Nei;Helt uenig\n\
         R3;01.10.2025;A;6-20;HMS;CIM;Ansatte;Ja;Helt enig\n\
         R4;01.10.2025;A;21-50;Tjenestespesifikk;Kvalitetssystem;Ingen;Ikke relevant;Vet ikke\n\
         R5;01.10.2025;B;>50;Tjenestespesifikk;Kvalitetssystem;Verneombud;Ja;3\n\
         R6;01.10.2025;B;0;;Vet ikke;;Ja;2\n"
            .replace("Tjenestespesifikk;Personvern", "\"Tjenestespesifikk;Personvern\""),
    );
    p
}

fn results(p: &Project) -> Results {
    let project = ikrapport::Project::open(p.path()).unwrap();
    let data = project
        .ingest_checked(true)
        .expect("the fixture has no bad rows");
    analytics::run(&project.root, &data, &project.config, &Options::default()).unwrap()
}

fn t<'a>(r: &'a Results, name: &str) -> &'a polars::prelude::DataFrame {
    r.table(name).unwrap_or_else(|| panic!("no table {name}"))
}

#[test]
fn parameters_default_to_the_last_complete_year() {
    let r = results(&fixture());
    assert_eq!(r.params.year, 2025);
    assert_eq!(
        r.params.as_of,
        chrono::NaiveDate::from_ymd_opt(2025, 12, 31).unwrap()
    );
}

#[test]
fn deviation_counts_yoy_sources_and_root_causes() {
    let r = results(&fixture());
    let c = t(&r, "deviation_counts");
    // 2025: A avvik d1 d2 d8 = 3 of the year's 6; per 100 årsverk 3·100/20 = 15.
    let i = (0..c.height())
        .find(|&i| {
            ints(c, "year")[i] == Some(2025)
                && strs(c, "sector")[i].as_deref() == Some("A")
                && strs(c, "type")[i].as_deref() == Some("avvik")
        })
        .unwrap();
    assert_eq!(ints(c, "count")[i], Some(3));
    assert_fl(c, "per_100_employees", i, Some(15.0));
    assert_fl(c, "share_of_year", i, Some(0.5));
    assert_eq!(strs(c, "kommunenummer")[i].as_deref(), Some("1234"));
    // Hele kommunen 2025 avvik: 5 of 6; 5·100/30 = 16.667.
    let i = (0..c.height())
        .find(|&i| {
            ints(c, "year")[i] == Some(2025)
                && strs(c, "sector")[i].as_deref() == Some("Hele kommunen")
                && strs(c, "type")[i].as_deref() == Some("avvik")
        })
        .unwrap();
    assert_eq!(ints(c, "count")[i], Some(5));
    assert_fl(c, "per_100_employees", i, Some(500.0 / 30.0));
    assert_fl(c, "share_of_year", i, Some(5.0 / 6.0));

    let y = t(&r, "deviation_yoy");
    // A Fall: 3 in 2025, 0 in 2024 → change 3, change_pct null. Hele Fall: 4 vs 1 → +300 %.
    let i = find(y, &[("sector", "A"), ("category", "Fall")]);
    assert_eq!(
        (
            ints(y, "count_year")[i],
            ints(y, "count_prev_year")[i],
            ints(y, "change")[i]
        ),
        (Some(3), Some(0), Some(3))
    );
    assert_fl(y, "change_pct", i, None);
    let i = find(y, &[("sector", "Hele kommunen"), ("category", "Fall")]);
    assert_fl(y, "change_pct", i, Some(3.0));
    let i = find(y, &[("sector", "A"), ("category", "Legemidler")]);
    assert_fl(y, "change_pct", i, Some(0.0));

    let s = t(&r, "deviation_sources");
    // A in 2025: ansatt/avvik d1 d2 d8 = 3 of 4; innbygger (bruker)/forbedringsforslag d3 = 1 of 4.
    let i = find(
        s,
        &[("sector", "A"), ("source", "ansatt"), ("type", "avvik")],
    );
    assert_fl(s, "share", i, Some(0.75));
    let i = find(
        s,
        &[
            ("sector", "Hele kommunen"),
            ("source", "innbygger"),
            ("type", "avvik"),
        ],
    );
    assert_eq!(ints(s, "count")[i], Some(1));
    assert_fl(s, "share", i, Some(1.0 / 6.0));

    let rc = t(&r, "deviation_root_causes");
    // 2025: Bemanning d1 d3 d8 = 3, Rutine d4 d7 = 2, blank d2 = 1 → Pareto 3/6, 5/6, 6/6.
    assert_eq!(
        strs(rc, "root_cause"),
        vec![
            Some("Bemanning".into()),
            Some("Rutine".into()),
            Some("ikke angitt".into())
        ]
    );
    assert_fl(rc, "cumulative_share", 0, Some(0.5));
    assert_fl(rc, "cumulative_share", 1, Some(5.0 / 6.0));
    assert_fl(rc, "cumulative_share", 2, Some(1.0));
    assert_fl(rc, "share", 2, Some(1.0 / 6.0));
}

/// The report year's first and last day belong to it, the days either side do not: the
/// year tables select it on the dates (`{{year_start}}`–`{{year_end}}`, inclusive).
#[test]
fn the_report_year_runs_from_1_january_to_31_december() {
    let p = Project::new();
    p.write("ikrapport.toml", "kommunenummer = \"1234\"\n");
    p.write(
        "avvik.csv",
        "Sektor;Meldt dato;Lukket dato;Kategori;Meldt av;Årsak\n\
         A;31.12.2023;;Fall;ansatt;Rutine\n\
         A;01.01.2024;;Fall;ansatt;Rutine\n\
         A;01.01.2025;02.01.2025;Fall;ansatt;Rutine\n\
         A;31.12.2025;;Fall;ansatt;Rutine\n\
         A;01.01.2026;;Fall;ansatt;Rutine\n",
    );
    p.write(
        "kommuner.csv",
        "kommunenummer,kommune,innbyggere\n1234,Testby,1000\n",
    );
    let project = ikrapport::Project::open(p.path()).unwrap();
    let data = project.ingest_checked(true).unwrap();
    let opts = Options {
        year: Some(2025),
        ..Options::default()
    };
    let r = analytics::run(&project.root, &data, &project.config, &opts).unwrap();
    let whole = [("sector", "Hele kommunen")];
    let c = t(&r, "deviation_closure");
    let i = find(c, &whole);
    assert_eq!(
        (ints(c, "reported")[i], ints(c, "closed")[i]),
        (Some(2), Some(1))
    );
    let y = t(&r, "deviation_yoy");
    let i = find(y, &[("sector", "Hele kommunen"), ("category", "Fall")]);
    assert_eq!(
        (ints(y, "count_year")[i], ints(y, "count_prev_year")[i]),
        (Some(2), Some(1))
    );
    let s = t(&r, "deviation_sources");
    let i = find(s, &[("sector", "Hele kommunen"), ("source", "ansatt")]);
    assert_eq!(ints(s, "count")[i], Some(2));
    let rc = t(&r, "deviation_root_causes");
    assert_eq!(ints(rc, "count"), vec![Some(2)]);
    // The benchmark's deviations per 1 000 inhabitants: the same two of 2025.
    let b = t(&r, "benchmark");
    assert_fl(b, "deviations_per_1000_innbyggere", 0, Some(2.0));
}

#[test]
fn deviation_closure_cohort_and_backlog() {
    let r = results(&fixture());
    let c = t(&r, "deviation_closure");
    // A: reported d1 d2 d3 d8 = 4; closed by as_of d1 (10 d) and d3 (121 d) = 2; median
    // (10+121)/2 = 65.5; p90 = 10 + 0.9·(121−10) = 109.9; within 90 days: d1 → 1/4.
    // Backlog at as_of: d2 (319 d), d6 (425 d), d8 (11 d) → 3: one 0–30, two over 180.
    let i = find(c, &[("sector", "A")]);
    assert_eq!(
        (ints(c, "reported")[i], ints(c, "closed")[i]),
        (Some(4), Some(2))
    );
    assert_fl(c, "closed_share", i, Some(0.5));
    assert_fl(c, "median_days_to_close", i, Some(65.5));
    assert_fl(c, "p90_days_to_close", i, Some(109.9));
    assert_fl(c, "closed_within_90d_share", i, Some(0.25));
    let backlog = |i| {
        [
            "open_at_as_of",
            "open_0_30",
            "open_31_90",
            "open_91_180",
            "open_over_180",
        ]
        .map(|col| ints(c, col)[i])
    };
    assert_eq!(backlog(i), [Some(3), Some(1), Some(0), Some(0), Some(2)]);
    // Hele kommunen: 6 reported, 3 closed; days 10, 10, 121 → median 10, p90 = 10 +
    // 0.8·111 = 98.8; within 90: d1 d7 → 2/6; backlog d2 d4 d6 d8: 0–30 d4 d8, >180 d2 d6.
    let i = find(c, &[("sector", "Hele kommunen")]);
    assert_eq!(
        (ints(c, "reported")[i], ints(c, "closed")[i]),
        (Some(6), Some(3))
    );
    assert_fl(c, "median_days_to_close", i, Some(10.0));
    assert_fl(c, "p90_days_to_close", i, Some(98.8));
    assert_fl(c, "closed_within_90d_share", i, Some(2.0 / 6.0));
    assert_eq!(backlog(i), [Some(4), Some(2), Some(0), Some(0), Some(2)]);
}

#[test]
fn deviation_monthly_spc_and_trend() {
    let r = results(&fixture());
    let m = t(&r, "deviation_monthly");
    // 05.2024–12.2025 is 20 months per sector, zeros included.
    let whole: Vec<usize> = (0..m.height())
        .filter(|&i| strs(m, "sector")[i].as_deref() == Some("Hele kommunen"))
        .collect();
    assert_eq!(whole.len(), 20);
    // rolling_12m is null for the first 11 months; at 04.2025 it is d5 d6 d1 d2 d3 = 5;
    // at 12.2025 it is the six deviations of 2025.
    assert_fl(m, "rolling_12m", whole[10], None);
    assert_fl(m, "rolling_12m", whole[11], Some(5.0));
    assert_fl(m, "rolling_12m", whole[19], Some(6.0));
    assert_fl(m, "count", whole[19], Some(2.0));

    let s = t(&r, "deviation_spc");
    // Whole municipality: 8 deviations over 20 months × 30 årsverk → ū = 8/600.
    let i = find(s, &[("sector", "Hele kommunen")]);
    assert_fl(s, "exposure", i, Some(30.0));
    assert_fl(s, "center", i, Some(8.0 / 600.0));
    // The whole-municipality series, month by month from 05.2024 to 12.2025 with the
    // zero months filled in: d5, d6 (11.2024), d1 d2 d3 (01–03.2025), d7 (10.2025), d4 d8
    // (12.2025). The chart must be the Laney u′ chart of exactly this series at 30 årsverk
    // (the formulas themselves are tested on worked examples in stats::spc).
    let series = [
        1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0,
        0.0, 2.0,
    ];
    let want = ikrapport::stats::spc::laney_u_prime(&series, &[30.0; 20]);
    let rows: Vec<usize> = (0..s.height())
        .filter(|&r| strs(s, "sector")[r].as_deref() == Some("Hele kommunen"))
        .collect();
    assert_eq!(rows.len(), 20);
    for (k, &r) in rows.iter().enumerate() {
        assert_fl(s, "count", r, Some(series[k]));
        assert_fl(s, "rate", r, Some(series[k] / 30.0));
        assert_fl(s, "ucl", r, want.ucl[k]);
        assert_fl(s, "lcl", r, want.lcl[k]);
        assert_fl(s, "sigma_z", r, want.sigma_z);
        assert_eq!(
            strs(s, "signal")[r].as_deref(),
            want.signal[k].map(|x| x.as_str()),
            "month {k}"
        );
    }
    // December 2025 (2 of 30 årsverk against ū = 8/600) is above the upper limit.
    assert_eq!(strs(s, "signal")[rows[19]].as_deref(), Some("above"));

    let tr = t(&r, "deviation_trend");
    // Only 2024–2025 exist: n = 2 < 4 → no test, a note, and Sen's slope (6 − 2)/1 = 4.
    let i = find(tr, &[("sector", "Hele kommunen"), ("category", "alle")]);
    assert_eq!(ints(tr, "years")[i], Some(2));
    assert_eq!(ints(tr, "mann_kendall_s")[i], Some(1));
    assert_fl(tr, "p_value", i, None);
    assert_fl(tr, "sens_slope", i, Some(4.0));
    assert_eq!(
        strs(tr, "direction")[i].as_deref(),
        Some("ingen tydelig trend")
    );
    assert!(
        strs(tr, "note")[i]
            .as_deref()
            .unwrap()
            .contains("for få år")
    );
}

#[test]
fn risk_tables() {
    let r = results(&fixture());
    let s = t(&r, "risk_by_sector");
    // A: r1 r2 r3; scores 16, 4, 9 → mean 9.667; one of each zone; needs r1 (16 > 10) and
    // r2 (law breach); r2 has no measure; r1 has a residual → 1/2; r3 overdue and stale.
    let i = find(s, &[("sector", "A")]);
    let ii = |col: &str| ints(s, col)[i];
    assert_eq!(
        [
            ii("risks"),
            ii("analyses"),
            ii("units_with_risks"),
            ii("red"),
            ii("yellow"),
            ii("green")
        ],
        [Some(3), Some(2), Some(2), Some(1), Some(1), Some(1)]
    );
    assert_fl(s, "mean_score", i, Some(29.0 / 3.0));
    assert_eq!(
        [
            ii("needs_measure"),
            ii("needs_measure_without_measure"),
            ii("review_overdue"),
            ii("stale")
        ],
        [Some(2), Some(1), Some(1), Some(1)]
    );
    assert_fl(s, "residual_assessed_share", i, Some(0.5));
    // Hele kommunen: 4 risks, mean 44/4 = 11, needs 3 (r1 r2 r4), without 2, residual 1/3,
    // stale r3 and r4 (never assessed).
    let i = find(s, &[("sector", "Hele kommunen")]);
    assert_fl(s, "mean_score", i, Some(11.0));
    assert_eq!(
        [
            ints(s, "needs_measure")[i],
            ints(s, "needs_measure_without_measure")[i],
            ints(s, "stale")[i]
        ],
        [Some(3), Some(2), Some(2)]
    );
    assert_fl(s, "residual_assessed_share", i, Some(1.0 / 3.0));

    let m = t(&r, "risk_matrix");
    // 2 kinds × 25 cells; r1 moves from (4,4) to (2,3) in the residual matrix.
    assert_eq!(m.height(), 50);
    let cell = |kind: &str, p: i64, k: i64| {
        (0..m.height())
            .find(|&i| {
                strs(m, "kind")[i].as_deref() == Some(kind)
                    && ints(m, "probability")[i] == Some(p)
                    && ints(m, "consequence")[i] == Some(k)
            })
            .map(|i| {
                (
                    ints(m, "count")[i].unwrap(),
                    strs(m, "zone")[i].clone().unwrap(),
                )
            })
            .unwrap()
    };
    assert_eq!(cell("inherent", 4, 4), (1, "rød".into()));
    assert_eq!(cell("residual", 4, 4), (0, "rød".into()));
    assert_eq!(cell("residual", 2, 3), (1, "gul".into()));
    assert_eq!(cell("residual", 5, 3), (1, "rød".into()));
    assert_eq!(cell("inherent", 1, 1), (0, "grønn".into()));

    let c = t(&r, "risk_by_category");
    let i = find(c, &[("sector", "A"), ("category", "Helse")]);
    assert_eq!(
        (ints(c, "count")[i], ints(c, "max_score")[i]),
        (Some(2), Some(16))
    );
    assert_fl(c, "mean_score", i, Some(10.0));
    let i = find(c, &[("sector", "B"), ("category", "ikke angitt")]);
    assert_eq!(ints(c, "count")[i], Some(1));
    // The whole municipality: Helse r1 r2 (16, 4), Personvern r3 (9), ikke angitt r4 (15).
    let whole = |cat: &str| {
        let i = find(c, &[("sector", "Hele kommunen"), ("category", cat)]);
        (ints(c, "count")[i], ints(c, "max_score")[i])
    };
    assert_eq!(whole("Helse"), (Some(2), Some(16)));
    assert_eq!(whole("Personvern"), (Some(1), Some(9)));
    assert_eq!(whole("ikke angitt"), (Some(1), Some(15)));
    let i = find(c, &[("sector", "Hele kommunen"), ("category", "Helse")]);
    assert_fl(c, "mean_score", i, Some(10.0));

    let me = t(&r, "risk_measures");
    // Risks with a measure: r1 (pågår, due 01.06.2025 < as_of: overdue), r3 (gjennomført).
    let i = find(me, &[("sector", "A"), ("measure_status", "pågår")]);
    assert_eq!(
        (ints(me, "count")[i], ints(me, "overdue")[i]),
        (Some(1), Some(1))
    );
    let i = find(
        me,
        &[
            ("sector", "Hele kommunen"),
            ("measure_status", "gjennomført"),
        ],
    );
    assert_eq!(
        (ints(me, "count")[i], ints(me, "overdue")[i]),
        (Some(1), Some(0))
    );

    let top = t(&r, "risk_top");
    assert_eq!(
        ints(top, "score"),
        vec![Some(16), Some(15), Some(9), Some(4)]
    );
    assert_eq!(ints(top, "residual_score")[0], Some(6));
    assert_eq!(strs(top, "hazard").len(), 4);
}

#[test]
fn ros_coverage_from_the_register() {
    let r = results(&fixture());
    let c = t(&r, "ros_coverage_register");
    let row = |s: &str, ty: &str| {
        let i = find(c, &[("sector", s), ("analysis_type", ty)]);
        (
            ints(c, "units")[i],
            ints(c, "units_with_ros")[i],
            ints(c, "units_with_current_ros")[i],
            crate::util::fl(c, "coverage", i),
            crate::util::fl(c, "current_coverage", i),
        )
    };
    // A: A1 (current tjenestespesifikk) and A2 (stale informasjonssikkerhet).
    assert_eq!(
        row("A", "alle"),
        (Some(2), Some(2), Some(1), Some(1.0), Some(0.5))
    );
    assert_eq!(
        row("A", "informasjonssikkerhet"),
        (Some(2), Some(1), Some(0), Some(0.5), Some(0.0))
    );
    // B1 has a ROS never assessed: covered, not current. C has none.
    assert_eq!(
        row("B", "alle"),
        (Some(1), Some(1), Some(0), Some(1.0), Some(0.0))
    );
    assert_eq!(
        row("C", "alle"),
        (Some(1), Some(0), Some(0), Some(0.0), Some(0.0))
    );
    assert_eq!(
        row("Hele kommunen", "alle"),
        (Some(4), Some(3), Some(1), Some(0.75), Some(0.25))
    );
}

#[test]
fn survey_tables() {
    let r = results(&fixture());
    let s = t(&r, "ros_survey_by_sector");
    // A: 4 respondents; bands 0, 1-5, 6-20, 21-50 one each; ros_types answered by R1 R3 R4
    // (tjenestespesifikk R1 R4 → 2/3); not relevant R2 (nei) R4 (ikke relevant) → 2/4;
    // informs nobody R1 R4 → 2/4; tool answered R1 R3 R4, kvalitetssystem R1 R4 → 2/3.
    let i = find(s, &[("sector", "A")]);
    assert_eq!(ints(s, "respondents")[i], Some(4));
    for (col, v) in [
        ("share_band_0", 0.25),
        ("share_band_1_5", 0.25),
        ("share_band_21_50", 0.25),
        ("share_band_over_50", 0.0),
        ("share_any_ros", 0.75),
        ("share_tjenestespesifikk", 2.0 / 3.0),
        ("share_not_relevant", 0.5),
        ("share_informs_nobody", 0.5),
        ("share_main_tool", 2.0 / 3.0),
    ] {
        assert_fl(s, col, i, Some(v));
    }
    assert_eq!(
        (
            ints(s, "count_band_21_50")[i],
            ints(s, "count_tjenestespesifikk")[i]
        ),
        (Some(1), Some(2))
    );
    // Hele kommunen: informed answered by 5 (R6 blank), nobody R1 R4 → 0.4; tool answered by
    // 5 (R2 blank; "vet ikke" is an answer), kvalitetssystem 3 → 0.6.
    let i = find(s, &[("sector", "Hele kommunen")]);
    assert_fl(s, "share_informs_nobody", i, Some(0.4));
    assert_fl(s, "share_main_tool", i, Some(0.6));
    assert_fl(s, "share_tjenestespesifikk", i, Some(0.75));
    assert_eq!(ints(s, "count_band_over_50")[i], Some(1));

    let ty = t(&r, "ros_survey_types");
    // B: only R5 answered ros_types (tjenestespesifikk); personvern is 0 of 1.
    let i = find(ty, &[("sector", "B"), ("type", "personvern")]);
    assert_eq!(ints(ty, "count")[i], Some(0));
    let i = find(ty, &[("sector", "A"), ("type", "arbeidsmiljø/smitte")]);
    assert_fl(ty, "share", i, Some(1.0 / 3.0));

    let l = t(&r, "ros_survey_likert");
    // competence_ok in A: 4, 1, 5 (R4 "vet ikke" is missing) → n 3, mean 10/3, agree 2/3.
    let i = find(l, &[("sector", "A"), ("item", "competence_ok")]);
    assert_eq!(ints(l, "n")[i], Some(3));
    assert_fl(l, "mean", i, Some(10.0 / 3.0));
    assert_fl(l, "share_agree", i, Some(2.0 / 3.0));
    assert_fl(l, "share_disagree", i, Some(1.0 / 3.0));
    assert_eq!(
        [
            ints(l, "level_1")[i],
            ints(l, "level_4")[i],
            ints(l, "level_5")[i],
            ints(l, "level_3")[i]
        ],
        [Some(1), Some(1), Some(1), Some(0)]
    );
    // The whole municipality adds B's 3 and 2: levels 4, 1, 5, 3, 2 → n 5, mean 3, two
    // agree, two disagree, one of each level (the mean from the sectors' sums of levels,
    // not the average of their means, 2.92).
    let i = find(l, &[("sector", "Hele kommunen"), ("item", "competence_ok")]);
    assert_eq!(ints(l, "n")[i], Some(5));
    assert_fl(l, "mean", i, Some(3.0));
    assert_fl(l, "share_agree", i, Some(0.4));
    assert_fl(l, "share_disagree", i, Some(0.4));
    let levels: Vec<Option<i64>> = (1..=5).map(|k| ints(l, &format!("level_{k}"))[i]).collect();
    assert_eq!(levels, vec![Some(1); 5]);
}

#[test]
fn maturity_and_inspections() {
    let r = results(&fixture());
    let m = t(&r, "maturity_self_assessment");
    // A Rutiner, latest per assessor: P1 3, P2 4, P3 2 → mean 3, sd 1; ambition (4+5)/2.
    let i = find(m, &[("sector", "A"), ("dimension", "Rutiner")]);
    assert_eq!(
        (
            ints(m, "n")[i],
            ints(m, "current_min")[i],
            ints(m, "current_max")[i]
        ),
        (Some(3), Some(2), Some(4))
    );
    assert_fl(m, "current_mean", i, Some(3.0));
    assert_fl(m, "current_sd", i, Some(1.0));
    assert_fl(m, "ambition_mean", i, Some(4.5));
    assert_fl(m, "gap", i, Some(1.5));
    // Hele kommunen: 3, 4, 2, 1 → mean 2.5, sd √(5/3).
    let i = find(m, &[("sector", "Hele kommunen"), ("dimension", "Rutiner")]);
    assert_fl(m, "current_sd", i, Some((5.0f64 / 3.0).sqrt()));

    let s = t(&r, "inspections_summary");
    let i = find(s, &[("authority", "Statsforvalteren")]);
    assert_eq!(
        [
            "inspections",
            "findings",
            "remarks",
            "closed",
            "open",
            "overdue"
        ]
        .map(|c| ints(s, c)[i]),
        [Some(2), Some(5), Some(1), Some(2), Some(3), Some(3)]
    );
    let i = find(s, &[("authority", "Arbeidstilsynet")]);
    assert_eq!(ints(s, "year")[i], Some(2024));
    assert_eq!(
        ["closed", "open", "overdue"].map(|c| ints(s, c)[i]),
        [Some(0), Some(1), Some(1)]
    );
}

#[test]
fn maturity_indicators_and_benchmark() {
    let r = results(&fixture());
    let m = t(&r, "maturity_indicators");
    // Sector A: current coverage 0.5; reviews on time 1 − 1/3; red risks with measures
    // 1 − 1/2; closed within 90 d 0.25; reporting rate 15 + 5 = 20 per 100 årsverk;
    // improvement 1/4; competence 2/3; inspection findings closed 2/3 (2 of 3 by as_of).
    let i = find(m, &[("sector", "A")]);
    let want = [0.5, 2.0 / 3.0, 0.5, 0.25, 20.0, 0.25, 2.0 / 3.0, 2.0 / 3.0];
    for (ind, v) in ikrapport::analytics::indicators::INDICATORS
        .iter()
        .zip(want)
    {
        assert_fl(m, ind.name, i, Some(v));
    }
    let st: Vec<String> = ikrapport::analytics::indicators::INDICATORS
        .iter()
        .map(|ind| strs(m, &format!("{}_status", ind.name))[i].clone().unwrap())
        .collect();
    assert_eq!(
        st,
        ["rød", "rød", "rød", "rød", "rød", "grønn", "grønn", "rød"]
    );
    // Index: mean of 0.5, 2/3, 0.5, 0.25, 20/50, 0.25, 2/3, 2/3 = 3.9/8 → 48.75, level 3.
    assert_fl(m, "maturity_index", i, Some(48.75));
    assert_eq!(ints(m, "maturity_level")[i], Some(3));
    assert_eq!(strs(m, "missing_indicators")[i], None);

    let dq = t(&r, "data_quality");
    assert_eq!(
        dq.get_column_names()
            .iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>(),
        [
            "file", "sheet", "row", "line", "column", "value", "severity", "reason", "code"
        ]
    );
    assert_eq!(dq.height(), 0, "the fixture is clean");
    let b = t(&r, "benchmark");
    assert_eq!(b.height(), 1);
    assert_eq!(strs(b, "kommunenummer"), vec![Some("1234".into())]);
    assert_fl(b, "maturity_index_pct_rank", 0, Some(0.0));
    assert_fl(b, "deviations_per_1000_innbyggere", 0, None);
}

#[test]
fn benchmark_ranks_municipalities_and_kostra_groups() {
    // Three municipalities; deviations in 2025: 0101 two, 0202 one, 0303 three.
    let p = Project::new();
    p.write(
        "avvik.csv",
        "Kommunenummer;Sektor;Meldt dato\n0101;A;01.03.2025\n0101;A;01.12.2025\n0202;A;01.04.2025\n0303;A;01.05.2025\n0303;A;02.05.2025\n0303;A;03.05.2025\n",
    );
    p.write(
        "kommuner.csv",
        "kommunenummer,kommune,innbyggere,kostra_group\n0101,Aby,1000,K1\n0202,Bby,2000,K1\n0303,Cby,1500,K2\n",
    );
    let r = results(&p);
    let b = t(&r, "benchmark");
    // Per 1000: 2.0, 0.5, 2.0 → PERCENT_RANK 0.5, 0, 0.5; within K1: 1, 0; K2 alone: 0.
    assert_eq!(
        strs(b, "kommune"),
        vec![Some("Aby".into()), Some("Bby".into()), Some("Cby".into())]
    );
    for (i, (v, pr, prk)) in [(2.0, 0.5, 1.0), (0.5, 0.0, 0.0), (2.0, 0.5, 0.0)]
        .into_iter()
        .enumerate()
    {
        assert_fl(b, "deviations_per_1000_innbyggere", i, Some(v));
        assert_fl(b, "deviations_per_1000_innbyggere_pct_rank", i, Some(pr));
        assert_fl(
            b,
            "deviations_per_1000_innbyggere_pct_rank_kostra",
            i,
            Some(prk),
        );
    }
}

/// Respondent-level data with the marginals Trondheim kommune published for its 2020/21
/// survey of ROS practice (02-analytics.md), in a one-column-per-option export where
/// unticked boxes are blank, as Nettskjema writes them. 750 respondents; 35 ticked no type
/// of ROS analysis (11 in the six sectors, 24 in "Annet"): they answered the question and
/// count in its denominator, so "tjenestespesifikk ROS: 195 (26 %)" is of all 750, not
/// of the 715 who ticked a type (which would print 27 %).
fn trondheim() -> Project {
    // (sector, respondents, of them chose tjenestespesifikk, of them ticked nothing)
    let sectors = [
        ("Kultur og idrett", 26, 11, 1),
        ("Byutvikling", 31, 11, 1),
        ("Oppvekst og utdanning", 362, 105, 5),
        ("Helse og velferd", 262, 63, 3),
        ("Finans", 12, 2, 0),
        ("Organisasjon", 33, 3, 1),
        ("Annet", 24, 0, 24),
    ];
    // Bands over all 750: 0 → 147 (19.6 %), 1-5 → 437 (58.3 %), 6-20 → 121, 21-50 → 32,
    // >50 → 13. Quality system: 449 of the 730 who answered ros_tool (61.5 %; the last 20
    // left it blank). Reports to nobody: 142 of 750 (18.9 %).
    let mut rows = vec![];
    let mut n = 0usize;
    let mut push = |sector: &str, ticks: Option<bool>, rows: &mut Vec<String>| {
        let band = match n {
            0..147 => "0",
            147..584 => "1-5",
            584..705 => "6-20",
            705..737 => "21-50",
            _ => "Mer enn 50",
        };
        let tool = match n {
            0..449 => "\"Kvalitetssystem (TQM, Kvaliteket, Compilo…)\"",
            449..730 => "Excel/Word-mal",
            _ => "",
        };
        let nobody = if (n * 7) % 750 < 142 {
            "Ingen (rapporterer ikke)"
        } else {
            ""
        };
        let leader = if nobody.is_empty() {
            "Nærmeste leder"
        } else {
            ""
        };
        let (ts, other) = match ticks {
            Some(true) => ("Tjenestespesifikk", ""),
            Some(false) => ("", "Beredskap og kontinuitet"),
            None => ("", ""),
        };
        rows.push(format!(
            "{},2021-01-15,{sector},{band},{ts},{other},{tool},{leader},{nobody}",
            n + 1
        ));
        n += 1;
    };
    for (s, respondents, chose, nothing) in sectors {
        for k in 0..respondents {
            let ticks = if k < chose {
                Some(true)
            } else if k < respondents - nothing {
                Some(false)
            } else {
                None
            };
            push(s, ticks, &mut rows);
        }
    }
    assert_eq!(rows.len(), 750);
    let header = "Respons-ID,Levert,Sektor,Hvor mange ROS-analyser har du deltatt i det siste året?,\
Hvilke typer ROS-analyser har du deltatt i? - Tjenestespesifikk,Hvilke typer ROS-analyser har du deltatt i? - Beredskap og kontinuitet,\
Hvilket verktøy bruker dere til ROS-analyser?,Hvem informerer dere om ROS-analysene? - Nærmeste leder,Hvem informerer dere om ROS-analysene? - Ingen";
    let p = Project::new();
    p.write(
        "ros-sporreundersokelse.csv",
        format!("{header}\n{}\n", rows.join("\n")),
    );
    p
}

#[test]
fn trondheims_published_survey_figures_are_rebuilt() {
    let p = trondheim();
    let r = results(&p);
    let s = t(&r, "ros_survey_by_sector");
    // Published: counts exact, shares within one percentage point.
    for (sector, count, share) in [
        ("Kultur og idrett", 11, 0.42),
        ("Byutvikling", 11, 0.35),
        ("Oppvekst og utdanning", 105, 0.29),
        ("Helse og velferd", 63, 0.24),
        ("Finans", 2, 0.16),
        ("Organisasjon", 3, 0.09),
        ("Hele kommunen", 195, 0.26),
    ] {
        let i = find(s, &[("sector", sector)]);
        assert_eq!(
            ints(s, "count_tjenestespesifikk")[i],
            Some(count),
            "{sector}"
        );
        let got = crate::util::fl(s, "share_tjenestespesifikk", i).unwrap();
        assert!((got - share).abs() <= 0.01, "{sector}: {got} vs {share}");
    }
    let i = find(s, &[("sector", "Hele kommunen")]);
    // 195 of all 750, respondents who ticked nothing included (not 195 of 715 = 27 %).
    assert_eq!(ints(s, "answered_ros_types")[i], Some(750));
    assert_fl(s, "share_tjenestespesifikk", i, Some(195.0 / 750.0));
    let near = |col: &str, want: f64| {
        let got = crate::util::fl(s, col, i).unwrap();
        assert!((got - want).abs() <= 0.01, "{col}: {got} vs {want}");
    };
    near("share_band_0", 0.196);
    near("share_band_1_5", 0.582);
    near("share_main_tool", 0.615);
    near("share_informs_nobody", 0.189);
    assert_eq!(ints(s, "count_band_21_50")[i], Some(32));
    assert_eq!(ints(s, "count_band_over_50")[i], Some(13));
    assert_eq!(ints(s, "count_main_tool")[i], Some(449));
    assert_eq!(ints(s, "answered_ros_tool")[i], Some(730));
    assert_eq!(ints(s, "respondents")[i], Some(750));
    // The types table has the same denominator, and the 24 in "Annet" who ticked
    // nothing are respondents with a 0 share, not missing.
    let ty = t(&r, "ros_survey_types");
    let j = find(
        ty,
        &[("sector", "Hele kommunen"), ("type", "tjenestespesifikk")],
    );
    assert_eq!(ints(ty, "answered")[j], Some(750));
    assert_fl(ty, "share", j, Some(195.0 / 750.0));
    let j = find(ty, &[("sector", "Annet"), ("type", "tjenestespesifikk")]);
    assert_eq!(
        (ints(ty, "count")[j], ints(ty, "answered")[j]),
        (Some(0), Some(24))
    );
    assert!(
        !strs(ty, "type").iter().any(|t| t.is_none()),
        "a blank answer is not a type"
    );
}

/// Where the export writes unticked boxes as `0`, a respondent whose boxes are all blank
/// was not asked the question: they are not in its denominator (01-inputs.md, `multi`).
#[test]
fn explicit_unticked_boxes_make_all_blank_mean_not_asked() {
    let p = Project::new();
    p.write(
        "ros-undersokelse.csv",
        "Svar-ID;Innsendt;Sektor;Hvilke typer ROS-analyser har du deltatt i? - Tjenestespesifikk;Hvilke typer ROS-analyser har du deltatt i? - Personvern\n\
1;15.12.2025;Finans;1;0\n2;15.12.2025;Finans;0;0\n3;15.12.2025;Finans;;\n4;15.12.2025;Finans;0;1\n",
    );
    let r = results(&p);
    let ty = t(&r, "ros_survey_types");
    let j = find(ty, &[("sector", "Finans"), ("type", "tjenestespesifikk")]);
    // 1, 2 and 4 answered (2 ticked nothing, explicitly); 3 was not asked.
    assert_eq!(
        (ints(ty, "count")[j], ints(ty, "answered")[j]),
        (Some(1), Some(3))
    );
}

#[test]
fn the_sample_data_shows_the_planted_signal() {
    let project = ikrapport::Project::open(sample_data()).unwrap();
    let data = project.ingest_checked(false).unwrap();
    let r = analytics::run(&project.root, &data, &project.config, &Options::default()).unwrap();
    assert_eq!(r.params.year, 2025);
    // The rising sector.
    let tr = t(&r, "deviation_trend");
    let i = find(tr, &[("sector", "Helse og velferd"), ("category", "alle")]);
    assert_eq!(strs(tr, "direction")[i].as_deref(), Some("økende"));
    assert!(crate::util::fl(tr, "sens_slope", i).unwrap() > 0.0);
    // The special-cause month: October of the year before the report year.
    let spc = t(&r, "deviation_spc");
    let months = spc
        .column("month")
        .unwrap()
        .cast(&polars::prelude::DataType::String)
        .unwrap();
    let months: Vec<Option<String>> = months
        .str()
        .unwrap()
        .iter()
        .map(|m| m.map(String::from))
        .collect();
    let i = (0..spc.height())
        .find(|&i| {
            strs(spc, "sector")[i].as_deref() == Some("Oppvekst og utdanning")
                && months[i].as_deref() == Some("2024-10-01")
        })
        .unwrap();
    assert_eq!(strs(spc, "signal")[i].as_deref(), Some("above"));
    // The low-coverage sectors are lowest.
    let c = t(&r, "ros_coverage_register");
    let mut cov: Vec<(f64, String)> = (0..c.height())
        .filter(|&i| {
            strs(c, "analysis_type")[i].as_deref() == Some("alle")
                && strs(c, "sector")[i].as_deref() != Some("Hele kommunen")
        })
        .map(|i| {
            (
                crate::util::fl(c, "current_coverage", i).unwrap(),
                strs(c, "sector")[i].clone().unwrap(),
            )
        })
        .collect();
    cov.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let lowest: Vec<&str> = cov.iter().take(2).map(|c| c.1.as_str()).collect();
    assert_eq!(lowest, ["Finans", "Organisasjon"]);
    // Every table of the spec is there, with its first key column.
    for name in [
        "deviation_counts",
        "deviation_monthly",
        "deviation_yoy",
        "deviation_closure",
        "deviation_sources",
        "deviation_root_causes",
        "deviation_spc",
        "deviation_trend",
        "risk_matrix",
        "risk_by_sector",
        "risk_by_category",
        "risk_measures",
        "risk_top",
        "ros_coverage_register",
        "ros_survey_by_sector",
        "ros_survey_types",
        "ros_survey_likert",
        "maturity_self_assessment",
        "maturity_indicators",
        "inspections_summary",
        "benchmark",
        "data_quality",
    ] {
        let df = t(&r, name);
        assert!(df.height() > 0, "{name} is empty");
        if name != "data_quality" {
            assert_eq!(df.get_column_names()[0].as_str(), "kommunenummer", "{name}");
        }
    }
}

/// Canonical tables hold repeating text as a dictionary (polars Categorical); a user's SQL
/// must work on them exactly as on text: string functions, LIKE, a join with a result
/// table (plain text) and a join of two canonical tables, with the answers text gives.
#[test]
fn sql_over_dictionary_columns_answers_as_over_text() {
    let p = fixture();
    let dir = p.path().to_str().unwrap();
    let query = |sql: &str| {
        let out = ikrapport(&["query", dir, sql, "--format", "csv"]);
        assert_eq!(out.code, 0, "{sql}: {}", out.stderr);
        out.stdout
    };
    // Functions of text (they fail on a Categorical: the query runs again on text).
    assert_eq!(
        query(
            "SELECT UPPER(sector) AS s, LENGTH(unit) AS n FROM deviations WHERE unit LIKE 'A%' GROUP BY s, n ORDER BY s, n"
        ),
        "s,n\nA,2\n"
    );
    // A canonical column joined with a result table's text column.
    assert_eq!(
        query(
            "SELECT d.sector, COUNT(*) AS n FROM deviations d JOIN deviation_closure c ON d.sector = c.sector GROUP BY d.sector ORDER BY d.sector"
        ),
        "sector,n\nA,5\nB,3\n"
    );
    // Two canonical tables joined on their dictionary columns; text comparisons, ORDER BY
    // and MIN by the text, not by the order values were first seen.
    assert_eq!(
        query(
            "SELECT d.unit, MIN(u.sector) AS s, COUNT(*) AS n FROM deviations d JOIN units u ON d.unit = u.unit WHERE d.unit > 'A1' GROUP BY d.unit ORDER BY d.unit DESC"
        ),
        "unit,s,n\nB1,B,3\nA2,A,2\n"
    );
    // A mistake is reported as on text.
    let out = ikrapport(&["query", dir, "SELECT UPPER(sektor) FROM deviations"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("sektor"), "{}", out.stderr);
}

#[test]
fn a_users_query_file_joins_the_catalog_and_errors_name_the_query() {
    let p = fixture();
    p.write("queries/avvik_per_sektor.sql", "-- mine\nSELECT sector, SUM(count) AS n FROM deviation_counts WHERE year = {{year}} AND sector <> 'Hele kommunen' GROUP BY sector ORDER BY sector");
    let dir = p.path().to_str().unwrap();
    let out = ikrapport(&[
        "query",
        dir,
        "SELECT * FROM avvik_per_sektor",
        "--format",
        "csv",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "sector,n\nA,4\nB,2\n");
    // A missing table is named before anything runs.
    p.write("queries/feil.sql", "SELECT * FROM finnes_ikke");
    let out = ikrapport(&["query", dir, "SELECT 1"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("leser tabellen «finnes_ikke», som ikke finnes"),
        "{}",
        out.stderr
    );
    // Circular references are named.
    p.write("queries/feil.sql", "SELECT * FROM ring_b");
    p.write("queries/ring_b.sql", "SELECT * FROM feil");
    let out = ikrapport(&["query", dir, "SELECT 1"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("feil → ring_b → feil"),
        "{}",
        out.stderr
    );
    std::fs::remove_file(p.path().join("queries/ring_b.sql")).unwrap();
    std::fs::remove_file(p.path().join("queries/feil.sql")).unwrap();
    // An SQL error names the query and gives polars' message, no panic.
    let out = ikrapport(&["query", dir, "SELEC sector FROM deviations"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("Spørringen «kommandolinje»"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("panicked"));
    // JSON and table output.
    let out = ikrapport(&[
        "query",
        dir,
        "SELECT sector, reported FROM deviation_closure ORDER BY sector",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v[0]["sector"], "A");
    assert_eq!(v[0]["reported"], 4);
    let query_file = |name: &str| {
        let path = p.path().join(name);
        ikrapport(&["query", dir, "--file", path.to_str().unwrap()])
    };
    let two_sectors = |out: &crate::util::Out| {
        assert!(
            out.stdout.contains("sector  n") && out.stdout.contains("(2 rader)"),
            "{}",
            out.stdout
        );
    };
    two_sectors(&query_file("queries/avvik_per_sektor.sql"));
    // A query file's engine line is read: streaming gives the same table, and a wrong
    // engine is named with its file and line.
    p.write(
        "streamed.sql",
        "-- per sector\n--! engine = \"streaming\"\nSELECT sector, COUNT(*) AS n FROM deviations GROUP BY sector ORDER BY sector\n",
    );
    two_sectors(&query_file("streamed.sql"));
    p.write(
        "wrong.sql",
        "-- per sector\n--! engine = \"fast\"\nSELECT 1 AS n\n",
    );
    let out = query_file("wrong.sql");
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("wrong.sql") && out.stderr.contains("linje 2"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("streaming"), "{}", out.stderr);
}

#[test]
fn run_writes_canonical_parquet_and_lists_every_result() {
    let p = fixture();
    let out_dir = p.path().join("ut");
    let out = ikrapport(&[
        "run",
        p.path().to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
        "--as-of",
        "30.06.2025",
        "--year",
        "2025",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("Rapporten for 2025 er klar"),
        "{}",
        out.stdout
    );
    let manifest = std::fs::read_to_string(out_dir.join("manifest.json")).unwrap();
    assert!(manifest.contains("\"as_of\": \"2025-06-30\""), "{manifest}");
    assert!(out_dir.join("data/maturity_indicators.parquet").is_file());
    use polars::prelude::SerReader;
    let df = polars::prelude::ParquetReader::new(
        std::fs::File::open(out_dir.join("data/deviations.parquet")).unwrap(),
    )
    .finish()
    .unwrap();
    assert_eq!(df.height(), 8);
    // -v: timings per file and per table on stderr, the summary stays on stdout.
    let v = ikrapport(&[
        "run",
        p.path().to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
        "-v",
        "-q",
    ]);
    assert_eq!(v.code, 0, "{}", v.stderr);
    assert!(v.stdout.is_empty());
    assert!(
        v.stderr.lines().any(|l| l.ends_with(" ms  avvik.csv")),
        "{}",
        v.stderr
    );
    assert!(
        v.stderr
            .lines()
            .any(|l| l.ends_with(" ms  deviation_trend")),
        "{}",
        v.stderr
    );
    let bad = ikrapport(&["run", p.path().to_str().unwrap(), "--as-of", "i morgen"]);
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr.contains("--as-of «i morgen» er ikke en dato"),
        "{}",
        bad.stderr
    );
}

#[test]
fn a_users_own_codebook_feeds_the_likert_table() {
    let p = Project::new();
    p.write(
        "trivsel-kodebok.toml",
        "survey = \"trivsel\"\n[[question]]\nid = \"trives\"\nkind = \"likert\"\ntext = \"Jeg trives på jobben\"\n",
    );
    p.write(
        "trivsel-undersokelse.csv",
        "Sektor;Innsendt;Jeg trives på jobben\nA;01.12.2025;Helt enig\nA;01.12.2025;Enig\nA;01.12.2025;Uenig\n",
    );
    let r = results(&p);
    let l = t(&r, "ros_survey_likert");
    let i = find(l, &[("sector", "A"), ("item", "trives")]);
    // Levels 5, 4, 2: n 3, mean 11/3, two agree, one disagrees.
    assert_eq!(ints(l, "n")[i], Some(3));
    assert_fl(l, "mean", i, Some(11.0 / 3.0));
    assert_fl(l, "share_agree", i, Some(2.0 / 3.0));
    assert_eq!(
        strs(t(&r, "survey"), "survey")[0].as_deref(),
        Some("trivsel")
    );
}

#[test]
fn indicator_targets_and_weights_come_from_the_config() {
    let p = fixture();
    // Only survey competence counts, and its green target is lowered to 0.5.
    let mut cfg = String::from("kommunenummer = \"1234\"\n");
    for ind in ikrapport::analytics::indicators::INDICATORS {
        let name = ind.name;
        let w = if name == "survey_competence" {
            1.0
        } else {
            0.0
        };
        cfg.push_str(&format!("[analytics.indicators.{name}]\nweight = {w}\n"));
    }
    cfg = cfg.replace(
        "[analytics.indicators.survey_competence]\n",
        "[analytics.indicators.survey_competence]\ngreen = 0.5\n",
    );
    p.write("ikrapport.toml", &cfg);
    let r = results(&p);
    let m = t(&r, "maturity_indicators");
    let i = find(m, &[("sector", "A")]);
    // A's competence share 2/3 is the whole index: 66.67, level 4; status now green.
    assert_fl(m, "maturity_index", i, Some(200.0 / 3.0));
    assert_eq!(ints(m, "maturity_level")[i], Some(4));
    assert_eq!(
        strs(m, "survey_competence_status")[i].as_deref(),
        Some("grønn")
    );
    // A misspelt indicator is an error, not ignored.
    p.write(
        "ikrapport.toml",
        "[analytics.indicators.survey_competense]\nweight = 2\n",
    );
    let out = ikrapport(&[
        "run",
        p.path().to_str().unwrap(),
        "--out",
        p.path().join("ut").to_str().unwrap(),
    ]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("[analytics.indicators.survey_competense] er ikke en indikator"),
        "{}",
        out.stderr
    );
}

#[test]
fn run_never_replaces_a_folder_it_did_not_make() {
    let p = fixture();
    let mine = p.path().join("mine");
    std::fs::create_dir_all(&mine).unwrap();
    std::fs::write(mine.join("viktig.docx"), "ikke slett meg").unwrap();
    let out = ikrapport(&[
        "run",
        p.path().to_str().unwrap(),
        "--out",
        mine.to_str().unwrap(),
    ]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("finnes og er ikke en rapportmappe laget av ikrapport"),
        "{}",
        out.stderr
    );
    assert_eq!(
        std::fs::read_to_string(mine.join("viktig.docx")).unwrap(),
        "ikke slett meg"
    );
    // A bundle it made is replaced on the next run.
    let bundle = p.path().join("rapport");
    assert_eq!(
        ikrapport(&[
            "run",
            p.path().to_str().unwrap(),
            "--out",
            bundle.to_str().unwrap()
        ])
        .code,
        0
    );
    assert_eq!(
        ikrapport(&[
            "run",
            p.path().to_str().unwrap(),
            "--out",
            bundle.to_str().unwrap()
        ])
        .code,
        0
    );
    assert!(bundle.join("data/risks.parquet").exists());
}

#[test]
fn units_closed_before_as_of_are_not_denominators() {
    let p = fixture();
    // C1 closed at the end of 2024 (a reorganisation); B1 opens after as_of.
    p.write(
        "enheter.csv",
        "Sektor;Enhet;Årsverk;Gyldig fra;Gyldig til\nA;A1;10;;\nA;A2;10;01.01.2020;\nB;B1;5;01.01.2026;\nC;C1;5;;31.12.2024\n",
    );
    let r = results(&p);
    let c = t(&r, "ros_coverage_register");
    let i = find(c, &[("sector", "Hele kommunen"), ("analysis_type", "alle")]);
    // Units at 31.12.2025: A1, A2 → both have a ROS, one current.
    assert_eq!(ints(c, "units")[i], Some(2));
    assert_fl(c, "coverage", i, Some(1.0));
    let d = t(&r, "deviation_counts");
    let i = (0..d.height())
        .find(|&i| {
            ints(d, "year")[i] == Some(2025)
                && strs(d, "sector")[i].as_deref() == Some("Hele kommunen")
                && strs(d, "type")[i].as_deref() == Some("avvik")
        })
        .unwrap();
    // 5 deviations per 20 årsverk (A1 + A2) → 25 per 100.
    assert_fl(d, "per_100_employees", i, Some(25.0));
}

/// Every built-in query marked `engine = "streaming"` gives, on the sample data, exactly
/// the table the in-memory engine gives (the marking promises an answer that does not
/// depend on the order rows are combined in; queries/README.md, "engine").
#[test]
fn streaming_queries_give_the_in_memory_answer() {
    use ikrapport::analytics::registry::Maker;
    use ikrapport::catalog::QueryEngine;
    let project = ikrapport::Project::open(sample_data()).unwrap();
    let data = project.ingest_checked(false).unwrap();
    let r = analytics::run(&project.root, &data, &project.config, &Options::default()).unwrap();
    let placeholders = r.params.placeholders(&project.config);
    let mut streamed = 0;
    for def in r.registry.tables() {
        let Maker::Sql { sql, .. } = &def.maker else {
            continue;
        };
        if def.meta.engine != QueryEngine::Streaming {
            continue;
        }
        streamed += 1;
        let sql =
            analytics::queries::substitute(sql, &placeholders, &def.name, ikrapport::Lang::Nb)
                .unwrap();
        let in_memory = r
            .catalog
            .sql(&sql, &def.name, QueryEngine::InMemory, ikrapport::Lang::Nb)
            .unwrap();
        let made = t(&r, &def.name);
        assert!(made.height() > 0, "{}: empty on the sample data", def.name);
        assert!(
            made.equals_missing(&in_memory),
            "{}: streaming\n{made}\nin memory\n{in_memory}",
            def.name
        );
    }
    assert!(streamed >= 10, "{streamed} streaming queries");
}

/// Årsverk are decimals; their sum is rounded to 6 decimals before it divides
/// (`deviation_counts.sql`), so the rate is the same whatever order the engine adds them
/// in, and is the rate of the decimal sum: 0,1 + 0,2 årsverk is 0.3, not the binary
/// 0.30000000000000004 (which would give 1666.6666666666665).
#[test]
fn per_100_employees_divides_by_the_decimal_sum_of_arsverk() {
    let p = fixture();
    p.write("enheter.csv", "Sektor;Enhet;Årsverk\nA;A1;0,1\nA;A2;0,2\n");
    let r = results(&p);
    let d = t(&r, "deviation_counts");
    let i = (0..d.height())
        .find(|&i| {
            ints(d, "year")[i] == Some(2025)
                && strs(d, "sector")[i].as_deref() == Some("Hele kommunen")
                && strs(d, "type")[i].as_deref() == Some("avvik")
        })
        .unwrap();
    // 5 deviations per 0.3 årsverk.
    assert_eq!(
        crate::util::fl(d, "per_100_employees", i),
        Some(500.0 / 0.3)
    );
}
