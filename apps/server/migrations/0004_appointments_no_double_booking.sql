-- No double booking, ever: one staff member cannot hold two live appointments whose times overlap.
-- Cancelled and no-show appointments free their time. Ranges are half-open, so back-to-back is fine.
ALTER TABLE "appointments"."appointments"
  ADD CONSTRAINT "appointments_no_overlap"
  EXCLUDE USING gist ("staff_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)
  WHERE ("status" IN ('pending', 'confirmed', 'checked_in', 'completed'));
