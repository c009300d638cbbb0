import IcplsDocument

/// Applying preferred fixes to a workspace, as `check --fix` and the editor's
/// fix-all do: in rounds until none is left (at most 10), never giving one
/// unused number to two websites, never applying two overlapping edits at once.
public enum FixApplication {
    public static let maximumRounds = 10

    public struct Outcome: Sendable {
        /// The new text of every document that changed.
        public var changedTexts: [DocumentKey: [UInt8]]
        /// The check of the workspace after the last round.
        public var result: CheckResult
        public var appliedFixCount: Int
    }

    /// Applies preferred fixes (of `only` documents, when given) and re-checks after each round.
    public static func applyPreferredFixes(
        to documents: [AnalyzedDocument], settings: Settings, today: CalendarDate, only: Set<DocumentKey>? = nil
    ) -> Outcome {
        var current = documents
        var changed: [DocumentKey: [UInt8]] = [:]
        var result = Checker.check(current, settings: settings, today: today)
        var applied = 0
        for _ in 0..<maximumRounds {
            let chosen = chooseFixes(result.allDiagnostics.filter { only?.contains($0.document) ?? true })
            guard !chosen.isEmpty else { break }
            applied += chosen.count
            var editsByDocument: [DocumentKey: [TextEdit]] = [:]
            for fix in chosen {
                for edit in fix.edits { editsByDocument[edit.location.document, default: []].append(edit) }
            }
            current = current.map { document in
                guard let edits = editsByDocument[document.key] else { return document }
                let text = apply(edits, to: document.text)
                changed[document.key] = text
                return AnalyzedDocument(key: document.key, order: document.order, text: text)
            }
            result = Checker.check(current, settings: settings, today: today)
        }
        return Outcome(changedTexts: changed, result: result, appliedFixCount: applied)
    }

    /// The preferred fixes that can go together in one round.
    public static func chooseFixes(_ diagnostics: [Diagnostic]) -> [Fix] {
        var chosen: [Fix] = []
        var taken: [DocumentKey: [ByteRange]] = [:]
        var assignedNumbers = Set<ExactText>()
        for diagnostic in diagnostics {
            guard let fix = diagnostic.fixes.first(where: { $0.isPreferred && !$0.isSuppression }) else { continue }
            if let number = fix.assignsServiceNumber, assignedNumbers.contains(ExactText(number)) { continue }
            let overlaps = fix.edits.contains { edit in
                taken[edit.location.document, default: []].contains { overlap($0, edit.location.range) }
            }
            if overlaps { continue }
            for edit in fix.edits { taken[edit.location.document, default: []].append(edit.location.range) }
            if let number = fix.assignsServiceNumber { assignedNumbers.insert(ExactText(number)) }
            chosen.append(fix)
        }
        return chosen
    }

    /// Applies non-overlapping edits to a text, last first so earlier offsets stay true.
    public static func apply(_ edits: [TextEdit], to text: [UInt8]) -> [UInt8] {
        var result = text
        for edit in edits.sorted(by: { $0.location.range.start > $1.location.range.start }) {
            let range = edit.location.range
            result.replaceSubrange(range.start..<range.end, with: Array(edit.newText.utf8))
        }
        return result
    }

    /// Two edits conflict when they overlap, or insert at the same place.
    private static func overlap(_ a: ByteRange, _ b: ByteRange) -> Bool {
        if a.isEmpty || b.isEmpty { return a.start >= b.start && a.start <= b.end || b.start >= a.start && b.start <= a.end }
        return a.start < b.end && b.start < a.end
    }
}
