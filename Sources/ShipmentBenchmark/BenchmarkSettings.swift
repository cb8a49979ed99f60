import Foundation

/// What the shipment benchmark measures, each size a named setting with its default.
struct BenchmarkSettings {
    /// Open orders grouped by (location, method) (default 1 000 000; first argument).
    var openOrders = 1_000_000
    /// Orders in the shipment whose packing list and label are rendered (default 1 000; second argument).
    var shipmentOrders = 1_000
    /// Service locations the open orders are spread over (default 20).
    var locations = 20
    /// Shipping methods the open orders are spread over (default 3).
    var methods = 3
    /// Rounds of each in-memory measurement; the best is reported (default 5).
    var rounds = 5

    /// Reads `[openOrders] [shipmentOrders]` from the command line.
    init(arguments: [String]) throws {
        if arguments.count > 1 {
            guard let value = Int(arguments[1]), value > 0 else {
                throw UsageError("openOrders must be a positive number")
            }
            openOrders = value
        }
        if arguments.count > 2 {
            guard let value = Int(arguments[2]), value > 0 else {
                throw UsageError("shipmentOrders must be a positive number")
            }
            shipmentOrders = value
        }
    }
}

/// A bad command line, with what is wrong.
struct UsageError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) {
        self.description = "usage: shipment-benchmark [openOrders] [shipmentOrders]: " + description
    }
}

/// Runs `body` `rounds` times and returns the fastest wall-clock time in seconds.
func bestTime(rounds: Int, _ body: () throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<max(1, rounds) {
        let clock = ContinuousClock()
        let elapsed = try clock.measure(body)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        best = min(best, seconds)
    }
    return best
}

/// A measured duration in seconds.
func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// `0.123 s` or `45.6 ms`, whichever reads better.
func format(_ seconds: Double) -> String {
    seconds >= 1 ? String(format: "%.2f s", seconds) : String(format: "%.1f ms", seconds * 1_000)
}
