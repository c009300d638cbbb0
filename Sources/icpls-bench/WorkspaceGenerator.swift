/// Deterministic filing documents of a given size in the format of SPEC §2: several products and
/// regions, approved, cancelled and draft filings, CJK names, and about 1% problems of several kinds.
struct WorkspaceGenerator {
    private var random: SplitMix64

    init(seed: UInt64 = 0x1C9_2026) {
        random = SplitMix64(seed: seed)
    }

    /// One document of about `targetBytes` bytes holding an inventory and its filings.
    mutating func document(targetBytes: Int) -> [UInt8] {
        // About 1 KB per instance with its accounts' share, five numbers and their websites.
        let instanceCount = max(4, targetBytes / 1_000)
        let accountCount = max(2, instanceCount / 20)
        var text = "{\n  \"accounts\": [\n"
        for account in 0..<accountCount {
            text += "    { \"id\": \"acct-\(account)\", \"name\": \"杭州示例科技有限公司 第\(account)分公司\" }\(account + 1 < accountCount ? "," : "")\n"
        }
        text += "  ],\n  \"instances\": [\n"
        let products = ["ecs", "ecs", "ecs", "simple-application-server", "web-hosting", "ens", "nat-gateway"]
        let regions = ["cn-hangzhou", "cn-shanghai", "cn-beijing", "cn-shenzhen", "cn-qingdao", "cn-chengdu"]
        for instance in 0..<instanceCount {
            let account = instance % accountCount
            var product = products[instance % products.count]
            var region = regions[instance % regions.count]
            var billing = "subscription"
            var expiresOn = "2028-0\(1 + instance % 9)-15"
            if chance(0.003) { billing = "pay-as-you-go" }
            if chance(0.003) { expiresOn = "2026-12-01" }
            if chance(0.002) { region = "cn-hongkong" }
            if chance(0.002) { product = "slb" }
            text += "    { \"id\": \"i-bp\(instance)\", \"product\": \"\(product)\", \"account\": \"acct-\(account)\", \"region\": \"\(region)\", "
            text += "\"billing\": \"\(billing)\", \"expiresOn\": \"\(expiresOn)\", \"subscriptionMonths\": 12, \"publicBandwidthMbps\": 5 }"
            text += instance + 1 < instanceCount ? ",\n" : "\n"
        }
        text += "  ],\n  \"serviceNumbers\": [\n"
        var numbers: [(number: String, instance: Int)] = []
        for instance in 0..<instanceCount {
            let quota = products[instance % products.count] == "nat-gateway" ? 2 : 5
            for _ in 0..<(quota - 1) {
                numbers.append((serviceNumber(), instance))
            }
        }
        for (offset, entry) in numbers.enumerated() {
            let account = entry.instance % accountCount
            let appliedBy = chance(0.002) ? (account + 1) % accountCount : account
            text += "    { \"number\": \"\(entry.number)\", \"instance\": \"i-bp\(entry.instance)\", \"appliedBy\": \"acct-\(appliedBy)\" }"
            text += offset + 1 < numbers.count ? ",\n" : "\n"
        }
        text += "  ],\n  \"filings\": [\n"
        let statuses = ["approved", "approved", "cancelled", "submitted", "draft", "draft"]
        let websitesPerFiling = 4
        // Three numbers of every four are filed; the rest stay unused for quick fixes.
        let filed = numbers.enumerated().filter { $0.offset % 4 != 3 }.map(\.element)
        let filingCount = (filed.count + websitesPerFiling - 1) / websitesPerFiling
        for filing in 0..<filingCount {
            let first = filing * websitesPerFiling
            let sites = filed[first..<min(first + websitesPerFiling, filed.count)]
            let account = sites.first!.instance % accountCount
            text += "    { \"id\": \"F-\(filing)\", \"account\": \"acct-\(account)\", \"status\": \"\(statuses[filing % statuses.count])\", \"websites\": [\n"
            for (offset, site) in sites.enumerated() {
                var number = site.number
                var domain = "site\(filing)-\(offset).example.cn"
                if chance(0.004) { number = numbers[Int(random.next() % UInt64(numbers.count))].number }
                if chance(0.002) { number += "x" }
                if chance(0.002) { domain = "site\(max(0, filing - 1))-0.example.cn" }
                text += "      { \"domain\": \"\(domain)\", \"serviceNumber\": \"\(number)\" }"
                text += offset + 1 < sites.count ? ",\n" : "\n"
            }
            text += "    ] }" + (filing + 1 < filingCount ? ",\n" : "\n")
        }
        text += "  ]\n}\n"
        return Array(text.utf8)
    }

    /// A random version-4 UUID, as real service identification numbers look.
    private mutating func serviceNumber() -> String {
        let hex = Array("0123456789abcdef")
        var text = ""
        for position in 0..<32 {
            if [8, 12, 16, 20].contains(position) { text.append("-") }
            text.append(position == 12 ? "4" : hex[Int(random.next() % 16)])
        }
        return text
    }

    private mutating func chance(_ probability: Double) -> Bool {
        Double(random.next() % 1_000_000) / 1_000_000 < probability
    }
}

/// A small, fast, deterministic generator (SplitMix64).
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
