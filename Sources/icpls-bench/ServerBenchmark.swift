import Foundation
import IcplsJSONRPC

/// The language server over real pipes: start → initialize, didOpen → first
/// diagnostics, single-character edits → the diagnostics of their version, memory.
struct ServerBenchmark {
    let edits: Int

    /// The median, over several fresh servers, of the time from starting the process to
    /// the answer to `initialize` (a server's first start also pays for loading its libraries
    /// from disk; the median is what an editor sees on a warm machine).
    static func startupMilliseconds(runs: Int) -> Double {
        var times: [Double] = []
        for _ in 0..<runs {
            guard let client = ServerProcess.start() else { return .nan }
            _ = client.roundTrip(method: "initialize", params: ["processId": .integer(Int64(getpid())), "capabilities": [:]])
            times.append(client.startToInitialize * 1000)
            client.stop()
        }
        return times.sorted()[times.count / 2]
    }

    func measure(_ document: [UInt8], label: String, into report: inout BenchReport) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("icpls-bench-\(getpid())-\(label.filter(\.isNumber))")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("workspace.icp.json")
        try? Data(document).write(to: file)
        let uri = file.absoluteURL.absoluteString
        guard let client = ServerProcess.start() else {
            report.add(Measurement(name: "language server \(label)", value: .nan, unit: "", target: "build icpls first", meetsTarget: false))
            return
        }
        defer { client.stop() }
        let initialize = client.roundTrip(method: "initialize", params: [
            "processId": .integer(Int64(getpid())), "rootUri": .string(folder.absoluteURL.absoluteString),
            "capabilities": [:], "initializationOptions": ["asOf": "2026-11-23"],
        ])
        if label == "1 MB" {
            let startup = Self.startupMilliseconds(runs: 7)
            report.add(Measurement(name: "server start → initialize answer", value: startup, unit: "ms",
                                   target: "≤ 10 ms", meetsTarget: startup <= 10))
        }
        _ = initialize
        client.notify("initialized", [:])
        let text = String(decoding: document, as: UTF8.self)
        let openStart = DispatchTime.now().uptimeNanoseconds
        client.notify("textDocument/didOpen", ["textDocument": [
            "uri": .string(uri), "languageId": "icp-filing", "version": 1, "text": .string(text),
        ]])
        _ = client.waitForDiagnostics(uri: uri, version: 1)
        let open = Double(DispatchTime.now().uptimeNanoseconds - openStart) / 1e6
        report.add(Measurement(name: "server \(label): didOpen → diagnostics", value: open, unit: "ms"))

        // Edit inside a website's domain in the middle of the filings: insert a letter, then take it out.
        let marker = Array("\"domain\": \"site".utf8)
        let middle = document.count / 2 + document.count / 4
        let offset = Self.firstIndex(of: marker, in: document, from: middle) ?? middle
        let (line, character) = Self.position(of: offset + marker.count, in: document)
        var latencies: [Double] = []
        var peakDuringEdits = 0
        for edit in 0..<edits {
            let version = Int64(edit + 2)
            let inserting = edit % 2 == 0
            let start: JSONValue = ["line": .integer(Int64(line)), "character": .integer(Int64(character))]
            let end: JSONValue = ["line": .integer(Int64(line)), "character": .integer(Int64(character + (inserting ? 0 : 1)))]
            let sent = DispatchTime.now().uptimeNanoseconds
            client.notify("textDocument/didChange", [
                "textDocument": ["uri": .string(uri), "version": .integer(version)],
                "contentChanges": [["range": ["start": start, "end": end], "text": .string(inserting ? "q" : "")]],
            ])
            _ = client.waitForDiagnostics(uri: uri, version: version)
            latencies.append(Double(DispatchTime.now().uptimeNanoseconds - sent) / 1e6)
            if edit % 20 == 0 { peakDuringEdits = max(peakDuringEdits, client.memory().resident) }
        }
        latencies.sort()
        func percentile(_ p: Double) -> Double { latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
        let p95Target = label == "1 MB" ? 10.0 : 60.0
        report.add(Measurement(name: "server \(label): edit → diagnostics p50", value: percentile(0.5), unit: "ms"))
        report.add(Measurement(name: "server \(label): edit → diagnostics p95", value: percentile(0.95), unit: "ms",
                               target: "≤ \(Int(p95Target)) ms", meetsTarget: percentile(0.95) <= p95Target))
        report.add(Measurement(name: "server \(label): edit → diagnostics p99", value: percentile(0.99), unit: "ms"))
        let memory = client.memory()
        let peak = Double(memory.peak) / 1_048_576
        report.add(Measurement(name: "server \(label): peak memory after \(edits) edits", value: peak, unit: "MiB",
                               target: label == "10 MB" ? "≤ 150 MiB" : "", meetsTarget: label == "10 MB" ? peak <= 150 : nil))
        report.add(Measurement(name: "server \(label): final resident memory", value: Double(memory.resident) / 1_048_576, unit: "MiB"))
        let growth = Double(memory.resident - peakDuringEdits) / 1_048_576
        report.add(Measurement(name: "server \(label): memory growth over the last edits", value: max(0, growth), unit: "MiB",
                               target: "no growth", meetsTarget: growth <= Double(document.count) / 1_048_576))
        _ = client.roundTrip(method: "shutdown", params: nil)
        client.notify("exit", nil)
    }

    static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + needle.count <= haystack.count {
            if haystack[index] == needle[0] && Array(haystack[index..<(index + needle.count)]) == needle { return index }
            index += 1
        }
        return nil
    }

    /// Line and UTF-16 column of a byte offset (the generated text's edit line is ASCII).
    static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 0
        var lineStart = 0
        for index in 0..<offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return (line, offset - lineStart)
    }
}
