/// The result columns of `SQLiteStore.trackingSQL`, resolved by name once per prepared statement.
struct TrackingColumns {
    let isRequested: Int32
    let status: Int32
    let device: Int32
    let agent: Int32
    let location: Int32
    let tatDays: Int32
    let surname: Int32
    let carrier: Int32
    let trackingNumber: Int32
    let trackingURL: Int32

    init(_ statement: any SQLRow) {
        isRequested = statement.columnIndex("is_requested")
        status = statement.columnIndex("status")
        device = statement.columnIndex("device")
        agent = statement.columnIndex("agent")
        location = statement.columnIndex("location")
        tatDays = statement.columnIndex("tat_days")
        surname = statement.columnIndex("contact_surname")
        carrier = statement.columnIndex("carrier")
        trackingNumber = statement.columnIndex("tracking_number")
        trackingURL = statement.columnIndex("tracking_url")
    }
}
