import IcplsDocument
@testable import IcplsCore

/// What §4 "Quick fixes" promises of every fix, checked on one workspace: the edits
/// lie in known documents, within the text, on character boundaries, never overlap;
/// every byte outside them stays; the text parses no worse; and the diagnostic the fix
/// is for is gone afterwards.
struct FixInvariants {
    let fixture: SweepFixture
    let documents: [AnalyzedDocument]
    let texts: [DocumentKey: [UInt8]]
    let result: CheckResult

    init(_ fixture: SweepFixture) {
        self.fixture = fixture
        documents = fixture.analyzed
        texts = Dictionary(uniqueKeysWithValues: documents.map { ($0.key, $0.text) })
        result = Checker.check(documents, settings: SweepFixtures.settings)
    }

    /// Problems with any fix of any diagnostic, each applied alone.
    func everyFixAlone() -> [String] {
        var failures: [String] = []
        for diagnostic in result.allDiagnostics {
            for fix in diagnostic.fixes {
                let what = "\(fixture.name): fix \"\(fix.title)\" of \(diagnostic.rule) at \(diagnostic.range)"
                switch Self.apply(fix.edits, to: texts) {
                case .failure(let problem):
                    failures.append("\(what): \(problem)")
                case .success(let changed):
                    failures += changed.problems.map { "\(what): \($0)" }
                    if let problem = repairProblem(diagnostic, fix, changed.texts) {
                        failures.append("\(what): \(problem); the text was:\n\(fixture.text(diagnostic.document))")
                    }
                }
            }
        }
        return failures
    }

    /// (c) The diagnostic the fix is for is gone: no diagnostic of its rule is where its range went.
    /// (Counting is no measure: with a duplicated key only the last is checked further, §4
    /// ICP005, so renaming the last one can bring out a finding at the first.)
    /// "Ignore ICPxxx on this line" claims to take it out of view alike, and is held to it in
    /// documents that are valid JSONC. In broken ones it is not: a line can lie inside a
    /// `/*` that is never closed, where no `//` comment can be added at all.
    private func repairProblem(_ diagnostic: Diagnostic, _ fix: Fix, _ newTexts: [DocumentKey: [UInt8]]) -> String? {
        if fix.isSuppression, !JSONCParser.parse(texts[diagnostic.document] ?? []).errors.isEmpty { return nil }
        let edits = fix.edits.filter { $0.location.document == diagnostic.document }.sorted { $0.location.range.start < $1.location.range.start }
        let moved = ByteRange(start: Self.map(diagnostic.range.start, edits, isEnd: false), end: Self.map(diagnostic.range.end, edits, isEnd: true))
        // A range whose text the fix took away has no place left to be at.
        if moved.isEmpty && !diagnostic.range.isEmpty { return nil }
        let changed = documents.map { document in
            newTexts[document.key].map { $0 == document.text ? document : AnalyzedDocument(key: document.key, order: document.order, text: $0) } ?? document
        }
        let after = Checker.check(changed, settings: SweepFixtures.settings).diagnostics(for: diagnostic.document)
        let still = after.first { other in
            guard other.rule == diagnostic.rule else { return false }
            if other.range.isEmpty || moved.isEmpty { return other.range.start == moved.start }
            return other.range.start < moved.end && moved.start < other.range.end
        }
        return still.map { "\($0.rule) is still at \($0.range) (the diagnostic's range is now \(moved))" }
    }

    /// Where an offset of the text before the edits is after them; an offset inside a
    /// replaced range goes to the start (`isEnd` false) or end of the new text.
    static func map(_ offset: Int, _ sortedEdits: [TextEdit], isEnd: Bool) -> Int {
        var delta = 0
        for edit in sortedEdits {
            let range = edit.location.range, inserted = edit.newText.utf8.count
            if range.isEmpty {
                // Text inserted at the offset goes before it.
                guard offset >= range.start else { break }
                delta += inserted
                continue
            }
            if offset <= range.start { break }
            if offset < range.end { return range.start + delta + (isEnd ? inserted : 0) }
            delta += inserted - range.length
        }
        return offset + delta
    }

    /// The texts after some edits, and what is wrong with them.
    struct Applied {
        var texts: [DocumentKey: [UInt8]]
        var problems: [String]
    }

    /// Applies edits with `FixApplication.apply`, the function the server and the CLI use, and checks
    /// (a) every byte outside the edited ranges is unchanged, (b) no new syntax error. Edits that
    /// cannot be applied at all (unknown document, range out of the text, overlapping) fail.
    static func apply(_ edits: [TextEdit], to texts: [DocumentKey: [UInt8]]) -> Result<Applied, ApplyFailure> {
        var byDocument: [DocumentKey: [TextEdit]] = [:]
        for edit in edits { byDocument[edit.location.document, default: []].append(edit) }
        var applied = Applied(texts: texts, problems: [])
        if edits.isEmpty { return .failure(ApplyFailure(description: "the fix has no edit")) }
        for (key, documentEdits) in byDocument {
            guard let text = texts[key] else { return .failure(ApplyFailure(description: "an edit of \(key), which is no document")) }
            let sorted = documentEdits.sorted { ($0.location.range.start, $0.location.range.end) < ($1.location.range.start, $1.location.range.end) }
            var previous: ByteRange?
            for edit in sorted {
                let range = edit.location.range
                guard range.start >= 0, range.start <= range.end, range.end <= text.count else {
                    return .failure(ApplyFailure(description: "edit \(range) lies outside the text of \(text.count) bytes"))
                }
                // Text inserted where another edit starts could go on either side of it.
                if let previous, previous.end > range.start || (previous.isEmpty && previous.start == range.start) {
                    return .failure(ApplyFailure(description: "edits \(previous) and \(range) overlap"))
                }
                previous = range
                if let problem = boundaryProblem(range, in: text) { applied.problems.append(problem) }
            }
            let result = FixApplication.apply(documentEdits, to: text)
            // (a) The text is the original with exactly the edited ranges replaced: the same prefix
            // before the first edit, the same bytes between edits, the same suffix after the last.
            var expected: [UInt8] = []
            var kept = 0
            for edit in sorted {
                expected += text[kept..<edit.location.range.start]
                expected += Array(edit.newText.utf8)
                kept = edit.location.range.end
            }
            expected += text[kept...]
            if result != expected { applied.problems.append("bytes outside the edited ranges of \(key) changed") }
            if result == text { applied.problems.append("the edits change nothing in \(key)") }
            applied.problems += syntaxProblems(before: text, after: result).map { "\(key): \($0)" }
            applied.texts[key] = result
        }
        return .success(applied)
    }

    struct ApplyFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// (b) No syntax error is added; a valid document stays valid.
    static func syntaxProblems(before: [UInt8], after: [UInt8]) -> [String] {
        let old = JSONCParser.parse(before), new = JSONCParser.parse(after)
        var problems: [String] = []
        if new.errors.count > old.errors.count {
            problems.append("syntax errors went from \(old.errors.count) to \(new.errors.count):\n\(String(decoding: after, as: UTF8.self))")
        }
        if old.errors.isEmpty && old.root != nil && new.root == nil { problems.append("the document lost its top-level object") }
        return problems
    }

    /// In a text that is valid UTF-8, an edit starts and ends between characters.
    static func boundaryProblem(_ range: ByteRange, in text: [UInt8]) -> String? {
        guard String(validating: text, as: UTF8.self) != nil else { return nil }
        for offset in [range.start, range.end] where offset < text.count && text[offset] & 0xC0 == 0x80 {
            return "edit \(range) splits a character at byte \(offset)"
        }
        return nil
    }
}
