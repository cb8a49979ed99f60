import HTTPTesting
import Testing

@testable import HTTPServer

/// `RequestMetrics`: the server counts answered requests by route pattern and status, with durations.
@Suite struct RequestMetricsTests {
    @Test func requestsAreCountedByRoutePatternNeverByRawPath() throws {
        let metrics = RequestMetrics()
        var configuration = makeTestConfiguration()
        configuration.metrics = metrics
        var router = Router()
        router.add(.get, "/orders/:number") { request in
            guard request.pathParameters["number"] != "missing" else { return .text("no", status: .notFound) }
            return .text("ok")
        }
        router.add(.post, "/orders", options: RouteOptions(execution: .inline)) { _ in .text("made", status: .created) }
        try withTestServer(router, configuration: configuration) { port in
            let client = try HTTPTestClient(port: port)
            for number in ["RS-1", "RS-2", "missing"] { _ = try client.request(.get, "/orders/\(number)") }
            _ = try client.request(.post, "/orders")
            _ = try client.request(.get, "/made-up/\(Int.random(in: 0...1_000_000))")
            _ = try client.request(.delete, "/orders")
        }
        var page = PrometheusText()
        metrics.render(into: &page)
        let lines = page.text.split(separator: "\n").map(String.init)
        #expect(lines.contains(#"repairshop_http_requests_total{route="/orders/:number",method="GET",status="200"} 2"#))
        #expect(lines.contains(#"repairshop_http_requests_total{route="/orders/:number",method="GET",status="404"} 1"#))
        #expect(lines.contains(#"repairshop_http_requests_total{route="/orders",method="POST",status="201"} 1"#))
        #expect(lines.contains(#"repairshop_http_requests_total{route="unmatched",method="GET",status="404"} 1"#))
        #expect(lines.contains(#"repairshop_http_requests_total{route="unmatched",method="DELETE",status="405"} 1"#))
        #expect(!page.text.contains("made-up"))
        #expect(
            lines.contains(#"repairshop_http_request_duration_seconds_bucket{route="/orders/:number",method="GET",le="+Inf"} 3"#))
        #expect(lines.contains(#"repairshop_http_request_duration_seconds_count{route="/orders/:number",method="GET"} 3"#))
        #expect(lines.contains("# TYPE repairshop_http_request_duration_seconds histogram"))
    }

    @Test func bucketsAreCumulativeAndEndAtTheCount() {
        let metrics = RequestMetrics()
        for seconds in [0.000_1, 0.003, 0.003, 0.2, 30] {
            metrics.record(method: "GET", route: "/t", status: 200, seconds: seconds)
        }
        var page = PrometheusText()
        metrics.render(into: &page)
        func bucket(_ le: String) -> String? {
            page.text.split(separator: "\n").first { $0.contains("_bucket{route=\"/t\",method=\"GET\",le=\"\(le)\"}") }
                .map { String($0.split(separator: " ").last ?? "") }
        }
        #expect(bucket("0.0005") == "1")
        #expect(bucket("0.005") == "3")
        #expect(bucket("0.25") == "4")
        #expect(bucket("10") == "4")
        #expect(bucket("+Inf") == "5")
        #expect(page.text.contains("repairshop_http_request_duration_seconds_sum{route=\"/t\",method=\"GET\"} 30.2061"))
    }

    @Test func labelValuesAreEscaped() {
        var page = PrometheusText()
        page.sample("m", ["route": "a\"b\\c\nd"], 1)
        #expect(page.text == "m{route=\"a\\\"b\\\\c\\nd\"} 1\n")
        #expect(PrometheusText.format(0.25) == "0.25")
        #expect(PrometheusText.format(3) == "3")
    }
}
