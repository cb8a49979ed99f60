import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Where the browser and its driver are, and whether browser tests may run here.
enum BrowserEnvironment {
    /// Chromium binary handed to chromedriver: `REPAIRSHOP_CHROMIUM`, default Debian's `/usr/bin/chromium`.
    static let chromiumPath = ProcessInfo.processInfo.environment["REPAIRSHOP_CHROMIUM"] ?? "/usr/bin/chromium"
    /// chromedriver started for each test: `REPAIRSHOP_CHROMEDRIVER`, default Debian's `/usr/bin/chromedriver`.
    static let chromedriverPath =
        ProcessInfo.processInfo.environment["REPAIRSHOP_CHROMEDRIVER"] ?? "/usr/bin/chromedriver"

    /// True when both binaries are installed and executable.
    static var isInstalled: Bool {
        FileManager.default.isExecutableFile(atPath: chromiumPath)
            && FileManager.default.isExecutableFile(atPath: chromedriverPath)
    }

    /// True under CI (`CI=true`), where a missing browser must fail the test rather than skip it.
    static var isCI: Bool {
        ProcessInfo.processInfo.environment["CI"] == "true"
    }

    /// Whether browser tests run: always in CI, elsewhere only when the browser is installed.
    static var shouldRun: Bool { isInstalled || isCI }

    /// Why a browser test is disabled, for the test report.
    static let disabledReason: Comment =
        "chromium or chromedriver missing (apt-get install chromium chromium-driver); under CI=true the test runs and fails instead"

    /// A TCP port on loopback that was free a moment ago (bind to port 0, read it back, close).
    static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw WebDriverError.setup("socket() failed: errno \(errno)") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { throw WebDriverError.setup("bind() failed: errno \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard named == 0 else { throw WebDriverError.setup("getsockname() failed: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
