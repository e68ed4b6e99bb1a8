/**
 * How many orders are in each status, kept as orders are written (issue 28): the dashboard's
 * "orders by status" was a count over every order on every view (10 ms at 100,000 orders, growing
 * with them). Triggers keep it in the same transaction as the order write that changes it, whichever
 * connection or process writes; a save that leaves the status alone touches nothing.
 */
export const orderStatusCounts = `
CREATE TABLE order_status_counts (
  status TEXT PRIMARY KEY,
  orders INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO order_status_counts (status, orders) SELECT status, COUNT(*) FROM orders GROUP BY status;

CREATE TRIGGER order_status_counts_insert AFTER INSERT ON orders BEGIN
  INSERT INTO order_status_counts (status, orders) VALUES (NEW.status, 1)
    ON CONFLICT (status) DO UPDATE SET orders = orders + 1;
END;
CREATE TRIGGER order_status_counts_update AFTER UPDATE OF status ON orders WHEN OLD.status <> NEW.status BEGIN
  UPDATE order_status_counts SET orders = orders - 1 WHERE status = OLD.status;
  INSERT INTO order_status_counts (status, orders) VALUES (NEW.status, 1)
    ON CONFLICT (status) DO UPDATE SET orders = orders + 1;
END;
CREATE TRIGGER order_status_counts_delete AFTER DELETE ON orders BEGIN
  UPDATE order_status_counts SET orders = orders - 1 WHERE status = OLD.status;
END;
`;
