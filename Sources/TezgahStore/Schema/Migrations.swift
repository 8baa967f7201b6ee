import GRDB

/// The schema, as frozen migrations. A migration that has shipped is never edited: changes come as
/// new migrations appended below, so every shop's database walks the same path.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-journey", migrate: v1Journey)
        migrator.registerMigration("v2-list-counts", migrate: v2ListCounts)
        migrator.registerMigration("v3-delivery", migrate: v3Delivery)
        migrator.registerMigration("v4-outbox-search-queue", migrate: v4OutboxSearchQueue)
        migrator.registerMigration("v5-order-actions", migrate: v5OrderActions)
        migrator.registerMigration("v6-shipments-in-flight", migrate: v6ShipmentsInFlight)
        migrator.registerMigration("v7-filtered-lists", migrate: v7FilteredLists)
        migrator.registerMigration("v8-support-inbox", migrate: v8SupportInbox)
        migrator.registerMigration("v9-automations", migrate: v9Automations)
        migrator.registerMigration("v10-loyalty-ledger", migrate: v10LoyaltyLedger)
        migrator.registerMigration("v11-birthdays", migrate: v11Birthdays)
        migrator.registerMigration("v12-returns", migrate: v12Returns)
        migrator.registerMigration("v13-vouchers", migrate: v13Vouchers)
        migrator.registerMigration("v14-referrals", migrate: v14Referrals)
        migrator.registerMigration("v15-loyalty-daily", migrate: v15LoyaltyDaily)
        migrator.registerMigration("v16-customer-insight", migrate: v16CustomerInsight)
        migrator.registerMigration("v17-customer-view-covering", migrate: v17CustomerViewCovering)
        return migrator
    }

    /// Brings the schema up to date, also when another process upgrades the same shop at the same
    /// moment (the mail worker restarting beside the desk after an upgrade, two desks).
    ///
    /// Why not `migrator.migrate` alone: GRDB reads which migrations are applied before it takes
    /// the write lock for each one. The second process then ran a migration the first had just
    /// committed and failed on "index … already exists", or gave up on the lock after its five
    /// seconds while the first built an index over a large shop. So a failure is looked at again:
    /// when the applied migrations have changed meanwhile, or the lock was busy, this goes on from
    /// where the schema now is; a failure on a schema nobody else changed is thrown.
    ///
    /// `upgrading` is called first when the file holds a shop an earlier version made (a new file
    /// has no migration applied yet and is not an upgrade).
    static func migrate(_ writer: any DatabaseWriter, upgrading: (() -> Void)? = nil) throws {
        let migrator = self.migrator
        // Read on the writer's connection, where the migrations run: a pool's read would open a
        // reader connection for it.
        var applied = try writer.writeWithoutTransaction(migrator.appliedIdentifiers)
        if !applied.isEmpty && !Set(migrator.migrations).isSubset(of: applied) { upgrading?() }
        var busyWaits = 0
        while true {
            do {
                try migrator.migrate(writer)
                return
            } catch let error as DatabaseError {
                let now = try writer.writeWithoutTransaction(migrator.appliedIdentifiers)
                if error.resultCode == .SQLITE_BUSY && now == applied {
                    // Five seconds each: a minute for another process's upgrade before saying so.
                    busyWaits += 1
                    if busyWaits == 12 { throw error }
                } else if now == applied {
                    throw error
                }
                applied = now
            }
        }
    }

    /// Every table of the after-sale journey. Times are UTC seconds since 1970; money is integer minor
    /// units beside an ISO 4217 code. STRICT tables make SQLite refuse a value of the wrong type.
    private static func v1Journey(_ db: Database) throws {
        try db.execute(sql: """
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) STRICT;

        CREATE TABLE customers (
            id INTEGER PRIMARY KEY,
            platform_ref TEXT UNIQUE,
            name TEXT NOT NULL,
            email TEXT NOT NULL,
            language TEXT NOT NULL DEFAULT 'en',
            city TEXT NOT NULL DEFAULT '',
            country TEXT NOT NULL DEFAULT '',
            birthday TEXT,
            created_at INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX customers_by_email ON customers(email);

        CREATE TABLE orders (
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL UNIQUE,
            platform TEXT NOT NULL DEFAULT 'manual',
            platform_ref TEXT,
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            status TEXT NOT NULL CHECK (status IN ('received','preparing','on_hold','shipped','delivered','cancelled','returned')),
            payment_status TEXT NOT NULL CHECK (payment_status IN ('pending','paid','partially_refunded','refunded')),
            fulfillment_status TEXT NOT NULL CHECK (fulfillment_status IN ('unfulfilled','partial','fulfilled')),
            currency TEXT NOT NULL,
            total_minor INTEGER NOT NULL,
            refunded_minor INTEGER NOT NULL DEFAULT 0,
            item_count INTEGER NOT NULL DEFAULT 0,
            shipping_address TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            hold_reason TEXT,
            placed_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            UNIQUE (platform, platform_ref)
        ) STRICT;
        CREATE INDEX orders_by_placed ON orders(placed_at DESC, id DESC);
        CREATE INDEX orders_by_customer ON orders(customer_id, placed_at);
        CREATE INDEX orders_by_status ON orders(status, placed_at);

        CREATE TABLE order_lines (
            id INTEGER PRIMARY KEY,
            order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
            sku TEXT NOT NULL DEFAULT '',
            name TEXT NOT NULL,
            quantity INTEGER NOT NULL CHECK (quantity > 0),
            unit_price_minor INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX order_lines_by_order ON order_lines(order_id);

        CREATE TABLE shipments (
            id INTEGER PRIMARY KEY,
            order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
            carrier TEXT NOT NULL,
            tracking_number TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('pending','info_received','in_transit','out_for_delivery','failed_attempt','available_for_pickup','delivered','exception','returned_to_sender','expired')),
            shipped_at INTEGER NOT NULL,
            first_eta INTEGER,
            eta INTEGER,
            last_event_at INTEGER,
            delivered_at INTEGER,
            UNIQUE (carrier, tracking_number)
        ) STRICT;
        CREATE INDEX shipments_by_shipped ON shipments(shipped_at DESC, id DESC);
        CREATE INDEX shipments_by_order ON shipments(order_id);
        CREATE INDEX shipments_by_status ON shipments(status, eta);

        CREATE TABLE tracking_events (
            id INTEGER PRIMARY KEY,
            shipment_id INTEGER NOT NULL REFERENCES shipments(id) ON DELETE CASCADE,
            at INTEGER NOT NULL,
            status TEXT NOT NULL,
            location TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT ''
        ) STRICT;
        CREATE INDEX tracking_events_by_shipment ON tracking_events(shipment_id, at);

        CREATE TABLE review_invites (
            id INTEGER PRIMARY KEY,
            order_id INTEGER NOT NULL UNIQUE REFERENCES orders(id) ON DELETE CASCADE,
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            state TEXT NOT NULL CHECK (state IN ('scheduled','deferred','held','sent','reminded','reviewed','skipped')),
            due_at INTEGER NOT NULL,
            sent_at INTEGER,
            reminder_at INTEGER,
            reason TEXT NOT NULL DEFAULT '',
            updated_at INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX review_invites_by_due ON review_invites(due_at DESC, id DESC);
        CREATE INDEX review_invites_by_state ON review_invites(state, due_at);
        CREATE INDEX review_invites_by_customer ON review_invites(customer_id);

        CREATE TABLE surveys (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            order_id INTEGER REFERENCES orders(id) ON DELETE SET NULL,
            kind TEXT NOT NULL CHECK (kind IN ('csat','nps')),
            sent_at INTEGER NOT NULL,
            score INTEGER,
            answered_at INTEGER,
            comment TEXT NOT NULL DEFAULT '',
            CHECK (score IS NULL OR (kind = 'csat' AND score BETWEEN 1 AND 5) OR (kind = 'nps' AND score BETWEEN 0 AND 10))
        ) STRICT;
        CREATE INDEX surveys_by_customer ON surveys(customer_id);
        CREATE INDEX surveys_by_sent ON surveys(kind, sent_at);

        CREATE TABLE conversations (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            order_id INTEGER REFERENCES orders(id) ON DELETE SET NULL,
            subject TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('open','pending','snoozed','closed')),
            opened_at INTEGER NOT NULL,
            last_message_at INTEGER NOT NULL,
            first_response_at INTEGER,
            snoozed_until INTEGER,
            message_count INTEGER NOT NULL DEFAULT 0
        ) STRICT;
        CREATE INDEX conversations_by_last_message ON conversations(last_message_at DESC, id DESC);
        CREATE INDEX conversations_by_customer ON conversations(customer_id, status);
        CREATE INDEX conversations_by_status ON conversations(status, last_message_at);

        CREATE TABLE messages (
            id INTEGER PRIMARY KEY,
            conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            at INTEGER NOT NULL,
            direction TEXT NOT NULL CHECK (direction IN ('inbound','outbound')),
            from_address TEXT NOT NULL,
            message_id TEXT,
            body TEXT NOT NULL
        ) STRICT;
        CREATE INDEX messages_by_conversation ON messages(conversation_id, at);
        CREATE UNIQUE INDEX messages_by_message_id ON messages(message_id) WHERE message_id IS NOT NULL;

        CREATE TABLE loyalty_accounts (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL UNIQUE REFERENCES customers(id),
            tier TEXT NOT NULL CHECK (tier IN ('member','silver','gold')),
            joined_at INTEGER NOT NULL,
            referral_code TEXT NOT NULL UNIQUE,
            referred_by INTEGER REFERENCES loyalty_accounts(id)
        ) STRICT;
        CREATE INDEX loyalty_accounts_by_joined ON loyalty_accounts(joined_at DESC, id DESC);

        -- The points ledger is the only truth about points: a balance is always its sum.
        CREATE TABLE points_ledger (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES loyalty_accounts(id) ON DELETE CASCADE,
            at INTEGER NOT NULL,
            points INTEGER NOT NULL CHECK (points <> 0),
            reason TEXT NOT NULL,
            order_id INTEGER REFERENCES orders(id) ON DELETE SET NULL
        ) STRICT;
        CREATE INDEX points_ledger_by_account ON points_ledger(account_id, at);

        CREATE TABLE coupons (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            customer_id INTEGER REFERENCES customers(id),
            kind TEXT NOT NULL CHECK (kind IN ('reward','birthday','anniversary','referral','gift','win_back')),
            description TEXT NOT NULL,
            percent_off INTEGER,
            amount_minor INTEGER,
            currency TEXT,
            created_at INTEGER NOT NULL,
            expires_at INTEGER,
            redeemed_at INTEGER
        ) STRICT;
        CREATE INDEX coupons_by_customer ON coupons(customer_id);

        -- The transactional outbox: a domain change and the mail it causes commit together.
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            dedupe_key TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            category TEXT NOT NULL CHECK (category IN ('transactional','marketing')),
            state TEXT NOT NULL CHECK (state IN ('queued','sending','sent','deferred','held','failed','cancelled','suppressed')),
            customer_id INTEGER REFERENCES customers(id),
            order_id INTEGER REFERENCES orders(id) ON DELETE SET NULL,
            to_address TEXT NOT NULL,
            subject TEXT NOT NULL,
            message_id TEXT NOT NULL UNIQUE,
            message BLOB NOT NULL,
            created_at INTEGER NOT NULL,
            not_before INTEGER NOT NULL,
            expires_at INTEGER,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER,
            lease_until INTEGER,
            last_reply TEXT NOT NULL DEFAULT '',
            sent_at INTEGER
        ) STRICT;
        CREATE INDEX outbox_by_created ON outbox(created_at DESC, id DESC);
        CREATE INDEX outbox_due ON outbox(state, next_attempt_at);
        CREATE INDEX outbox_by_customer ON outbox(customer_id, created_at);

        CREATE TABLE suppressions (
            address TEXT PRIMARY KEY COLLATE NOCASE,
            reason TEXT NOT NULL,
            created_at INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE activity_log (
            id INTEGER PRIMARY KEY,
            at INTEGER NOT NULL,
            actor TEXT NOT NULL,
            subject_type TEXT NOT NULL,
            subject_id INTEGER NOT NULL,
            action TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT ''
        ) STRICT;
        CREATE INDEX activity_log_by_subject ON activity_log(subject_type, subject_id, at);
        """)

        // Full-text search: one table per pane, keyed by the listed row's id. The text is folded in
        // Swift (SearchFolding) before it is stored, so Turkish dotless/dotted i meet their ASCII forms.
        // Prefix indexes keep the first keystrokes of a filter fast on large shops; filters match word
        // prefixes only (no phrases, no ranking), so positions and column sizes are not stored.
        for table in SearchIndex.allCases {
            try db.execute(sql: """
            CREATE VIRTUAL TABLE \(table.rawValue) USING fts5(
                text, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3', detail = none, columnsize = 0)
            """)
        }
    }

    /// Row counts of the listed tables, kept by triggers, so the status bar's "1,000,000 orders"
    /// costs one lookup instead of a scan that grows with the shop's history.
    private static func v2ListCounts(_ db: Database) throws {
        try db.execute(sql: "CREATE TABLE list_counts (list TEXT PRIMARY KEY, rows INTEGER NOT NULL) STRICT")
        for table in ListCounts.tables {
            try db.execute(sql: "INSERT INTO list_counts(list, rows) SELECT '\(table)', count(*) FROM \(table)")
            try ListCounts.createTriggers(db, table: table)
        }
    }

    /// What the delivery worker needs: who holds a lease (so a crashed worker's rows can be taken
    /// back), the reply code failures are grouped by, unsubscribes, and an index for frequency caps.
    /// Queued mail gets its due time in `next_attempt_at`, so one index finds everything due.
    private static func v3Delivery(_ db: Database) throws {
        try db.execute(sql: """
        ALTER TABLE customers ADD COLUMN unsubscribed_at INTEGER;
        ALTER TABLE outbox ADD COLUMN lease_owner TEXT;
        ALTER TABLE outbox ADD COLUMN reply_code TEXT NOT NULL DEFAULT '';
        UPDATE outbox SET next_attempt_at = not_before WHERE next_attempt_at IS NULL AND state IN ('queued', 'held');
        CREATE INDEX outbox_by_address ON outbox(to_address COLLATE NOCASE, category, state);
        CREATE INDEX outbox_by_reply ON outbox(state, reply_code);
        """)
    }

    /// Mail whose search text trails its state. Rewriting a row's full-text entry costs about as
    /// many pages as the rest of a delivery's commit, so the worker only notes the mail here and
    /// refreshes the search text of many at once (see `AppDatabase.refreshMailSearch`).
    private static func v4OutboxSearchQueue(_ db: Database) throws {
        try db.execute(sql: "CREATE TABLE outbox_search_stale (id INTEGER PRIMARY KEY) STRICT")
    }

    /// What the owner's order actions need: the status an order on hold returns to, undo records in
    /// the activity log (one batch per action on marked rows), saved filters, and the index behind
    /// the Orders pane's default "needs action" view (paid, not shipped, oldest first) — a partial
    /// index, so that view pages through only the orders still waiting, at any shop size. Orders
    /// filtered by carrier find their parcels through (carrier, order_id).
    private static func v5OrderActions(_ db: Database) throws {
        try db.execute(sql: """
        ALTER TABLE orders ADD COLUMN held_from TEXT;
        ALTER TABLE activity_log ADD COLUMN batch INTEGER;
        ALTER TABLE activity_log ADD COLUMN undo TEXT;
        ALTER TABLE activity_log ADD COLUMN undone_at INTEGER;
        CREATE INDEX activity_log_undoable ON activity_log(actor, batch) WHERE undo IS NOT NULL AND undone_at IS NULL;
        CREATE TABLE saved_filters (
            pane TEXT NOT NULL,
            name TEXT NOT NULL,
            query TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (pane, name)
        ) STRICT;
        CREATE INDEX shipments_by_carrier_order ON shipments(carrier, order_id);
        CREATE INDEX orders_needing_action ON orders(placed_at, id)
            WHERE status IN ('received', 'preparing', 'on_hold') AND payment_status IN ('paid', 'partially_refunded');
        """)
    }

    /// The parcels still in flight (every status but delivered, returned and expired), behind the
    /// Shipments pane's default "needs attention" view and its count: a partial index, so both read
    /// what is in flight rather than the shop's history, and covering what the attention rule reads
    /// (the status too: SQLite counts on an index only when it holds every column the query names).
    /// At 1M orders the count had scanned all 943,000 shipments (about 130 ms) whenever the pane was
    /// shown: with `ANALYZE`'s averages, SQLite judged seven of ten statuses on the status index
    /// dearer than the table. Written exactly as `ShipmentAttentionSQL.inFlight`.
    private static func v6ShipmentsInFlight(_ db: Database) throws {
        try db.execute(sql: """
        CREATE INDEX shipments_in_flight ON shipments(shipped_at, id, eta, first_eta, last_event_at, status)
            WHERE status IN ('pending', 'info_received', 'in_transit', 'out_for_delivery', 'failed_attempt', 'available_for_pickup', 'exception');
        """)
    }

    /// Lists filtered by one carrier, one parcel status or one mail state, in the order they are
    /// shown: each window is then a range of one index. At 1M orders `carrier:ups` read the
    /// carrier's 136,000 shipments and sorted them for every window (about 350 ms), `state:sent`
    /// its 333,000 mails (150 ms), and the end of `status:in-transit` walked every older parcel
    /// (360 ms). The status index it replaces, (status, eta), served only the attention count,
    /// which has its own index since v6.
    private static func v7FilteredLists(_ db: Database) throws {
        try db.execute(sql: """
        CREATE INDEX shipments_by_carrier_shipped ON shipments(carrier, shipped_at, id);
        DROP INDEX shipments_by_status;
        CREATE INDEX shipments_by_status_shipped ON shipments(status, shipped_at, id);
        CREATE INDEX outbox_by_state_created ON outbox(state, created_at, id);
        """)
    }

    /// The support inbox: which Maildir files have been read (by the unique part of their name, so a
    /// file moved from new/ to cur/ with flags is the same file); what each message carried; the
    /// customer a mail created; when the customer started waiting; and the lookups threading needs
    /// (a Message-ID the outbox sent, the conversations of an order).
    private static func v8SupportInbox(_ db: Database) throws {
        try db.execute(sql: """
        CREATE TABLE inbox_files (
            key TEXT PRIMARY KEY,
            message_id TEXT,
            outcome TEXT NOT NULL,
            read_at INTEGER NOT NULL
        ) STRICT, WITHOUT ROWID;
        ALTER TABLE messages ADD COLUMN subject TEXT NOT NULL DEFAULT '';
        ALTER TABLE messages ADD COLUMN references_ids TEXT NOT NULL DEFAULT '';
        ALTER TABLE messages ADD COLUMN is_auto_reply INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE messages ADD COLUMN attachments TEXT NOT NULL DEFAULT '';
        ALTER TABLE messages ADD COLUMN notes TEXT NOT NULL DEFAULT '';
        ALTER TABLE customers ADD COLUMN source TEXT NOT NULL DEFAULT '';
        ALTER TABLE conversations ADD COLUMN waiting_since INTEGER;
        CREATE INDEX outbox_by_message_id ON outbox(message_id);
        CREATE INDEX conversations_by_order ON conversations(order_id, last_message_at);
        CREATE INDEX customers_by_email_nocase ON customers(email COLLATE NOCASE);
        CREATE INDEX conversations_needing_reply ON conversations(last_message_at, id) WHERE status = 'open';
        """)
    }

    /// The automation engine: invites and surveys that are planned before they are sent (a due
    /// time, an expiry, a state to return to after a hold), the reviews customers leave, where each
    /// rule has got to in the orders and shipments it walks (by rowid, so a pass reads only what is
    /// new), and the orders whose parcel was just delivered (kept by a trigger, so a pass never
    /// scans the shop's history for them). SQLite cannot change a CHECK, so the invite and survey
    /// tables are rebuilt, keeping their ids (and so their search text and counts).
    private static func v9Automations(_ db: Database) throws {
        try db.execute(sql: """
        CREATE TABLE review_invites_v9 (
            id INTEGER PRIMARY KEY,
            order_id INTEGER NOT NULL UNIQUE REFERENCES orders(id) ON DELETE CASCADE,
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            state TEXT NOT NULL CHECK (state IN ('scheduled','deferred','held','sent','reminded','reviewed','skipped','expired')),
            due_at INTEGER NOT NULL,
            sent_at INTEGER,
            reminder_at INTEGER,
            reason TEXT NOT NULL DEFAULT '',
            updated_at INTEGER NOT NULL,
            expires_at INTEGER,
            held_from TEXT
        ) STRICT;
        INSERT INTO review_invites_v9(id, order_id, customer_id, state, due_at, sent_at, reminder_at, reason, updated_at, expires_at)
            SELECT id, order_id, customer_id, state, due_at, sent_at, reminder_at, reason, updated_at, due_at + 60 * 86400 FROM review_invites;
        DROP TABLE review_invites;
        ALTER TABLE review_invites_v9 RENAME TO review_invites;
        CREATE INDEX review_invites_by_due ON review_invites(due_at DESC, id DESC);
        CREATE INDEX review_invites_by_state ON review_invites(state, due_at);
        CREATE INDEX review_invites_by_customer ON review_invites(customer_id, sent_at);
        CREATE INDEX review_invites_by_sent ON review_invites(state, sent_at);

        CREATE TABLE surveys_v9 (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            order_id INTEGER REFERENCES orders(id) ON DELETE SET NULL,
            kind TEXT NOT NULL CHECK (kind IN ('csat','nps')),
            state TEXT NOT NULL CHECK (state IN ('scheduled','sent','answered','skipped')),
            due_at INTEGER NOT NULL,
            sent_at INTEGER,
            score INTEGER,
            answered_at INTEGER,
            comment TEXT NOT NULL DEFAULT '',
            reason TEXT NOT NULL DEFAULT '',
            CHECK (score IS NULL OR (kind = 'csat' AND score BETWEEN 1 AND 5) OR (kind = 'nps' AND score BETWEEN 0 AND 10))
        ) STRICT;
        INSERT INTO surveys_v9(id, customer_id, order_id, kind, state, due_at, sent_at, score, answered_at, comment)
            SELECT id, customer_id, order_id, kind, CASE WHEN score IS NULL THEN 'sent' ELSE 'answered' END, sent_at, sent_at,
                   score, answered_at, comment
            FROM surveys WHERE id IN (SELECT min(id) FROM surveys GROUP BY coalesce(order_id, -id));
        DROP TABLE surveys;
        ALTER TABLE surveys_v9 RENAME TO surveys;
        CREATE INDEX surveys_by_customer ON surveys(customer_id, sent_at);
        CREATE INDEX surveys_by_sent ON surveys(kind, sent_at);
        CREATE INDEX surveys_due ON surveys(state, due_at);
        CREATE UNIQUE INDEX surveys_one_per_order ON surveys(order_id) WHERE order_id IS NOT NULL;

        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            order_id INTEGER REFERENCES orders(id) ON DELETE SET NULL,
            customer_id INTEGER REFERENCES customers(id),
            rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
            title TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            reviewer TEXT NOT NULL DEFAULT '',
            reviewed_at INTEGER NOT NULL,
            source TEXT NOT NULL,
            source_key TEXT NOT NULL UNIQUE,
            created_at INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX reviews_by_order ON reviews(order_id);
        CREATE INDEX reviews_by_date ON reviews(reviewed_at);

        CREATE TABLE automation_cursors (
            rule TEXT PRIMARY KEY,
            last_id INTEGER NOT NULL
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE journey_changes (order_id INTEGER PRIMARY KEY) STRICT;
        CREATE TRIGGER shipments_delivered_journey AFTER UPDATE OF delivered_at ON shipments
            WHEN NEW.delivered_at IS NOT NULL AND OLD.delivered_at IS NULL
            BEGIN INSERT OR IGNORE INTO journey_changes(order_id) VALUES (NEW.order_id); END;
        CREATE TRIGGER orders_delivered_journey AFTER UPDATE OF status ON orders
            WHEN NEW.status = 'delivered' AND OLD.status <> 'delivered'
            BEGIN INSERT OR IGNORE INTO journey_changes(order_id) VALUES (NEW.id); END;
        """)
        try ListCounts.createTriggers(db, table: "review_invites")
    }

    /// The loyalty ledger as the only truth: each entry says what it is (earned, reversed, welcome,
    /// adjusted, redeemed, expired), who made it, when its points become available (an order's
    /// points wait out the return window) and a key that makes writing it twice impossible. A
    /// member's tier remembers since when it holds and when a demotion's grace ends; a refund wakes
    /// the engine for its order as a delivery does.
    private static func v10LoyaltyLedger(_ db: Database) throws {
        try db.execute(sql: """
        ALTER TABLE points_ledger ADD COLUMN kind TEXT NOT NULL DEFAULT 'earn';
        ALTER TABLE points_ledger ADD COLUMN available_at INTEGER;
        ALTER TABLE points_ledger ADD COLUMN actor TEXT NOT NULL DEFAULT '';
        ALTER TABLE points_ledger ADD COLUMN dedupe_key TEXT;
        UPDATE points_ledger SET kind = 'welcome' WHERE reason = 'welcome bonus';
        CREATE UNIQUE INDEX points_ledger_dedupe ON points_ledger(dedupe_key) WHERE dedupe_key IS NOT NULL;
        CREATE INDEX points_ledger_by_order ON points_ledger(order_id) WHERE order_id IS NOT NULL;
        ALTER TABLE loyalty_accounts ADD COLUMN demotion_due_at INTEGER;
        ALTER TABLE coupons ADD COLUMN account_id INTEGER REFERENCES loyalty_accounts(id);
        ALTER TABLE coupons ADD COLUMN points_cost INTEGER;
        CREATE INDEX coupons_by_created ON coupons(created_at);
        CREATE INDEX points_ledger_pending ON points_ledger(available_at) WHERE available_at IS NOT NULL;
        CREATE INDEX loyalty_accounts_by_tier ON loyalty_accounts(tier);
        CREATE TABLE ledger_totals (points INTEGER NOT NULL) STRICT;
        INSERT INTO ledger_totals(points) SELECT coalesce(sum(points), 0) FROM points_ledger;
        CREATE TRIGGER points_ledger_total_insert AFTER INSERT ON points_ledger
            BEGIN UPDATE ledger_totals SET points = points + NEW.points; END;
        CREATE TRIGGER points_ledger_total_delete AFTER DELETE ON points_ledger
            BEGIN UPDATE ledger_totals SET points = points - OLD.points; END;
        CREATE TRIGGER orders_refunded_journey AFTER UPDATE OF refunded_minor ON orders
            WHEN NEW.refunded_minor <> OLD.refunded_minor
            BEGIN INSERT OR IGNORE INTO journey_changes(order_id) VALUES (NEW.id); END;
        """)
    }

    /// When a birthday was entered (a coupon never follows a birthday entered in the last 30 days,
    /// so nobody invents one for a gift), and which personal coupons a customer got when.
    private static func v11Birthdays(_ db: Database) throws {
        try db.execute(sql: """
        ALTER TABLE customers ADD COLUMN birthday_set_at INTEGER;
        UPDATE customers SET birthday_set_at = created_at WHERE birthday IS NOT NULL;
        CREATE INDEX coupons_by_customer_kind ON coupons(customer_id, kind, created_at);
        """)
    }

    /// Returns (RMA): what comes back, why, and how far it has got. One order may have several.
    private static func v12Returns(_ db: Database) throws {
        try db.execute(sql: """
        CREATE TABLE returns (
            id INTEGER PRIMARY KEY,
            order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            state TEXT NOT NULL CHECK (state IN ('requested','approved','received','refunded','rejected')),
            lines TEXT NOT NULL,
            reason TEXT NOT NULL,
            window_override TEXT NOT NULL DEFAULT '',
            refund_minor INTEGER,
            requested_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX returns_by_state ON returns(state, requested_at);
        CREATE INDEX returns_by_order ON returns(order_id);
        CREATE INDEX returns_by_customer ON returns(customer_id, state);
        """)
    }

    /// Gift vouchers with a ledger of their own: the value issued, then each redemption. A trigger
    /// refuses any entry that would take a voucher below zero, whichever code writes it.
    private static func v13Vouchers(_ db: Database) throws {
        try db.execute(sql: """
        CREATE TABLE vouchers (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            currency TEXT NOT NULL,
            customer_id INTEGER REFERENCES customers(id),
            note TEXT NOT NULL DEFAULT '',
            issued_at INTEGER NOT NULL,
            expires_at INTEGER
        ) STRICT;
        CREATE TABLE voucher_ledger (
            id INTEGER PRIMARY KEY,
            voucher_id INTEGER NOT NULL REFERENCES vouchers(id) ON DELETE CASCADE,
            at INTEGER NOT NULL,
            amount_minor INTEGER NOT NULL CHECK (amount_minor <> 0),
            reference TEXT NOT NULL DEFAULT '',
            actor TEXT NOT NULL DEFAULT ''
        ) STRICT;
        CREATE INDEX voucher_ledger_by_voucher ON voucher_ledger(voucher_id, at);
        CREATE TRIGGER voucher_ledger_never_negative BEFORE INSERT ON voucher_ledger
            WHEN (SELECT coalesce(sum(amount_minor), 0) FROM voucher_ledger WHERE voucher_id = NEW.voucher_id) + NEW.amount_minor < 0
            BEGIN SELECT RAISE(ABORT, 'voucher balance below zero'); END;
        """)
    }

    /// A new customer's first order that named a member's referral code: the referrer's reward
    /// waits for that order's return window (pending), then is given or refused with the reason.
    private static func v14Referrals(_ db: Database) throws {
        try db.execute(sql: """
        CREATE TABLE referrals (
            id INTEGER PRIMARY KEY,
            order_id INTEGER NOT NULL UNIQUE REFERENCES orders(id) ON DELETE CASCADE,
            referrer_account INTEGER NOT NULL REFERENCES loyalty_accounts(id),
            referred_customer INTEGER NOT NULL REFERENCES customers(id),
            state TEXT NOT NULL CHECK (state IN ('pending','rewarded','refused')),
            reason TEXT NOT NULL DEFAULT '',
            created_at INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX referrals_pending ON referrals(state) WHERE state = 'pending';
        CREATE INDEX referrals_by_referrer ON referrals(referrer_account, created_at);
        """)
    }

    /// What lets the daily loyalty pass read only the members whose standing can have changed:
    /// each member's last earning or redeeming (kept by a trigger, so expiry is a range of an
    /// index), and the ledger by time (the entries that came in, or left the rolling year, since
    /// the last pass).
    private static func v15LoyaltyDaily(_ db: Database) throws {
        try db.execute(sql: """
        ALTER TABLE loyalty_accounts ADD COLUMN last_active_at INTEGER;
        UPDATE loyalty_accounts SET last_active_at = (
            SELECT max(at) FROM points_ledger p WHERE p.account_id = loyalty_accounts.id AND p.kind IN ('earn', 'redeem', 'welcome'));
        CREATE INDEX loyalty_accounts_by_activity ON loyalty_accounts(last_active_at);
        CREATE INDEX points_ledger_by_at ON points_ledger(at);
        CREATE TRIGGER points_ledger_activity AFTER INSERT ON points_ledger
            WHEN NEW.kind IN ('earn', 'redeem', 'welcome')
            BEGIN UPDATE loyalty_accounts SET last_active_at = max(coalesce(last_active_at, 0), NEW.at) WHERE id = NEW.account_id; END;
        """)
    }

    /// What the customer view reads by customer, and what the Insight figures read instead of the
    /// shop's history (see `InsightSummaries`). A conversation's first response counted in the
    /// shop's business hours is settled by the automation pass, which knows the hours.
    private static func v16CustomerInsight(_ db: Database) throws {
        try db.execute(sql: """
        CREATE INDEX reviews_by_customer ON reviews(customer_id, reviewed_at);
        CREATE INDEX reviews_by_date_rating ON reviews(reviewed_at, rating);
        CREATE INDEX vouchers_by_customer ON vouchers(customer_id, issued_at);
        CREATE INDEX surveys_answered ON surveys(kind, answered_at, score) WHERE score IS NOT NULL;
        ALTER TABLE conversations ADD COLUMN first_response_seconds INTEGER;
        CREATE INDEX conversations_by_opened ON conversations(opened_at, first_response_seconds);
        CREATE INDEX conversations_by_response ON conversations(first_response_seconds, opened_at) WHERE first_response_seconds IS NOT NULL;
        CREATE INDEX conversations_response_unsettled ON conversations(id)
            WHERE first_response_at IS NOT NULL AND first_response_seconds IS NULL;
        """)
        try InsightSummaries.create(db)
    }

    /// The customer view's busiest reads answered from the index alone. A customer's orders,
    /// their parcels and their review invites lie all over a large shop's file; reading each row
    /// after its index entry was half of a first open's pages (about 600 on the 1M-order demo).
    /// Each index keeps its name and leading columns, so every query that used it still does.
    private static func v17CustomerViewCovering(_ db: Database) throws {
        try db.execute(sql: """
        DROP INDEX orders_by_customer;
        CREATE INDEX orders_by_customer ON orders(customer_id, placed_at, currency, total_minor, refunded_minor, status, item_count, number);
        DROP INDEX shipments_by_order;
        CREATE INDEX shipments_by_order ON shipments(order_id, shipped_at, carrier, tracking_number, status, last_event_at);
        DROP INDEX review_invites_by_customer;
        CREATE INDEX review_invites_by_customer ON review_invites(customer_id, sent_at, due_at, state, order_id, reason);
        """)
    }
}
