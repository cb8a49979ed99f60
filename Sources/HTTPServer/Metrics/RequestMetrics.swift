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

    struct CountKey: Hashable {
        var route: RouteKey
        var status: Int
    }

    struct Histogram {
        var buckets = [UInt64](repeating: 0, count: RequestMetrics.bucketBounds.count)
        var sum = 0.0
        var count: UInt64 = 0
    }

    struct Tables {
        var counts: [CountKey: UInt64] = [:]
        var durations: [RouteKey: Histogram] = [:]
    }

    private let tables = Mutex(Tables())

    /// Empty tables.
    public init() {}

    /// Counts one answered request.
    public func record(method: String, route: String?, status: Int, seconds: Double) {
        let key = RouteKey(method: method, route: route ?? "unmatched")
        // The bucket is found before the lock: the lock covers only the additions.
        let bucket = Self.bucketBounds.firstIndex { seconds <= $0 }
        tables.withLock { tables in
            tables.counts[CountKey(route: key, status: status), default: 0] += 1
            var histogram = tables.durations[key] ?? Histogram()
            if let bucket { histogram.buckets[bucket] += 1 }
            histogram.sum += seconds
            histogram.count += 1
            tables.durations[key] = histogram
        }
    }

    /// Appends the request counter and the duration histogram, in a stable order.
    public func render(into page: inout PrometheusText) {
        let tables = tables.withLock { $0 }
        page.family("repairshop_http_requests_total", .counter, help: "HTTP requests answered, by route, method and status.")
        for (key, count) in tables.counts.sorted(by: { Self.order($0.key, $1.key) }) {
            page.sample(
                "repairshop_http_requests_total",
                ["route": key.route.route, "method": key.route.method, "status": String(key.status)], Double(count))
        }
        page.family(
            "repairshop_http_request_duration_seconds", .histogram,
            help: "Time from a request's head to its answer being queued, by route and method.")
        for (key, histogram) in tables.durations.sorted(by: { Self.order($0.key, $1.key) }) {
            var cumulative: UInt64 = 0
            for (bound, count) in zip(Self.bucketBounds, histogram.buckets) {
                cumulative += count
                page.sample(
                    "repairshop_http_request_duration_seconds_bucket",
                    ["route": key.route, "method": key.method, "le": PrometheusText.format(bound)], Double(cumulative))
            }
            page.sample(
                "repairshop_http_request_duration_seconds_bucket",
                ["route": key.route, "method": key.method, "le": "+Inf"], Double(histogram.count))
            page.sample(
                "repairshop_http_request_duration_seconds_sum", ["route": key.route, "method": key.method],
                histogram.sum)
            page.sample(
                "repairshop_http_request_duration_seconds_count", ["route": key.route, "method": key.method],
                Double(histogram.count))
        }
    }

    static func order(_ lhs: RouteKey, _ rhs: RouteKey) -> Bool {
        (lhs.route, lhs.method) < (rhs.route, rhs.method)
    }

    static func order(_ lhs: CountKey, _ rhs: CountKey) -> Bool {
        (lhs.route.route, lhs.route.method, lhs.status) < (rhs.route.route, rhs.route.method, rhs.status)
    }
}
