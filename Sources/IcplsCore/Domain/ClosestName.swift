/// The known name closest to a typed one, for "did you mean" messages and fixes:
/// optimal-string-alignment Damerau–Levenshtein over Unicode scalars, case-insensitive,
/// at most 2 edits away (1 when the typed text has 4 characters or fewer).
public enum ClosestName {
    /// Every candidate at the smallest distance within the limit, in the order given.
    public static func closest(_ typed: String, among candidates: [String]) -> [String] {
        let typedScalars = Array(typed.lowercased().unicodeScalars)
        let limit = typedScalars.count <= 4 ? 1 : 2
        var best = limit + 1
        var found: [String] = []
        var seen = Set<String>()
        for candidate in candidates where candidate != typed && seen.insert(candidate).inserted {
            let candidateScalars = Array(candidate.lowercased().unicodeScalars)
            guard abs(candidateScalars.count - typedScalars.count) <= min(limit, best) else { continue }
            guard let distance = distance(typedScalars, candidateScalars, limit: min(limit, best)) else { continue }
            if distance < best {
                best = distance
                found = [candidate]
            } else if distance == best {
                found.append(candidate)
            }
        }
        return found
    }

    /// The single closest candidate, or nil when none is close enough or several tie.
    public static func find(_ typed: String, among candidates: [String]) -> String? {
        let found = closest(typed, among: candidates)
        return found.count == 1 ? found[0] : nil
    }

    /// The distance, or nil as soon as it is certain to exceed `limit`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        let n = a.count
        let m = b.count
        if n == 0 || m == 0 { return max(n, m) <= limit ? max(n, m) : nil }
        let unreachable = limit + 1
        var previousPrevious = [Int](repeating: unreachable, count: m + 1)
        var previous = Array(0...m).map { min($0, unreachable) }
        var current = [Int](repeating: unreachable, count: m + 1)
        for i in 1...n {
            current[0] = min(i, unreachable)
            var rowMinimum = current[0]
            let low = max(1, i - limit)
            let high = min(m, i + limit)
            if low > 1 { current[low - 1] = unreachable }
            if low <= high {
                for j in low...high {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                    if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                        value = min(value, previousPrevious[j - 2] + 1)
                    }
                    current[j] = min(value, unreachable)
                    rowMinimum = min(rowMinimum, current[j])
                }
            }
            if high < m { current[high + 1] = unreachable }
            if rowMinimum > limit { return nil }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[m] <= limit ? previous[m] : nil
    }
}
