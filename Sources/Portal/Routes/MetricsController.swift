import Foundation
import HTTPServer
import RepairCore

/// `/metrics` (admins, by session or API token): the Prometheus text format, for a monitoring system to scrape.
///
/// Requests by route and status and their durations come from the HTTP server's `RequestMetrics`; the outbox
/// backlog and the database connections from the store. Admins only, since route counts and the outbox size
/// say how busy the shop is; Prometheus sends an admin's API token as `Authorization: Bearer`.
struct MetricsController: FeatureController {
    let requests: RequestMetrics
    let store: any StoreStatisticsSource
    let now: @Sendable () -> Date

    func register(in routes: inout PortalRoutes) {
        routes.group(.allowed(.administer)) { router in
            router.add(.get, "/metrics") { _, _ in
                var page = PrometheusText()
                requests.render(into: &page)
                try storeMetrics(into: &page)
                var response = HTTPResponse(status: .ok, body: Array(page.text.utf8))
                response.headers.set("Content-Type", PrometheusText.contentType)
                response.headers.set("Cache-Control", "no-store")
                return response
            }
        }
    }

    private func storeMetrics(into page: inout PrometheusText) throws {
        let statistics = try store.storeStatistics()
        page.family("repairshop_outbox_pending", .gauge, help: "Mails waiting in the outbox to be sent.")
        page.sample("repairshop_outbox_pending", [:], Double(statistics.outboxPending))
        page.family("repairshop_outbox_dead", .gauge, help: "Mails given up on after too many failed attempts.")
        page.sample("repairshop_outbox_dead", [:], Double(statistics.outboxDead))
        page.family(
            "repairshop_outbox_oldest_pending_age_seconds", .gauge,
            help: "How long the oldest waiting mail has waited; 0 when none waits.")
        let age = statistics.oldestPendingSince.map { max(0, now().timeIntervalSince($0)) } ?? 0
        page.sample("repairshop_outbox_oldest_pending_age_seconds", [:], age.rounded())
        page.family(
            "repairshop_database_connections", .gauge,
            help: "Database reader connections, by state: in use by a request, or idle in the pool.")
        page.sample("repairshop_database_connections", ["state": "in_use"], Double(statistics.connectionsInUse))
        page.sample("repairshop_database_connections", ["state": "idle"], Double(statistics.connectionsIdle))
        page.family(
            "repairshop_database_pool_size", .gauge, help: "Most idle database connections kept open for reuse.")
        page.sample("repairshop_database_pool_size", [:], Double(statistics.connectionPoolSize))
    }
}
