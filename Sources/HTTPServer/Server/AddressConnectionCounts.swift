import Synchronization

/// Open connections per client address (see `ClientAddressKey`), shared by every event loop.
final class AddressConnectionCounts: Sendable {
    private let counts = Mutex<[ClientAddressKey: Int]>([:])

    /// Counts one more connection for `key` unless it already has `limit`; returns whether it was counted.
    func admit(_ key: ClientAddressKey, limit: Int) -> Bool {
        counts.withLock { counts in
            let open = counts[key, default: 0]
            guard open < limit else { return false }
            counts[key] = open + 1
            return true
        }
    }

    /// Forgets one connection of `key`; an address with none left is dropped, so the table stays small.
    func release(_ key: ClientAddressKey) {
        counts.withLock { counts in
            let open = counts[key, default: 0] - 1
            counts[key] = open > 0 ? open : nil
        }
    }

    /// Open connections of `key`.
    func count(_ key: ClientAddressKey) -> Int { counts.withLock { $0[key, default: 0] } }
}
