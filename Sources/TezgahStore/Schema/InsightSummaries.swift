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
/// - `daily_counts`: per metric and UTC day, rows of other tables counted where their time falls:
///   customers by their last order (`buyers`, and `repeat_buyers` with two orders or more),
///   invites by when they were sent (`invites_sent`, `invites_reviewed`), survey answers
///   (`csat:4`, `nps:10`) and reviews (`rating:5`) by when they were given. A period's count is
///   its whole days from here plus its first, partial day counted exactly from the table.
enum InsightSummaries {
    /// What `daily_counts` counts: the table, the metric (an SQL expression on the row, `R.`),
    /// the row's time, when it counts, and the columns whose change can move it.
    static let counted: [(name: String, table: String, metric: String, time: String, when: String, columns: String)] = [
        ("buyers", "customer_stats", "'buyers'", "R.last_order_at", "R.last_order_at IS NOT NULL AND R.orders > 0",
         "orders, last_order_at"),
        ("repeat_buyers", "customer_stats", "'repeat_buyers'", "R.last_order_at", "R.last_order_at IS NOT NULL AND R.orders >= 2",
         "orders, last_order_at"),
        ("invites_sent", "review_invites", "'invites_sent'", "R.sent_at",
         "R.sent_at IS NOT NULL AND R.state IN ('sent', 'reminded', 'reviewed', 'expired')", "state, sent_at"),
        ("invites_reviewed", "review_invites", "'invites_reviewed'", "R.sent_at", "R.sent_at IS NOT NULL AND R.state = 'reviewed'",
         "state, sent_at"),
        ("answers", "surveys", "R.kind || ':' || R.score", "R.answered_at", "R.score IS NOT NULL AND R.answered_at IS NOT NULL",
         "kind, score, answered_at"),
        ("ratings", "reviews", "'rating:' || R.rating", "R.reviewed_at", "1", "rating, reviewed_at"),
    ]

