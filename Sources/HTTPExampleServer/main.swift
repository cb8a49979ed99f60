import Foundation
import HTTPServer

// Benchmark target: a fixed ~300-byte JSON answered inline on the event loop.
// Usage: http-example-server [port] [event-loop-threads]
let arguments = CommandLine.arguments
let port = arguments.count > 1 ? Int(arguments[1]) ?? 8080 : 8080
let loops =
    arguments.count > 2
    ? Int(arguments[2]) ?? ProcessInfo.processInfo.activeProcessorCount : ProcessInfo.processInfo.activeProcessorCount

let payload = Array(
    """
    {"service":"repairshop","status":"ok","version":"1.0.0","order":{"number":"RS-2026-000123","state":"in_repair",\
    "device":"Espresso machine","customer":"A. Example","received":"2026-11-20T09:15:00Z","promised":"2026-11-27T17:00:00Z"},\
    "tracking":{"carrier":"DHL","code":"00340434161094042557","events":3},"notes":"fixed payload for the HTTP benchmark"}

    """.utf8)

var router = Router()
router.add(.get, "/", options: RouteOptions(execution: .inline)) { _ in
    HTTPResponse(status: .ok, headers: ["Content-Type": "application/json"], body: payload)
}

let configuration = HTTPServerConfiguration(host: "127.0.0.1", port: port, eventLoopThreads: loops)
let server = HTTPServer(configuration: configuration, router: router)
do {
    try server.start()
} catch {
    FileHandle.standardError.write(Data("http-example-server: \(error)\n".utf8))
    exit(1)
}
let signals = server.installSignalHandlers()
print("listening on 127.0.0.1:\(server.port) with \(loops) event loops, \(payload.count)-byte JSON")
server.waitUntilStopped()
withExtendedLifetime(signals) {}
