// swift-tools-version:6.0
import PackageDescription

// repairshop: a service-order and shipment system for repair shops.
// No package dependencies by product decision: only the toolchain and
// Debian C libraries through system-library targets.
let package = Package(
    name: "repairshop",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "repairshop", targets: ["repairshop"])
    ],
    dependencies: [],
    targets: [
        // C libraries from Debian.
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CEpoll", path: "Sources/CEpoll"),
        .systemLibrary(name: "CCrypt", path: "Sources/CCrypt", providers: [.apt(["libcrypt-dev"])]),
        .systemLibrary(name: "CCryptoLib", path: "Sources/CCryptoLib", providers: [.apt(["libssl-dev"])]),
        // libssl: TLS for SMTP submission and for the test SMTP server.
        .systemLibrary(name: "CTLS", path: "Sources/CTLS", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CPostgres", path: "Sources/CPostgres", providers: [.apt(["libpq-dev"])]),

        // Domain core: no I/O, no SQL, no sockets.
        .target(name: "RepairCore"),
        // Words for people: one catalogue file per language, CLDR plurals; problems become sentences only here.
        .target(name: "Localization", dependencies: ["RepairCore"], resources: [.copy("Catalogues")]),
        // Use cases: one method per operation, over the core's store protocols; no HTTP, no SQL.
        .target(name: "RepairApp", dependencies: ["RepairCore"]),
        // SQLite store behind the core's repository protocol.
        .target(name: "RepairStore", dependencies: ["RepairCore", "CSQLite"]),
        // PostgreSQL store: the same shared SQL over libpq, for several server processes on one database.
        .target(name: "PostgresStore", dependencies: ["RepairCore", "RepairStore", "CPostgres"]),
        // The one place a backend is chosen: `--database postgresql://…` opens PostgreSQL, else an SQLite file.
        .target(name: "StoreBackend", dependencies: ["RepairCore", "RepairStore", "PostgresStore"]),
        // HTTP/1.1 server: knows nothing about orders.
        .target(name: "HTTPServer", dependencies: ["CEpoll"], exclude: ["README.md"]),
        // Blocking loopback client and test-server helper for tests of HTTP users.
        .target(name: "HTTPTesting", dependencies: ["HTTPServer"]),
        // HTML kit: escaping `HTML`, forms, tables, the page layout and stylesheet; knows nothing of orders.
        .target(name: "HTMLKit", exclude: ["README.md"]),
        // Packing-list and label templates: a small placeholder language, text and ZPL.
        .target(name: "LabelTemplates"),
        // E-mail: RFC 5322 messages, an SMTP client with TLS and AUTH, the inbound parser and classifier, and
        // signed Message-IDs (HMAC through WebSecurity).
        .target(name: "Mail", dependencies: ["CTLS", "WebSecurity"], exclude: ["README.md"]),
        // Web security: hashes and MACs over libcrypto, yescrypt passwords over libcrypt, tokens, CSRF, session
        // cookies, signed links, rate limits; knows nothing of orders, pages or HTTP routing.
        .target(name: "WebSecurity", dependencies: ["RepairCore", "CCrypt", "CCryptoLib"]),
        // The web portal and JSON API: joins the core, the store and the HTTP server.
        .target(
            name: "Portal",
            dependencies: [
                "RepairCore", "RepairApp", "RepairStore", "StoreBackend", "HTTPServer", "HTMLKit", "Localization",
                "WebSecurity", "LabelTemplates", "Mail",
            ],
            exclude: ["README.md"]),
        // Command-line tool logic (testable), and the thin executable.
        .target(
            name: "RepairCLI",
            dependencies: [
                "RepairCore", "RepairApp", "RepairStore", "StoreBackend", "Localization", "Portal", "HTTPServer", "Mail",
            ]),
        .executableTarget(name: "repairshop", dependencies: ["RepairCLI"]),

        // Benchmarks and examples (release builds).
        .executableTarget(
            name: "store-benchmark", dependencies: ["RepairCore", "RepairStore", "CSQLite"],
            path: "Sources/StoreBenchmark"),
        .executableTarget(
            name: "pg-benchmark", dependencies: ["RepairCore", "RepairStore", "PostgresStore", "CPostgres"],
            path: "Sources/PostgresBenchmark"),
        .executableTarget(name: "http-example-server", dependencies: ["HTTPServer"], path: "Sources/HTTPExampleServer"),
        .executableTarget(
            name: "shipment-benchmark", dependencies: ["RepairCore", "RepairStore", "LabelTemplates"],
            path: "Sources/ShipmentBenchmark"),

        .testTarget(name: "RepairCoreTests", dependencies: ["RepairCore", "Localization"]),
        .testTarget(name: "LocalizationTests", dependencies: ["Localization", "RepairCore"]),
        .testTarget(name: "RepairAppTests", dependencies: ["RepairApp", "RepairCore", "RepairStore"]),
        .testTarget(name: "RepairStoreTests", dependencies: ["RepairStore", "RepairCore", "Localization"]),
        // The store protocols' behaviour, written against `any RepairStorage` from one factory, so every
        // backend runs the same suite.
        .testTarget(
            name: "StoreConformanceTests", dependencies: ["RepairCore", "RepairStore", "PostgresStore", "PostgresTesting"]),
        .testTarget(
            name: "RepairCLITests", dependencies: ["RepairCLI", "RepairStore", "RepairCore", "Portal", "Mail", "MailTesting"]),
        // Several server processes on one PostgreSQL behind nginx (runs the built `repairshop` executable).
        .testTarget(
            name: "PostgresStoreTests",
            dependencies: [
                "PostgresStore", "PostgresTesting", "RepairStore", "RepairCore", "HTTPServer", "HTTPTesting",
                "WebSecurity",
            ]),
        .testTarget(name: "HTMLKitTests", dependencies: ["HTMLKit"]),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "HTTPTesting"]),
        .testTarget(name: "LabelTemplatesTests", dependencies: ["LabelTemplates"], resources: [.copy("Golden")]),
        // A small SMTP server on loopback for tests: real SMTP conversations, no mocks.
        .target(name: "MailTesting", dependencies: ["CTLS"], path: "Sources/MailTesting"),
        // A throw-away PostgreSQL cluster for tests (Debian's initdb and a postgres server in a temporary folder).
        .target(name: "PostgresTesting", dependencies: ["PostgresStore", "RepairStore", "RepairCore"]),
        .testTarget(name: "MailTests", dependencies: ["Mail", "MailTesting", "WebSecurity"]),
        .testTarget(name: "WebSecurityTests", dependencies: ["WebSecurity", "RepairCore"]),
        .testTarget(
            name: "PortalTests",
            dependencies: [
                "Portal", "HTMLKit", "RepairCLI", "RepairCore", "RepairStore", "HTTPServer", "HTTPTesting",
                "MailTesting", "WebSecurity", "Localization", "PostgresStore", "PostgresTesting",
            ], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
