//! A data cube as JSON-stat and PC-Axis hold one: dimensions, each with its codes and texts,
//! and one value per combination, the last dimension varying fastest. Which dimension holds
//! the regions, the years and the contents is said by the file (JSON-stat's `role`, PC-Axis's
//! `TIMEVAL` and `CONTVARIABLE`) or by the dimension's code or text (`Region`, `Tid`, `år`,
//! `ContentsCode`).

use super::table::{
    Dimension, Failure, Observation, Table, choose_period, is_contents_header, is_region_header,
    is_time_header,
};
use crate::core::population::{CubeProblem, ScbErrorKind};

/// What a dimension is, when the file says so.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    Region,
    Time,
    Contents,
    Unknown,
}

pub(super) struct CubeDimension {
    /// The code (`Region`) and text (`region`) of the dimension.
    pub id: String,
    pub label: String,
    pub codes: Vec<String>,
    pub texts: Vec<String>,
    pub role: Role,
}

/// Where each value's line is.
pub(super) enum Lines {
    /// One line per value (PC-Axis: where the value is written).
    PerValue(Vec<usize>),
    /// One line per region (JSON-stat: where the region's code is written).
    PerRegion(Vec<usize>),
}

pub(super) struct Cube {
    pub format: &'static str,
    pub dimensions: Vec<CubeDimension>,
    /// The values as written (`..` for one that is missing).
    pub values: Vec<String>,
    pub lines: Lines,
    /// The line of the dimensions, for a file without regions.
    pub line: usize,
}

impl CubeDimension {
    fn is(&self, role: Role, by_name: fn(&str) -> bool) -> bool {
        self.role == role
            || (self.role == Role::Unknown && (by_name(&self.id) || by_name(&self.label)))
    }
}

/// What is wrong inside a cube file (`format`: JSON-stat or PC-Axis), at `line` if known.
pub(super) fn failure(format: &'static str, line: Option<usize>, problem: CubeProblem) -> Failure {
    (line, ScbErrorKind::Cube { format, problem })
}

/// The cube's figures for the chosen year, and that year as the file writes it.
pub(super) fn table(cube: Cube, column: Option<&str>) -> Result<(Table, String), Failure> {
    let problem = |problem| failure(cube.format, Some(cube.line), problem);
    let dims = &cube.dimensions;
    for d in dims {
        if d.codes.len() != d.texts.len() || d.codes.is_empty() {
            return Err(problem(CubeProblem::Dimension(d.id.clone())));
        }
    }
    let Some(region) = dims
        .iter()
        .position(|d| d.is(Role::Region, is_region_header))
    else {
        return Err((
            Some(cube.line),
            ScbErrorKind::NoRegionColumn {
                columns: dims.iter().map(|d| d.label.clone()).collect(),
            },
        ));
    };
    let time = dims
        .iter()
        .enumerate()
        .position(|(i, d)| i != region && d.is(Role::Time, is_time_header));
    let expected = dims
        .iter()
        .try_fold(1usize, |n, d| n.checked_mul(d.codes.len()));
    if expected != Some(cube.values.len()) {
        return Err(problem(CubeProblem::ValueCount {
            expected: expected.unwrap_or(usize::MAX),
            found: cube.values.len(),
        }));
    }
    // The year: by its text ("2024") or its code ("2024M11").
    let (chosen, column) = match time.and_then(|t| dims.get(t)) {
        Some(t) => {
            let chosen = choose_period(&t.texts, column)
                .or_else(|e| choose_period(&t.codes, column).map_err(|_| e))
                .map_err(|kind| (Some(cube.line), kind))?;
            (
                Some(chosen),
                t.texts.get(chosen).cloned().unwrap_or_default(),
            )
        }
        None => {
            if let Some(wanted) = column {
                return Err((
                    Some(cube.line),
                    ScbErrorKind::ColumnNotFound {
                        wanted: wanted.to_string(),
                        available: Vec::new(),
                    },
                ));
            }
            (None, String::new())
        }
    };
    let others: Vec<usize> = (0..dims.len())
        .filter(|&i| i != region && Some(i) != time)
        .collect();
    let dimensions = others
        .iter()
        .filter_map(|&i| dims.get(i))
        .map(|d| Dimension {
            name: d.label.clone(),
            contents: d.is(Role::Contents, is_contents_header),
        })
        .collect();
    let sizes: Vec<usize> = dims.iter().map(|d| d.codes.len()).collect();
    let mut observations = Vec::new();
    let mut index = vec![0usize; dims.len()];
    for (n, value) in cube.values.iter().enumerate() {
        if n > 0 {
            // The next combination: the last dimension fastest.
            for (i, size) in sizes.iter().enumerate().rev() {
                if let Some(x) = index.get_mut(i) {
                    *x += 1;
                    if *x < *size {
                        break;
                    }
                    *x = 0;
                }
            }
        }
        let at = |d: usize| index.get(d).copied().unwrap_or(0);
        if let (Some(t), Some(chosen)) = (time, chosen)
            && at(t) != chosen
        {
            continue;
        }
        let Some(r) = dims.get(region) else { continue };
        let line = match &cube.lines {
            Lines::PerValue(lines) => lines.get(n).copied(),
            Lines::PerRegion(lines) => lines.get(at(region)).copied(),
        }
        .unwrap_or(cube.line);
        let text = r.texts.get(at(region)).cloned().unwrap_or_default();
        // Without codes of its own a dimension's codes are its texts.
        let code = r.codes.get(at(region)).filter(|c| **c != text).cloned();
        observations.push(Observation {
            line,
            region: text,
            code,
            dims: others
                .iter()
                .map(|&d| {
                    dims.get(d)
                        .and_then(|x| x.texts.get(at(d)))
                        .cloned()
                        .unwrap_or_default()
                })
                .collect(),
            value: value.clone(),
        });
    }
    Ok((
        Table {
            dimensions,
            observations,
            header_line: cube.line,
            value_field: None,
        },
        column,
    ))
}
