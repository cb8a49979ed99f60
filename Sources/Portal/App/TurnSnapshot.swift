import RepairCore

/// The read snapshot of the event-loop turn being answered, for the inline handlers that run in it.
///
/// Why this one value is ambient and not a parameter: `Portal.aroundTurn` opens the snapshot around the
/// HTTP server's `answer()` closure, and the server then calls each inline handler as `(HTTPRequest) ->
/// HTTPResponse`; neither that closure nor `HTTPRequest` has room for application state (the HTTP module
/// knows nothing about stores, by design), so nothing explicit can carry it from the turn to the handler. The
/// task-local is read once per request, at the route, and from there the snapshot is passed explicitly
/// (`Tracker.track(…in:)` → `RepairRepository.trackingLookUp(number:in:)`); the store itself consults no
/// ambient state. Opening a snapshot per request instead would cost tracking its per-turn sharing (one
/// BEGIN/COMMIT per turn rather than per request).
enum TurnSnapshot {
    /// The current turn's snapshot; nil outside `Portal.aroundTurn` (worker handlers, tests calling directly).
    @TaskLocal static var current: (any ReadSnapshot)?
}
