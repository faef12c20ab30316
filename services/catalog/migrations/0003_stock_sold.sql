-- Sold units (issue 13): a confirmed order's reservation moves its units from reserved to sold, so that
-- available + reserved + sold is the stock received and only stock-taking (SetStock) changes it.
ALTER TABLE stock_levels ADD COLUMN sold integer NOT NULL DEFAULT 0 CHECK (sold >= 0);

-- A reservation ends released (given back) or sold (kept by a confirmed order; never given back).
ALTER TABLE stock_reservations DROP CONSTRAINT stock_reservations_state_check;
ALTER TABLE stock_reservations ADD CONSTRAINT stock_reservations_state_check
  CHECK (state IN ('reserved', 'released', 'sold'));
ALTER TABLE stock_reservations ADD COLUMN sold_at timestamptz;
ALTER TABLE stock_reservations ADD CONSTRAINT stock_reservations_sold_at_check
  CHECK ((state = 'sold') = (sold_at IS NOT NULL));
