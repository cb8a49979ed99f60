/// A store that can load a data set in the `Fixtures/` format (demo data, tests, benchmarks).
public protocol FixtureLoading: Sendable {
    /// Loads `fixtures` in one transaction (all or nothing), keeping their IDs and order numbers.
    func load(_ fixtures: FixtureSet) throws
}
