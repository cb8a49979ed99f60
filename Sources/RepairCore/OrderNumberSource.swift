import Synchronization

/// Where new order numbers come from: injected so tests and benchmarks are repeatable.
public struct OrderNumberSource: Sendable {
    private let draw: @Sendable () -> OrderNumber

    /// Makes a source from a closure that returns a fresh random number per call.
    public init(_ draw: @escaping @Sendable () -> OrderNumber) {
        self.draw = draw
    }

    /// Returns the next number.
    public func next() -> OrderNumber { draw() }

    /// Numbers from the system's cryptographic random generator.
    public static let system = OrderNumberSource {
        var generator = SystemRandomNumberGenerator()
        return OrderNumber.random(using: &generator)
    }

    /// A repeatable sequence of numbers for tests, from `seed`.
    public static func seeded(_ seed: UInt64) -> OrderNumberSource {
        let state = SeededState(seed)
        return OrderNumberSource { state.nextNumber() }
    }
}

/// SplitMix64 state behind a mutex, so a seeded source can be shared by threads.
private final class SeededState: Sendable {
    private let generator: Mutex<SplitMix64>

    init(_ seed: UInt64) { generator = Mutex(SplitMix64(seed: seed)) }

    func nextNumber() -> OrderNumber {
        generator.withLock { OrderNumber.random(using: &$0) }
    }
}

/// A small, fast, seedable random generator (SplitMix64) for repeatable tests.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Makes a generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
