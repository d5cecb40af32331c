//! Handing tables to the arrow-rs world (03-report.md, "Interop and lineage"): a polars
//! frame becomes an arrow-rs `RecordBatch` through the Arrow C data interface, so a
//! DataFusion-, delta-rs- or Lance-based program can embed the engine. polars-arrow
//! exports each column (`ffi::export_array_to_c`), arrow-rs imports it (`ffi::from_ffi`);
//! the buffers are shared, not copied, and the release callbacks pass ownership.
//!
//! Strings leave as `LargeUtf8` and dates as `Date32` (polars' oldest compatibility
//! level), which every arrow-rs consumer reads.

use crate::error::{Error, Result};
use arrow_array::RecordBatch;
use arrow_array::ffi::{FFI_ArrowArray, FFI_ArrowSchema, from_ffi};
use polars::prelude::*;
use std::sync::Arc;

fn err(e: impl std::fmt::Display) -> Error {
    Error::Internal(format!("arrow: {e}"))
}

/// A frame as an arrow-rs record batch.
pub fn record_batch(df: &DataFrame) -> Result<RecordBatch> {
    let compat = CompatLevel::oldest();
    let mut fields = Vec::with_capacity(df.width());
    let mut arrays = Vec::with_capacity(df.width());
    for c in df.columns() {
        // A dictionary column (`catalog::dictionary_encoded`) leaves as plain text, so the
        // types an embedding program sees do not depend on how a table is held.
        let c = match c.dtype() {
            DataType::Categorical(..) => c.cast(&DataType::String).map_err(err)?,
            _ => c.clone(),
        };
        let s = c.as_materialized_series().rechunk();
        let field = s.field().to_arrow(compat);
        let array = s.to_arrow(0, compat);
        let c_array = polars_arrow::ffi::export_array_to_c(array);
        let c_schema = polars_arrow::ffi::export_field_to_c(&field);
        // SAFETY: both crates define these structs as the Arrow C data interface's
        // `ArrowArray` and `ArrowSchema` (#[repr(C)], the same fields in the same order);
        // the exported values own their buffers and carry release callbacks, which
        // arrow-rs calls when it drops them, so ownership moves across exactly once.
        let (c_array, c_schema): (FFI_ArrowArray, FFI_ArrowSchema) = unsafe {
            (
                std::mem::transmute::<polars_arrow::ffi::ArrowArray, FFI_ArrowArray>(c_array),
                std::mem::transmute::<polars_arrow::ffi::ArrowSchema, FFI_ArrowSchema>(c_schema),
            )
        };
        let arrow_field = arrow_schema::Field::try_from(&c_schema).map_err(err)?;
        // SAFETY: the array and schema come from polars-arrow's exporter just above.
        let data = unsafe { from_ffi(c_array, &c_schema) }.map_err(err)?;
        fields.push(arrow_field);
        arrays.push(arrow_array::make_array(data));
    }
    let schema = Arc::new(arrow_schema::Schema::new(fields));
    if arrays.is_empty() {
        return RecordBatch::try_new_with_options(
            schema,
            arrays,
            &arrow_array::RecordBatchOptions::new().with_row_count(Some(df.height())),
        )
        .map_err(err);
    }
    RecordBatch::try_new(schema, arrays).map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::Array;

    #[test]
    fn a_frame_crosses_to_arrow_rs_with_values_and_nulls() {
        let df = df!(
            "sector" => [Some("Helse og velferd"), None, Some("Æøå")],
            "count" => [Some(12i64), Some(3), None],
            "share" => [Some(0.5f64), None, Some(0.25)],
        )
        .unwrap();
        let b = record_batch(&df).unwrap();
        assert_eq!((b.num_rows(), b.num_columns()), (3, 3));
        assert_eq!(b.schema().field(0).name(), "sector");
        let s = b
            .column(0)
            .as_any()
            .downcast_ref::<arrow_array::LargeStringArray>()
            .unwrap();
        assert_eq!(s.value(2), "Æøå");
        assert!(s.is_null(1));
        let c = b
            .column(1)
            .as_any()
            .downcast_ref::<arrow_array::Int64Array>()
            .unwrap();
        assert_eq!((c.value(0), c.is_null(2)), (12, true));
    }
}
