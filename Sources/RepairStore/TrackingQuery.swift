/// Tracking's one statement and the seed of its stand-in, the same on every backend.
public enum TrackingQuery {
    /// Tracking's one query: by the UNIQUE index on `orders.number`, joined to model, location, agent and,
    /// through the shipment the order travels in (keyed by order), the carrier once recorded.
    ///
    /// An unknown number falls back to a stand-in order (the first at or after a point picked by `?2`,
    /// `standInSeed`), flagged 0 in the first column: both outcomes do the same joins, so their
    /// timing is no oracle for which numbers exist.
    public static let sql = """
        SELECT o.number = ?1 AS is_requested, o.status, m.manufacturer || ' ' || m.name AS device,
            u.display_name AS agent, l.name AS location, l.tat_days, o.contact_surname, s.carrier, s.tracking_number,
            s.tracking_url
        FROM orders o
        JOIN device_models m ON m.id = o.model_id
        JOIN locations l ON l.id = o.location_id
        LEFT JOIN users u ON u.id = o.assigned_agent_id
        LEFT JOIN shipment_orders so ON so.order_id = o.id
        LEFT JOIN shipments s ON s.id = so.shipment_id AND s.status = 'confirmed' AND s.carrier IS NOT NULL
        WHERE o.id = coalesce(
            (SELECT id FROM orders WHERE number = ?1),
            (SELECT id FROM orders WHERE id > ?2 % (SELECT max(id) FROM orders) ORDER BY id LIMIT 1))
        """

    /// Where a number's stand-in is looked for (`?2` of `sql`): FNV-1a of the printed number,
    /// kept non-negative.
    public static func standInSeed(_ printedNumber: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in printedNumber.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return Int64(hash >> 2)
    }
}