    static func createDailyCounts(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE daily_counts (
                metric TEXT NOT NULL,
                day INTEGER NOT NULL,
                count INTEGER NOT NULL,
                PRIMARY KEY (metric, day)
            ) STRICT, WITHOUT ROWID
            """)
        for rule in counted {
            func on(_ row: String, _ text: String) -> String { text.replacingOccurrences(of: "R.", with: "\(row).") }
            let add = { (row: String) in on(row, """
                INSERT INTO daily_counts(metric, day, count) SELECT \(rule.metric), \(rule.time) / 86400, 1 WHERE \(rule.when)
                    ON CONFLICT(metric, day) DO UPDATE SET count = count + 1;
                """) }
            let remove = { (row: String) in on(row, """
                UPDATE daily_counts SET count = count - 1 WHERE metric = \(rule.metric) AND day = \(rule.time) / 86400 AND \(rule.when);
                """) }
            try db.execute(sql: """
                INSERT INTO daily_counts(metric, day, count)
                    SELECT \(on(rule.table, rule.metric)), \(on(rule.table, rule.time)) / 86400, count(*) FROM \(rule.table)
                    WHERE \(on(rule.table, rule.when)) GROUP BY 1, 2
                    ON CONFLICT(metric, day) DO UPDATE SET count = count + excluded.count;
                CREATE TRIGGER \(rule.table)_counts_\(rule.name)_insert AFTER INSERT ON \(rule.table) BEGIN \(add("NEW")) END;
                CREATE TRIGGER \(rule.table)_counts_\(rule.name)_delete AFTER DELETE ON \(rule.table) BEGIN \(remove("OLD")) END;
                CREATE TRIGGER \(rule.table)_counts_\(rule.name)_update AFTER UPDATE OF \(rule.columns) ON \(rule.table)
                BEGIN \(remove("OLD")) \(add("NEW")) END;
                """)
        }
    }

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

        CREATE TABLE customer_stats (
            customer_id INTEGER PRIMARY KEY,
            orders INTEGER NOT NULL,
            first_order_at INTEGER,
            last_order_at INTEGER
        ) STRICT;
        INSERT INTO customer_stats(customer_id, orders, first_order_at, last_order_at)
            SELECT customer_id, count(*), min(placed_at), max(placed_at) FROM orders WHERE status <> 'cancelled' GROUP BY 1;
        CREATE INDEX customer_stats_by_last_order ON customer_stats(last_order_at, orders);

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
        try createOrderTriggers(db)
        try createDailyCounts(db)
    }

    /// The triggers that keep `sales_by_hour` and `customer_stats` as orders change. With
    /// `existingUpTo`, only for the orders that existed before a large write (ids up to it): the
    /// write's new orders are then counted together at its end (`countingNewOrdersOnce`).
    static func createOrderTriggers(_ db: Database, existingUpTo: Int64? = nil) throws {
        let old = existingUpTo.map { " AND OLD.id <= \($0)" } ?? ""
        if existingUpTo == nil {
            try db.execute(sql: """
            CREATE TRIGGER orders_sales_insert AFTER INSERT ON orders WHEN NEW.status <> 'cancelled'
            BEGIN
                \(addSale("NEW"))
            END;
            CREATE TRIGGER orders_customer_stats_insert AFTER INSERT ON orders WHEN NEW.status <> 'cancelled'
            BEGIN
                INSERT INTO customer_stats(customer_id, orders, first_order_at, last_order_at)
                    VALUES (NEW.customer_id, 1, NEW.placed_at, NEW.placed_at)
                ON CONFLICT(customer_id) DO UPDATE SET orders = orders + 1,
                    first_order_at = min(coalesce(first_order_at, excluded.first_order_at), excluded.first_order_at),
                    last_order_at = max(coalesce(last_order_at, excluded.last_order_at), excluded.last_order_at);
            END;
            """)
        }
        try db.execute(sql: """
        CREATE TRIGGER orders_sales_delete AFTER DELETE ON orders WHEN OLD.status <> 'cancelled'\(old)
        BEGIN
            \(removeSale("OLD"))
        END;
        CREATE TRIGGER orders_sales_update AFTER UPDATE OF placed_at, currency, total_minor, refunded_minor, status ON orders
            WHEN (OLD.placed_at IS NOT NEW.placed_at OR OLD.currency IS NOT NEW.currency OR OLD.total_minor IS NOT NEW.total_minor
              OR OLD.refunded_minor IS NOT NEW.refunded_minor OR (OLD.status = 'cancelled') IS NOT (NEW.status = 'cancelled'))\(old)
        BEGIN
            \(removeSale("OLD", when: "OLD.status <> 'cancelled'"))
            \(addSale("NEW", when: "NEW.status <> 'cancelled'"))
        END;
        CREATE TRIGGER orders_customer_stats_delete AFTER DELETE ON orders WHEN 1\(old)
        BEGIN
            \(recountCustomer("OLD.customer_id"))
        END;
        CREATE TRIGGER orders_customer_stats_update AFTER UPDATE OF customer_id, placed_at, status ON orders
            WHEN (OLD.customer_id IS NOT NEW.customer_id OR OLD.placed_at IS NOT NEW.placed_at
              OR (OLD.status = 'cancelled') IS NOT (NEW.status = 'cancelled'))\(old)
        BEGIN
            \(recountCustomer("OLD.customer_id"))
            \(recountCustomer("NEW.customer_id"))
        END;
        """)
    }

    private static let orderTriggers = ["orders_sales_insert", "orders_sales_delete", "orders_sales_update",
                                        "orders_customer_stats_insert", "orders_customer_stats_delete", "orders_customer_stats_update"]

    /// Runs `body` (a large write, inside its transaction) with the summaries of its new orders
    /// written once at the end, set-based, instead of by a trigger per order: at 100k orders the
    /// triggers' sub-programs (an upsert into each summary, and the daily counts those cause) were
    /// a large share of the import. Orders that existed before keep their triggers, so a change
    /// to one inside is counted as it happens. Readers never see the difference: it all commits
    /// together.
    static func countingNewOrdersOnce<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        precondition(db.isInsideTransaction, "new orders are counted at the end of a transaction")
        let before = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM orders") ?? 0
        for name in orderTriggers { try db.execute(sql: "DROP TRIGGER IF EXISTS \(name)") }
        try createOrderTriggers(db, existingUpTo: before)
        let result = try body()
        for name in orderTriggers { try db.execute(sql: "DROP TRIGGER IF EXISTS \(name)") }
        try createOrderTriggers(db)
        try db.execute(sql: """
            INSERT INTO sales_by_hour(hour, currency, orders, revenue_minor)
                SELECT placed_at / 3600, currency, count(*), sum(total_minor - refunded_minor) FROM orders
                WHERE id > ? AND status <> 'cancelled' GROUP BY 1, 2
                ON CONFLICT(hour, currency) DO UPDATE SET orders = orders + excluded.orders,
                    revenue_minor = revenue_minor + excluded.revenue_minor;
            INSERT INTO customer_stats(customer_id, orders, first_order_at, last_order_at)
                SELECT customer_id, count(*), min(placed_at), max(placed_at) FROM orders
                WHERE customer_id IN (SELECT customer_id FROM orders WHERE id > ?) AND status <> 'cancelled' GROUP BY 1
                ON CONFLICT(customer_id) DO UPDATE SET orders = excluded.orders, first_order_at = excluded.first_order_at,
                    last_order_at = excluded.last_order_at;
            """, arguments: [before, before])
        return result
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
