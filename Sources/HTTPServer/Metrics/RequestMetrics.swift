import Synchronization

/// Requests counted by route, method and status, with a duration histogram per route: what `/metrics` shows.
///
/// Routes are the registered patterns (`/orders/:number`), never raw paths, so a client cannot grow the
/// table by asking for made-up paths: everything no route matched is counted under `unmatched`.
public final class RequestMetrics: Sendable {
    /// Upper bounds of the duration buckets, in seconds.
    public static let bucketBounds: [Double] = [
        0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
    ]

    struct RouteKey: Hashable {
        var method: String
        var route: String
    }

    /// One route's answers: counts by status (a handful, searched in order) and the duration histogram.
    struct RouteStatistics {
        var statusCounts: [(status: Int, count: UInt64)] = []
        var buckets = [UInt64](repeating: 0, count: RequestMetrics.bucketBounds.count)
        var sum = 0.0
        var count: UInt64 = 0

        mutating func add(status: Int, bucket: Int?, seconds: Double) {
            if let index = statusCounts.firstIndex(where: { $0.status == status }) {
                statusCounts[index].count += 1
            } else {
                statusCounts.append((status, 1))
            }
            if let bucket { buckets[bucket] += 1 }
            sum += seconds
            count += 1
        }
    }

    private let routes = Mutex([RouteKey: RouteStatistics]())

    /// Empty tables.
    public init() {}

    /// Counts one answered request.
    public func record(method: String, route: String?, status: Int, seconds: Double) {
        let key = RouteKey(method: method, route: route ?? "unmatched")
        // The bucket is found before the lock, and the entry is changed in place (no copy of its arrays):
        // this runs on every request.
        let bucket = Self.bucketBounds.firstIndex { seconds <= $0 }
        routes.withLock { routes in
            routes[key, default: RouteStatistics()].add(status: status, bucket: bucket, seconds: seconds)
        }
    }

    /// Appends the request counter and the duration histogram, in a stable order.
    public func render(into page: inout PrometheusText) {
        let routes = routes.withLock { $0 }.sorted { Self.order($0.key, $1.key) }
        page.family("repairshop_http_requests_total", .counter, help: "HTTP requests answered, by route, method and status.")
        for (key, statistics) in routes {
            for (status, count) in statistics.statusCounts.sorted(by: { $0.status < $1.status }) {
                page.sample(
                    "repairshop_http_requests_total",
                    ["route": key.route, "method": key.method, "status": String(status)], Double(count))
            }
        }
        page.family(
            "repairshop_http_request_duration_seconds", .histogram,
            help: "Time from a request's head to its answer being queued, by route and method.")
        for (key, statistics) in routes {
            var cumulative: UInt64 = 0
            for (bound, count) in zip(Self.bucketBounds, statistics.buckets) {
                cumulative += count
                page.sample(
                    "repairshop_http_request_duration_seconds_bucket",
                    ["route": key.route, "method": key.method, "le": PrometheusText.format(bound)], Double(cumulative))
            }
            page.sample(
                "repairshop_http_request_duration_seconds_bucket",
                ["route": key.route, "method": key.method, "le": "+Inf"], Double(statistics.count))
            page.sample(
                "repairshop_http_request_duration_seconds_sum", ["route": key.route, "method": key.method],
                statistics.sum)
            page.sample(
                "repairshop_http_request_duration_seconds_count", ["route": key.route, "method": key.method],
                Double(statistics.count))
        }
    }

    static func order(_ lhs: RouteKey, _ rhs: RouteKey) -> Bool {
        (lhs.route, lhs.method) < (rhs.route, rhs.method)
    }
}
