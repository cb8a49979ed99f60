/// Monotonic seconds for rate limiting: unaffected by wall-clock changes.
public enum MonotonicClock {
    private static let origin = ContinuousClock.now

    /// Seconds since the first use of this clock in the process.
    @Sendable public static func seconds() -> Double {
        let elapsed = origin.duration(to: .now).components
        return Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
    }
}
