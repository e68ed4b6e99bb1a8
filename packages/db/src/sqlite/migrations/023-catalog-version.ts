/**
 * The catalog's own version (decision 104): one row whose `version` moves on every committed change
 * to what the shop's catalog answers show — product, variant and category content, the settings, and
 * a variant's availability only when a fact the shop shows about it changes (in stock or not, and the
 * "only N left" count at or below the low-stock threshold). A checkout that takes stock from 50 to 49
 * leaves it alone, so the answer cache keeps its pages through ordinary orders.
 *
 * Stock updates name only `on_hand`/`reserved`, so the content trigger on variants lists the other
 * columns (`AFTER UPDATE OF`) and stock moves reach only the availability trigger. That trigger keeps
 * the threshold it compares with in this row (copied from the settings document by the settings
 * trigger), so deciding costs one integer read rather than parsing the settings on every order.
 * `default_low_stock_threshold()`, registered by `migrate`, seeds it with the core's default when no
 * settings are saved yet; the triggers call only built-in functions, since any connection (another
 * process, the backup script) fires them. The search vocabulary and the full-text rows change only in
 * the same transaction as a product or category write, which already moves the version.
 * `IF NOT EXISTS` throughout: a development database that ran this same schema as the withdrawn
 * migration 020 (never released) upgrades without a clash.
 */
export const catalogVersion = `
CREATE TABLE IF NOT EXISTS catalog_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL,
  low_stock_threshold INTEGER NOT NULL
);
INSERT OR IGNORE INTO catalog_version (id, version, low_stock_threshold)
  VALUES (1, 0, COALESCE((SELECT json_extract(document, '$.lowStockThreshold') FROM settings WHERE id = 1), default_low_stock_threshold()));

CREATE TRIGGER IF NOT EXISTS catalog_products_insert AFTER INSERT ON products BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER IF NOT EXISTS catalog_products_update AFTER UPDATE ON products BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER IF NOT EXISTS catalog_products_delete AFTER DELETE ON products BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER IF NOT EXISTS catalog_variants_insert AFTER INSERT ON variants BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER IF NOT EXISTS catalog_variants_update AFTER UPDATE OF id, product_id, sku, name, price_minor, currency, active ON variants
  BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER IF NOT EXISTS catalog_variants_delete AFTER DELETE ON variants BEGIN UPDATE catalog_version SET version = version + 1; END;
-- Shown availability: 0 when sold out, the count when at or below the threshold, "plenty" above it.
-- It changed exactly when the in-stock flag flipped, or the count moved while either side was low.
CREATE TRIGGER IF NOT EXISTS catalog_variants_availability AFTER UPDATE OF on_hand, reserved ON variants
  WHEN NEW.active = 1 AND (
    ((OLD.on_hand - OLD.reserved) > 0) <> ((NEW.on_hand - NEW.reserved) > 0)
    OR ((OLD.on_hand - OLD.reserved) <> (NEW.on_hand - NEW.reserved)
      AND MIN(OLD.on_hand - OLD.reserved, NEW.on_hand - NEW.reserved) <= (SELECT low_stock_threshold FROM catalog_version WHERE id = 1)))
  BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER IF NOT EXISTS catalog_categories_insert AFTER INSERT ON categories BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER IF NOT EXISTS catalog_categories_update AFTER UPDATE ON categories BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER IF NOT EXISTS catalog_categories_delete AFTER DELETE ON categories BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER IF NOT EXISTS catalog_settings_insert AFTER INSERT ON settings BEGIN
  UPDATE catalog_version SET version = version + 1,
    low_stock_threshold = COALESCE(json_extract(NEW.document, '$.lowStockThreshold'), low_stock_threshold);
END;
CREATE TRIGGER IF NOT EXISTS catalog_settings_update AFTER UPDATE ON settings BEGIN
  UPDATE catalog_version SET version = version + 1,
    low_stock_threshold = COALESCE(json_extract(NEW.document, '$.lowStockThreshold'), low_stock_threshold);
END;
`;
