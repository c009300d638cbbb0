import Foundation
import IcplsCore
import IcplsJSONRPC

/// `icpls lsp`: reads messages on a thread of its own and serves them on this one.
public enum LanguageServerMain {
    public static func run(environment: [String: String]) -> Int32 {
        MessageWriter.ignoreBrokenPipeSignal()
        let writer = MessageWriter()
        let inbox = Inbox()
        let logsVerbosely = environment["ICPLS_LOG"] == "debug"
        let server = LanguageServer(
            send: { writer.send($0) },
            log: { message in FileHandle.standardError.write(Data("icpls: \(message)\n".utf8)) }
        )
        MessageReader().startInBatches { events in inbox.post(events) }
        while true {
            let batch = inbox.takeAll(waitingUntil: nextDateCheck())
            server.handle(batch: batch)
            if let code = server.exitCode { return code }
            if let day = server.lastCheckDay, day != CalendarDate.today(), server.settings.effective.asOf == nil {
                // The local date changed: time rules are judged on the new day.
                server.diagnostics.needsValidation = true
            }
            if server.diagnostics.needsValidation && server.isIndexed && !inbox.hasWaitingEvents {
                server.validateAndPublish(isStale: { inbox.hasWaitingEvents })
                if logsVerbosely { server.log("validation \(server.diagnostics.validationCount)") }
            }
        }
    }

    /// Wake at least once a minute to notice a new local date.
    private static func nextDateCheck() -> Date {
        Date(timeIntervalSinceNow: 60)
    }
}
