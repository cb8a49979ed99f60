import Foundation
import HTTPServer
import HTTPTesting
import RepairCore
import Testing
import WebSecurity

@testable import Portal

/// Running the portal in production: `/metrics` for monitoring, and client addresses behind a reverse proxy.
@Suite struct OperationsTests {
    static func metrics(_ harness: PortalHarness, as client: HTTPTestClient) throws -> [String] {
        let response = try client.request(.get, "/metrics")
        #expect(response.status == 200)
        #expect(response.headers["Content-Type"] == PrometheusText.contentType)
        return response.text.split(separator: "\n").map(String.init)
    }

    static func value(_ lines: [String], _ prefix: String) -> Double? {
        lines.first { $0.hasPrefix(prefix + " ") }.flatMap { Double($0.split(separator: " ").last ?? "") }
    }

    @Test func metricsCountRoutesAndShowTheOutboxBacklog() throws {
        let harness = try PortalHarness()
        let admin = try harness.signedIn(.admin)
        _ = try harness.client().request(.get, TrackingTests.trackPath(TrackingTests.number, "Łukasiewicz"))
        _ = try harness.client().request(.get, TrackingTests.trackPath("RS-0000-0000", "Nowak"))
        var lines = try Self.metrics(harness, as: admin)
        #expect(lines.contains(#"repairshop_http_requests_total{route="/api/v1/track",method="GET",status="200"} 1"#))
        #expect(lines.contains(#"repairshop_http_requests_total{route="/api/v1/track",method="GET",status="404"} 1"#))
        #expect(Self.value(lines, "repairshop_outbox_pending") == 0)
        #expect(Self.value(lines, "repairshop_outbox_oldest_pending_age_seconds") == 0)
        #expect(Self.value(lines, #"repairshop_database_connections{state="in_use"}"#) != nil)

        // Two mails wait, the older written an hour ago: the gauge says how long it has waited.
        let hourAgo = Date().addingTimeInterval(-3_600)
        try harness.store.enqueueMail(OutboxTests.mail(), at: hourAgo)
        try harness.store.enqueueMail(OutboxTests.mail(), at: Date())
        lines = try Self.metrics(harness, as: admin)
        #expect(Self.value(lines, "repairshop_outbox_pending") == 2)
        let age = try #require(Self.value(lines, "repairshop_outbox_oldest_pending_age_seconds"))
        #expect((3_590...3_700).contains(age))
    }

    @Test func metricsAreForAdminsOnlyAndTakeAnAPIToken() throws {
        let harness = try PortalHarness()
        // A page route: the anonymous are sent to sign in, as everywhere else outside the API.
        let anonymous = try harness.client().request(.get, "/metrics")
        #expect(anonymous.status == 303)
        #expect(anonymous.headers["Location"] == "/login?next=/metrics")
        #expect(try harness.signedIn(.agent).request(.get, "/metrics").status == 403)
        #expect(try harness.signedIn(.customer).request(.get, "/metrics").status == 403)
        // As Prometheus scrapes: a bearer token and no cookies.
        let token = try harness.apiClient(.admin).bearerToken ?? ""
        var headers = HTTPHeaders()
        headers.add("Authorization", "Bearer \(token)")
        let scrape = try harness.client().request(.get, "/metrics", headers: headers)
        #expect(scrape.status == 200)
        #expect(scrape.text.contains("# TYPE repairshop_http_requests_total counter"))
        headers.set("Authorization", "Bearer not-a-token")
        let refused = try harness.client().request(.get, "/metrics", headers: headers)
        #expect(refused.status == 303)
        #expect(!refused.text.contains("repairshop_"))
    }

    /// Behind a trusted proxy every client arrives from the proxy's address: tracking's guessing limit must
    /// count the address the proxy forwarded, or one guesser would lock out everyone behind it.
    @Test func behindATrustedProxyTrackingLimitsCountTheForwardedClient() throws {
        let harness = try PortalHarness(
            configure: { $0.trackingFailuresPerNumberAndAddress = RateLimitPolicy(burst: 2, refillInterval: 600) },
            server: { $0.trustedProxies = [AddressRange("127.0.0.1")!] })
        func track(_ surname: String, from client: String) throws -> Int {
            var headers = HTTPHeaders()
            headers.add("X-Forwarded-For", client)
            return try harness.client().request(
                .get, TrackingTests.trackPath(TrackingTests.number, surname), headers: headers
            ).status
        }
        #expect(try track("Nowak", from: "203.0.113.9") == 404)
        #expect(try track("Nowak", from: "203.0.113.9") == 404)
        #expect(try track("Łukasiewicz", from: "203.0.113.9") == 429)
        // The owner, behind the same proxy, is another client.
        #expect(try track("Łukasiewicz", from: "198.51.100.20") == 200)
    }

    /// Without the setting the header is the client's own word: a guesser cannot dodge the limit with it.
    @Test func withoutATrustedProxyAForgedHeaderDoesNotDodgeTheLimit() throws {
        let harness = try PortalHarness {
            $0.trackingFailuresPerNumberAndAddress = RateLimitPolicy(burst: 2, refillInterval: 600)
        }
        var statuses: [Int] = []
        for forged in ["203.0.113.1", "203.0.113.2", "203.0.113.3"] {
            var headers = HTTPHeaders()
            headers.add("X-Forwarded-For", forged)
            statuses.append(
                try harness.client().request(
                    .get, TrackingTests.trackPath(TrackingTests.number, "Nowak"), headers: headers
                ).status)
        }
        #expect(statuses == [404, 404, 429])
    }
}
