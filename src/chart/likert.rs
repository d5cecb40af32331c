//! Chart 9b: the Likert items as diverging stacked bars (`ros_survey_likert`): disagree to
//! the left of zero, agree to the right, the neutral answers split across it (Robbins &
//! Heiberger 2011), for the whole municipality or one sector. Where a level is hidden (too few), the
//! agree and disagree shares the table shows are drawn as three parts instead.

use super::data::Input;
use super::layout::{Bar, HBars, Row, Segment, hbars};
use super::{Chart, Rgb};

/// Blue–orange diverging (safe for red-green colour blindness), neutral grey.
const LEVELS: [(&str, Rgb); 5] = [
    ("level_1", Rgb(0xb3, 0x58, 0x06)),
    ("level_2", Rgb(0xf1, 0xa3, 0x40)),
    ("level_3", Rgb(0xd0, 0xd0, 0xd0)),
    ("level_4", Rgb(0x6b, 0xae, 0xd6)),
    ("level_5", Rgb(0x21, 0x71, 0xb5)),
];

pub fn chart(input: &Input) -> Chart {
    let d = input.table("ros_survey_likert");
    let sector = input.sector.clone().unwrap_or_else(|| input.whole.clone());
    let rows_i = d.rows_where(input.col("category", "sector"), &sector);
    let mut rows = Vec::new();
    let mut most: Option<(String, f64)> = None;
    for r in rows_i {
        let Some(item) = d.text(r, "item") else {
            continue;
        };
        let label = {
            let id = format!("likert-{item}");
            if crate::i18n::has(input.lang, &id) {
                input.t(&id)
            } else {
                item.to_string()
            }
        };
        let n = d.num(r, "n").unwrap_or(0.0);
        let lv: Vec<Option<f64>> = LEVELS.iter().map(|(c, _)| d.num(r, c)).collect();
        // A level with fewer than the threshold is hidden, but the table still shows
        // the agree and disagree shares (their groups are large enough): draw those
        // three parts, disagree / neutral / agree, rather than nothing. It discloses
        // nothing the table does not.
        let three = match (d.num(r, "share_disagree"), d.num(r, "share_agree")) {
            (Some(dis), Some(agr)) if n > 0.0 && lv.iter().any(Option::is_none) => Some((dis, agr)),
            _ => None,
        };
        if let Some((dis, agr)) = three {
            let neutral = (1.0 - dis - agr).max(0.0);
            let segs = vec![
                Segment {
                    value: -neutral / 2.0,
                    color: LEVELS[2].1,
                },
                Segment {
                    value: -dis,
                    color: LEVELS[1].1,
                },
                Segment {
                    value: neutral / 2.0,
                    color: LEVELS[2].1,
                },
                Segment {
                    value: agr,
                    color: LEVELS[3].1,
                },
            ];
            if most.as_ref().is_none_or(|m| agr > m.1) {
                most = Some((label.clone(), agr));
            }
            rows.push(Row {
                label,
                bars: vec![Bar {
                    segments: segs,
                    label: Some(format!(
                        "{} ({})",
                        tr!(
                            input.lang,
                            "chart-likert-agree",
                            share = crate::i18n::Pct(agr, 0)
                        ),
                        input.t("chart-some-hidden")
                    )),
                    note: None,
                }],
                strong: false,
            });
            continue;
        }
        if n <= 0.0 || lv.iter().any(Option::is_none) {
            rows.push(Row {
                label,
                bars: vec![Bar {
                    segments: vec![],
                    label: None,
                    note: Some(input.t("suppressed-short")),
                }],
                strong: false,
            });
            continue;
        }
        let f: Vec<f64> = lv.iter().map(|v| v.unwrap_or(0.0) / n).collect();
        // Left of zero: neutral half, disagree, strongly disagree (outwards); right:
        // neutral half, agree, strongly agree.
        let segs = vec![
            Segment {
                value: -f[2] / 2.0,
                color: LEVELS[2].1,
            },
            Segment {
                value: -f[1],
                color: LEVELS[1].1,
            },
            Segment {
                value: -f[0],
                color: LEVELS[0].1,
            },
            Segment {
                value: f[2] / 2.0,
                color: LEVELS[2].1,
            },
            Segment {
                value: f[3],
                color: LEVELS[3].1,
            },
            Segment {
                value: f[4],
                color: LEVELS[4].1,
            },
        ];
        let agree = f[3] + f[4];
        if most.as_ref().is_none_or(|m| agree > m.1) {
            most = Some((label.clone(), agree));
        }
        rows.push(Row {
            label,
            bars: vec![Bar {
                segments: segs,
                label: Some(tr!(
                    input.lang,
                    "chart-likert-agree",
                    share = crate::i18n::Pct(agree, 0)
                )),
                note: None,
            }],
            strong: false,
        });
    }
    if rows.is_empty() {
        return super::empty(&input.id, &input.frame, &input.t("chart-no-data"));
    }
    let legend = super::layout::column_legend(input, &LEVELS);
    let canvas = hbars(&HBars {
        frame: input.frame.clone(),
        rows,
        legend,
        range: Some((-1.0, 1.0)),
        percent: true,
        lang: input.lang,
    });
    let alt = match most {
        Some((item, share)) => tr!(
            input.lang,
            "alt-likert",
            title = input.frame.title.as_str(),
            item = item,
            share = crate::i18n::Pct(share, 0)
        ),
        None => input.frame.title.clone(),
    };
    super::finish(input, canvas, alt)
}
