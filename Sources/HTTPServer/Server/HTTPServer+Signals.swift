import Dispatch
import Glibc

extension HTTPServer {
    /// Opt-in: on SIGINT or SIGTERM, shut down gracefully; keep the returned sources alive.
    public func installSignalHandlers() -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in
                let loops = self.loopsForSignal()
                for loop in loops { loop.requestStop() }
            }
            source.resume()
            return source
        }
    }
}
