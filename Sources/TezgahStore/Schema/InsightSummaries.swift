import GRDB

/// The summary tables the Insight figures read instead of the shop's history, each kept exact by
/// triggers, so a year of a million-order shop is a few thousand summary rows:
///
/// - `sales_by_hour`: orders and net revenue per UTC hour and currency (cancelled orders count for
///   neither). Hours, not days, so a day can be cut at the shop's own midnight when read.
/// - `customer_stats`: each customer's (not cancelled) orders and their first and last order
///   time, for the repeat rate and the customers lapsing.
/// - `deliveries_by_day`: parcels delivered per UTC day and carrier, how many had an ETA and how
///   many came by it.
enum InsightSummaries {
    static func create(_ db: Database) throws {
        try db.execute(sql: """
        CREATE TABLE sales_by_hour (
            hour INTEGER NOT NULL,
            currency TEXT NOT NULL,
            orders INTEGER NOT NULL,
            revenue_minor INTEGER NOT NULL,
            PRIMARY KEY (hour, currency)
        ) STRICT, WITHOUT ROWID;
        INSERT INTO sales_by_hour(hour, currency, orders, revenue_minor)
            SELECT placed_at / 3600, currency, count(*), sum(total_minor - refunded_minor) FROM orders
            WHERE status <> 'cancelled' GROUP BY 1, 2;
        CREATE TRIGGER orders_sales_insert AFTER INSERT ON orders WHEN NEW.status <> 'cancelled'
        BEGIN
            \(addSale("NEW"))
        END;
        CREATE TRIGGER orders_sales_delete AFTER DELETE ON orders WHEN OLD.status <> 'cancelled'
        BEGIN
            \(removeSale("OLD"))
        END;
        CREATE TRIGGER orders_sales_update AFTER UPDATE OF placed_at, currency, total_minor, refunded_minor, status ON orders
            WHEN OLD.placed_at IS NOT NEW.placed_at OR OLD.currency IS NOT NEW.currency OR OLD.total_minor IS NOT NEW.total_minor
              OR OLD.refunded_minor IS NOT NEW.refunded_minor OR (OLD.status = 'cancelled') IS NOT (NEW.status = 'cancelled')
        BEGIN
            \(removeSale("OLD", when: "OLD.status <> 'cancelled'"))
            \(addSale("NEW", when: "NEW.status <> 'cancelled'"))
        END;

        CREATE TABLE customer_stats (
            customer_id INTEGER PRIMARY KEY,
            orders INTEGER NOT NULL,
            first_order_at INTEGER,
            last_order_at INTEGER
        ) STRICT;
        INSERT INTO customer_stats(customer_id, orders, first_order_at, last_order_at)
            SELECT customer_id, count(*), min(placed_at), max(placed_at) FROM orders WHERE status <> 'cancelled' GROUP BY 1;
        CREATE INDEX customer_stats_by_last_order ON customer_stats(last_order_at, orders);
        CREATE TRIGGER orders_customer_stats_insert AFTER INSERT ON orders WHEN NEW.status <> 'cancelled'
        BEGIN
            INSERT INTO customer_stats(customer_id, orders, first_order_at, last_order_at)
                VALUES (NEW.customer_id, 1, NEW.placed_at, NEW.placed_at)
            ON CONFLICT(customer_id) DO UPDATE SET orders = orders + 1,
                first_order_at = min(coalesce(first_order_at, excluded.first_order_at), excluded.first_order_at),
                last_order_at = max(coalesce(last_order_at, excluded.last_order_at), excluded.last_order_at);
        END;
        CREATE TRIGGER orders_customer_stats_delete AFTER DELETE ON orders
        BEGIN
            \(recountCustomer("OLD.customer_id"))
        END;
        CREATE TRIGGER orders_customer_stats_update AFTER UPDATE OF customer_id, placed_at, status ON orders
            WHEN OLD.customer_id IS NOT NEW.customer_id OR OLD.placed_at IS NOT NEW.placed_at
              OR (OLD.status = 'cancelled') IS NOT (NEW.status = 'cancelled')
        BEGIN
            \(recountCustomer("OLD.customer_id"))
            \(recountCustomer("NEW.customer_id"))
        END;

        CREATE TABLE deliveries_by_day (
            day INTEGER NOT NULL,
            carrier TEXT NOT NULL,
            delivered INTEGER NOT NULL,
            with_eta INTEGER NOT NULL,
            on_time INTEGER NOT NULL,
            PRIMARY KEY (day, carrier)
        ) STRICT, WITHOUT ROWID;
        INSERT INTO deliveries_by_day(day, carrier, delivered, with_eta, on_time)
            SELECT delivered_at / 86400, carrier, count(*), count(eta), coalesce(sum(delivered_at <= eta), 0) FROM shipments
            WHERE delivered_at IS NOT NULL GROUP BY 1, 2;
        CREATE TRIGGER shipments_deliveries_insert AFTER INSERT ON shipments WHEN NEW.delivered_at IS NOT NULL
        BEGIN
            \(addDelivery("NEW"))
        END;
        CREATE TRIGGER shipments_deliveries_delete AFTER DELETE ON shipments WHEN OLD.delivered_at IS NOT NULL
        BEGIN
            \(removeDelivery("OLD"))
        END;
        CREATE TRIGGER shipments_deliveries_update AFTER UPDATE OF delivered_at, eta, carrier ON shipments
            WHEN OLD.delivered_at IS NOT NEW.delivered_at OR OLD.eta IS NOT NEW.eta OR OLD.carrier IS NOT NEW.carrier
        BEGIN
            \(removeDelivery("OLD", when: "OLD.delivered_at IS NOT NULL"))
            \(addDelivery("NEW", when: "NEW.delivered_at IS NOT NULL"))
        END;
        """)
    }

