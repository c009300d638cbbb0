import Foundation
import IcplsCore
import IcplsDocument

/// Where a full check of one document spends its time, stage by stage, and what a check
/// costs when the previous check's inventory is used again (an edit in a filing).
struct StageBenchmark {
    let runs: Int

    func measure(_ bytes: [UInt8], label: String, into report: inout BenchReport) {
        let asOf = CalendarDate(year: 2026, month: 11, day: 23)!
        func stage<Result>(_ name: String, _ body: () -> Result) {
            report.add(Measurement(name: "stage \(label): \(name)", value: median(runs, body) * 1000, unit: "ms"))
        }
        stage("parse (two cores)") { JSONCParser.parse(bytes) }
        stage("parse (one core)") { bytes.withUnsafeBufferPointer { JSONCParser.parse($0, sideBySideFrom: .max) } }
        stage("line index") { LineIndex(bytes) }
        let tree = JSONCParser.parse(bytes)
        stage("read into declarations") { DocumentReader.read(tree) }
        let document = AnalyzedDocument(key: DocumentKey("/bench/w.icp.json"), order: DocumentOrder(rootIndex: 0, relativePath: "w.icp.json"), text: bytes)
        stage("workspace index with its inventory") { WorkspaceIndex(documents: [document], asOf: asOf) }
        let inventory = WorkspaceIndex(documents: [document], asOf: asOf).inventory
        stage("workspace index, inventory kept") { WorkspaceIndex(documents: [document], asOf: asOf, reusing: inventory) }
        stage("check of a read document") { Checker.check([document], settings: Settings(asOf: asOf)) }
        stage("check, inventory kept (an edit in a filing)") {
            Checker.check([document], settings: Settings(asOf: asOf), reusing: inventory)
        }
    }
}