    private static func addSale(_ row: String, when condition: String = "1") -> String {
        """
        INSERT INTO sales_by_hour(hour, currency, orders, revenue_minor)
                SELECT \(row).placed_at / 3600, \(row).currency, 1, \(row).total_minor - \(row).refunded_minor WHERE \(condition)
            ON CONFLICT(hour, currency) DO UPDATE SET orders = orders + 1, revenue_minor = revenue_minor + excluded.revenue_minor;
        """
    }

    private static func removeSale(_ row: String, when condition: String = "1") -> String {
        """
        UPDATE sales_by_hour SET orders = orders - 1, revenue_minor = revenue_minor - (\(row).total_minor - \(row).refunded_minor)
                WHERE hour = \(row).placed_at / 3600 AND currency = \(row).currency AND \(condition);
        """
    }

    private static func recountCustomer(_ id: String) -> String {
        """
        INSERT INTO customer_stats(customer_id, orders, first_order_at, last_order_at)
                SELECT \(id), count(*), min(placed_at), max(placed_at) FROM orders WHERE customer_id = \(id) AND status <> 'cancelled'
            ON CONFLICT(customer_id) DO UPDATE SET orders = excluded.orders, first_order_at = excluded.first_order_at,
                last_order_at = excluded.last_order_at;
        """
    }

    private static func addDelivery(_ row: String, when condition: String = "1") -> String {
        """
        INSERT INTO deliveries_by_day(day, carrier, delivered, with_eta, on_time)
                SELECT \(row).delivered_at / 86400, \(row).carrier, 1, \(row).eta IS NOT NULL, coalesce(\(row).delivered_at <= \(row).eta, 0)
                WHERE \(condition)
            ON CONFLICT(day, carrier) DO UPDATE SET delivered = delivered + 1, with_eta = with_eta + excluded.with_eta,
                on_time = on_time + excluded.on_time;
        """
    }

    private static func removeDelivery(_ row: String, when condition: String = "1") -> String {
        """
        UPDATE deliveries_by_day SET delivered = delivered - 1, with_eta = with_eta - (\(row).eta IS NOT NULL),
                on_time = on_time - coalesce(\(row).delivered_at <= \(row).eta, 0)
                WHERE day = \(row).delivered_at / 86400 AND carrier = \(row).carrier AND \(condition);
        """
    }
}
